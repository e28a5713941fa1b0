import BikePDCACore
import Geo
import Testing

@Suite("MeshCode (JIS X 0410)")
struct MeshCodeTests {
    static let tokyoStation = Coordinate(latitude: 35.681236, longitude: 139.767125)
    static let fukui = Coordinate(latitude: 36.0798158, longitude: 136.3627828)

    // Hand work, in quarter-mesh steps (7.5″ of latitude = 1/480°, 11.25″ of longitude = 1/320°):
    // Tokyo station: ⌊35.681236 × 480⌋ = ⌊17126.993⌋ = 17126 = 53·320 + 4·40 + 1·4 + 2 → p 53, q 4, r 1,
    //   2 steps into the 3rd mesh = north half (3/4), south quarter within it;
    //   ⌊39.767125 × 320⌋ = ⌊12725.48⌋ = 12725 = 39·320 + 6·40 + 1·4 + 1 → u 39, v 6, w 1,
    //   1 step = west half, east quarter. Half digit NW = 3, quarter digit SE = 2.
    // Fukui: ⌊36.0798158 × 480⌋ = 17318 = 54·320 + 0·40 + 9·4 + 2 → north half, south quarter;
    //   ⌊36.3627828 × 320⌋ = 11636 = 36·320 + 2·40 + 9·4 + 0 → west half, west quarter. Half NW = 3, quarter SW = 1.
    @Test(
        "codes of a coordinate at every level (3rd and half from STATISTICS.md §6.1, the rest by hand)",
        arguments: [
            (tokyoStation, MeshLevel.first, "5339"),
            (tokyoStation, .second, "533946"),
            (tokyoStation, .third, "53394611"),
            (tokyoStation, .half, "533946113"),
            (tokyoStation, .quarter, "5339461132"),
            (fukui, .first, "5436"),
            (fukui, .second, "543602"),
            (fukui, .third, "54360299"),
            (fukui, .half, "543602993"),
            (fukui, .quarter, "5436029931"),
        ])
    func codeOfCoordinate(coordinate: Coordinate, level: MeshLevel, expected: String) throws {
        let mesh = try #require(MeshCode(coordinate: coordinate, level: level))
        #expect(mesh.code == expected)
        #expect(mesh.level == level)
        #expect(mesh.description == expected)
    }

    @Test("a code read back is the same cell", arguments: ["5339", "533946", "53394611", "533946113", "5339461132"])
    func codeRoundTrip(code: String) throws {
        let mesh = try #require(MeshCode(code: code))
        #expect(mesh.code == code)
        #expect(mesh.level.codeLength == code.count)
        #expect(MeshCode(coordinate: mesh.centre, level: mesh.level) == mesh)
    }

    @Test(
        "malformed codes are refused",
        arguments: [
            "", "533", "53394", "5339461", "53394611322", "53398611", "53394811", "533946115", "533946110",
            "5339461a", "５３３９", "5339461135",
        ])
    func invalidCodes(code: String) {
        #expect(MeshCode(code: code) == nil)
    }

    @Test(
        "coordinates outside the coded area (0…66°40′ N, 100…200° E) have no mesh",
        arguments: [
            Coordinate(latitude: -0.5, longitude: 139), Coordinate(latitude: 35, longitude: 99.9),
            Coordinate(latitude: 66.7, longitude: 139), Coordinate(latitude: 35, longitude: 200.1),
            Coordinate(latitude: .nan, longitude: 139),
        ])
    func outsideCodedArea(coordinate: Coordinate) {
        #expect(MeshCode(coordinate: coordinate, level: .third) == nil)
    }

    @Test("bounds and centre of 3rd mesh 53394611: 35°40′30″–35°41′ N, 139°45′45″–139°46′30″ E")
    func boundsOfThirdMesh() throws {
        let mesh = try #require(MeshCode(code: "53394611"))
        // South edge 53/1.5 + 4/12 + 1/120 = 35.675°; west edge 139 + 6/8 + 1/80 = 139.7625°.
        let bounds = mesh.bounds
        #expect(abs(bounds.minLatitude - 35.675) < 1e-12)
        #expect(abs(bounds.maxLatitude - (35.675 + 30.0 / 3600)) < 1e-12)
        #expect(abs(bounds.minLongitude - 139.7625) < 1e-12)
        #expect(abs(bounds.maxLongitude - (139.7625 + 45.0 / 3600)) < 1e-12)
        #expect(abs(mesh.centre.latitude - (35.675 + 15.0 / 3600)) < 1e-12)
        #expect(abs(mesh.centre.longitude - (139.7625 + 22.5 / 3600)) < 1e-12)
    }

    @Test("bounds of quarter mesh 5339461132: 7.5″ × 11.25″, the SE quarter of the NW half")
    func boundsOfQuarterMesh() throws {
        let bounds = try #require(MeshCode(code: "5339461132")).bounds
        // NW half starts 15″ north of the 3rd mesh's south edge; its SE quarter 11.25″ east of the west edge.
        #expect(abs(bounds.minLatitude - (35.675 + 15.0 / 3600)) < 1e-12)
        #expect(abs(bounds.maxLatitude - (35.675 + 22.5 / 3600)) < 1e-12)
        #expect(abs(bounds.minLongitude - (139.7625 + 11.25 / 3600)) < 1e-12)
        #expect(abs(bounds.maxLongitude - (139.7625 + 22.5 / 3600)) < 1e-12)
    }

    // Neighbours are listed SW, S, SE, W, E, NW, N, NE.
    @Test(
        "neighbours, with carries worked by hand",
        arguments: [
            // Inside one 2nd mesh: r, w ± 1.
            (
                "53394655",
                [
                    "53394644", "53394645", "53394646", "53394654", "53394656", "53394664", "53394665",
                    "53394666",
                ]
            ),
            // r = w = 9 of 2nd mesh 533946: east carries w 9→0 and v 6→7, north carries r 9→0 and q 4→5.
            (
                "53394699",
                [
                    "53394688", "53394689", "53394780", "53394698", "53394790", "53395608", "53395609",
                    "53395700",
                ]
            ),
            // q = v = 7, r = w = 9: the carry reaches the 1st mesh, p 53→54 northward, u 39→40 eastward.
            (
                "53397799",
                [
                    "53397788", "53397789", "53407080", "53397798", "53407090", "54390708", "54390709",
                    "54400000",
                ]
            ),
            // r = w = 0 of 2nd mesh 533900 (SW corner of 1st mesh 5339): south borrows p 53→52 with q 7, r 9;
            // west borrows u 39→38 with v 7, w 9, so the SW cell is 52 38 7 7 9 9.
            (
                "53390000",
                [
                    "52387799", "52397090", "52397091", "53380709", "53390001", "53380719", "53390010",
                    "53390011",
                ]
            ),
            // 1st mesh 5339: ±1 on p and u.
            ("5339", ["5238", "5239", "5240", "5338", "5340", "5438", "5439", "5440"]),
            // 2nd mesh 533977: east is 534070, north 543907.
            ("533977", ["533966", "533967", "534060", "533976", "534070", "543906", "543907", "544000"]),
            // NW half (3) of 53394611: west is the NE half of 53394610, north the SW half of 53394621.
            (
                "533946113",
                [
                    "533946102", "533946111", "533946112", "533946104", "533946114", "533946202",
                    "533946211", "533946212",
                ]
            ),
            // NE quarter of the NE half of 53394611: east is the NW quarter of the NW half of 53394612,
            // north the SW quarter of the SE half of 53394621.
            (
                "5339461144",
                [
                    "5339461141", "5339461142", "5339461231", "5339461143", "5339461233", "5339462121",
                    "5339462122", "5339462211",
                ]
            ),
        ])
    func neighbours(code: String, expected: [String]) throws {
        let mesh = try #require(MeshCode(code: code))
        #expect(mesh.neighbours().map(\.code) == expected)
        #expect(mesh.neighbours().allSatisfy { $0.level == mesh.level })
    }

    @Test("the corner cell 0000 of the coded area has only its 3 northern and eastern neighbours")
    func cornerOfCodedArea() throws {
        let mesh = try #require(MeshCode(code: "0000"))
        #expect(mesh.neighbours().map(\.code) == ["0001", "0100", "0101"])
    }

    @Test("levels are ordered from the 1st mesh to the quarter mesh")
    func levelOrder() {
        #expect(MeshLevel.allCases.sorted() == [.first, .second, .third, .half, .quarter])
        #expect(MeshLevel.allCases.map(\.codeLength) == [4, 6, 8, 9, 10])
    }
}
