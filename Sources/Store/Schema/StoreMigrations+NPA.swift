import GRDB

extension StoreMigrations {
    /// NPA open-data accidents (all of them, bicycle or not), zone assignment by geometry (the zone's source,
    /// an R*Tree over zone boxes) and the QA queue (far-from-zone flags, records without a location).
    ///
    /// `accidents` and `enforcement` gain `zone_source` (`reported`: the file gave the zone; `geometry`: `assign`
    /// found it; `NULL`: no zone) and `zone_import_id` (the import a geometry zone was computed for: a later
    /// import of the same record makes it stale). Formats and rules: docs/NPA.md.
    static func registerNPA(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("npa: NPA accidents, zone assignment by geometry, QA") { db in
            try db.execute(
                sql: """
                    CREATE TABLE npa_accidents (
                        id INTEGER PRIMARY KEY,
                        record_id TEXT NOT NULL UNIQUE,
                        release_year INTEGER NOT NULL,
                        layout TEXT NOT NULL,
                        prefecture_code TEXT NOT NULL,
                        station_code TEXT NOT NULL,
                        report_number TEXT NOT NULL,
                        station_id TEXT NOT NULL,
                        station_name TEXT,
                        date TEXT NOT NULL,
                        time TEXT,
                        accident_content TEXT NOT NULL,
                        severity TEXT NOT NULL,
                        deaths INTEGER NOT NULL,
                        injuries INTEGER NOT NULL,
                        accident_type TEXT NOT NULL,
                        party_a_type TEXT NOT NULL,
                        party_b_type TEXT NOT NULL,
                        age_a TEXT NOT NULL,
                        age_b TEXT NOT NULL,
                        injury_a TEXT NOT NULL,
                        injury_b TEXT NOT NULL,
                        municipality_code TEXT NOT NULL,
                        route_code TEXT NOT NULL,
                        road_shape TEXT NOT NULL,
                        signal TEXT NOT NULL,
                        weather TEXT NOT NULL,
                        day_night TEXT NOT NULL,
                        road_surface TEXT NOT NULL,
                        terrain TEXT NOT NULL,
                        sidewalk TEXT NOT NULL,
                        day_of_week TEXT NOT NULL,
                        holiday TEXT NOT NULL,
                        latitude_raw TEXT NOT NULL,
                        longitude_raw TEXT NOT NULL,
                        latitude REAL,
                        longitude REAL,
                        location_status TEXT NOT NULL CHECK (location_status IN ('ok', 'missing', 'invalid')),
                        is_bicycle INTEGER NOT NULL,
                        bicycle_role TEXT,
                        bicycle_in_hojuhyo INTEGER NOT NULL,
                        counterpart TEXT,
                        zone_id TEXT,
                        zone_source TEXT,
                        zone_import_id INTEGER,
                        import_id INTEGER NOT NULL,
                        source_line INTEGER NOT NULL
                    );
                    CREATE INDEX npa_accidents_by_station_date ON npa_accidents(station_id, date);
                    CREATE INDEX npa_accidents_by_release ON npa_accidents(release_year, prefecture_code);

                    ALTER TABLE accidents ADD COLUMN zone_source TEXT;
                    ALTER TABLE accidents ADD COLUMN zone_import_id INTEGER;
                    ALTER TABLE enforcement ADD COLUMN zone_source TEXT;
                    ALTER TABLE enforcement ADD COLUMN zone_import_id INTEGER;

                    -- Zone boxes (widened by a route's buffer), keyed by zones.rowid; rebuilt by `assign` whenever
                    -- the zones change.
                    CREATE VIRTUAL TABLE zone_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);

                    -- What the last assignment was computed from (the zones' fingerprint).
                    CREATE TABLE spatial_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);

                    -- Records flagged by `assign`: reported with a zone but lying far outside it.
                    CREATE TABLE qa_flags (
                        dataset TEXT NOT NULL,
                        record_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        station_id TEXT,
                        date TEXT,
                        zone_id TEXT,
                        distance_m REAL,
                        threshold_m REAL,
                        PRIMARY KEY (dataset, record_id, kind)
                    );

                    -- Records that need a location: no coordinates, or NPA coordinates that are zero or invalid.
                    CREATE VIEW qa_missing_location AS
                        SELECT 'enforcement' AS dataset, record_id, station_id, date, zone_id, NULL AS detail
                            FROM enforcement WHERE latitude IS NULL OR longitude IS NULL
                        UNION ALL
                        SELECT 'accidents', record_id, station_id, date, zone_id, NULL
                            FROM accidents
                            WHERE (latitude IS NULL OR longitude IS NULL) AND record_id NOT LIKE 'npa:%'
                        UNION ALL
                        SELECT 'npa_accidents', record_id, station_id, date, zone_id,
                            location_status || ': 緯度 ' || latitude_raw || ', 経度 ' || longitude_raw
                            FROM npa_accidents WHERE latitude IS NULL OR longitude IS NULL;
                    """)
        }
    }
}
