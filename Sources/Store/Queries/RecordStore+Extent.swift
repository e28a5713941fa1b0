import BikePDCACore
import GRDB

extension RecordStore {
    /// The date of the latest accident loaded for the stations in `scope` (every station when `nil`), or `nil`
    /// when there is none.
    public func latestAccidentDate(scope: StationScope? = nil) throws(StoreError) -> LocalDate? {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            // Each station's latest date is one seek in the station × date index; MAX(date) over the table read
            // the whole index (0.27 s for the national database's 3M accidents, against 0.01 s).
            try String.fetchOne(
                db,
                sql: """
                    SELECT MAX((SELECT MAX(date) FROM accidents WHERE station_id = listed.id))
                    FROM (\(Self.stationsWithRows("accidents"))) AS listed
                    """, arguments: [low, high, high]
            ).flatMap { LocalDate(iso: $0) }
        }
    }

    /// The latest month with an enforcement record, or `nil` when there is none.
    public func latestEnforcementMonth() throws(StoreError) -> YearMonth? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT MAX(month) FROM enforcement_monthly").flatMap { YearMonth(iso: $0) }
        }
    }
}
