import BikePDCACore
import Foundation

/// A zone's shape prepared for fast point queries: is a stop or an accident inside a district (地区) or on
/// a route (路線), and how far away is it.
///
/// The geometry is projected once into a ``LocalProjection`` centred on its bounding box, and cut into runs
/// of at most 16 edges, each with its own box in metres; a query projects its point once, skips every run
/// whose box cannot matter, and allocates nothing.
public struct ZoneShape: Sendable {
    /// The projection the shape is measured in, centred on the centre of its bounding box.
    public let projection: LocalProjection
    /// Whether the shape is an area (a district's polygons) rather than lines (a route).
    public let isAreal: Bool
    /// For lines, the half-width in metres of the road stretch around them; 0 for areas.
    public let bufferMetres: Double
    /// The shape's latitude/longitude box widened by ``bufferMetres`` (slightly more, never less), so every
    /// point ``contains(_:)`` accepts lies inside it: the key for a spatial index.
    public let boundingBox: BoundingBox

    private let points: [Point]
    private let runs: [Run]
    /// For areas: each polygon's runs and the box of its outer ring. Empty for lines.
    private let polygons: [Polygon]

    /// Edges per run: small enough that a box skips most of a long ring, large enough that the boxes stay few.
    private static let edgesPerRun = 16

    /// Prepares `geometry`; lines get a buffer of `bufferMetres` (default ``Zone/defaultRouteBufferMetres``,
    /// negative or non-finite read as 0), areas ignore it. `nil` for a shape without coordinates.
    ///
    /// Rings that do not end on their first position are closed; a line of one position is a point.
    public init?(geometry: Geometry, bufferMetres: Double = Zone.defaultRouteBufferMetres) {
        guard let box = geometry.boundingBox else { return nil }
        let projection = LocalProjection(
            reference: Coordinate(
                latitude: (box.minLatitude + box.maxLatitude) / 2,
                longitude: (box.minLongitude + box.maxLongitude) / 2))
        var builder = Builder(projection: projection)
        switch geometry {
        case .polygon(let rings):
            builder.addPolygon(rings)
        case .multiPolygon(let polygons):
            for rings in polygons { builder.addPolygon(rings) }
        case .lineString(let line):
            builder.addLine(line)
        case .multiLineString(let lines):
            for line in lines { builder.addLine(line) }
        }
        guard !builder.runs.isEmpty else { return nil }
        let buffer = geometry.isAreal || !bufferMetres.isFinite ? 0 : max(0, bufferMetres)
        self.projection = projection
        self.isAreal = geometry.isAreal
        self.bufferMetres = buffer
        self.points = builder.points
        self.runs = builder.runs
        self.polygons = builder.polygons
        self.boundingBox = Self.widen(box, byMetres: buffer)
    }

    /// Prepares a zone's geometry with its own buffer (default ``Zone/defaultRouteBufferMetres``); `nil` when
    /// the zone has no geometry.
    public init?(zone: Zone) {
        guard let geometry = zone.geometry else { return nil }
        self.init(geometry: geometry, bufferMetres: zone.bufferMetres ?? Zone.defaultRouteBufferMetres)
    }

    /// Whether `coordinate` is inside the area (inside an outer ring and outside its holes, in any polygon),
    /// or, for lines, within ``bufferMetres`` of the centre line. A point exactly on a polygon's edge may
    /// fall on either side.
    public func contains(_ coordinate: Coordinate) -> Bool {
        guard coordinate.latitude >= boundingBox.minLatitude, coordinate.latitude <= boundingBox.maxLatitude,
            coordinate.longitude >= boundingBox.minLongitude, coordinate.longitude <= boundingBox.maxLongitude
        else { return false }
        let point = projection.project(coordinate)
        if isAreal {
            return isInsideArea(x: point.x, y: point.y)
        }
        return nearestSquaredDistance(x: point.x, y: point.y, stoppingWithin: bufferMetres * bufferMetres)
            <= bufferMetres * bufferMetres
    }

    /// The distance in metres from `coordinate` to the shape: for areas 0 inside and the distance to the
    /// nearest edge (outer ring or hole) outside; for lines the distance to the centre line, buffer ignored.
    public func distanceMetres(to coordinate: Coordinate) -> Double {
        let point = projection.project(coordinate)
        if isAreal, isInsideArea(x: point.x, y: point.y) {
            return 0
        }
        return nearestSquaredDistance(x: point.x, y: point.y, stoppingWithin: 0).squareRoot()
    }

    // MARK: - Queries

    /// Even–odd ray casting towards +x over each polygon's runs, so holes fall out of the count.
    private func isInsideArea(x: Double, y: Double) -> Bool {
        for polygon in polygons where polygon.box.contains(x: x, y: y) {
            var inside = false
            for runIndex in polygon.runs {
                let run = runs[runIndex]
                // An edge crosses the ray only if it straddles y (half-open, so a vertex counts once) and
                // meets it east of x: a run wholly below, above or west of the point has no crossing.
                guard y >= run.box.minY, y < run.box.maxY, x <= run.box.maxX else { continue }
                var index = run.start
                while index < run.end {
                    let a = points[index]
                    let b = points[index + 1]
                    if (a.y > y) != (b.y > y), x < a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y) {
                        inside.toggle()
                    }
                    index += 1
                }
            }
            if inside { return true }
        }
        return false
    }

    /// The squared distance to the nearest edge, returning early once it is at most `enough`.
    private func nearestSquaredDistance(x: Double, y: Double, stoppingWithin enough: Double) -> Double {
        var best = Double.infinity
        for run in runs where run.box.squaredDistance(x: x, y: y) < best {
            var index = run.start
            while index < run.end {
                let distance = Self.squaredDistance(x: x, y: y, from: points[index], to: points[index + 1])
                if distance < best {
                    best = distance
                    if best <= enough { return best }
                }
                index += 1
            }
        }
        return best
    }

    private static func squaredDistance(x: Double, y: Double, from a: Point, to b: Point) -> Double {
        let dx = b.x - a.x
        let dy = b.y - a.y
        let length = dx * dx + dy * dy
        var t = length > 0 ? ((x - a.x) * dx + (y - a.y) * dy) / length : 0
        t = min(1, max(0, t))
        let ex = a.x + t * dx - x
        let ey = a.y + t * dy - y
        return ex * ex + ey * ey
    }

    /// `box` widened by `metres`, erring wide: a degree of latitude at its shortest (the meridional radius
    /// at the equator), a degree of longitude at the box's latitude nearest a pole, plus 1 % for rounding.
    private static func widen(_ box: BoundingBox, byMetres metres: Double) -> BoundingBox {
        guard metres > 0 else { return box }
        let latitude = max(abs(box.minLatitude), abs(box.maxLatitude)) * .pi / 180
        let a = LocalProjection.semiMajorAxis
        let e2 = LocalProjection.eccentricity * LocalProjection.eccentricity
        let primeVertical = a / (1 - e2 * sin(latitude) * sin(latitude)).squareRoot()
        let margin = metres * 1.01 * 180 / .pi
        let latitudeDelta = margin / (a * (1 - e2))
        let longitudeDelta = margin / (primeVertical * max(cos(latitude), 1e-9))
        return BoundingBox(
            minLatitude: box.minLatitude - latitudeDelta, minLongitude: box.minLongitude - longitudeDelta,
            maxLatitude: box.maxLatitude + latitudeDelta, maxLongitude: box.maxLongitude + longitudeDelta)
    }
}

// MARK: - Storage

extension ZoneShape {
    /// A projected vertex in metres.
    fileprivate struct Point: Sendable {
        var x: Double
        var y: Double
    }

    /// An axis-aligned box in projected metres.
    fileprivate struct Box: Sendable {
        var minX = Double.infinity
        var minY = Double.infinity
        var maxX = -Double.infinity
        var maxY = -Double.infinity

        mutating func add(_ point: Point) {
            minX = min(minX, point.x)
            minY = min(minY, point.y)
            maxX = max(maxX, point.x)
            maxY = max(maxY, point.y)
        }

        func contains(x: Double, y: Double) -> Bool {
            x >= minX && x <= maxX && y >= minY && y <= maxY
        }

        func squaredDistance(x: Double, y: Double) -> Double {
            let dx = max(minX - x, 0, x - maxX)
            let dy = max(minY - y, 0, y - maxY)
            return dx * dx + dy * dy
        }
    }

    /// Consecutive edges `points[start]→points[start + 1]` … `points[end - 1]→points[end]` and their box.
    fileprivate struct Run: Sendable {
        var start: Int
        var end: Int
        var box: Box
    }

    /// A polygon: the runs of all its rings, and the box of its outer ring.
    fileprivate struct Polygon: Sendable {
        var runs: Range<Int>
        var box: Box
    }

    /// Projects rings and lines into flat storage.
    fileprivate struct Builder {
        let projection: LocalProjection
        var points: [Point] = []
        var runs: [Run] = []
        var polygons: [Polygon] = []

        mutating func addPolygon(_ rings: [[Coordinate]]) {
            let firstRun = runs.count
            var outerBox = Box()
            for (ringIndex, ring) in rings.enumerated() where !ring.isEmpty {
                var closed = ring
                if let first = ring.first, ring.last != first { closed.append(first) }
                let box = addPath(closed)
                if ringIndex == 0 { outerBox = box }
            }
            if runs.count > firstRun {
                polygons.append(Polygon(runs: firstRun..<runs.count, box: outerBox))
            }
        }

        mutating func addLine(_ line: [Coordinate]) {
            guard let first = line.first else { return }
            _ = addPath(line.count == 1 ? [first, first] : line)
        }

        /// Adds a path of at least two positions as runs; returns its box.
        private mutating func addPath(_ path: [Coordinate]) -> Box {
            let start = points.count
            var pathBox = Box()
            for coordinate in path {
                let projected = projection.project(coordinate)
                let point = Point(x: projected.x, y: projected.y)
                points.append(point)
                pathBox.add(point)
            }
            let last = points.count - 1
            var runStart = start
            while runStart < last {
                let runEnd = min(runStart + ZoneShape.edgesPerRun, last)
                var box = Box()
                for index in runStart...runEnd { box.add(points[index]) }
                runs.append(Run(start: runStart, end: runEnd, box: box))
                runStart = runEnd
            }
            return pathBox
        }
    }
}
