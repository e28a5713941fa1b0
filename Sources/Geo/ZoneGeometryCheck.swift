import BikePDCACore
import Foundation

/// The checks a zone's geometry must pass to be imported: shapes that would break the analyses are refused, each
/// with one sentence that says what is wrong and where.
///
/// - At most ``maximumPositions`` positions: a million-vertex polygon took 45 s and 361 MB to import and made
///   every later zone assignment slow.
/// - No wider or taller than ``maximumExtentKilometres``: a world-covering polygon put every record in one
///   zone (or, as a district, in none), and a local projection is meaningless at that size.
/// - Districts cover at most ``maximumDistrictSquareKilometres``.
/// - A district's rings are simple (they neither cross nor touch themselves), rings of one polygon do not cross
///   or overlap each other (touching at a point is allowed), holes lie inside their outer ring, and every ring
///   encloses an area. A self-intersecting ring has a wrong area (its lobes cancel), which decides between
///   overlapping districts, and an inside that depends on the counting rule.
///
/// Routes' lines may cross themselves (a loop road); only the first two limits apply to them.
public enum ZoneGeometryCheck {
    /// At most 10,000 positions in one zone's geometry. A district traced at street level has tens to hundreds of
    /// positions (the sample prefecture's have 9 to 23); 10,000 keeps a whole ward boundary drawn to the metre.
    public static let maximumPositions = 10_000
    /// No zone spans more than 100 km north–south or east–west: a priority route is a stretch of road within one
    /// police station's area, and 100 km is wider than most prefectures (and than any station's area outside
    /// Hokkaido).
    public static let maximumExtentKilometres = 100.0
    /// A district covers at most 1,000 km²: priority districts (重点地区) are a few streets to a few km² around
    /// stations and schools, and 1,000 km² is more than all 23 wards of Tokyo together (627 km²).
    public static let maximumDistrictSquareKilometres = 1_000.0

    /// The problems of `geometry`, each one sentence; empty when the geometry may be imported. A shape over the
    /// position or extent limits gets only that problem (the other checks would be slow or meaningless).
    public static func problems(in geometry: Geometry) -> [String] {
        let positions = geometry.positionCount
        if positions > maximumPositions {
            return [
                "the geometry has \(grouped(positions)) positions; a zone may have at most "
                    + "\(grouped(maximumPositions)): simplify it (to a tolerance of a few metres, e.g. with QGIS's "
                    + "Simplify or mapshaper -simplify)"
            ]
        }
        guard let box = geometry.boundingBox else { return [] }
        let northSouth = (box.maxLatitude - box.minLatitude) * kilometresPerDegree
        // East–west at the box's parallel nearest the equator, where a degree of longitude is longest.
        let widest =
            box.minLatitude <= 0 && box.maxLatitude >= 0 ? 0 : min(abs(box.minLatitude), abs(box.maxLatitude))
        let eastWest = (box.maxLongitude - box.minLongitude) * kilometresPerDegree * cos(widest * .pi / 180)
        if northSouth > maximumExtentKilometres || eastWest > maximumExtentKilometres {
            return [
                "the geometry spans about \(grouped(Int(eastWest.rounded()))) km east–west and "
                    + "\(grouped(Int(northSouth.rounded()))) km north–south; a zone may span at most "
                    + "\(Int(maximumExtentKilometres)) km each way (is it a whole region, or are some positions "
                    + "wrong?)"
            ]
        }
        let polygons: [[[Coordinate]]]
        switch geometry {
        case .polygon(let rings): polygons = [rings]
        case .multiPolygon(let list): polygons = list
        case .lineString, .multiLineString: return []
        }
        let projection = LocalProjection(
            reference: Coordinate(
                latitude: (box.minLatitude + box.maxLatitude) / 2,
                longitude: (box.minLongitude + box.maxLongitude) / 2))
        var checker = RingChecker(projection: projection, polygonCount: polygons.count)
        for (index, rings) in polygons.enumerated() { checker.add(polygon: index, rings: rings) }
        var problems = checker.degenerateRings
        if problems.isEmpty, let crossing = checker.firstIntersection() { problems.append(crossing) }
        if problems.isEmpty { problems += checker.holesOutside() }
        if problems.isEmpty { problems += checker.flatRings }
        if problems.isEmpty {
            let squareKilometres = checker.area / 1_000_000
            if squareKilometres > maximumDistrictSquareKilometres {
                problems.append(
                    "the district covers \(String(format: "%.1f", squareKilometres)) km²; a district may cover at "
                        + "most \(grouped(Int(maximumDistrictSquareKilometres))) km² (a priority district is a few "
                        + "streets to a few km²)")
            }
        }
        return problems
    }

    /// Kilometres per degree of a great circle on the mean Earth radius (6,371 km): enough for a limit.
    private static let kilometresPerDegree = 6_371.0088 * .pi / 180

    /// `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { result += "," }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }
}

extension Geometry {
    /// How many positions the geometry holds (closing positions of rings included).
    public var positionCount: Int {
        switch self {
        case .polygon(let rings): rings.reduce(0) { $0 + $1.count }
        case .multiPolygon(let polygons): polygons.reduce(0) { $0 + $1.reduce(0) { $0 + $1.count } }
        case .lineString(let line): line.count
        case .multiLineString(let lines): lines.reduce(0) { $0 + $1.count }
        }
    }
}

/// The rings of a district's polygons in projected metres, and the tests on them.
private struct RingChecker {
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// One ring: its distinct consecutive vertices (not repeating the first), and where it is.
    struct Ring {
        var points: [Point]
        var polygon: Int
        var index: Int
    }

    /// An edge `rings[ring].points[index] → next`, with its box.
    struct Edge {
        var ring: Int
        var index: Int
        var a: Point
        var b: Point
        var minX: Double { min(a.x, b.x) }
        var maxX: Double { max(a.x, b.x) }
        var minY: Double { min(a.y, b.y) }
        var maxY: Double { max(a.y, b.y) }
    }

    let projection: LocalProjection
    let polygonCount: Int
    var rings: [Ring] = []
    /// Rings of fewer than three distinct positions.
    var degenerateRings: [String] = []
    /// Rings that enclose less than 1 m².
    var flatRings: [String] = []
    /// Outer rings minus holes, in m².
    var area = 0.0

    init(projection: LocalProjection, polygonCount: Int) {
        self.projection = projection
        self.polygonCount = polygonCount
    }

    mutating func add(polygon: Int, rings list: [[Coordinate]]) {
        var polygonArea = 0.0
        for (index, coordinates) in list.enumerated() {
            var points: [Point] = []
            for coordinate in coordinates {
                let projected = projection.project(coordinate)
                let point = Point(x: projected.x, y: projected.y)
                if points.last != point { points.append(point) }
            }
            if points.count > 1, points.first == points.last { points.removeLast() }
            let ring = Ring(points: points, polygon: polygon, index: index)
            guard points.count >= 3 else {
                degenerateRings.append(noArea(ring))
                continue
            }
            let ringArea = Self.area(points)
            // Below 1 m² a ring holds no position a record could have: a line drawn as a polygon. (A ring that
            // crosses itself may sum to nothing as well: the crossing is the message then.)
            if ringArea < 1 { flatRings.append(noArea(ring)) }
            polygonArea += index == 0 ? ringArea : -ringArea
            rings.append(ring)
        }
        area += max(0, polygonArea)
    }

    private func noArea(_ ring: Ring) -> String {
        "\(label(ring)) encloses no area: its positions lie on one line or repeat"
    }

    /// `ring 2 (a hole)`, `polygon 3 ring 1`.
    func label(_ ring: Ring) -> String {
        let prefix = polygonCount > 1 ? "polygon \(ring.polygon + 1) " : ""
        return prefix + "ring \(ring.index + 1)" + (ring.index > 0 ? " (a hole)" : "")
    }

    /// The first crossing found, as a sentence: a ring that crosses or touches itself, or two rings of one
    /// polygon (or two polygons) that cross or overlap. Edges are swept in order of their west end, so only
    /// edges whose boxes meet are compared.
    func firstIntersection() -> String? {
        var edges: [Edge] = []
        for (ringIndex, ring) in rings.enumerated() {
            for index in ring.points.indices {
                edges.append(
                    Edge(
                        ring: ringIndex, index: index, a: ring.points[index],
                        b: ring.points[(index + 1) % ring.points.count]))
            }
        }
        edges.sort { $0.minX < $1.minX }
        for first in edges.indices {
            let edge = edges[first]
            var second = first + 1
            while second < edges.count, edges[second].minX <= edge.maxX {
                let other = edges[second]
                second += 1
                guard other.minY <= edge.maxY, other.maxY >= edge.minY else { continue }
                if let problem = problem(edge, other) { return problem }
            }
        }
        return nil
    }

    /// What is wrong where `e` and `f` meet, if anything.
    private func problem(_ e: Edge, _ f: Edge) -> String? {
        if e.ring == f.ring {
            let count = rings[e.ring].points.count
            let adjacent = (e.index + 1) % count == f.index || (f.index + 1) % count == e.index
            if adjacent {
                // Consecutive edges share a vertex; they are wrong only when one runs back along the other.
                let (shared, before, after) =
                    (e.index + 1) % count == f.index ? (e.b, e.a, f.b) : (f.b, f.a, e.b)
                guard Self.side(before, shared, after) == 0,
                    (before.x - shared.x) * (after.x - shared.x) + (before.y - shared.y) * (after.y - shared.y) > 0
                else { return nil }
                return "\(label(rings[e.ring])) turns back on itself at \(text(shared)): a ring must not cross or "
                    + "touch itself"
            }
            guard let point = Self.contact(e.a, e.b, f.a, f.b, touchingCounts: true) else { return nil }
            return "\(label(rings[e.ring])) crosses or touches itself at \(text(point)): a ring must not cross or "
                + "touch itself (draw a figure of eight as two polygons)"
        }
        guard let point = Self.contact(e.a, e.b, f.a, f.b, touchingCounts: false) else { return nil }
        let (first, second) = (rings[e.ring], rings[f.ring])
        let (low, high) =
            (first.polygon, first.index) < (second.polygon, second.index) ? (first, second) : (second, first)
        if low.polygon != high.polygon {
            return "polygon \(low.polygon + 1) and polygon \(high.polygon + 1) cross or overlap at \(text(point)): "
                + "the polygons of a district must not overlap"
        }
        return "\(label(low)) and \(label(high)) cross or overlap at \(text(point)): a polygon's rings may touch at "
            + "a point but not cross"
    }

    /// Holes that lie outside their outer ring (an even–odd test would count their inside as the district's).
    func holesOutside() -> [String] {
        var problems: [String] = []
        for hole in rings where hole.index > 0 {
            guard let outer = rings.first(where: { $0.polygon == hole.polygon && $0.index == 0 }) else { continue }
            // A vertex that is not on the outer ring (they may touch): inside or outside tells for the whole hole.
            let probe = hole.points.lazy.map { Self.location(of: $0, in: outer.points) }.first { $0 != .boundary }
            if probe == .outside {
                problems.append("\(label(hole)) lies outside \(label(outer)): a hole must be inside its ring")
            }
        }
        return problems
    }

    /// `[136.906747, 35.175823]` for a projected point.
    private func text(_ point: Point) -> String {
        let coordinate = projection.unproject(x: point.x, y: point.y)
        func format(_ value: Double) -> String {
            var text = String(format: "%.6f", value)
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
            return text
        }
        return "[\(format(coordinate.longitude)), \(format(coordinate.latitude))]"
    }

    // MARK: - Plane geometry

    /// Which side of a → b `c` lies on: 1 left, −1 right, 0 on the line. Within a millimetre of the line counts as
    /// on it: a vertex placed on another ring's edge, or a ring running back along itself, is seen as such although
    /// the projection (centred elsewhere than the file's author's) bends the edge by a few micrometres.
    static func side(_ a: Point, _ b: Point, _ c: Point) -> Int {
        let abx = b.x - a.x
        let aby = b.y - a.y
        let cross = abx * (c.y - a.y) - aby * (c.x - a.x)
        if abs(cross) <= tolerance * (abx * abx + aby * aby).squareRoot() { return 0 }
        return cross > 0 ? 1 : -1
    }

    /// Distances below this (1 mm) are nothing: positions are given to 0.1 m at best.
    static let tolerance = 0.001

    /// Whether `c`, on the line a → b, lies on that segment.
    static func isOnSegment(_ c: Point, _ a: Point, _ b: Point) -> Bool {
        c.x >= min(a.x, b.x) - tolerance && c.x <= max(a.x, b.x) + tolerance && c.y >= min(a.y, b.y) - tolerance
            && c.y <= max(a.y, b.y) + tolerance
    }

    /// A point where segments a → b and c → d meet, if they do: where they cross, or where they overlap; where
    /// one only touches the other at a point, that point when `touchingCounts`, else `nil`.
    static func contact(_ a: Point, _ b: Point, _ c: Point, _ d: Point, touchingCounts: Bool) -> Point? {
        let s1 = side(a, b, c)
        let s2 = side(a, b, d)
        let s3 = side(c, d, a)
        let s4 = side(c, d, b)
        if s1 == 0 && s2 == 0 {
            // Collinear: an overlap longer than a point is always wrong; a shared end point only touches.
            let shared = [c, d].filter { isOnSegment($0, a, b) } + [a, b].filter { isOnSegment($0, c, d) }
            guard let first = shared.first else { return nil }
            if shared.contains(where: { hypot($0.x - first.x, $0.y - first.y) > tolerance }) { return first }
            return touchingCounts ? first : nil
        }
        if s1 * s2 < 0 && s3 * s4 < 0 {
            let o3 = (d.x - c.x) * (a.y - c.y) - (d.y - c.y) * (a.x - c.x)
            let o4 = (d.x - c.x) * (b.y - c.y) - (d.y - c.y) * (b.x - c.x)
            let t = o3 / (o3 - o4)
            return Point(x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y))
        }
        guard touchingCounts else { return nil }
        if s1 == 0 && isOnSegment(c, a, b) { return c }
        if s2 == 0 && isOnSegment(d, a, b) { return d }
        if s3 == 0 && isOnSegment(a, c, d) { return a }
        if s4 == 0 && isOnSegment(b, c, d) { return b }
        return nil
    }

    enum Location { case inside, outside, boundary }

    /// Where `point` lies relative to the ring (even–odd rule).
    static func location(of point: Point, in ring: [Point]) -> Location {
        var inside = false
        for index in ring.indices {
            let a = ring[index]
            let b = ring[(index + 1) % ring.count]
            if side(a, b, point) == 0 && isOnSegment(point, a, b) { return .boundary }
            if (a.y > point.y) != (b.y > point.y), point.x < a.x + (point.y - a.y) * (b.x - a.x) / (b.y - a.y) {
                inside.toggle()
            }
        }
        return inside ? .inside : .outside
    }

    /// The unsigned area of a ring (shoelace).
    static func area(_ points: [Point]) -> Double {
        guard points.count >= 3 else { return 0 }
        var sum = 0.0
        for index in points.indices {
            let a = points[index]
            let b = points[(index + 1) % points.count]
            sum += a.x * b.y - b.x * a.y
        }
        return abs(sum) / 2
    }
}
