import BikePDCACore
import Foundation
import GRDB
import Geo
import Store
import Testing

/// Hand-made zones in metres around a reference point in Fukui: distances below are worked out by hand from
/// these numbers.
///
/// - D1: district, the square 0…1000 m east × 0…1000 m north, with a hole 400…600 × 400…600 (area 960,000 m²).
/// - D2: district, the square 100…300 × 100…300 inside D1 (area 40,000 m²).
/// - R1: route along y = 800 from x = −500 to 1500, buffer 30 m.
/// - R2: route along x = 1100 from y = −500 to 1500, buffer 50 m.
private enum Plan {
    static let projection = LocalProjection(reference: Coordinate(latitude: 36.06, longitude: 136.22))

    static func at(_ x: Double, _ y: Double) -> Coordinate { projection.unproject(x: x, y: y) }

    static func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [Coordinate] {
        [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]
    }

    static let d1 = Geometry.polygon([square(0, 0, 1000, 1000), square(400, 400, 600, 600)])
    static let d2 = Geometry.polygon([square(100, 100, 300, 300)])
    static let r1 = Geometry.lineString([at(-500, 800), at(1500, 800)])
    static let r2 = Geometry.lineString([at(1100, -500), at(1100, 1500)])

    static let zones: [(id: String, geometry: Geometry, bufferMetres: Double?)] = [
        ("R2", r2, 50), ("D1", d1, nil), ("R1", r1, 30), ("D2", d2, nil),
    ]

    static func zone(_ id: String, _ geometry: Geometry, buffer: Double?) -> Zone {
        Zone(
            id: id, kind: geometry.isAreal ? .district : .route, stationID: "52101", name: id,
            designatedFrom: LocalDate(year: 2024, month: 4, day: 1) ?? LocalDate(dayNumber: 0), designatedTo: nil,
            reason: nil, geometry: geometry, bufferMetres: buffer)
    }

    static func stop(_ id: String, zone: String?, at location: Coordinate?) -> EnforcementRecord {
        EnforcementRecord(
            id: id, date: LocalDate(year: 2025, month: 5, day: 10) ?? LocalDate(dayNumber: 0), time: nil,
            stationID: "52101", department: .traffic, zoneID: zone, location: location, violation: "signal",
            outcome: .warning, vehicle: .bicycle, ageBand: nil, operationID: nil)
    }
}

@Suite("Zone choice by geometry")
struct ZoneMatcherTests {
    let matcher = ZoneMatcher(zones: Plan.zones)

    @Test(
        "which zone a point belongs to",
        arguments: [
            (700.0, 200.0, "D1"),  // inside D1, outside its hole and D2
            (500.0, 500.0, nil),  // in D1's hole
            (200.0, 200.0, "D2"),  // in D1 and D2: the smaller district
            (500.0, 820.0, "D1"),  // in D1 and within R1's buffer: the district
            (1200.0, 820.0, "R1"),  // 20 m from R1 (buffer 30)
            (1200.0, 845.0, nil),  // 45 m from R1, 100 m from R2
            (1300.0, 828.0, "R1"),  // 28 m: inside the buffer
            (1300.0, 832.0, nil),  // 32 m: outside
            (1105.0, 815.0, "R2"),  // 15 m from R1, 5 m from R2: the nearer route
            (1110.0, 810.0, "R1"),  // 10 m from both: the smaller id
            (-200.0, -200.0, nil),
        ] as [(Double, Double, String?)])
    func membership(x: Double, y: Double, expected: String?) {
        #expect(matcher.zoneID(for: Plan.at(x, y)) == expected)
    }

    @Test("distance outside a zone: to a district's edge, to the edge of a route's buffer")
    func distanceOutside() throws {
        let outsideD1 = try #require(matcher.distanceOutside(zoneID: "D1", coordinate: Plan.at(1300, 500)))
        #expect(abs(outsideD1 - 300) < 0.05)
        #expect(matcher.distanceOutside(zoneID: "D1", coordinate: Plan.at(700, 200)) == 0)
        // In the hole: 100 m from the hole's edge.
        let inHole = try #require(matcher.distanceOutside(zoneID: "D1", coordinate: Plan.at(500, 500)))
        #expect(abs(inHole - 100) < 0.05)
        // 200 m from R1's centre line, buffer 30: 170 m outside.
        let outsideR1 = try #require(matcher.distanceOutside(zoneID: "R1", coordinate: Plan.at(500, 1000)))
        #expect(abs(outsideR1 - 170) < 0.05)
        #expect(matcher.distanceOutside(zoneID: "nope", coordinate: Plan.at(0, 0)) == nil)
    }

    @Test("areas by hand: D1 960,000 m² (hole removed), D2 40,000 m², routes 0")
    func areas() {
        let areas = Dictionary(uniqueKeysWithValues: matcher.entries.map { ($0.id, $0.areaSquareMetres) })
        #expect(abs((areas["D1"] ?? 0) - 960_000) < 1)
        #expect(abs((areas["D2"] ?? 0) - 40_000) < 1)
        #expect(areas["R1"] == 0)
    }
}

@Suite("assign: zones by position, QA flags")
struct AssignTests {
    /// Loads the zones and the stops into a fresh store.
    static func prepared(_ stops: [EnforcementRecord]) throws -> TestStore {
        let test = try TestStore()
        _ = try test.store.runImport(
            ImportRequest(dataset: .zones, fileName: "zones.geojson", sha256: "z", encoding: nil, importedAt: "t")
        ) { writer in
            for (line, zone) in Plan.zones.enumerated() {
                _ = try writer.write(
                    Plan.zone(zone.id, zone.geometry, buffer: zone.bufferMetres), line: line + 1,
                    geometryText: GeoJSON.text(of: zone.geometry))
            }
            return .commit(rejected: 0)
        }
        try importStops(stops, into: test)
        return test
    }

    static func importStops(_ stops: [EnforcementRecord], into test: TestStore) throws {
        _ = try test.store.runImport(
            ImportRequest(
                dataset: .enforcement, fileName: "e.csv", sha256: UUID().uuidString, encoding: nil, importedAt: "t")
        ) { writer in
            for (line, stop) in stops.enumerated() { _ = try writer.write(stop, line: line + 2) }
            return .commit(rejected: 0)
        }
    }

    static func zones(_ test: TestStore) throws -> [String: String] {
        try test.queue().read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT record_id, zone_id, zone_source FROM enforcement") {
                result[row[0]] = "\(row[1] as String? ?? "-") \(row[2] as String? ?? "-")"
            }
            return result
        }
    }

    static let stops = [
        Plan.stop("E1", zone: nil, at: Plan.at(200, 200)),
        Plan.stop("E2", zone: nil, at: Plan.at(500, 500)),
        Plan.stop("E3", zone: "D1", at: Plan.at(1300, 500)),
        Plan.stop("E4", zone: "D1", at: Plan.at(1100, 500)),
        Plan.stop("E5", zone: nil, at: nil),
        Plan.stop("E6", zone: "R1", at: Plan.at(500, 1000)),
        Plan.stop("E7", zone: nil, at: Plan.at(1200, 820)),
    ]

    @Test("records without a zone get one; reported zones stay; far ones are flagged")
    func assign() throws {
        let test = try Self.prepared(Self.stops)
        let summary = try test.store.assignZones()
        #expect(summary.zonesIndexed == 4)
        #expect(summary.tables.first?.assigned == 2)
        #expect(
            try Self.zones(test) == [
                "E1": "D2 geometry", "E2": "- -", "E3": "D1 reported", "E4": "D1 reported", "E5": "- -",
                "E6": "R1 reported", "E7": "R1 geometry",
            ])
        // Default 200 m: E3 lies 300 m outside D1; E4 (100 m) and E6 (170 m outside R1's buffer) do not count.
        let queue = try test.store.qaQueue(limit: nil)
        #expect(queue.farFromZone == ["enforcement": 1])
        #expect(queue.needsLocation == ["enforcement": 1])
        #expect(queue.items.map { "\($0.kind.rawValue) \($0.recordID)" } == ["far_from_zone E3", "needs_location E5"])
        #expect(abs((queue.items.first?.distanceMetres ?? 0) - 300) < 0.1)
    }

    @Test("the far-from-zone threshold is configurable, and kept for the runs after imports")
    func threshold() throws {
        let test = try Self.prepared(Self.stops)
        var options = ZoneAssignmentOptions()
        options.farFromZoneMetres = 100
        #expect(try test.store.assignZones(options).farFromZone == 2)  // E3 (300 m), E6 (170 m); E4 is 100 m
        let later = try test.store.assignZones()
        #expect(later.farFromZoneMetres == 100)
        #expect(later.farFromZone == 2)
        options.farFromZoneMetres = 1000
        #expect(try test.store.assignZones(options).farFromZone == 0)
    }

    @Test("a re-imported record is placed again; a zone it now reports wins")
    func reimport() throws {
        let test = try Self.prepared(Self.stops)
        _ = try test.store.assignZones()
        try Self.importStops(
            [Plan.stop("E1", zone: nil, at: Plan.at(700, 200)), Plan.stop("E7", zone: "R2", at: Plan.at(1200, 820))],
            into: test)
        _ = try test.store.assignZones()
        let zones = try Self.zones(test)
        #expect(zones["E1"] == "D1 geometry")
        #expect(zones["E7"] == "R2 reported")
    }

    @Test("changed zones recompute every zone found by position")
    func zonesChanged() throws {
        let test = try Self.prepared(Self.stops)
        _ = try test.store.assignZones()
        let moved = Geometry.polygon([Plan.square(2000, 2000, 2100, 2100)])
        _ = try test.store.runImport(
            ImportRequest(dataset: .zones, fileName: "zones2.geojson", sha256: "z2", encoding: nil, importedAt: "t")
        ) { writer in
            _ = try writer.write(Plan.zone("D2", moved, buffer: nil), line: 1, geometryText: GeoJSON.text(of: moved))
            return .commit(rejected: 0)
        }
        let summary = try test.store.assignZones()
        #expect(summary.zonesChanged)
        #expect(try Self.zones(test)["E1"] == "D1 geometry")
        #expect(try test.store.assignZones().zonesChanged == false)
    }

    @Test(
        "real Fukui accidents in a box around Fukui city: placed as a plain box test says",
        .enabled(if: RealData.isPresent, Comment(rawValue: RealData.absentMessage)))
    func npaAccidentsInBox() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)])
        // A box in degrees; in the projected plane its edges are straight chords, about a metre at most from the
        // true parallels, so the box is chosen with no accident within 0.0001° (≈ 10 m) of an edge.
        let box = (south: 36.02, north: 36.11, west: 136.165, east: 136.26)
        let district = Geometry.polygon([
            [
                Coordinate(latitude: box.south, longitude: box.west),
                Coordinate(latitude: box.south, longitude: box.east),
                Coordinate(latitude: box.north, longitude: box.east),
                Coordinate(latitude: box.north, longitude: box.west),
                Coordinate(latitude: box.south, longitude: box.west),
            ]
        ])
        _ = try test.store.runImport(
            ImportRequest(dataset: .zones, fileName: "z.geojson", sha256: "z", encoding: nil, importedAt: "t")
        ) { writer in
            _ = try writer.write(
                Plan.zone("FUKUI", district, buffer: nil), line: 1, geometryText: GeoJSON.text(of: district))
            return .commit(rejected: 0)
        }
        _ = try test.store.assignZones()
        // Expected: decode the packed DMS by hand and test the box, on the plain rows (columns 54/55, 36/37).
        func degrees(_ text: String, _ degreeDigits: Int) -> Double {
            let digits = Array(text)
            let d = Double(String(digits[0..<degreeDigits])) ?? 0
            let m = Double(String(digits[degreeDigits..<degreeDigits + 2])) ?? 0
            let s = (Double(String(digits[(degreeDigits + 2)...])) ?? 0) / 1000
            return d + m / 60 + s / 3600
        }
        var inside = 0
        var bicycleInside = 0
        var nearEdge = 0
        for row in try PlainCSV.rows(RealData.fukui2019) {
            let lat = degrees(row[54], 2)
            let lon = degrees(row[55], 3)
            let margin = 0.0001
            if abs(lat - box.south) < margin || abs(lat - box.north) < margin || abs(lon - box.west) < margin
                || abs(lon - box.east) < margin
            {
                nearEdge += 1
            }
            guard lat > box.south, lat < box.north, lon > box.west, lon < box.east else { continue }
            inside += 1
            if ["51", "52"].contains(row[36]) || ["51", "52"].contains(row[37]) { bicycleInside += 1 }
        }
        #expect(nearEdge == 0)
        #expect(inside == 448)  // also counted by a Python one-liner over the same file
        #expect(bicycleInside == 70)
        let stored = try test.queue().read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM npa_accidents WHERE zone_id = 'FUKUI'") ?? -1,
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM accidents WHERE zone_id = 'FUKUI' AND zone_source = 'geometry'")
                    ?? -1
            )
        }
        #expect(stored.0 == inside)
        #expect(stored.1 == bicycleInside)
    }
}

@Suite("assign: pending state, and work after an import of records")
struct AssignmentAfterImportTests {
    @Test("an import of zones or records records that an assignment is due; the assignment, not a refusal, ends it")
    func pending() throws {
        let test = try TestStore()
        #expect(try test.store.pendingZoneAssignment() == nil)
        _ = try test.store.runImport(
            ImportRequest(dataset: .stations, fileName: "s.csv", sha256: "s", encoding: nil, importedAt: "t1")
        ) { writer in
            _ = try writer.write(Station(id: "52101", nameJA: "福井", nameEN: nil), line: 2)
            return .commit(rejected: 0)
        }
        #expect(try test.store.pendingZoneAssignment() == nil, "stations place nothing")
        // The zones import commits and the run ends there (as when killed before its assignment).
        let test2 = try AssignTests.prepared([Plan.stop("E1", zone: nil, at: Plan.at(200, 200))])
        let pending = try #require(try test2.store.pendingZoneAssignment())
        #expect(pending.fileName == "zones.geojson", "the first import since the last assignment")
        // A later run opens the database again: the pending state is in the file, and its assignment places E1.
        let reopened = try RecordStore(path: test2.store.path)
        #expect(try reopened.pendingZoneAssignment()?.fileName == "zones.geojson")
        #expect(try reopened.assignZones().tables.first?.assigned == 1)
        #expect(try reopened.pendingZoneAssignment() == nil)
        #expect(try AssignTests.zones(test2)["E1"] == "D2 geometry")
        // A refused import leaves nothing to do.
        _ = try reopened.runImport(
            ImportRequest(dataset: .enforcement, fileName: "bad.csv", sha256: "b", encoding: nil, importedAt: "t3")
        ) { writer in
            _ = try writer.write(Plan.stop("E9", zone: nil, at: Plan.at(700, 200)), line: 2)
            return .rollback
        }
        #expect(try reopened.pendingZoneAssignment() == nil)
    }

    @Test("after an import of records, only the zones those records may lie in or report are prepared")
    func preparesOnlyNeededZones() throws {
        let test = try AssignTests.prepared(AssignTests.stops)
        #expect(try test.store.assignZones().zonesPrepared == 4, "the zones are new: all four")
        #expect(try test.store.assignZones().zonesPrepared == 0, "nothing imported since")
        // F1 (700, 200) lies only in D1's box (D2's is 100…300, R1's 770…830 north, R2's 1050…1150 east);
        // F2 reports R2. The records of the first import are not looked at again.
        try AssignTests.importStops(
            [Plan.stop("F1", zone: nil, at: Plan.at(700, 200)), Plan.stop("F2", zone: "R2", at: Plan.at(1100, 0))],
            into: test)
        let summary = try test.store.assignZones()
        #expect(summary.zonesChanged == false)
        #expect(summary.zonesPrepared == 2)
        #expect(summary.tables.first?.assigned == 1)
        #expect(try AssignTests.zones(test)["F1"] == "D1 geometry")
        #expect(summary.zonesIndexed == 4)
    }

    @Test("far-from-zone flags follow later imports: a rewritten record's flag goes, older flags stay, new ones come")
    func flagsAfterImports() throws {
        // E3 lies 300 m outside D1 (x = 1300, D1 ends at 1000); E9 400 m from R2's centre line, 350 m outside its
        // 50 m buffer.
        let test = try AssignTests.prepared([
            Plan.stop("E3", zone: "D1", at: Plan.at(1300, 500)), Plan.stop("E9", zone: "R2", at: Plan.at(1500, 0)),
        ])
        #expect(try test.store.assignZones().farFromZone == 2)
        // E3 moves inside D1; E8 reports D2 (100…300) from (700, 700): 400 m east and 400 m north of its corner,
        // √(400² + 400²) ≈ 565.7 m.
        try AssignTests.importStops(
            [Plan.stop("E3", zone: "D1", at: Plan.at(700, 200)), Plan.stop("E8", zone: "D2", at: Plan.at(700, 700))],
            into: test)
        #expect(try test.store.assignZones().farFromZone == 2)
        let items = try test.store.qaQueue(limit: nil).items.filter { $0.kind == .farFromZone }
        #expect(items.map(\.recordID) == ["E8", "E9"])
        #expect(abs((items.first?.distanceMetres ?? 0) - 565.7) < 0.1)
        #expect(abs((items.last?.distanceMetres ?? 0) - 350) < 0.1)
        // A full-month file of E8 alone removes E3 and E9 (same station and month): E9's flag goes with it.
        _ = try test.store.runImport(
            ImportRequest(
                dataset: .enforcement, fileName: "full.csv", sha256: "full", encoding: nil, replacesMonths: true,
                importedAt: "t")
        ) { writer in
            _ = try writer.write(Plan.stop("E8", zone: "D2", at: Plan.at(700, 700)), line: 2)
            return .commit(rejected: 0)
        }
        #expect(try test.store.assignZones().farFromZone == 1)
        #expect(try test.store.qaQueue(limit: nil).items.map(\.recordID) == ["E8"])
    }
}
