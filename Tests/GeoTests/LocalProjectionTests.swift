import BikePDCACore
import Geo
import Testing

@Suite("LocalProjection")
struct LocalProjectionTests {
    static let tokyoStation = Coordinate(latitude: 35.681236, longitude: 139.767125)
    let projection = LocalProjection(reference: tokyoStation)

    @Test("the reference point is the origin")
    func referenceIsOrigin() {
        let origin = projection.project(Self.tokyoStation)
        #expect(abs(origin.x) < 1e-6)
        #expect(abs(origin.y) < 1e-6)
    }

    @Test("0.01° north of Tokyo station is the meridian arc M(φm)·Δφ ≈ 1109.532 m away, due north")
    func northOffsetMatchesMeridianArc() {
        let north = Coordinate(latitude: 35.691236, longitude: 139.767125)
        // M at the mid-latitude 35.686236° times 0.01° in radians; Python gives 1109.531950 m.
        let expected = GeodesyReference.metres(ofLatitudeDegrees: 0.01, around: 35.686236)
        #expect(abs(expected - 1109.532) < 0.001)
        let point = projection.project(north)
        #expect(abs(point.y - expected) < 0.001)
        #expect(abs(point.x) < 0.001)
        #expect(abs(GeodesyReference.vincentyMetres(Self.tokyoStation, north) - point.y) < 0.001)
        // A sphere is only good to about half a percent.
        #expect(abs(GeodesyReference.haversineMetres(Self.tokyoStation, north) - point.y) / point.y < 0.005)
    }

    @Test("0.01° east of Tokyo station is N·cos φ·Δλ ≈ 905.251 m east")
    func eastOffsetMatchesParallelArc() {
        let east = Coordinate(latitude: 35.681236, longitude: 139.777125)
        let expected = GeodesyReference.metres(ofLongitudeDegrees: 0.01, atLatitude: 35.681236)
        #expect(abs(expected - 905.251) < 0.001)
        let point = projection.project(east)
        #expect(abs(point.x - expected) < 0.001)
        // The parallel curves away from the projection's straight grid north: N sinφ cosφ Δλ²/2 ≈ 0.046 m.
        #expect(point.y > 0.04 && point.y < 0.05)
    }

    @Test(
        "distances between points up to 20 km out agree with Vincenty's geodesic within 0.5 m",
        arguments: [
            (Coordinate(latitude: 35.681236, longitude: 139.767125), Coordinate(latitude: 35.79, longitude: 139.90)),
            (Coordinate(latitude: 35.60, longitude: 139.55), Coordinate(latitude: 35.76, longitude: 139.98)),
            (Coordinate(latitude: 35.85, longitude: 139.60), Coordinate(latitude: 35.52, longitude: 139.93)),
            (Coordinate(latitude: 35.52, longitude: 139.55), Coordinate(latitude: 35.53, longitude: 139.98)),
        ])
    func distancesMatchVincenty(start: Coordinate, end: Coordinate) {
        let projected = projection.distanceMetres(from: start, to: end)
        let geodesic = GeodesyReference.vincentyMetres(start, end)
        #expect(geodesic > 10_000)
        #expect(abs(projected - geodesic) < 0.5)
    }

    @Test(
        "unproject inverts project to 1e-9° (0.1 mm) across a 40 km square",
        arguments: [-0.18, -0.05, 0.0, 0.11, 0.18], [-0.22, -0.07, 0.0, 0.13, 0.22])
    func roundTrip(latitudeOffset: Double, longitudeOffset: Double) {
        let coordinate = Coordinate(
            latitude: Self.tokyoStation.latitude + latitudeOffset,
            longitude: Self.tokyoStation.longitude + longitudeOffset)
        let point = projection.project(coordinate)
        let back = projection.unproject(x: point.x, y: point.y)
        #expect(abs(back.latitude - coordinate.latitude) < 1e-9)
        #expect(abs(back.longitude - coordinate.longitude) < 1e-9)
    }

    @Test("the corners of a 20 km square laid out in the projection are 20 km apart by Vincenty (within 1 m)")
    func squareCornersAreTwentyKilometresApart() {
        // The grid's north lines are not meridians away from x = 0 (the parallel through the corner rises
        // about 22.6 m), so the check is on distances, which the projection keeps to 5 parts per million.
        let north = projection.unproject(x: 0, y: 20_000)
        let east = projection.unproject(x: 20_000, y: 0)
        let corner = projection.unproject(x: 20_000, y: 20_000)
        #expect(abs(GeodesyReference.vincentyMetres(Self.tokyoStation, north) - 20_000) < 1)
        #expect(abs(GeodesyReference.vincentyMetres(Self.tokyoStation, east) - 20_000) < 1)
        #expect(abs(GeodesyReference.vincentyMetres(north, corner) - 20_000) < 1)
        #expect(abs(GeodesyReference.vincentyMetres(east, corner) - 20_000) < 1)
        #expect(abs(GeodesyReference.vincentyMetres(Self.tokyoStation, corner) - 20_000 * 2.0.squareRoot()) < 1)
        #expect(abs(GeodesyReference.vincentyMetres(north, east) - 20_000 * 2.0.squareRoot()) < 1)
    }
}
