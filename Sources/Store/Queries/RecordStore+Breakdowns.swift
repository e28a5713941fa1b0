import BikePDCACore
import GRDB

extension RecordStore {
    /// Accidents of `start`…`end` in `scope` counted by station, zone, bicycle role (第1 / 第2当事者) and
    /// counterpart (相手): `first` is the role code, `second` the counterpart code.
    public func accidentPartyTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [CategoryTally]
    {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT station_id, zone_id, bicycle_role, COALESCE(counterpart, ''), COUNT(*)
                    FROM accidents
                    WHERE station_id >= ? AND station_id < ? AND date >= ? AND date <= ?
                    GROUP BY station_id, zone_id, bicycle_role, counterpart
                    ORDER BY station_id, zone_id, bicycle_role, counterpart
                    """, arguments: [low, high, start.description, end.description]
            ).map { row in
                CategoryTally(stationID: row[0], zoneID: row[1], first: row[2], second: row[3], count: row[4])
            }
        }
    }

    /// Enforcement records of `start`…`end` in `scope` counted by station, zone, vehicle (自転車 / 特定小型原付) and
    /// age band (年齢層): `first` is the vehicle code, `second` the age band (empty when not recorded).
    ///
    /// Whole months come from the `enforcement_riders` summary, the days of a partial month from the records.
    public func enforcementRiderTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [CategoryTally]
    {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var counts: [RiderGroup: Int] = [:]
            func collect(_ rows: RowCursor) throws {
                while let row = try rows.next() {
                    counts[
                        RiderGroup(stationID: row[0], zoneID: row[1], vehicle: row[2], ageBand: row[3]),
                        default: 0] += row[4] as Int
                }
            }
            let split = MonthSplit(from: start, to: end)
            if let months = split.wholeMonths {
                try collect(
                    Row.fetchCursor(
                        db,
                        sql: """
                            SELECT station_id, zone_id, vehicle, age_band, SUM(n) FROM enforcement_riders
                            WHERE station_id >= ? AND station_id < ? AND month BETWEEN ? AND ?
                            GROUP BY station_id, zone_id, vehicle, age_band
                            """,
                        arguments: [low, high, months.lowerBound.description, months.upperBound.description]))
            }
            for days in split.partialRanges {
                try collect(
                    Row.fetchCursor(
                        db,
                        sql: """
                            SELECT station_id, ifnull(zone_id, ''), vehicle, ifnull(age_band, ''), COUNT(*)
                            FROM enforcement
                            WHERE station_id >= ? AND station_id < ? AND date >= ? AND date <= ?
                            GROUP BY 1, 2, 3, 4
                            """,
                        arguments: [low, high, days.lowerBound.description, days.upperBound.description]))
            }
            return counts.keys.sorted().map { key in
                CategoryTally(
                    stationID: key.stationID, zoneID: key.zoneID.isEmpty ? nil : key.zoneID, first: key.vehicle,
                    second: key.ageBand, count: counts[key] ?? 0)
            }
        }
    }
}

/// A group of the rider breakdown, zone and age band `''` when not recorded; ordered as the records' query
/// orders them (a record outside zones first, as SQL puts its NULL zone).
private struct RiderGroup: Hashable, Comparable {
    let stationID: String
    let zoneID: String
    let vehicle: String
    let ageBand: String

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.stationID, lhs.zoneID, lhs.vehicle, lhs.ageBand) < (rhs.stationID, rhs.zoneID, rhs.vehicle, rhs.ageBand)
    }
}
