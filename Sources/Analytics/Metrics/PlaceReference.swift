import BikePDCACore
import Foundation

/// Where a point lies in words a reader knows: the nearest zone in force and the direction and distance from the
/// centre of its shape (「中央駅前地区の北東 600 m」), not only a mesh code.
public struct PlaceReference: Sendable, Equatable {
    /// The eight compass points (方位), clockwise from north.
    public enum Direction: Int, Sendable, CaseIterable {
        /// North (北).
        case north
        /// North-east (北東).
        case northEast
        /// East (東).
        case east
        /// South-east (南東).
        case southEast
        /// South (南).
        case south
        /// South-west (南西).
        case southWest
        /// West (西).
        case west
        /// North-west (北西).
        case northWest

        /// 「北東」.
        public var labelJA: String { ["北", "北東", "東", "南東", "南", "南西", "西", "北西"][rawValue] }
        /// `north-east`.
        public var labelEN: String {
            ["north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"][rawValue]
        }
    }

    /// The zone referred to.
    public var zone: Zone
    /// Metres from the centre of the zone's bounding box to the point.
    public var distanceMetres: Double
    /// The direction from that centre to the point.
    public var direction: Direction

    /// Creates a reference.
    public init(zone: Zone, distanceMetres: Double, direction: Direction) {
        self.zone = zone
        self.distanceMetres = distanceMetres
        self.direction = direction
    }

    /// The distance rounded to 100 m (the scale at which a half-mesh cell, about 500 m, is told apart).
    public var roundedMetres: Int { Int((distanceMetres / 100).rounded()) * 100 }

    /// The nearest zone (by the centre of its shape's bounding box) among `zones` to `point`; `nil` when no zone
    /// has a shape. Distances on a local plane: 1° of latitude = 110,574 m, 1° of longitude = 111,320 m × cos(lat),
    /// ample for a few kilometres.
    public static func nearest(to point: Coordinate, among zones: [Zone]) -> PlaceReference? {
        var best: PlaceReference?
        for zone in zones {
            guard let box = zone.geometry?.boundingBox else { continue }
            let centreLatitude = (box.minLatitude + box.maxLatitude) / 2
            let centreLongitude = (box.minLongitude + box.maxLongitude) / 2
            let north = (point.latitude - centreLatitude) * 110_574
            let east = (point.longitude - centreLongitude) * 111_320 * cos(centreLatitude * .pi / 180)
            let distance = (north * north + east * east).squareRoot()
            guard distance < (best?.distanceMetres ?? .infinity) else { continue }
            // Bearing clockwise from north, in eighths of a turn.
            var bearing = atan2(east, north) * 180 / .pi
            if bearing < 0 { bearing += 360 }
            let sector = Int((bearing / 45).rounded()) % 8
            best = PlaceReference(
                zone: zone, distanceMetres: distance, direction: Direction(rawValue: sector) ?? .north)
        }
        return best
    }
}
