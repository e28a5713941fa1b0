import BikePDCACore
import GRDB

/// The located records of one zone, as a report's map draws them.
public struct ZonePoints: Hashable, Sendable {
    /// Locations of the records that have one, in index order (station, date, hour), so the same database gives
    /// the same list.
    public let located: [Coordinate]
    /// Records of the zone in the span without a usable location (not drawn).
    public let unlocated: Int

    /// Creates the points.
    public init(located: [Coordinate], unlocated: Int) {
        self.located = located
        self.unlocated = unlocated
    }
}

extension RecordStore {
    /// The locations of `dataset` records (enforcement or accidents) attributed to `zoneID` for dates
    /// `start`…`end`, plus how many had no location; other datasets give nothing.
    public func zonePoints(_ dataset: DatasetKind, zoneID: String, from start: LocalDate, to end: LocalDate)
        throws(StoreError) -> ZonePoints
    {
        guard dataset == .enforcement || dataset == .accidents else { return ZonePoints(located: [], unlocated: 0) }
        return try read { db in
            // The table name comes from a closed enum. Accidents follow their `…_zone_hours` index; enforcement is
            // read over the station × date index for the stations the summary lists with records in the zone. The
            // record id breaks ties, so the same database gives the same list.
            let rows =
                dataset == .accidents
                ? try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT latitude, longitude FROM accidents
                        WHERE zone_id = ? AND date >= ? AND date <= ?
                        ORDER BY zone_id, station_id, date, substr(time, 1, 2)
                        """, arguments: [zoneID, start.description, end.description])
                : try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT latitude, longitude FROM enforcement
                        WHERE station_id IN (
                            SELECT DISTINCT station_id FROM enforcement_zone_times
                            WHERE zone_id = ? AND month BETWEEN ? AND ?)
                          AND date >= ? AND date <= ? AND zone_id = ?
                        ORDER BY station_id, date, substr(time, 1, 2), id
                        """,
                    arguments: [
                        zoneID, start.yearMonth.description, end.yearMonth.description, start.description,
                        end.description, zoneID,
                    ])
            var located: [Coordinate] = []
            var unlocated = 0
            while let row = try rows.next() {
                if let point = Self.position(row, latitudeAt: 0) {
                    located.append(point)
                } else {
                    unlocated += 1
                }
            }
            return ZonePoints(located: located, unlocated: unlocated)
        }
    }

    /// The located accidents of station `stationID` outside every zone for dates `start`…`end` (those without a
    /// location are left out), in the store's stable order: the ring and control areas of a displacement check.
    public func accidentPointsOutsideZones(ofStation stationID: String, from start: LocalDate, to end: LocalDate)
        throws(StoreError) -> [Coordinate]
    {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT latitude, longitude FROM accidents
                    WHERE station_id = ? AND date >= ? AND date <= ? AND zone_id IS NULL
                    ORDER BY date, substr(time, 1, 2), id
                    """, arguments: [stationID, start.description, end.description])
            var located: [Coordinate] = []
            while let row = try rows.next() {
                if let point = Self.position(row, latitudeAt: 0) { located.append(point) }
            }
            return located
        }
    }

    /// The stations with enforcement records in `zoneID` in the months touching `start`…`end` (from the summary).
    public func enforcementStations(inZone zoneID: String, from start: LocalDate, to end: LocalDate)
        throws(StoreError) -> [String]
    {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT station_id FROM enforcement_zone_times
                    WHERE zone_id = ? AND month BETWEEN ? AND ? ORDER BY station_id
                    """, arguments: [zoneID, start.yearMonth.description, end.yearMonth.description])
        }
    }

    /// The located enforcement records of one station for dates `start`…`end`, by the zone they are attributed
    /// to (records outside zones are left out), each zone's list in the order of ``zonePoints(_:zoneID:from:to:)``.
    ///
    /// One pass over the station's records serves every zone it has records in: a report set drawing many zones
    /// reads each station once instead of once per zone. ``zonePoints(_:zoneID:from:to:)`` is the concatenation,
    /// over ``enforcementStations(inZone:from:to:)``, of these lists.
    public func enforcementZonePoints(ofStation stationID: String, from start: LocalDate, to end: LocalDate)
        throws(StoreError) -> [String: ZonePoints]
    {
        try read { db in
            var located: [String: [Coordinate]] = [:]
            var unlocated: [String: Int] = [:]
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT zone_id, latitude, longitude FROM enforcement
                    WHERE station_id = ? AND date >= ? AND date <= ? AND zone_id IS NOT NULL
                    ORDER BY date, substr(time, 1, 2), id
                    """, arguments: [stationID, start.description, end.description])
            while let row = try rows.next() {
                let zone: String = row[0]
                if let point = Self.position(row, latitudeAt: 1) {
                    located[zone, default: []].append(point)
                } else {
                    unlocated[zone, default: 0] += 1
                }
            }
            var result: [String: ZonePoints] = [:]
            for zone in Set(located.keys).union(unlocated.keys) {
                result[zone] = ZonePoints(located: located[zone] ?? [], unlocated: unlocated[zone] ?? 0)
            }
            return result
        }
    }

    /// The position in a row's columns `latitudeAt` and the next (longitude), or `nil` when either is missing or
    /// not a finite number (such a record is counted as unlocated).
    private static func position(_ row: Row, latitudeAt index: Int) -> Coordinate? {
        guard let latitude = row[index] as Double?, let longitude = row[index + 1] as Double?, latitude.isFinite,
            longitude.isFinite
        else { return nil }
        return Coordinate(latitude: latitude, longitude: longitude)
    }
}
