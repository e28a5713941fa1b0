/// A WGS 84 position in decimal degrees.
public struct Coordinate: Hashable, Sendable {
    public let latitude: Double
    public let longitude: Double

    /// Creates a coordinate. No range check: see ``isPlausibleForJapan``.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// Whether the point lies in the box that holds all of Japan (20–46° N, 122–154° E).
    public var isPlausibleForJapan: Bool {
        (20.0...46.0).contains(latitude) && (122.0...154.0).contains(longitude)
    }
}

/// A zone's shape: districts are (Multi)Polygons, routes are (Multi)LineStrings.
///
/// Rings and lines are lists of coordinates as in GeoJSON (a polygon's first ring is its outer boundary,
/// the others its holes).
public enum Geometry: Hashable, Sendable {
    case polygon([[Coordinate]])
    case multiPolygon([[[Coordinate]]])
    case lineString([Coordinate])
    case multiLineString([[Coordinate]])

    /// Whether this is an area (polygon) rather than a line.
    public var isAreal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        case .lineString, .multiLineString: false
        }
    }

    /// Every coordinate of the shape.
    public var allCoordinates: [Coordinate] {
        switch self {
        case .polygon(let rings): rings.flatMap { $0 }
        case .multiPolygon(let polygons): polygons.flatMap { $0.flatMap { $0 } }
        case .lineString(let line): line
        case .multiLineString(let lines): lines.flatMap { $0 }
        }
    }

    /// The bounding box, or `nil` for an empty shape.
    public var boundingBox: BoundingBox? {
        let points = allCoordinates
        guard let first = points.first else { return nil }
        var box = BoundingBox(
            minLatitude: first.latitude, minLongitude: first.longitude,
            maxLatitude: first.latitude, maxLongitude: first.longitude)
        for point in points.dropFirst() {
            box.minLatitude = min(box.minLatitude, point.latitude)
            box.maxLatitude = max(box.maxLatitude, point.latitude)
            box.minLongitude = min(box.minLongitude, point.longitude)
            box.maxLongitude = max(box.maxLongitude, point.longitude)
        }
        return box
    }

    /// The GeoJSON `type` member.
    public var geoJSONType: String {
        switch self {
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        }
    }
}

/// A latitude/longitude box.
public struct BoundingBox: Hashable, Sendable {
    public var minLatitude: Double
    public var minLongitude: Double
    public var maxLatitude: Double
    public var maxLongitude: Double

    /// Creates a box.
    public init(minLatitude: Double, minLongitude: Double, maxLatitude: Double, maxLongitude: Double) {
        self.minLatitude = minLatitude
        self.minLongitude = minLongitude
        self.maxLatitude = maxLatitude
        self.maxLongitude = maxLongitude
    }
}
