import GRDB

extension StoreMigrations {
    /// What each import covers (取込範囲): the station-months a source delivered even where it holds no record.
    ///
    /// An NPA release (本票 of one year) covers every station of the prefectures it holds for the twelve months of
    /// its release year: a station with no accident in such a month had none, it is not missing. The project's own
    /// CSV files deliver the station-months they hold records of, read from the records themselves; a row here with
    /// source `csv` would declare more (none is written yet). The one reading of this table is
    /// ``RecordStore/stationMonthCounts(from:to:datasets:scope:)``. NPA stations found in the releases already
    /// stored are registered, and their releases' coverage recorded, when the migration runs.
    static func registerCoverage(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("coverage: station-months each import covers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE import_coverage (
                        dataset TEXT NOT NULL,
                        station_id TEXT NOT NULL,
                        month TEXT NOT NULL,
                        source TEXT NOT NULL CHECK (source IN ('npa', 'csv')),
                        import_id INTEGER NOT NULL,
                        PRIMARY KEY (dataset, station_id, month, source)
                    ) WITHOUT ROWID;
                    """)
            try NPACoverage.registerStations(
                db,
                from: """
                    SELECT station_id, prefecture_code, station_code, MAX(station_name), MAX(import_id), MIN(source_line)
                    FROM npa_accidents GROUP BY station_id
                    """)
            let releases = try Row.fetchAll(
                db,
                sql: """
                    SELECT release_year, prefecture_code, MAX(import_id) FROM npa_accidents
                    GROUP BY release_year, prefecture_code
                    """)
            for release in releases {
                try NPACoverage.recordRelease(
                    db, releaseYear: release[0], prefectureCode: release[1], importID: release[2])
            }
        }
    }
}
