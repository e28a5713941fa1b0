import BikePDCACore
import GRDB

/// The schema, as an ordered list of migrations: a database made by an older version opens in a newer one.
enum StoreMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: stations, zones, records, import log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE import_log (
                        id INTEGER PRIMARY KEY,
                        dataset TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        encoding TEXT,
                        mode TEXT NOT NULL,
                        rows_accepted INTEGER NOT NULL,
                        rows_rejected INTEGER NOT NULL,
                        rows_replaced INTEGER NOT NULL,
                        imported_at TEXT NOT NULL
                    );
                    CREATE INDEX import_log_by_hash ON import_log(sha256, dataset);

                    CREATE TABLE stations (
                        id TEXT PRIMARY KEY,
                        prefecture_code TEXT NOT NULL,
                        station_code TEXT NOT NULL,
                        name_ja TEXT NOT NULL,
                        name_en TEXT,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );

                    CREATE TABLE zones (
                        id TEXT PRIMARY KEY,
                        kind TEXT NOT NULL CHECK (kind IN ('district', 'route')),
                        station_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        designated_from TEXT NOT NULL,
                        designated_to TEXT,
                        reason TEXT,
                        geometry TEXT,
                        buffer_m REAL,
                        min_lat REAL, min_lon REAL, max_lat REAL, max_lon REAL,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );

                    CREATE TABLE violation_types (
                        code TEXT PRIMARY KEY,
                        name_ja TEXT NOT NULL,
                        name_en TEXT NOT NULL,
                        blue_penalty_yen INTEGER
                    );

                    CREATE TABLE enforcement (
                        id INTEGER PRIMARY KEY,
                        record_id TEXT NOT NULL UNIQUE,
                        date TEXT NOT NULL,
                        time TEXT,
                        station_id TEXT NOT NULL,
                        department TEXT NOT NULL,
                        zone_id TEXT,
                        latitude REAL,
                        longitude REAL,
                        violation TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        vehicle TEXT NOT NULL,
                        age_band TEXT,
                        operation_id TEXT,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );
                    CREATE INDEX enforcement_by_station_date ON enforcement(station_id, date);

                    CREATE TABLE accidents (
                        id INTEGER PRIMARY KEY,
                        record_id TEXT NOT NULL UNIQUE,
                        date TEXT NOT NULL,
                        time TEXT,
                        station_id TEXT NOT NULL,
                        zone_id TEXT,
                        latitude REAL,
                        longitude REAL,
                        severity TEXT NOT NULL,
                        bicycle_role TEXT NOT NULL,
                        counterpart TEXT NOT NULL,
                        deaths INTEGER NOT NULL,
                        injuries INTEGER NOT NULL,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );
                    CREATE INDEX accidents_by_station_date ON accidents(station_id, date);

                    CREATE TABLE activities (
                        id INTEGER PRIMARY KEY,
                        record_id TEXT NOT NULL UNIQUE,
                        date TEXT NOT NULL,
                        start_time TEXT,
                        end_time TEXT,
                        hours REAL NOT NULL,
                        station_id TEXT NOT NULL,
                        zone_id TEXT,
                        kind TEXT NOT NULL,
                        officers_traffic INTEGER NOT NULL,
                        officers_community INTEGER NOT NULL,
                        officers_other INTEGER NOT NULL,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );
                    CREATE INDEX activities_by_station_date ON activities(station_id, date);

                    CREATE TABLE plans (
                        id INTEGER PRIMARY KEY,
                        period TEXT NOT NULL,
                        period_start TEXT NOT NULL,
                        period_end TEXT NOT NULL,
                        station_id TEXT NOT NULL,
                        department TEXT NOT NULL,
                        zone_id TEXT NOT NULL DEFAULT '',
                        planned_operations INTEGER NOT NULL,
                        planned_officer_hours REAL NOT NULL,
                        target_warnings INTEGER,
                        target_citations INTEGER,
                        target_accident_reduction_pct REAL,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL,
                        UNIQUE (period, station_id, department, zone_id)
                    );
                    """)
            let insert = try db.makeStatement(
                sql: "INSERT INTO violation_types (code, name_ja, name_en, blue_penalty_yen) VALUES (?, ?, ?, ?)")
            for type in ViolationType.catalogue {
                try insert.execute(arguments: [type.code, type.nameJA, type.nameEN, type.bluePenaltyYen])
            }
        }
        registerNPA(&migrator)
        registerAnalytics(&migrator)
        registerSummary(&migrator)
        // Append-only: a new migration goes after the last one, whatever its concern.
        registerCoverage(&migrator)
        registerAccounts(&migrator)
        registerRiderSummary(&migrator)
        return migrator
    }
}
