import BikePDCACore
import GRDB

extension RecordStore {
    /// Accidents of `start`…`end` in `scope` counted by station, zone, bicycle role (第1 / 第2当事者) and
    /// counterpart (相手): `first` is the role code, `second` the counterpart code.
    public func accidentPartyTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [CategoryTally]
    {
        try categoryTallies(
            table: "accidents", first: "bicycle_role", second: "counterpart", from: start, to: end, scope: scope)
    }

    /// Enforcement records of `start`…`end` in `scope` counted by station, zone, vehicle (自転車 / 特定小型原付) and
    /// age band (年齢層): `first` is the vehicle code, `second` the age band (empty when not recorded).
    public func enforcementRiderTallies(from start: LocalDate, to end: LocalDate, scope: StationScope? = nil)
        throws(StoreError) -> [CategoryTally]
    {
        try categoryTallies(
            table: "enforcement", first: "vehicle", second: "age_band", from: start, to: end, scope: scope)
    }

    /// `table`'s records counted by station, zone and two of its columns (fixed names, never user input).
    private func categoryTallies(
        table: String, first: String, second: String, from start: LocalDate, to end: LocalDate,
        scope: StationScope?
    ) throws(StoreError) -> [CategoryTally] {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT station_id, zone_id, \(first), COALESCE(\(second), ''), COUNT(*)
                    FROM \(table)
                    WHERE station_id >= ? AND station_id < ? AND date >= ? AND date <= ?
                    GROUP BY station_id, zone_id, \(first), \(second)
                    ORDER BY station_id, zone_id, \(first), \(second)
                    """, arguments: [low, high, start.description, end.description]
            ).map { row in
                CategoryTally(stationID: row[0], zoneID: row[1], first: row[2], second: row[3], count: row[4])
            }
        }
    }
}
