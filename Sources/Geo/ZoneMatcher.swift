import BikePDCACore

/// Decides which zone a point belongs to, among zones whose shapes are prepared once (``Geo/ZoneShape``).
///
/// A point belongs to a district (地区) when it is inside one of its polygons (not in a hole), and to a route
/// (路線) when it lies within the route's buffer (default 30 m) of its centre line. When several zones hold
/// the point, the rule is:
/// 1. a district wins over a route (the district is the designation that covers the whole area);
/// 2. among districts, the smallest area wins (the more specific designation);
/// 3. among routes, the nearest centre line wins;
/// 4. a tie (areas within 1 m², distances within 1 cm: below what the positions can tell apart) goes to the
///    smallest zone id (by string order), so the result never depends on input order or rounding.
///
/// Designation dates are not looked at: a zone's geometry is matched whatever the record's date, and the
/// designation period is applied by the analyses (docs/NPA.md).
public struct ZoneMatcher: Sendable {
    /// One zone, prepared.
    public struct Entry: Sendable {
        /// The zone id.
        public let id: String
        /// The prepared shape.
        public let shape: ZoneShape
        /// Area in square metres (districts); 0 for routes.
        public let areaSquareMetres: Double
    }

    /// The prepared zones, in the order given.
    public let entries: [Entry]
    private let indexByID: [String: Int]

    /// Prepares `zones`: each an id, a geometry and, for routes, a buffer in metres (`nil`: the default
    /// ``Zone/defaultRouteBufferMetres``). Zones whose geometry has no coordinates are left out.
    public init(zones: [(id: String, geometry: Geometry, bufferMetres: Double?)]) {
        var entries: [Entry] = []
        for zone in zones {
            guard
                let shape = ZoneShape(
                    geometry: zone.geometry, bufferMetres: zone.bufferMetres ?? Zone.defaultRouteBufferMetres)
            else { continue }
            entries.append(
                Entry(id: zone.id, shape: shape, areaSquareMetres: Self.area(of: zone.geometry, in: shape.projection)))
        }
        self.entries = entries
        var indexByID: [String: Int] = [:]
        for (index, entry) in entries.enumerated() where indexByID[entry.id] == nil { indexByID[entry.id] = index }
        self.indexByID = indexByID
    }

    /// The index (in ``entries``) of the zone that `coordinate` belongs to among `candidates` (indices into
    /// ``entries``, e.g. from a spatial index), by the rule above; `nil` when none holds it.
    public func bestZone(for coordinate: Coordinate, among candidates: some Sequence<Int>) -> Int? {
        var best: Int?
        var bestIsAreal = false
        var bestMeasure = Double.infinity
        for index in candidates {
            let entry = entries[index]
            let shape = entry.shape
            guard shape.contains(coordinate) else { continue }
            // Districts compare by area, routes by the distance to their centre line.
            let measure = shape.isAreal ? entry.areaSquareMetres : shape.distanceMetres(to: coordinate)
            let better: Bool
            if let current = best {
                if shape.isAreal != bestIsAreal {
                    better = shape.isAreal
                } else if abs(measure - bestMeasure) > (shape.isAreal ? Self.areaTie : Self.distanceTie) {
                    better = measure < bestMeasure
                } else {
                    better = entry.id < entries[current].id
                }
            } else {
                better = true
            }
            if better {
                best = index
                bestIsAreal = shape.isAreal
                bestMeasure = measure
            }
        }
        return best
    }

    /// The id of the zone `coordinate` belongs to, trying every zone; `nil` when none holds it.
    public func zoneID(for coordinate: Coordinate) -> String? {
        bestZone(for: coordinate, among: entries.indices).map { entries[$0].id }
    }

    /// How far `coordinate` lies outside zone `id`, in metres: 0 inside a district or within a route's buffer,
    /// else the distance to the district's edge or to the edge of the route's buffer; `nil` for an unknown
    /// zone or one without geometry.
    public func distanceOutside(zoneID id: String, coordinate: Coordinate) -> Double? {
        guard let index = indexByID[id] else { return nil }
        let shape = entries[index].shape
        return max(0, shape.distanceMetres(to: coordinate) - shape.bufferMetres)
    }

    /// Areas closer than this (m²) are a tie.
    static let areaTie = 1.0
    /// Distances closer than this (m) are a tie.
    static let distanceTie = 0.01

    /// Area of the polygons of `geometry` in `projection` (outer rings minus holes); 0 for lines.
    static func area(of geometry: Geometry, in projection: LocalProjection) -> Double {
        func ring(_ points: [Coordinate]) -> Double {
            guard points.count >= 3 else { return 0 }
            let projected = points.map { projection.project($0) }
            var sum = 0.0
            for index in projected.indices {
                let a = projected[index]
                let b = projected[(index + 1) % projected.count]
                sum += a.x * b.y - b.x * a.y
            }
            return abs(sum) / 2
        }
        func polygon(_ rings: [[Coordinate]]) -> Double {
            guard let outer = rings.first else { return 0 }
            return max(0, ring(outer) - rings.dropFirst().reduce(0) { $0 + ring($1) })
        }
        switch geometry {
        case .polygon(let rings): return polygon(rings)
        case .multiPolygon(let polygons): return polygons.reduce(0) { $0 + polygon($1) }
        case .lineString, .multiLineString: return 0
        }
    }
}
