import GRDB

extension StoreMigrations {
    /// The enforcement summary (`EnforcementSummary.swift`): counts per station × month × department × zone ×
    /// violation × outcome, and per station × month × zone × weekday × hour, kept up to date by every write.
    ///
    /// The PDCA tallies read these few hundred thousand rows instead of scanning millions of records; they replace
    /// the two covering indexes of the analytics migration, whose upkeep was the larger part of an import's cost.
    /// Accidents keep their indexes: a prefecture has a few thousand a year.
    static func registerSummary(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("summary: enforcement counted per month and per zone hour") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enforcement_monthly (
                        station_id TEXT NOT NULL,
                        month TEXT NOT NULL,
                        department TEXT NOT NULL,
                        zone_id TEXT NOT NULL,
                        violation TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        n INTEGER NOT NULL,
                        PRIMARY KEY (station_id, month, department, zone_id, violation, outcome)
                    ) WITHOUT ROWID;
                    CREATE TABLE enforcement_zone_times (
                        station_id TEXT NOT NULL,
                        month TEXT NOT NULL,
                        zone_id TEXT NOT NULL,
                        weekday INTEGER NOT NULL,
                        hour INTEGER NOT NULL,
                        n INTEGER NOT NULL,
                        PRIMARY KEY (station_id, month, zone_id, weekday, hour)
                    ) WITHOUT ROWID;
                    DROP INDEX IF EXISTS enforcement_by_group_month;
                    DROP INDEX IF EXISTS enforcement_zone_hours;
                    """)
            // `enforcement_riders` comes with a later migration, which counts it.
            try EnforcementSummary.rebuildAll(db, riders: false)
        }
        // A zone's stations (for its map points) are looked up by zone; without this index each look-up read the
        // whole table, about 0.2 s a zone on a national database.
        migrator.registerMigration("summary: zone times by zone") { db in
            try db.execute(
                sql: "CREATE INDEX enforcement_zone_times_by_zone ON enforcement_zone_times(zone_id, month, station_id)"
            )
        }
    }
}

extension StoreMigrations {
    /// Who was stopped (vehicle and age band) per station × month × zone, kept up to date by every write like
    /// the other summaries: the station report's breakdown read a prefecture's records one by one (13 s for a
    /// year of the 10M-row benchmark database).
    static func registerRiderSummary(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("summary: enforcement by vehicle and age band") { db in
            try db.execute(
                sql: """
                    CREATE TABLE enforcement_riders (
                        station_id TEXT NOT NULL,
                        month TEXT NOT NULL,
                        zone_id TEXT NOT NULL,
                        vehicle TEXT NOT NULL,
                        age_band TEXT NOT NULL,
                        n INTEGER NOT NULL,
                        PRIMARY KEY (station_id, month, zone_id, vehicle, age_band)
                    ) WITHOUT ROWID
                    """)
            try EnforcementSummary.rebuildRiders(db)
        }
    }
}
