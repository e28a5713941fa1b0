import BikePDCACore
import Geo
import Testing

@Suite("NPA packed coordinates (STATISTICS.md §7)")
struct NPACoordinateTests {
    static let latitudeCases: [(String, Double)] = [
        ("360447337", 36.0798158),  // §7 test vector
        ("431007628", 43.1687856),  // §7 test vector
        (" 354052445 ", 35 + 40.0 / 60 + 52.445 / 3600),  // padded; 35°40′52.445″
        ("200000001", 20 + 0.001 / 3600),
        ("900000000", 90.0),
    ]
    static let longitudeCases: [(String, Double)] = [
        ("1362146018", 136.3627828),  // §7 test vector
        ("1394601650", 139 + 46.0 / 60 + 1.650 / 3600),  // 139°46′01.650″
        ("1225959999", 122 + 59.0 / 60 + 59.999 / 3600),
    ]

    @Test("latitudes DDMMSSsss", arguments: latitudeCases)
    func latitudes(text: String, expected: Double) throws {
        let value = try #require(Coordinate.npaLatitude(text))
        #expect(abs(value - expected) < 1e-6)
    }

    @Test("longitudes DDDMMSSsss", arguments: longitudeCases)
    func longitudes(text: String, expected: Double) throws {
        let value = try #require(Coordinate.npaLongitude(text))
        #expect(abs(value - expected) < 1e-6)
    }

    @Test(
        "latitudes that are missing or malformed read as nil",
        arguments: [
            "000000000",  // all zeros = missing
            "366047337",  // 60 minutes
            "360460000",  // 60.000 seconds
            "910000000",  // beyond the pole
            "900000001",
            "36044733",  // 8 digits
            "3604473370",  // 10 digits: a longitude's length
            "36044733a", "36 0447337", "", "-36044733", "３６０４４７３３７",
        ])
    func invalidLatitudes(text: String) {
        #expect(Coordinate.npaLatitude(text) == nil)
    }

    @Test(
        "longitudes that are missing or malformed read as nil",
        arguments: ["0000000000", "1366046018", "1362160000", "1810000000", "136214601", "13621460180", "136214601x"])
    func invalidLongitudes(text: String) {
        #expect(Coordinate.npaLongitude(text) == nil)
    }

    @Test("a substring of a CSV line is read without copying it out first")
    func substring() {
        let line = "360447337,1362146018"
        let parts = line.split(separator: ",")
        #expect(parts.count == 2)
        #expect(Coordinate.npaLatitude(parts[0]).map { abs($0 - 36.0798158) < 1e-6 } == true)
        #expect(Coordinate.npaLongitude(parts[1]).map { abs($0 - 136.3627828) < 1e-6 } == true)
    }
}
