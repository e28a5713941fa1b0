import BikePDCACore
import Geo
import Testing

@Suite("ZoneShape")
struct ZoneShapeTests {
    static func c(_ latitude: Double, _ longitude: Double) -> Coordinate {
        Coordinate(latitude: latitude, longitude: longitude)
    }

    /// A 0.01° square district in Fukui (36.00–36.01 N, 136.20–136.21 E) with a 0.002° hole in the middle.
    static let square = [c(36.0, 136.2), c(36.0, 136.21), c(36.01, 136.21), c(36.01, 136.2), c(36.0, 136.2)]
    static let hole = [
        c(36.004, 136.204), c(36.006, 136.204), c(36.006, 136.206), c(36.004, 136.206), c(36.004, 136.204),
    ]
    static let district = Geometry.polygon([square, hole])
    /// A route along the parallel 36.05 N from 136.20 to 136.22 E, in two segments.
    static let route = Geometry.lineString([c(36.05, 136.2), c(36.05, 136.21), c(36.05, 136.22)])

    @Test(
        "points inside the district, in its hole and outside",
        arguments: [
            (c(36.002, 136.202), true),  // south-west quarter of the square
            (c(36.009, 136.209), true),  // north-east
            (c(36.005, 136.2035), true),  // just west of the hole
            (c(36.005, 136.205), false),  // in the hole
            (c(36.0055, 136.2045), false),  // in the hole, off centre
            (c(36.02, 136.205), false),  // north of the square
            (c(36.005, 136.199), false),  // west of it
            (c(35.9999, 136.205), false),  // just south
        ])
    func districtContains(point: Coordinate, expected: Bool) throws {
        let shape = try #require(ZoneShape(geometry: Self.district))
        #expect(shape.contains(point) == expected)
        #expect(shape.isAreal)
        #expect(shape.bufferMetres == 0)
    }

    @Test("distance from outside a district is to its nearest edge: 0.01° north of the top edge ≈ 1109.59 m")
    func distanceOutsideDistrict() throws {
        let shape = try #require(ZoneShape(geometry: Self.district))
        // Meridian arc from 36.01° to 36.02°: M(36.015°) × 0.01° in radians; Python gives 1109.593 m.
        let expected = GeodesyReference.metres(ofLatitudeDegrees: 0.01, around: 36.015)
        #expect(abs(expected - 1109.593) < 0.001)
        #expect(abs(shape.distanceMetres(to: Self.c(36.02, 136.205)) - expected) < 0.2)
    }

    @Test("distance inside a district is 0; inside its hole it is to the hole's nearest edge (≈ 90.16 m)")
    func distanceInsideDistrictAndHole() throws {
        let shape = try #require(ZoneShape(geometry: Self.district))
        #expect(shape.distanceMetres(to: Self.c(36.002, 136.202)) == 0)
        // The hole is 0.002° square; from its centre the east and west edges are nearer (0.001° of longitude,
        // N cos φ Δλ ≈ 90.158 m) than the north and south ones (0.001° of latitude ≈ 110.96 m).
        let expected = GeodesyReference.metres(ofLongitudeDegrees: 0.001, atLatitude: 36.005)
        #expect(abs(expected - 90.158) < 0.001)
        #expect(abs(shape.distanceMetres(to: Self.c(36.005, 136.205)) - expected) < 0.2)
    }

    @Test("a concave (L-shaped) district does not contain the notch")
    func concaveDistrict() throws {
        // An L: the square 36.00–36.02 × 136.20–136.22 minus its north-east quarter.
        let shape = try #require(
            ZoneShape(
                geometry: .polygon([
                    [
                        Self.c(36.0, 136.2), Self.c(36.0, 136.22), Self.c(36.01, 136.22), Self.c(36.01, 136.21),
                        Self.c(36.02, 136.21), Self.c(36.02, 136.2), Self.c(36.0, 136.2),
                    ]
                ])))
        #expect(shape.contains(Self.c(36.015, 136.215)) == false)
        #expect(shape.contains(Self.c(36.015, 136.205)))
        #expect(shape.contains(Self.c(36.005, 136.215)))
        // From the middle of the notch the nearest edge is its west side on 136.21° E, 0.005° of longitude
        // (N cos φ Δλ ≈ 450.733 m) away; its south side on 36.01° N is 0.005° of latitude (≈ 554.8 m) away.
        let expected = GeodesyReference.metres(ofLongitudeDegrees: 0.005, atLatitude: 36.015)
        #expect(abs(expected - 450.733) < 0.001)
        #expect(abs(shape.distanceMetres(to: Self.c(36.015, 136.215)) - expected) < 0.2)
    }

    @Test("a MultiPolygon contains points in any of its parts, and a ring left open is closed")
    func multiPolygon() throws {
        let far = [Self.c(36.1, 136.3), Self.c(36.1, 136.31), Self.c(36.11, 136.31), Self.c(36.11, 136.3)]
        let shape = try #require(ZoneShape(geometry: .multiPolygon([[Self.square], [far]])))
        #expect(shape.contains(Self.c(36.005, 136.205)))
        #expect(shape.contains(Self.c(36.105, 136.305)))
        #expect(shape.contains(Self.c(36.05, 136.25)) == false)
        #expect(shape.distanceMetres(to: Self.c(36.105, 136.305)) == 0)
    }

    @Test(
        "a route holds points within its 30 m buffer of the centre line, including past its ends",
        arguments: [
            (c(36.0502, 136.205), true),  // 0.0002° north ≈ 22.19 m
            (c(36.0498, 136.215), true),  // 0.0002° south
            (c(36.0503, 136.205), false),  // 0.0003° north ≈ 33.29 m
            (c(36.05, 136.2203), true),  // 0.0003° east of the end ≈ 27.03 m
            (c(36.05, 136.2204), false),  // 0.0004° east ≈ 36.04 m
            (c(36.05, 136.1997), true),  // 0.0003° west of the start
        ])
    func routeContains(point: Coordinate, expected: Bool) throws {
        let shape = try #require(ZoneShape(geometry: Self.route))
        #expect(shape.bufferMetres == Zone.defaultRouteBufferMetres)
        #expect(shape.isAreal == false)
        #expect(shape.contains(point) == expected)
    }

    @Test("distance to a route is to its centre line: 0.0003° north ≈ 33.29 m, 0.0004° past the end ≈ 36.04 m")
    func routeDistance() throws {
        let shape = try #require(ZoneShape(geometry: Self.route))
        let north = GeodesyReference.metres(ofLatitudeDegrees: 0.0003, around: 36.05015)
        let east = GeodesyReference.metres(ofLongitudeDegrees: 0.0004, atLatitude: 36.05)
        #expect(abs(north - 33.288) < 0.001)
        #expect(abs(east - 36.043) < 0.001)
        #expect(abs(shape.distanceMetres(to: Self.c(36.0503, 136.205)) - north) < 0.05)
        #expect(abs(shape.distanceMetres(to: Self.c(36.05, 136.2204)) - east) < 0.05)
        #expect(shape.distanceMetres(to: Self.c(36.05, 136.21)) < 0.01)
    }

    static func zone(geometry: Geometry?, bufferMetres: Double?) throws -> Zone {
        Zone(
            id: "FK-R1", kind: .route, stationID: "18101", name: "県道",
            designatedFrom: try #require(LocalDate(year: 2025, month: 4, day: 1)),
            designatedTo: nil, reason: nil, geometry: geometry, bufferMetres: bufferMetres)
    }

    @Test("a zone's own buffer is used, 30 m when it has none; a zone without geometry has no shape")
    func fromZone() throws {
        let point = Self.c(36.0503, 136.205)  // ≈ 33.29 m north of the line
        let wide = try #require(ZoneShape(zone: try Self.zone(geometry: Self.route, bufferMetres: 50)))
        #expect(wide.contains(point))
        let standard = try #require(ZoneShape(zone: try Self.zone(geometry: Self.route, bufferMetres: nil)))
        #expect(standard.contains(point) == false)
        #expect(standard.bufferMetres == 30)
        #expect(ZoneShape(zone: try Self.zone(geometry: nil, bufferMetres: nil)) == nil)
        #expect(ZoneShape(geometry: .lineString([])) == nil)
        #expect(ZoneShape(geometry: .multiPolygon([])) == nil)
    }

    @Test("a route's bounding box is widened by just over its buffer: 30 m ≈ 0.00027° of latitude")
    func routeBoundingBox() throws {
        let shape = try #require(ZoneShape(geometry: Self.route))
        let box = shape.boundingBox
        // 30 m of latitude at 36.05° is 30 / M × 180/π ≈ 0.0002704°; of longitude 30 / (N cos φ) ≈ 0.000333°.
        let latitudeDegrees = 30 / GeodesyReference.meridionalRadius(atLatitude: 36.05) * 180 / .pi
        let longitudeDegrees = 30 / GeodesyReference.metres(ofLongitudeDegrees: 1, atLatitude: 36.05)
        #expect(box.maxLatitude >= 36.05 + latitudeDegrees && box.maxLatitude < 36.05 + 1.03 * latitudeDegrees)
        #expect(box.minLatitude <= 36.05 - latitudeDegrees && box.minLatitude > 36.05 - 1.03 * latitudeDegrees)
        #expect(box.maxLongitude >= 136.22 + longitudeDegrees && box.maxLongitude < 136.22 + 1.03 * longitudeDegrees)
        #expect(box.minLongitude <= 136.2 - longitudeDegrees && box.minLongitude > 136.2 - 1.03 * longitudeDegrees)
        let district = try #require(ZoneShape(geometry: Self.district, bufferMetres: 100))
        #expect(
            district.boundingBox
                == BoundingBox(minLatitude: 36, minLongitude: 136.2, maxLatitude: 36.01, maxLongitude: 136.21))
    }

    @Test("on a 41 × 41 grid around each shape, contains agrees with the distance and the bounding box")
    func containsAgreesWithDistance() throws {
        let wiggly = Geometry.multiLineString([
            (0...40).map { Self.c(36.05 + 0.0004 * Double($0 % 2), 136.2 + 0.0005 * Double($0)) },
            [Self.c(36.04, 136.21), Self.c(36.06, 136.21)],
        ])
        for geometry in [Self.district, wiggly] {
            let shape = try #require(ZoneShape(geometry: geometry))
            let box = try #require(geometry.boundingBox)
            var inside = 0
            for row in 0...40 {
                for column in 0...40 {
                    let point = Self.c(
                        box.minLatitude - 0.001 + (box.maxLatitude - box.minLatitude + 0.002) * Double(row) / 40,
                        box.minLongitude - 0.001 + (box.maxLongitude - box.minLongitude + 0.002) * Double(column) / 40)
                    let distance = shape.distanceMetres(to: point)
                    let contains = shape.contains(point)
                    #expect(contains == (geometry.isAreal ? distance == 0 : distance <= shape.bufferMetres))
                    if contains {
                        inside += 1
                        #expect(point.latitude >= shape.boundingBox.minLatitude)
                        #expect(point.latitude <= shape.boundingBox.maxLatitude)
                        #expect(point.longitude >= shape.boundingBox.minLongitude)
                        #expect(point.longitude <= shape.boundingBox.maxLongitude)
                    }
                }
            }
            #expect(inside > 20 && inside < 41 * 41)
        }
    }
}
