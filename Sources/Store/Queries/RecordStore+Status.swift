import BikePDCACore
import GRDB

/// What the store holds: for each monthly dataset, records per station and month, with the gaps.
public struct LoadStatus: Sendable {
    /// One monthly dataset's coverage.
    public struct Coverage: Sendable {
        public let dataset: DatasetKind
        public let records: Int
        /// First and last month with any record or covered by an import (an NPA release covers its year).
        public let months: ClosedRange<YearMonth>?
        /// Records per station id and month.
        public let counts: [String: [YearMonth: Int]]
        /// Station-months inside `months` not delivered (``RecordStore/stationMonthCounts(from:to:datasets:scope:)``):
        /// missing, never zero. The same station-months the metrics list as missing.
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
    /// Summarises what is loaded; `today` decides which zones are active. Registered stations include those
    /// found in NPA open data.
    public func status(today: LocalDate) throws(StoreError) -> LoadStatus {
        let stations = try stations()
        var covered: [DatasetKind: ClosedRange<YearMonth>] = [:]
        for dataset in DatasetKind.allCases where dataset.isMonthly {
            covered[dataset] = try coveredMonths(dataset)
        }
        let loaded = try read { db in
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
                if dataset == .enforcement {
                    // The summary holds the counts per station and month already, in this order.
                    let rows = try Row.fetchCursor(
                        db,
                        sql: "SELECT station_id, month, SUM(n) FROM enforcement_monthly GROUP BY station_id, month")
                    while let row = try rows.next() {
                        guard let month = YearMonth(iso: row[1] as String) else { continue }
                        let n: Int = row[2]
                        counts[row[0], default: [:]][month] = n
                        total += n
                        first = min(first ?? month, month)
                        last = max(last ?? month, month)
                    }
                }
                // Counted per station and month over the (station_id, date) index: no sort, memory independent of
                // the number of records (a GROUP BY on the month expression sorts every row).
                let bounds =
                    dataset == .enforcement
                    ? nil : try Row.fetchOne(db, sql: "SELECT MIN(date) AS first, MAX(date) AS last FROM \(table)")
                if let low = (bounds?["first"] as String?).flatMap({ LocalDate(iso: $0) }),
                    let high = (bounds?["last"] as String?).flatMap({ LocalDate(iso: $0) })
                {
                    first = low.yearMonth
                    last = high.yearMonth
                    let stationIDs = try String.fetchAll(db, sql: "SELECT DISTINCT station_id FROM \(table)")
                    let count = try db.makeStatement(
                        sql: "SELECT COUNT(*) FROM \(table) WHERE station_id = ? AND date BETWEEN ? AND ?")
                    for station in stationIDs {
                        var month = low.yearMonth
                        while month <= high.yearMonth {
                            let n =
                                try Int.fetchOne(
                                    count,
                                    arguments: [station, month.firstDay.description, month.lastDay.description]) ?? 0
                            if n > 0 {
                                counts[station, default: [:]][month] = n
                                total += n
                            }
                            month = month.adding(months: 1)
                        }
                    }
                }
                if let range = covered[dataset] {
                    first = min(first ?? range.lowerBound, range.lowerBound)
                    last = max(last ?? range.upperBound, range.upperBound)
                }
                let range = first.flatMap { first in last.map { first...$0 } }
                coverage.append(
                    LoadStatus.Coverage(dataset: dataset, records: total, months: range, counts: counts, gaps: []))
            }
            let log = try Row.fetchAll(db, sql: "SELECT * FROM import_log ORDER BY id DESC LIMIT 10")
                .map(ImportLogEntry.init(row:))
            return LoadStatus(
                stations: stations, zoneCount: zoneCount, activeZoneCount: active, planCount: plans,
                coverage: coverage, recentImports: log)
        }
        // The gaps: every station-month of the range not delivered, by the rule the metrics use.
        var coverage: [LoadStatus.Coverage] = []
        for item in loaded.coverage {
            var gaps: [(String, YearMonth)] = []
            if let range = item.months {
                let delivered = Set(
                    try stationMonthCounts(
                        from: range.lowerBound.firstDay, to: range.upperBound.lastDay, datasets: [item.dataset]
                    ).map(\.key))
                for station in Set(stations.map(\.id)).union(item.counts.keys).sorted() {
                    var month = range.lowerBound
                    while month <= range.upperBound {
                        if !delivered.contains(StationMonth(stationID: station, month: month)) {
                            gaps.append((station, month))
                        }
                        month = month.adding(months: 1)
                    }
                }
            }
            coverage.append(
                LoadStatus.Coverage(
                    dataset: item.dataset, records: item.records, months: item.months, counts: item.counts, gaps: gaps))
        }
        return LoadStatus(
            stations: loaded.stations, zoneCount: loaded.zoneCount, activeZoneCount: loaded.activeZoneCount,
            planCount: loaded.planCount, coverage: coverage, recentImports: loaded.recentImports)
    }
}
