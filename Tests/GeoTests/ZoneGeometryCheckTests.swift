import BikePDCACore
import Foundation
import Geo
import Testing

private func c(_ latitude: Double, _ longitude: Double) -> Coordinate {
    Coordinate(latitude: latitude, longitude: longitude)
}

/// Metres east and north of a point in Nagoya, for shapes whose sizes are easy to work out.
private let projection = LocalProjection(reference: c(35.17, 136.9))
private func m(_ x: Double, _ y: Double) -> Coordinate { projection.unproject(x: x, y: y) }
private func rectangle(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Coordinate] {
    [m(x0, y0), m(x1, y0), m(x1, y1), m(x0, y1), m(x0, y0)]
}

/// A circle of `count` distinct positions (plus the closing one), radius 500 m.
private func circle(_ count: Int) -> [Coordinate] {
    let ring = (0..<count).map { index in
        m(500 * cos(2 * .pi * Double(index) / Double(count)), 500 * sin(2 * .pi * Double(index) / Double(count)))
    }
    return ring + [ring[0]]
}

private func problems(_ geometry: Geometry) -> [String] { ZoneGeometryCheck.problems(in: geometry) }

@Suite("Zone geometry checks")
struct ZoneGeometryCheckTests {
    @Test("shapes a district or a route may have pass: holes (touching the ring at a point), parts, loops")
    func accepted() {
        // A 1 km square with a hole whose corner touches the outer ring at (0, 500), a vertex of both rings, or
        // at (1000, 500), on the outer ring's edge…
        let square = [m(0, 0), m(1000, 0), m(1000, 1000), m(0, 1000), m(0, 500), m(0, 0)]
        let touchingHole = [m(0, 500), m(200, 400), m(200, 600), m(0, 500)]
        #expect(problems(.polygon([square, touchingHole])) == [])
        let touchingEdge = [m(1000, 500), m(800, 600), m(800, 400), m(1000, 500)]
        #expect(problems(.polygon([rectangle(0, 0, 1000, 1000), touchingEdge])) == [])
        #expect(problems(.polygon([rectangle(0, 0, 1000, 1000), rectangle(400, 400, 600, 600)])) == [])
        // …two separate parts, a ring drawn clockwise, and a route that loops over itself.
        #expect(problems(.multiPolygon([[rectangle(0, 0, 100, 100)], [rectangle(200, 0, 300, 100)]])) == [])
        #expect(problems(.polygon([rectangle(0, 0, 100, 100).reversed()])) == [])
        #expect(problems(.lineString([m(0, 0), m(1000, 1000), m(1000, 0), m(0, 1000)])) == [])
        // 30 km × 30 km = 900 km², under the 1,000 km² limit.
        #expect(problems(.polygon([rectangle(0, 0, 30_000, 30_000)])) == [])
    }

    @Test("a bow tie crosses itself where its diagonals meet: the centre of its box")
    func bowTie() {
        let ring = [c(35.0, 136.0), c(35.01, 136.01), c(35.0, 136.01), c(35.01, 136.0), c(35.0, 136.0)]
        let found = problems(.polygon([ring]))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("ring 1 crosses or touches itself at [136.005, 35.005]") == true, "\(found)")
    }

    @Test("a figure of eight touching itself at a vertex, and a ring that runs back along itself, are refused")
    func touchesItself() {
        let eight = [m(0, 0), m(500, 500), m(1000, 0), m(1000, 1000), m(500, 500), m(0, 1000), m(0, 0)]
        #expect(problems(.polygon([eight])).first?.contains("ring 1 crosses or touches itself") == true)
        // Out along the x axis to 1000, back to 500, then up: the edge back overlaps the edge out.
        let spike = [m(0, 0), m(1000, 0), m(500, 0), m(500, 500), m(0, 500), m(0, 0)]
        let found = problems(.polygon([spike]))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("ring 1 ") == true, "\(found)")
    }

    @Test("rings of one polygon that cross, a hole outside its ring, overlapping parts, a ring with no area")
    func rings() {
        let square = rectangle(0, 0, 1000, 1000)
        let crossingHole = rectangle(800, 400, 1200, 600)
        #expect(
            problems(.polygon([square, crossingHole])).first?.hasPrefix("ring 1 and ring 2 (a hole) cross or overlap")
                == true)
        #expect(
            problems(.polygon([square, rectangle(2000, 0, 2100, 100)]))
                == ["ring 2 (a hole) lies outside ring 1: a hole must be inside its ring"])
        let overlapping = Geometry.multiPolygon([[square], [rectangle(500, 500, 1500, 1500)]])
        #expect(problems(overlapping).first?.hasPrefix("polygon 1 and polygon 2 cross or overlap") == true)
        let line = [m(0, 0), m(1000, 0), m(0, 0), m(0, 0)]
        #expect(problems(.polygon([line])).first?.hasPrefix("ring 1 encloses no area") == true)
        // Three positions on one line: the ring runs back along itself.
        let flat = [m(0, 0), m(500, 0), m(1000, 0), m(0, 0)]
        #expect(problems(.polygon([flat])).first?.hasPrefix("ring 1 turns back on itself at") == true)
    }

    @Test("a district over 1,000 km²: 40 km × 30 km = 1,200 km²")
    func tooLarge() {
        #expect(
            problems(.polygon([rectangle(0, 0, 40_000, 30_000)]))
                == [
                    "the district covers 1200.0 km²; a district may cover at most 1,000 km² (a priority district is "
                        + "a few streets to a few km²)"
                ])
    }

    @Test("a world-covering polygon: 360° of longitude at the equator is 40,030 km, 170° of latitude 18,903 km")
    func worldCovering() {
        let world = [c(-85, -180), c(-85, 180), c(85, 180), c(85, -180), c(-85, -180)]
        #expect(
            problems(.polygon([world]))
                == [
                    "the geometry spans about 40,030 km east–west and 18,903 km north–south; a zone may span at most "
                        + "100 km each way (is it a whole region, or are some positions wrong?)"
                ])
        // A route 150 km long is refused too; one of 90 km is not.
        #expect(problems(.lineString([m(0, 0), m(150_000, 0)])).first?.contains("at most 100 km") == true)
        #expect(problems(.lineString([m(0, 0), m(90_000, 0)])) == [])
    }

    @Test("at most 10,000 positions: a ring of 10,000 (9,999 and the closing one) passes, 10,001 do not")
    func positions() {
        #expect(problems(.polygon([circle(9_999)])) == [])
        #expect(
            problems(.polygon([circle(10_000)]))
                == [
                    "the geometry has 10,001 positions; a zone may have at most 10,000: simplify it (to a tolerance "
                        + "of a few metres, e.g. with QGIS's Simplify or mapshaper -simplify)"
                ])
        #expect(Geometry.polygon([circle(10_000)]).positionCount == 10_001)
    }
}
