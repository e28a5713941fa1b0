import BikePDCACore
import GRDB

/// Keeps the enforcement summary tables (`enforcement_monthly`, `enforcement_zone_times`, `enforcement_riders`)
/// equal to what a GROUP BY over the `enforcement` table would give.
///
/// Writes that know the records they add or remove collect the changes here and apply them in one pass
/// (``flush(_:)``); writes that change many rows at once rebuild the station-months they touch from the table.
/// In `enforcement_monthly` a record outside every zone has zone `''`; in `enforcement_zone_times` only records
/// in a zone count, with the ISO weekday (1 = Monday) and the hour of day (-1 when the time is unknown). In
/// `enforcement_riders` (vehicle and age band of the one stopped) a zone or an age band not recorded is `''`.
/// The grouping of one summary table: its name, its key columns in primary-key order (the count is `n`), and how
/// a key binds their values in that order. Ordered as the primary key.
protocol SummaryKey: Hashable, Comparable {
    static var table: String { get }
    static var columns: [String] { get }
    func bind(_ binder: inout StatementBinder)
}

final class EnforcementSummary {
    /// The grouping of `enforcement_monthly`, ordered as its primary key.
    struct MonthlyKey: SummaryKey {
        static let table = "enforcement_monthly"
        static let columns = ["station_id", "month", "department", "zone_id", "violation", "outcome"]

        var stationID: String
        var month: YearMonth
        var department: String
        var zoneID: String
        var violation: String
        var outcome: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            // Field by field: a tuple comparison of strings goes through generic runtime code, which cost more
            // than the upserts.
            if lhs.stationID != rhs.stationID { return lhs.stationID < rhs.stationID }
            if lhs.month != rhs.month { return lhs.month < rhs.month }
            if lhs.department != rhs.department { return lhs.department < rhs.department }
            if lhs.zoneID != rhs.zoneID { return lhs.zoneID < rhs.zoneID }
            if lhs.violation != rhs.violation { return lhs.violation < rhs.violation }
            return lhs.outcome < rhs.outcome
        }

        func bind(_ binder: inout StatementBinder) {
            binder.text(stationID)
            binder.text(month.description)
            binder.text(department)
            binder.text(zoneID)
            binder.text(violation)
            binder.text(outcome)
        }
    }

    /// The grouping of `enforcement_zone_times`, ordered as its primary key.
    struct ZoneTimeKey: SummaryKey {
        static let table = "enforcement_zone_times"
        static let columns = ["station_id", "month", "zone_id", "weekday", "hour"]

        var stationID: String
        var month: YearMonth
        var zoneID: String
        var weekday: Int
        var hour: Int

        static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.stationID != rhs.stationID { return lhs.stationID < rhs.stationID }
            if lhs.month != rhs.month { return lhs.month < rhs.month }
            if lhs.zoneID != rhs.zoneID { return lhs.zoneID < rhs.zoneID }
            if lhs.weekday != rhs.weekday { return lhs.weekday < rhs.weekday }
            return lhs.hour < rhs.hour
        }

        func bind(_ binder: inout StatementBinder) {
            binder.text(stationID)
            binder.text(month.description)
            binder.text(zoneID)
            binder.integer(weekday)
            binder.integer(hour)
        }
    }

    /// The grouping of `enforcement_riders`, ordered as its primary key.
    struct RiderKey: SummaryKey {
        static let table = "enforcement_riders"
        static let columns = ["station_id", "month", "zone_id", "vehicle", "age_band"]

        var stationID: String
        var month: YearMonth
        var zoneID: String
        var vehicle: String
        var ageBand: String

        static func < (lhs: Self, rhs: Self) -> Bool {
            if lhs.stationID != rhs.stationID { return lhs.stationID < rhs.stationID }
            if lhs.month != rhs.month { return lhs.month < rhs.month }
            if lhs.zoneID != rhs.zoneID { return lhs.zoneID < rhs.zoneID }
            if lhs.vehicle != rhs.vehicle { return lhs.vehicle < rhs.vehicle }
            return lhs.ageBand < rhs.ageBand
        }

        func bind(_ binder: inout StatementBinder) {
            binder.text(stationID)
            binder.text(month.description)
            binder.text(zoneID)
            binder.text(vehicle)
            binder.text(ageBand)
        }
    }

    /// Pending changes are applied once this many groups have collected, so memory stays bounded.
    static let flushThreshold = 8_192

    private var monthly: [MonthlyKey: Int] = [:]
    private var zoneTimes: [ZoneTimeKey: Int] = [:]
    private var riders: [RiderKey: Int] = [:]

    /// Whether enough changes have collected to apply them now.
    var isFull: Bool { monthly.count + zoneTimes.count + riders.count >= Self.flushThreshold }

    /// Counts one record in (`change` 1) or out (`change` -1).
    func add(
        stationID: String, date: LocalDate, hour: Int?, department: String, zoneID: String?, violation: String,
        outcome: String, vehicle: String, ageBand: String?, change: Int
    ) {
        let month = date.yearMonth
        monthly[
            MonthlyKey(
                stationID: stationID, month: month, department: department, zoneID: zoneID ?? "",
                violation: violation, outcome: outcome),
            default: 0] += change
        riders[
            RiderKey(
                stationID: stationID, month: month, zoneID: zoneID ?? "", vehicle: vehicle, ageBand: ageBand ?? ""),
            default: 0] += change
        if let zoneID {
            zoneTimes[
                ZoneTimeKey(
                    stationID: stationID, month: month, zoneID: zoneID, weekday: date.isoWeekday, hour: hour ?? -1),
                default: 0] += change
        }
    }

    /// Counts a stored record (a row with the columns of ``storedColumns``) in or out.
    func add(stored row: Row, change: Int) {
        add(stored: row, zoneID: row[4], change: change)
    }

    /// Counts a stored record (as ``add(stored:change:)`` reads it) into its zone and out of `formerZone`.
    func move(stored row: Row, from formerZone: String?) {
        add(stored: row, zoneID: row[4], change: 1)
        add(stored: row, zoneID: formerZone, change: -1)
    }

    /// Counts a stored record as if it were in `zoneID`.
    private func add(stored row: Row, zoneID: String?, change: Int) {
        guard let date = LocalDate(iso: row[1] as String) else { return }
        add(
            stationID: row[0], date: date, hour: Self.hour(of: row[2]), department: row[3], zoneID: zoneID,
            violation: row[5], outcome: row[6], vehicle: row[7], ageBand: row[8], change: change)
    }

    /// The columns ``add(stored:change:)`` reads, in its order.
    static let storedColumns = "station_id, date, time, department, zone_id, violation, outcome, vehicle, age_band"
    /// How many columns ``storedColumns`` names: the columns a query selects after them start here.
    static let storedColumnCount = storedColumns.split(separator: ",").count

    /// The hour of a stored `HH:MM[:SS]` time.
    static func hour(of time: String?) -> Int? {
        guard let time, time.utf8.count >= 2 else { return nil }
        return Int(time.prefix(2))
    }

    /// Applies the collected changes and forgets them.
    func flush(_ db: Database) throws {
        try apply(db, &monthly)
        try apply(db, &zoneTimes)
        try apply(db, &riders)
    }

    /// Adds each change to its group of `Key`'s table and forgets them: a group counted up is inserted or
    /// increased; a group counted down is decreased and removed when it reaches zero (a group never goes below
    /// zero: it counts stored records).
    private func apply<Key: SummaryKey>(_ db: Database, _ pending: inout [Key: Int]) throws {
        defer { pending.removeAll(keepingCapacity: true) }
        guard pending.values.contains(where: { $0 != 0 }) else { return }
        let columns = Key.columns.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: Key.columns.count + 1).joined(separator: ", ")
        let key = Key.columns.map { "\($0) = ?" }.joined(separator: " AND ")
        // Bound through the C API: a flush writes hundreds of thousands of groups in a large import.
        let insertStatement = try db.cachedStatement(
            sql: """
                INSERT INTO \(Key.table) (\(columns), n)
                VALUES (\(placeholders)) ON CONFLICT DO UPDATE SET n = n + excluded.n
                """)
        let subtractStatement = try db.cachedStatement(
            sql: "UPDATE \(Key.table) SET n = n + ? WHERE \(key) RETURNING n")
        let deleteStatement = try db.cachedStatement(sql: "DELETE FROM \(Key.table) WHERE \(key)")
        for statement in [insertStatement, subtractStatement, deleteStatement] {
            StatementBinder.prepareForBinding(statement)
        }
        // In primary-key order: the writes then walk the table's pages once, front to back, instead of jumping to
        // a random page for each group of a table that holds millions of them.
        let changes = pending.sorted { $0.key < $1.key }
        for (key, change) in changes where change != 0 {
            if change > 0 {
                var binder = StatementBinder(insertStatement)
                key.bind(&binder)
                binder.integer(change)
                try insertStatement.execute()
            } else {
                var binder = StatementBinder(subtractStatement)
                binder.integer(change)
                key.bind(&binder)
                if let left = try Int.fetchOne(subtractStatement), left <= 0 {
                    var binder = StatementBinder(deleteStatement)
                    key.bind(&binder)
                    try deleteStatement.execute()
                }
            }
        }
    }

    /// Recounts one station-month from the table (after its records changed wholesale).
    static func rebuild(_ db: Database, stationID: String, month: YearMonth) throws {
        try recount(
            db, groups: "station_id = ? AND month = ?", records: "station_id = ? AND date BETWEEN ? AND ?",
            arguments: [
                stationID, month.description, stationID, month.firstDay.description, month.lastDay.description,
            ])
    }

    /// Recounts everything from the table (a new database schema, or zones reassigned wholesale); `riders`
    /// false leaves out `enforcement_riders` (for the migrations made before that table).
    static func rebuildAll(_ db: Database, riders: Bool = true) throws {
        try recount(db, groups: "1", records: "1", arguments: [], riders: riders)
    }

    /// Replaces the groups matching `groups` with counts of the records matching `records`; `arguments` binds
    /// the placeholders of `groups`, then those of `records`.
    private static func recount(
        _ db: Database, groups: String, records: String, arguments: StatementArguments, riders: Bool = true
    ) throws {
        try db.execute(
            sql: """
                DELETE FROM enforcement_monthly WHERE \(groups);
                INSERT INTO enforcement_monthly (station_id, month, department, zone_id, violation, outcome, n)
                SELECT station_id, substr(date, 1, 7), department, ifnull(zone_id, ''), violation, outcome, COUNT(*)
                FROM enforcement WHERE \(records)
                GROUP BY 1, 2, 3, 4, 5, 6;
                """, arguments: arguments)
        try db.execute(
            sql: """
                DELETE FROM enforcement_zone_times WHERE \(groups);
                INSERT INTO enforcement_zone_times (station_id, month, zone_id, weekday, hour, n)
                SELECT station_id, substr(date, 1, 7), zone_id, \(weekdaySQL), \(hourSQL), COUNT(*)
                FROM enforcement WHERE \(records) AND zone_id IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5;
                """, arguments: arguments)
        if riders { try recountRiders(db, groups: groups, records: records, arguments: arguments) }
    }

    /// Recounts `enforcement_riders` alone from the table (its migration).
    static func rebuildRiders(_ db: Database) throws {
        try recountRiders(db, groups: "1", records: "1", arguments: [])
    }

    /// Replaces the `enforcement_riders` groups matching `groups` with counts of the records matching `records`.
    private static func recountRiders(
        _ db: Database, groups: String, records: String, arguments: StatementArguments
    ) throws {
        try db.execute(
            sql: """
                DELETE FROM enforcement_riders WHERE \(groups);
                INSERT INTO enforcement_riders (station_id, month, zone_id, vehicle, age_band, n)
                SELECT station_id, substr(date, 1, 7), ifnull(zone_id, ''), vehicle, ifnull(age_band, ''), COUNT(*)
                FROM enforcement WHERE \(records)
                GROUP BY 1, 2, 3, 4, 5;
                """, arguments: arguments)
    }

    /// ISO weekday of the `date` column in SQL (`%w` is 0 on Sunday).
    private static let weekdaySQL = "(CAST(strftime('%w', date) AS INTEGER) + 6) % 7 + 1"
    /// Hour of the `time` column in SQL, -1 when unknown.
    private static let hourSQL = "ifnull(CAST(substr(time, 1, 2) AS INTEGER), -1)"
}
