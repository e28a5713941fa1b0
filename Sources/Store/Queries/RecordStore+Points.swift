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
            // The table name comes from a closed enum; the order follows the `…_zone_hours` index, so no sort.
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT latitude, longitude FROM \(dataset.rawValue)
                    WHERE zone_id = ? AND date >= ? AND date <= ?
                    ORDER BY zone_id, station_id, date, substr(time, 1, 2)
                    """, arguments: [zoneID, start.description, end.description])
            var located: [Coordinate] = []
            var unlocated = 0
            while let row = try rows.next() {
                if let latitude = row[0] as Double?, let longitude = row[1] as Double?,
                    latitude.isFinite, longitude.isFinite
                {
                    located.append(Coordinate(latitude: latitude, longitude: longitude))
                } else {
                    unlocated += 1
                }
            }
            return ZonePoints(located: located, unlocated: unlocated)
        }
    }
}
