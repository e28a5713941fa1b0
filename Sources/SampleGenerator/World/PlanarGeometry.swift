import BikePDCACore
import Foundation

/// A point in metres east and north of a frame's origin (the sample prefecture's, unless said otherwise).
struct PlanePoint: Hashable, Sendable {
    var x: Double
    var y: Double
}

/// An equirectangular projection around an origin: metres east and north of it.
///
/// Within a few kilometres of the origin its distances are within 0.1 % of geodesic ones, which is all the
/// generated shapes need (each is drawn in the frame of its station).
struct PlaneFrame: Sendable {
    let origin: Coordinate
    let metresPerDegreeLatitude = 110_950.0
    let metresPerDegreeLongitude: Double

    init(origin: Coordinate) {
        self.origin = origin
        metresPerDegreeLongitude = 111_320.0 * cos(origin.latitude * Double.pi / 180)
    }

    func point(_ coordinate: Coordinate) -> PlanePoint {
        PlanePoint(
            x: (coordinate.longitude - origin.longitude) * metresPerDegreeLongitude,
            y: (coordinate.latitude - origin.latitude) * metresPerDegreeLatitude)
    }

    /// The coordinate of a plane point, rounded to the six decimals the files carry (about 0.1 m).
    func coordinate(_ point: PlanePoint) -> Coordinate {
        Coordinate(
            latitude: PlaneFrame.rounded6(origin.latitude + point.y / metresPerDegreeLatitude),
            longitude: PlaneFrame.rounded6(origin.longitude + point.x / metresPerDegreeLongitude))
    }

    static func rounded6(_ value: Double) -> Double {
        (value * 1_000_000).rounded() / 1_000_000
    }
}

/// The sample prefecture's frame, centred near 35.17° N, 136.94° E.
///
/// Over the prefecture's ±15 km its distances are within 0.1 % of geodesic ones; every generated point keeps at
/// least ten metres from every zone boundary, so any reasonable point-in-zone test agrees with the generator's.
enum LocalFrame {
    static let frame = PlaneFrame(origin: Coordinate(latitude: 35.17, longitude: 136.94))

    static func point(_ coordinate: Coordinate) -> PlanePoint {
        frame.point(coordinate)
    }

    /// The coordinate of a plane point, rounded to the six decimals the files carry (about 0.1 m).
    static func coordinate(_ point: PlanePoint) -> Coordinate {
        frame.coordinate(point)
    }
}

/// A zone's shape in plane metres, for containment tests and for drawing points inside it.
struct ZoneShape: Sendable {
    enum Form: Sendable {
        /// Polygons, each a list of rings (outer first, then holes).
        case areas([[[PlanePoint]]])
        /// Centre lines with the half-width of the road stretch around them.
        case lines([[PlanePoint]], halfWidth: Double)
    }

    let form: Form
    let minX: Double
    let maxX: Double
    let minY: Double
    let maxY: Double
    /// Segments of the lines with cumulative lengths, for drawing points along a route.
    private let segments: [(PlanePoint, PlanePoint)]
    private let segmentTable: WeightedTable?

    /// The shape of a sample zone, in the sample prefecture's frame.
    init(geometry: Geometry, bufferMetres: Double?) {
        let form: Form
        switch geometry {
        case .polygon(let rings):
            form = .areas([rings.map { $0.map(LocalFrame.point) }])
        case .multiPolygon(let polygons):
            form = .areas(polygons.map { $0.map { $0.map(LocalFrame.point) } })
        case .lineString(let line):
            form = .lines([line.map(LocalFrame.point)], halfWidth: bufferMetres ?? Zone.defaultRouteBufferMetres)
        case .multiLineString(let lines):
            form = .lines(
                lines.map { $0.map(LocalFrame.point) }, halfWidth: bufferMetres ?? Zone.defaultRouteBufferMetres)
        }
        self.init(form: form)
    }

    /// A shape given in plane metres of any frame.
    init(form: Form) {
        self.form = form
        var points: [PlanePoint] = []
        var pieces: [(PlanePoint, PlanePoint)] = []
        var pad = 0.0
        switch form {
        case .areas(let polygons):
            points = polygons.flatMap { $0.flatMap { $0 } }
        case .lines(let lines, let halfWidth):
            points = lines.flatMap { $0 }
            pad = halfWidth
            for line in lines where line.count >= 2 {
                for index in 1..<line.count {
                    pieces.append((line[index - 1], line[index]))
                }
            }
        }
        minX = (points.map(\.x).min() ?? 0) - pad
        maxX = (points.map(\.x).max() ?? 0) + pad
        minY = (points.map(\.y).min() ?? 0) - pad
        maxY = (points.map(\.y).max() ?? 0) + pad
        segments = pieces
        segmentTable = pieces.isEmpty ? nil : WeightedTable(pieces.map { ZoneShape.distance($0.0, $0.1) })
    }

    /// The length of the centre lines in metres (0 for areas).
    var lineLength: Double {
        segments.reduce(0) { $0 + ZoneShape.distance($1.0, $1.1) }
    }

    /// Whether `point` lies inside the shape at least `margin` metres from its boundary.
    func containsWell(_ point: PlanePoint, margin: Double) -> Bool {
        guard point.x >= minX, point.x <= maxX, point.y >= minY, point.y <= maxY else { return false }
        switch form {
        case .areas(let polygons):
            for rings in polygons where ZoneShape.isInside(point, rings: rings) {
                return ZoneShape.distanceToEdges(point, rings: rings) >= margin
            }
            return false
        case .lines(_, let halfWidth):
            return distanceToLines(point) <= halfWidth - margin
        }
    }

    /// Whether `point` lies inside the shape or within `margin` metres of it.
    func isNear(_ point: PlanePoint, margin: Double) -> Bool {
        guard point.x >= minX - margin, point.x <= maxX + margin, point.y >= minY - margin, point.y <= maxY + margin
        else { return false }
        switch form {
        case .areas(let polygons):
            for rings in polygons {
                if ZoneShape.isInside(point, rings: rings) || ZoneShape.distanceToEdges(point, rings: rings) < margin {
                    return true
                }
            }
            return false
        case .lines(_, let halfWidth):
            return distanceToLines(point) < halfWidth + margin
        }
    }

    /// A point inside the shape, at least `margin` metres from its boundary.
    func drawPoint(_ random: inout SampleRandom, margin: Double) -> PlanePoint {
        switch form {
        case .areas(let polygons):
            for _ in 0..<1_000 {
                let candidate = PlanePoint(
                    x: random.double(in: minX...maxX), y: random.double(in: minY...maxY))
                if containsWell(candidate, margin: margin) {
                    return candidate
                }
            }
            // Unreachable for the sample's shapes (each covers a good part of its box); the centroid of the first
            // outer ring stays a valid answer for the star-shaped polygons built here.
            let ring = polygons.first?.first ?? []
            let count = Double(max(ring.count, 1))
            return PlanePoint(x: ring.reduce(0) { $0 + $1.x } / count, y: ring.reduce(0) { $0 + $1.y } / count)
        case .lines(_, let halfWidth):
            guard let segmentTable else { return PlanePoint(x: minX, y: minY) }
            let (start, end) = segments[segmentTable.draw(&random)]
            let length = max(ZoneShape.distance(start, end), 1)
            let along = random.unit()
            let across = random.double(in: -(halfWidth - margin - 1)...(halfWidth - margin - 1))
            let normalX = -(end.y - start.y) / length
            let normalY = (end.x - start.x) / length
            return PlanePoint(
                x: start.x + (end.x - start.x) * along + normalX * across,
                y: start.y + (end.y - start.y) * along + normalY * across)
        }
    }

    private func distanceToLines(_ point: PlanePoint) -> Double {
        var best = Double.infinity
        for (start, end) in segments {
            best = min(best, ZoneShape.distance(point, toSegment: start, end))
        }
        return best
    }

    static func distance(_ a: PlanePoint, _ b: PlanePoint) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    static func distance(_ point: PlanePoint, toSegment start: PlanePoint, _ end: PlanePoint) -> Double {
        let dx = end.x - start.x
        let dy = end.y - start.y
        let lengthSquared = dx * dx + dy * dy
        guard lengthSquared > 0 else { return distance(point, start) }
        let t = max(0, min(1, ((point.x - start.x) * dx + (point.y - start.y) * dy) / lengthSquared))
        return distance(point, PlanePoint(x: start.x + t * dx, y: start.y + t * dy))
    }

    /// Even-odd rule over all rings, so holes are excluded.
    static func isInside(_ point: PlanePoint, rings: [[PlanePoint]]) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 3 {
            var previous = ring[ring.count - 1]
            for current in ring {
                if (current.y > point.y) != (previous.y > point.y) {
                    let crossX = current.x + (point.y - current.y) * (previous.x - current.x) / (previous.y - current.y)
                    if point.x < crossX {
                        inside.toggle()
                    }
                }
                previous = current
            }
        }
        return inside
    }

    static func distanceToEdges(_ point: PlanePoint, rings: [[PlanePoint]]) -> Double {
        var best = Double.infinity
        for ring in rings where ring.count >= 2 {
            for index in 1..<ring.count {
                best = min(best, distance(point, toSegment: ring[index - 1], ring[index]))
            }
        }
        return best
    }
}
