import BikePDCACore
import GRDB

/// What the store holds: for each monthly dataset, records per station and month, with the gaps.
public struct LoadStatus: Sendable {
    /// One monthly dataset's coverage.
    public struct Coverage: Sendable {
        public let dataset: DatasetKind
        public let records: Int
        /// First and last month with any record.
        public let months: ClosedRange<YearMonth>?
        /// Records per station id and month.
        public let counts: [String: [YearMonth: Int]]
        /// Station-months inside `months` with no record at all: a month not yet delivered, never zero.
        public let gaps: [(stationID: String, month: YearMonth)]
    }

    public let stations: [Station]
    public let zoneCount: Int
    public let activeZoneCount: Int
    public let planCount: Int
    public let coverage: [Coverage]
    public let recentImports: [ImportLogEntry]
}

extension RecordStore {
    /// Summarises what is loaded; `today` decides which zones are active.
    public func status(today: LocalDate) throws(StoreError) -> LoadStatus {
        let stations = try stations()
        return try read { db in
            let zoneCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM zones") ?? 0
            let active =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM zones WHERE designated_from <= ?
                        AND (designated_to IS NULL OR designated_to >= ?)
                        """, arguments: [today.description, today.description]) ?? 0
            let plans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans") ?? 0
            var coverage: [LoadStatus.Coverage] = []
            for dataset in DatasetKind.allCases where dataset.isMonthly {
                let table = dataset.rawValue
                var counts: [String: [YearMonth: Int]] = [:]
                var total = 0
                var first: YearMonth?
                var last: YearMonth?
                let rows = try Row.fetchCursor(
                    db,
                    sql: "SELECT station_id, substr(date, 1, 7) AS month, COUNT(*) AS n FROM \(table) GROUP BY 1, 2")
                while let row = try rows.next() {
                    guard let month = YearMonth(iso: row["month"] as String) else { continue }
                    let n: Int = row["n"]
                    counts[row["station_id"], default: [:]][month] = n
                    total += n
                    first = first.map { min($0, month) } ?? month
                    last = last.map { max($0, month) } ?? month
                }
                var gaps: [(String, YearMonth)] = []
                var range: ClosedRange<YearMonth>?
                if let first, let last {
                    range = first...last
                    let stationIDs = Set(stations.map(\.id)).union(counts.keys).sorted()
                    for station in stationIDs {
                        var month = first
                        while month <= last {
                            if counts[station]?[month] == nil { gaps.append((station, month)) }
                            month = month.adding(months: 1)
                        }
                    }
                }
                coverage.append(
                    LoadStatus.Coverage(dataset: dataset, records: total, months: range, counts: counts, gaps: gaps))
            }
            let log = try Row.fetchAll(db, sql: "SELECT * FROM import_log ORDER BY id DESC LIMIT 10")
                .map(ImportLogEntry.init(row:))
            return LoadStatus(
                stations: stations, zoneCount: zoneCount, activeZoneCount: active, planCount: plans,
                coverage: coverage, recentImports: log)
        }
    }
}
