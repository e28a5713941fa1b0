import GRDB

extension StoreMigrations {
    /// Indexes for the PDCA analytics (`RecordStore+Tallies.swift`).
    ///
    /// Each index lists the GROUP BY columns in the query's order and ends with the month expression and the date,
    /// so SQLite scans it as a covering index and streams the groups without sorting the rows.
    static func registerAnalytics(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("analytics: covering indexes for the PDCA tallies") { db in
            try db.execute(
                sql: """
                    CREATE INDEX IF NOT EXISTS enforcement_by_group_month ON enforcement(
                        station_id, department, zone_id, violation, outcome, substr(date, 1, 7), date);
                    CREATE INDEX IF NOT EXISTS accidents_by_group_month ON accidents(
                        station_id, zone_id, severity, substr(date, 1, 7), date);
                    CREATE INDEX IF NOT EXISTS enforcement_zone_hours ON enforcement(
                        zone_id, station_id, date, substr(time, 1, 2));
                    CREATE INDEX IF NOT EXISTS accidents_zone_hours ON accidents(
                        zone_id, station_id, date, substr(time, 1, 2));
                    """)
        }
    }
}
