import BikePDCACore
import GRDB

extension RecordStore {
    /// The date of each station's latest accident record in `scope` (every station when `nil`), by station id:
    /// the "data through" date (データ最終日) of each report. A station without accidents is left out.
    public func latestAccidentDates(scope: StationScope? = nil) throws(StoreError) -> [String: LocalDate] {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            // One seek per station in the station × date index, as `latestAccidentDate(scope:)`.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT listed.id, (SELECT MAX(date) FROM accidents WHERE station_id = listed.id)
                    FROM (\(Self.stationsWithRows("accidents"))) AS listed
                    """, arguments: [low, high, high])
            var result: [String: LocalDate] = [:]
            while let row = try rows.next() {
                let text: String? = row[1]
                if let date = text.flatMap({ LocalDate(iso: $0) }) { result[row[0]] = date }
            }
            return result
        }
    }
}
