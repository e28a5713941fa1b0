import BikePDCACore
import GRDB

/// Keeps the enforcement summary tables (`enforcement_monthly`, `enforcement_zone_times`) equal to what a
/// GROUP BY over the `enforcement` table would give.
///
/// Writes that know the records they add or remove collect the changes here and apply them in one pass
/// (``flush(_:)``); writes that change many rows at once rebuild the station-months they touch from the table.
/// In `enforcement_monthly` a record outside every zone has zone `''`; in `enforcement_zone_times` only records
/// in a zone count, with the ISO weekday (1 = Monday) and the hour of day (-1 when the time is unknown).
final class EnforcementSummary {
    /// The grouping of `enforcement_monthly`.
    struct MonthlyKey: Hashable {
        var stationID: String
        var month: YearMonth
        var department: String
        var zoneID: String
        var violation: String
        var outcome: String
    }

    /// The grouping of `enforcement_zone_times`.
    struct ZoneTimeKey: Hashable {
        var stationID: String
        var month: YearMonth
        var zoneID: String
        var weekday: Int
        var hour: Int
    }

    /// Pending changes are applied once this many groups have collected, so memory stays bounded.
    static let flushThreshold = 16_384

    private var monthly: [MonthlyKey: Int] = [:]
    private var zoneTimes: [ZoneTimeKey: Int] = [:]

    /// Whether enough changes have collected to apply them now.
    var isFull: Bool { monthly.count + zoneTimes.count >= Self.flushThreshold }

    /// Counts one record in (`change` 1) or out (`change` -1).
    func add(
        stationID: String, date: LocalDate, hour: Int?, department: String, zoneID: String?, violation: String,
        outcome: String, change: Int
    ) {
        let month = date.yearMonth
        monthly[
            MonthlyKey(
                stationID: stationID, month: month, department: department, zoneID: zoneID ?? "",
                violation: violation, outcome: outcome),
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
        guard let date = LocalDate(iso: row[1] as String) else { return }
        add(
            stationID: row[0], date: date, hour: Self.hour(of: row[2]), department: row[3], zoneID: row[4],
            violation: row[5], outcome: row[6], change: change)
    }

    /// The columns ``add(stored:change:)`` reads, in its order.
    static let storedColumns = "station_id, date, time, department, zone_id, violation, outcome"

    /// The hour of a stored `HH:MM[:SS]` time.
    static func hour(of time: String?) -> Int? {
        guard let time, time.utf8.count >= 2 else { return nil }
        return Int(time.prefix(2))
    }

    /// Applies the collected changes and forgets them.
    func flush(_ db: Database) throws {
        if !monthly.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO enforcement_monthly (station_id, month, department, zone_id, violation, outcome, n)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET n = n + excluded.n
                    """)
            for (key, change) in monthly where change != 0 {
                try statement.execute(arguments: [
                    key.stationID, key.month.description, key.department, key.zoneID, key.violation, key.outcome,
                    change,
                ])
            }
            monthly.removeAll(keepingCapacity: true)
        }
        if !zoneTimes.isEmpty {
            let statement = try db.cachedStatement(
                sql: """
                    INSERT INTO enforcement_zone_times (station_id, month, zone_id, weekday, hour, n)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET n = n + excluded.n
                    """)
            for (key, change) in zoneTimes where change != 0 {
                try statement.execute(arguments: [
                    key.stationID, key.month.description, key.zoneID, key.weekday, key.hour, change,
                ])
            }
            zoneTimes.removeAll(keepingCapacity: true)
        }
        try db.execute(sql: "DELETE FROM enforcement_monthly WHERE n = 0")
        try db.execute(sql: "DELETE FROM enforcement_zone_times WHERE n = 0")
    }

    /// Recounts one station-month from the table (after its records changed wholesale).
    static func rebuild(_ db: Database, stationID: String, month: YearMonth) throws {
        let arguments: StatementArguments = [
            stationID, month.description, stationID, month.firstDay.description, month.lastDay.description,
        ]
        try db.execute(
            sql: """
                DELETE FROM enforcement_monthly WHERE station_id = ? AND month = ?;
                INSERT INTO enforcement_monthly (station_id, month, department, zone_id, violation, outcome, n)
                SELECT station_id, substr(date, 1, 7), department, ifnull(zone_id, ''), violation, outcome, COUNT(*)
                FROM enforcement WHERE station_id = ? AND date BETWEEN ? AND ?
                GROUP BY 1, 2, 3, 4, 5, 6;
                """, arguments: arguments)
        try db.execute(
            sql: """
                DELETE FROM enforcement_zone_times WHERE station_id = ? AND month = ?;
                INSERT INTO enforcement_zone_times (station_id, month, zone_id, weekday, hour, n)
                SELECT station_id, substr(date, 1, 7), zone_id, \(weekdaySQL), \(hourSQL), COUNT(*)
                FROM enforcement WHERE station_id = ? AND date BETWEEN ? AND ? AND zone_id IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5;
                """, arguments: arguments)
    }

    /// Recounts everything from the table (a new database schema, or zones reassigned wholesale).
    static func rebuildAll(_ db: Database) throws {
        try db.execute(
            sql: """
                DELETE FROM enforcement_monthly;
                INSERT INTO enforcement_monthly (station_id, month, department, zone_id, violation, outcome, n)
                SELECT station_id, substr(date, 1, 7), department, ifnull(zone_id, ''), violation, outcome, COUNT(*)
                FROM enforcement GROUP BY 1, 2, 3, 4, 5, 6;
                DELETE FROM enforcement_zone_times;
                INSERT INTO enforcement_zone_times (station_id, month, zone_id, weekday, hour, n)
                SELECT station_id, substr(date, 1, 7), zone_id, \(weekdaySQL), \(hourSQL), COUNT(*)
                FROM enforcement WHERE zone_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
                """)
    }

    /// ISO weekday of the `date` column in SQL (`%w` is 0 on Sunday).
    private static let weekdaySQL = "(CAST(strftime('%w', date) AS INTEGER) + 6) % 7 + 1"
    /// Hour of the `time` column in SQL, -1 when unknown.
    private static let hourSQL = "ifnull(CAST(substr(time, 1, 2) AS INTEGER), -1)"
}
