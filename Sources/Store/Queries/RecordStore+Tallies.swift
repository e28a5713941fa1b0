import BikePDCACore
import Foundation
import GRDB

/// A zone as stored, with its geometry still as GeoJSON text (the store does not parse geometry).
public struct StoredZone: Hashable, Sendable {
    /// The zone, with `geometry` left `nil`.
    public let zone: Zone
    /// The GeoJSON geometry object as imported, if any.
    public let geometryJSON: String?

    /// Creates a stored zone.
    public init(zone: Zone, geometryJSON: String?) {
        self.zone = zone
        self.geometryJSON = geometryJSON
    }
}

extension RecordStore {
    /// Every registered zone (重点地区・路線), ordered by id; geometry comes back as text in ``StoredZone``.
    public func zones() throws(StoreError) -> [StoredZone] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, kind, station_id, name, designated_from, designated_to, reason, geometry, buffer_m
                    FROM zones ORDER BY id
                    """
            ).compactMap { row -> StoredZone? in
                guard let kind = ZoneKind(rawValue: row["kind"]),
                    let from = LocalDate(iso: row["designated_from"] as String)
                else { return nil }
                let to = (row["designated_to"] as String?).flatMap { LocalDate(iso: $0) }
                let zone = Zone(
                    id: row["id"], kind: kind, stationID: row["station_id"], name: row["name"], designatedFrom: from,
                    designatedTo: to, reason: row["reason"], geometry: nil, bufferMetres: row["buffer_m"])
                return StoredZone(zone: zone, geometryJSON: row["geometry"])
            }
        }
    }

    /// Plan rows (計画) whose period overlaps `start`…`end`, ordered by period, station, department and zone.
    public func plans(overlapping start: LocalDate, _ end: LocalDate) throws(StoreError) -> [Plan] {
        try read { db in
            var periods: [String: PlanPeriod?] = [:]
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT period, station_id, department, zone_id, planned_operations, planned_officer_hours,
                           target_warnings, target_citations, target_accident_reduction_pct
                    FROM plans WHERE period_start <= ? AND period_end >= ?
                    ORDER BY period_start, station_id, department, zone_id
                    """, arguments: [end.description, start.description]
            ).compactMap { row -> Plan? in
                // Columns by position and each period's text parsed once: a national year has 70,000 plan rows
                // and a few dozen periods.
                let periodText: String = row[0]
                let period: PlanPeriod?
                if let known = periods[periodText] {
                    period = known
                } else {
                    period = try? PlanPeriod.parse(periodText)
                    periods[periodText] = period
                }
                guard let period, let department = Department(rawValue: row[2]) else { return nil }
                let zone: String = row[3]
                return Plan(
                    period: period, stationID: row[1], department: department, zoneID: zone.isEmpty ? nil : zone,
                    plannedOperations: row[4], plannedOfficerHours: row[5], targetWarnings: row[6],
                    targetCitations: row[7], targetAccidentReductionPercent: row[8])
            }
        }
    }

    /// Enforcement counted by station × department × zone × month × outcome × violation, for dates
    /// `start`…`end` (both included): the whole months in the summary's order (station, month, …), then the
    /// partial months.
    ///
    /// Whole months come from the enforcement summary; the days of a month the span covers only in part are
    /// counted from the records (of the stations with records that month, over the station × date index).
    public func enforcementTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [EnforcementTally]
    {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var result: [EnforcementTally] = []
            func collect(_ rows: RowCursor, month fixed: YearMonth?) throws {
                // Rows come month by month: the month text is parsed once per run of equal months.
                var monthText = ""
                var parsed: YearMonth?
                while let row = try rows.next() {
                    var month = fixed
                    if month == nil {
                        let text: String = row[6]
                        if text != monthText {
                            monthText = text
                            parsed = YearMonth(iso: text)
                        }
                        month = parsed
                    }
                    guard let department = Department(rawValue: row[1]), let outcome = Outcome(rawValue: row[4]),
                        let month
                    else { continue }
                    let zone: String? = row[2]
                    result.append(
                        EnforcementTally(
                            stationID: row[0], department: department, zoneID: zone?.isEmpty == false ? zone : nil,
                            month: month, outcome: outcome, violation: row[3], count: row[5]))
                }
            }
            let split = MonthSplit(from: start, to: end)
            if let months = split.wholeMonths {
                try collect(
                    Row.fetchCursor(
                        db,
                        sql: """
                            SELECT station_id, department, zone_id, violation, outcome, n, month
                            FROM enforcement_monthly
                            WHERE month BETWEEN ? AND ? AND station_id IN (\(Self.summaryStations("enforcement_monthly")))
                            """,
                        arguments: [months.lowerBound.description, months.upperBound.description, low, high, high]),
                    month: nil)
            }
            for days in split.partialRanges {
                try collect(
                    Row.fetchCursor(
                        db,
                        sql: """
                            SELECT station_id, department, zone_id, violation, outcome, COUNT(*)
                            FROM enforcement
                            WHERE station_id IN (\(Self.summaryStations("enforcement_monthly")))
                              AND date >= ? AND date <= ?
                            GROUP BY station_id, department, zone_id, violation, outcome
                            """,
                        arguments: [low, high, high, days.lowerBound.description, days.upperBound.description]),
                    month: days.lowerBound.yearMonth)
            }
            return result
        }
    }

    /// Accidents counted by station × zone × month × severity, for dates `start`…`end` (both included).
    public func accidentTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [AccidentTally]
    {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var result: [AccidentTally] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT station_id, zone_id, severity, substr(date, 1, 7) AS month, COUNT(*) AS n
                    FROM accidents WHERE date >= ? AND date <= ? AND station_id >= ? AND station_id < ?
                    GROUP BY station_id, zone_id, severity, substr(date, 1, 7)
                    """, arguments: [start.description, end.description, low, high])
            while let row = try rows.next() {
                guard let severity = Severity(rawValue: row[2]), let month = YearMonth(iso: row[3] as String) else {
                    continue
                }
                result.append(
                    AccidentTally(
                        stationID: row[0], zoneID: row[1], month: month, severity: severity, count: row[4]))
            }
            return result
        }
    }

    /// Operations summed by station × zone × month × kind, for dates `start`…`end` (both included).
    public func activityTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [ActivityTally]
    {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var result: [ActivityTally] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT station_id, zone_id, kind, substr(date, 1, 7) AS month,
                           COUNT(*),
                           SUM(officers_traffic > 0 AND officers_community > 0),
                           SUM(officers_traffic > 0), SUM(officers_community > 0), SUM(officers_other > 0),
                           SUM(officers_traffic * hours), SUM(officers_community * hours),
                           SUM(officers_other * hours),
                           SUM(CASE WHEN officers_traffic > 0 AND officers_community > 0
                               THEN (officers_traffic + officers_community + officers_other) * hours ELSE 0 END),
                           COUNT(DISTINCT date)
                    FROM activities WHERE date >= ? AND date <= ? AND station_id >= ? AND station_id < ?
                    GROUP BY station_id, zone_id, kind, substr(date, 1, 7)
                    """, arguments: [start.description, end.description, low, high])
            while let row = try rows.next() {
                guard let kind = ActivityKind(rawValue: row[2]), let month = YearMonth(iso: row[3] as String) else {
                    continue
                }
                result.append(
                    ActivityTally(
                        stationID: row[0], zoneID: row[1], month: month, kind: kind, operations: row[4],
                        jointOperations: row[5],
                        operationsByDepartment: [.traffic: row[6], .community: row[7], .other: row[8]],
                        officerHours: [.traffic: row[9], .community: row[10], .other: row[11]],
                        jointOfficerHours: row[12], days: row[13]))
            }
            return result
        }
    }

    /// Records delivered per monthly dataset × station × month, for months touching `start`…`end`.
    ///
    /// A station-month absent from the result has no record at all: report it as missing, never as zero.
    /// `datasets` defaults to the three monthly datasets; pass fewer to skip scanning the others.
    public func stationMonthCounts(
        from start: LocalDate, to end: LocalDate,
        datasets: [DatasetKind] = [DatasetKind.enforcement, .accidents, .activities], scope: StationScope? = nil
    ) throws(StoreError) -> [StationMonthCount] {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var result: [StationMonthCount] = []
            for dataset in datasets where dataset.isMonthly {
                // Enforcement is counted from its summary; the table name comes from a closed enum, never from
                // user text.
                let sql =
                    dataset == .enforcement
                    ? """
                    SELECT station_id, month, SUM(n) FROM enforcement_monthly
                    WHERE month BETWEEN ? AND ? AND station_id IN (\(Self.summaryStations("enforcement_monthly")))
                    GROUP BY station_id, month
                    """
                    : """
                    SELECT station_id, substr(date, 1, 7) AS month, COUNT(*) FROM \(dataset.rawValue)
                    WHERE date >= ? AND date <= ? AND station_id >= ? AND station_id < ?
                    GROUP BY station_id, substr(date, 1, 7)
                    """
                let arguments: StatementArguments =
                    dataset == .enforcement
                    ? [start.yearMonth.description, end.yearMonth.description, low, high, high]
                    : [start.yearMonth.firstDay.description, end.yearMonth.lastDay.description, low, high]
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    guard let month = YearMonth(iso: row[1] as String) else { continue }
                    result.append(
                        StationMonthCount(dataset: dataset, stationID: row[0], month: month, records: row[2]))
                }
            }
            return result
        }
    }

    /// Enforcement (or accidents) inside zones counted by hour of day and ISO weekday, for dates `start`…`end`.
    public func zoneHourWeekdayTallies(
        of dataset: DatasetKind, from start: LocalDate, to end: LocalDate, scope: StationScope? = nil
    ) throws(StoreError) -> [HourWeekdayTally] {
        guard dataset == .enforcement || dataset == .accidents else { return [] }
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var counts: [HourWeekdayKey: Int] = [:]
            // Rows of zone, station, date, hour (text) and count; weekdays are folded here.
            func fold(_ rows: RowCursor) throws {
                var lastDate = ""
                var weekday = 1
                while let row = try rows.next() {
                    let dateText: String = row[2]
                    if dateText != lastDate {
                        guard let date = LocalDate(iso: dateText) else { continue }
                        weekday = date.isoWeekday
                        lastDate = dateText
                    }
                    let hour = (row[3] as String?).flatMap { Int($0) }
                    let key = HourWeekdayKey(zoneID: row[0], stationID: row[1], hour: hour, weekday: weekday)
                    counts[key, default: 0] += row[4] as Int
                }
            }
            if dataset == .accidents {
                // Grouped in the order of the `accidents_zone_hours` index, so SQLite streams the groups. The unary
                // `+` keeps the planner from taking the station range to another index instead (which then sorted
                // every accident of the span: 0.39 s against 0.10 s on the national database, equal for one
                // prefecture).
                try fold(
                    Row.fetchCursor(
                        db,
                        sql: """
                            SELECT zone_id, station_id, date, substr(time, 1, 2), COUNT(*) FROM accidents
                            WHERE zone_id IS NOT NULL AND date >= ? AND date <= ?
                              AND +station_id >= ? AND +station_id < ?
                            GROUP BY zone_id, station_id, date, substr(time, 1, 2)
                            """, arguments: [start.description, end.description, low, high]))
            } else {
                let split = MonthSplit(from: start, to: end)
                if let months = split.wholeMonths {
                    let rows = try Row.fetchCursor(
                        db,
                        sql: """
                            SELECT zone_id, station_id, weekday, hour, n FROM enforcement_zone_times
                            WHERE month BETWEEN ? AND ?
                              AND station_id IN (\(Self.summaryStations("enforcement_zone_times")))
                            """,
                        arguments: [months.lowerBound.description, months.upperBound.description, low, high, high])
                    // Summed here rather than by a GROUP BY, which would sort every row of the span first.
                    while let row = try rows.next() {
                        let hour: Int = row[3]
                        let key = HourWeekdayKey(
                            zoneID: row[0], stationID: row[1], hour: hour < 0 ? nil : hour, weekday: row[2])
                        counts[key, default: 0] += row[4] as Int
                    }
                }
                for days in split.partialRanges {
                    try fold(
                        Row.fetchCursor(
                            db,
                            sql: """
                                SELECT zone_id, station_id, date, substr(time, 1, 2), COUNT(*) FROM enforcement
                                WHERE station_id IN (\(Self.summaryStations("enforcement_zone_times")))
                                  AND date >= ? AND date <= ? AND zone_id IS NOT NULL
                                GROUP BY zone_id, station_id, date, substr(time, 1, 2)
                                """,
                            arguments: [low, high, high, days.lowerBound.description, days.upperBound.description]))
                }
            }
            return counts.map { key, count in
                HourWeekdayTally(
                    stationID: key.stationID, zoneID: key.zoneID, hour: key.hour, weekday: key.weekday, count: count)
            }.sorted { lhs, rhs in
                // Field by field: a tuple comparison with strings goes through generic runtime code, which cost a
                // tenth of a national metrics run.
                if lhs.stationID != rhs.stationID { return lhs.stationID < rhs.stationID }
                let (leftZone, rightZone) = (lhs.zoneID ?? "", rhs.zoneID ?? "")
                if leftZone != rightZone { return leftZone < rightZone }
                if lhs.weekday != rhs.weekday { return lhs.weekday < rhs.weekday }
                return (lhs.hour ?? -1) < (rhs.hour ?? -1)
            }
        }
    }

    /// Located accidents counted per quarter-mesh cell for dates `start`…`end`; with `outsideZonesOnly` (the
    /// default) only accidents not attributed to a zone.
    public func accidentGridCells(
        from start: LocalDate, to end: LocalDate, outsideZonesOnly: Bool = true, scope: StationScope? = nil
    ) throws(StoreError) -> [GridCellTally] {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            // CAST truncates toward zero, which is ⌊x⌋ for the positive values Japan's coordinates give.
            try Row.fetchAll(
                db,
                sql: """
                    SELECT CAST(latitude * 480 AS INTEGER) AS r, CAST((longitude - 100) * 320 AS INTEGER) AS c,
                           COUNT(*), SUM(severity IN ('fatal', 'serious'))
                    FROM accidents
                    WHERE date >= ? AND date <= ? AND latitude IS NOT NULL AND longitude IS NOT NULL
                      AND latitude > 0 AND longitude > 100 AND (? = 0 OR zone_id IS NULL)
                      AND station_id >= ? AND station_id < ?
                    GROUP BY r, c ORDER BY r, c
                    """, arguments: [start.description, end.description, outsideZonesOnly ? 1 : 0, low, high]
            ).map { row in GridCellTally(row: row[0], column: row[1], count: row[2], fatalOrSerious: row[3]) }
        }
    }

    /// Every tally a reporting period's Plan, Do and Check metrics need, for dates `start`…`end`.
    ///
    /// The records delivered per station-month are counted from the tallies themselves (within the period), so
    /// no extra pass over the records is needed.
    public func periodTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> PeriodTallies
    {
        // The zones' hour × weekday profile is the other long scan: it runs on a second reader connection while
        // this thread does the grouped counts.
        let ((enforcement, accidents, activities), profile) = try concurrently(
            { () throws(StoreError) in
                (
                    try enforcementTallies(from: start, to: end, scope: scope),
                    try accidentTallies(from: start, to: end, scope: scope),
                    try activityTallies(from: start, to: end, scope: scope)
                )
            },
            { () throws(StoreError) in try zoneHourWeekdayTallies(of: .enforcement, from: start, to: end, scope: scope)
            })
        var delivered: [StationMonthCount] = []
        func add(_ dataset: DatasetKind, _ items: [(String, YearMonth, Int)]) {
            var sums: [String: [YearMonth: Int]] = [:]
            for (station, month, count) in items { sums[station, default: [:]][month, default: 0] += count }
            for (station, months) in sums.sorted(by: { $0.key < $1.key }) {
                for (month, count) in months.sorted(by: { $0.key < $1.key }) {
                    delivered.append(
                        StationMonthCount(dataset: dataset, stationID: station, month: month, records: count))
                }
            }
        }
        add(.enforcement, enforcement.map { ($0.stationID, $0.month, $0.count) })
        add(.accidents, accidents.map { ($0.stationID, $0.month, $0.count) })
        add(.activities, activities.map { ($0.stationID, $0.month, $0.operations) })
        return PeriodTallies(
            start: start, end: end, enforcement: enforcement, accidents: accidents, activities: activities,
            coverage: delivered, zoneEnforcementTimes: profile)
    }
}

extension RecordStore {
    /// The station-id bounds of `scope` for `station_id >= ? AND station_id < ?`; every station when `nil`.
    static func bounds(_ scope: StationScope?) -> (String, String) {
        guard let scope else { return ("", "\u{10FFFF}") }
        return (scope.lowerBound, scope.upperBound)
    }

    /// A subquery listing the stations that have rows in the summary `table` (whose primary key starts with
    /// `station_id`) within the bounds `?`…`?`, bound as (low, high, high).
    ///
    /// Each step seeks the next station in the key, so the list costs one seek per station. A condition
    /// `station_id IN (this) AND month BETWEEN …` then reads each station's months straight from the key, where
    /// `station_id >= ? AND station_id < ? AND month BETWEEN …` read every month of every station in range: on
    /// the national database (ten years stored) a year's enforcement groups took 0.35 s instead of 0.07 s.
    static func summaryStations(_ table: String) -> String {
        """
        WITH RECURSIVE listed(id) AS (
            SELECT MIN(station_id) FROM \(table) WHERE station_id >= ? AND station_id < ?
            UNION ALL
            SELECT (SELECT MIN(station_id) FROM \(table) WHERE station_id > listed.id AND station_id < ?)
            FROM listed WHERE listed.id IS NOT NULL)
        SELECT id FROM listed WHERE id IS NOT NULL
        """
    }
}

extension RecordStore {
    /// Runs two groups of reads at once, `first` on the calling thread and `second` on another, and returns both
    /// results (or the first error). Each read takes its own connection from the pool: in WAL mode readers do not
    /// wait for each other, so on two cores two long reads take about the time of the longer one.
    public func concurrently<First: Sendable, Second: Sendable>(
        _ first: @Sendable () throws(StoreError) -> First, _ second: @Sendable () throws(StoreError) -> Second
    ) throws(StoreError) -> (First, Second) {
        let firstResult = PendingResult<First>()
        let secondResult = PendingResult<Second>()
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                firstResult.result = Result { () throws(StoreError) in try first() }
            } else {
                secondResult.result = Result { () throws(StoreError) in try second() }
            }
        }
        return (try firstResult.get(), try secondResult.get())
    }
}

/// A result filled in by another thread; read only after waiting for it.
private final class PendingResult<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Value, StoreError>?

    var result: Result<Value, StoreError>? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    func get() throws(StoreError) -> Value {
        switch result {
        case .success(let value)?: return value
        case .failure(let error)?: throw error
        case nil: throw StoreError.database(path: "", message: "a parallel query did not finish")
        }
    }
}

/// The key of an hour × weekday count.
struct HourWeekdayKey: Hashable {
    let zoneID: String?
    let stationID: String
    let hour: Int?
    let weekday: Int
}
