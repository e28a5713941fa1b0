import BikePDCACore
import Geo
import Testing

@Suite("ZoneShapeGrid")
struct ZoneShapeGridTests {
    static func c(_ latitude: Double, _ longitude: Double) -> Coordinate {
        Coordinate(latitude: latitude, longitude: longitude)
    }

    /// A square district of `side` degrees with its south-west corner at (`latitude`, `longitude`).
    static func square(_ latitude: Double, _ longitude: Double, side: Double) -> ZoneShape? {
        ZoneShape(
            geometry: .polygon([
                [
                    c(latitude, longitude), c(latitude, longitude + side), c(latitude + side, longitude + side),
                    c(latitude + side, longitude), c(latitude, longitude),
                ]
            ]))
    }

    @Test("answers as testing every shape does, for points on a grid over small, edge-straddling and huge zones")
    func sameAsEveryShape() throws {
        let shapes = [
            // Small districts, one across a second-mesh boundary (36.0° N is a row edge: 36 × 12 = 432).
            try #require(Self.square(35.995, 136.2, side: 0.01)),
            try #require(Self.square(36.3, 136.5, side: 0.002)),
            // A route along 36.1° N, buffered 30 m.
            try #require(ZoneShape(geometry: .lineString([Self.c(36.1, 136.0), Self.c(36.1, 136.4)]))),
            // A box far larger than the bucketing limit (about 10° square): tested for every point.
            try #require(Self.square(30.0, 130.0, side: 10)),
        ]
        let grid = ZoneShapeGrid(shapes)
        let withoutHuge = ZoneShapeGrid(Array(shapes.prefix(3)))
        var inside = 0
        var insideSmall = 0
        for latitudeStep in 0..<120 {
            for longitudeStep in 0..<120 {
                let point = Self.c(35.95 + Double(latitudeStep) * 0.004, 135.95 + Double(longitudeStep) * 0.006)
                let expected = shapes.contains { $0.contains(point) }
                let expectedSmall = shapes.prefix(3).contains { $0.contains(point) }
                #expect(grid.anyContains(point) == expected, "\(point)")
                #expect(withoutHuge.anyContains(point) == expectedSmall, "\(point)")
                if expected { inside += 1 }
                if expectedSmall { insideSmall += 1 }
            }
        }
        // The grid of points does meet the small shapes, and the huge box holds every point.
        #expect(insideSmall > 0)
        #expect(inside == 120 * 120)
    }

    @Test("a point far from any zone, or with no shapes at all, is outside")
    func outside() throws {
        let shape = try #require(Self.square(36.0, 136.2, side: 0.01))
        #expect(!ZoneShapeGrid([shape]).anyContains(Self.c(43.0, 141.3)))
        #expect(!ZoneShapeGrid([]).anyContains(Self.c(36.005, 136.205)))
        #expect(ZoneShapeGrid([shape]).anyContains(Self.c(36.005, 136.205)))
    }
}
