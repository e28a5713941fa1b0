import Foundation
import SampleGenerator
import Testing

/// Geometry checked independently of the generator: ray casting in degrees, distances on the sphere.
enum IndependentGeometry {
    typealias Point = (longitude: Double, latitude: Double)

    static func metres(_ a: Point, _ b: Point) -> Double {
        let radius = 6_371_008.8
        let phi1 = a.latitude * .pi / 180
        let phi2 = b.latitude * .pi / 180
        let dPhi = phi2 - phi1
        let dLambda = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * radius * asin(h.squareRoot())
    }

    static func distance(_ p: Point, segment a: Point, _ b: Point) -> Double {
        let k = cos(p.latitude * .pi / 180) * 111_320
        let m = 110_950.0
        let ax = (a.longitude - p.longitude) * k
        let ay = (a.latitude - p.latitude) * m
        let dx = (b.longitude - a.longitude) * k
        let dy = (b.latitude - a.latitude) * m
        let lengthSquared = dx * dx + dy * dy
        let t = lengthSquared == 0 ? 0 : max(0, min(1, -(ax * dx + ay * dy) / lengthSquared))
        return ((ax + t * dx) * (ax + t * dx) + (ay + t * dy) * (ay + t * dy)).squareRoot()
    }

    static func crossings(_ p: Point, ring: [Point]) -> Int {
        var count = 0
        for index in ring.indices {
            let a = ring[index == 0 ? ring.count - 1 : index - 1]
            let b = ring[index]
            if (b.latitude > p.latitude) != (a.latitude > p.latitude),
                p.longitude < b.longitude + (p.latitude - b.latitude) * (a.longitude - b.longitude)
                    / (a.latitude - b.latitude)
            {
                count += 1
            }
        }
        return count
    }

    /// A zone parsed from a GeoJSON feature once.
    struct ParsedZone {
        let id: String
        let polygons: [[[Point]]]
        let lines: [[Point]]
        let buffer: Double

        init?(_ zone: [String: Any]) {
            guard let id = zone["zone_id"] as? String, let geometry = zone["geometry"] as? [String: Any],
                let type = geometry["type"] as? String, let coordinates = geometry["coordinates"]
            else { return nil }
            func points(_ value: Any) -> [Point] {
                ((value as? [[Double]]) ?? []).map { ($0[0], $0[1]) }
            }
            func rings(_ value: Any) -> [[Point]] { ((value as? [Any]) ?? []).map(points) }
            self.id = id
            buffer = (zone["buffer_m"] as? Double) ?? 30
            switch type {
            case "Polygon":
                polygons = [rings(coordinates)]
                lines = []
            case "MultiPolygon":
                polygons = ((coordinates as? [Any]) ?? []).map(rings)
                lines = []
            case "LineString":
                polygons = []
                lines = [points(coordinates)]
            default:
                polygons = []
                lines = rings(coordinates)
            }
        }

        /// Distance from the zone in metres (0 inside).
        func distance(_ p: Point) -> Double {
            var best = Double.infinity
            for rings in polygons {
                if rings.reduce(0, { $0 + IndependentGeometry.crossings(p, ring: $1) }) % 2 == 1 {
                    return 0
                }
                for ring in rings {
                    for index in 1..<ring.count {
                        best = min(best, IndependentGeometry.distance(p, segment: ring[index - 1], ring[index]))
                    }
                }
            }
            for line in lines {
                for index in 1..<line.count {
                    best = min(
                        best, max(0, IndependentGeometry.distance(p, segment: line[index - 1], line[index]) - buffer))
                }
            }
            return best
        }
    }
}

@Suite("Zones")
struct ZoneFileTests {
    let directory: URL
    let features: [[String: Any]]
    let zones: [IndependentGeometry.ParsedZone]

    init() throws {
        directory = try Fixtures.sampleSet.get().0
        let data = try Data(contentsOf: directory.appendingPathComponent("zones.geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(collection["type"] as? String == "FeatureCollection")
        let list = try #require(collection["features"] as? [[String: Any]])
        features = list.map { feature in
            var zone = (feature["properties"] as? [String: Any]) ?? [:]
            zone["geometry"] = feature["geometry"]
            return zone
        }
        zones = features.compactMap(IndependentGeometry.ParsedZone.init)
        #expect(zones.count == features.count)
    }

    @Test("zones.csv and zones.geojson describe the same zones")
    func sameZones() throws {
        let table = try Table(url: directory.appendingPathComponent("zones.csv"))
        #expect(table.rows.count == features.count)
        #expect(features.count >= 20)
        for (row, feature) in zip(table.rows, features) {
            for name in ["zone_id", "kind", "station", "name", "designated_from", "reason"] {
                let index = try #require(table.column(name))
                #expect(row[index] == feature[name] as? String, "\(name) of \(row[0])")
            }
            let to = try #require(table.column("designated_to"))
            #expect(row[to] == ((feature["designated_to"] as? String) ?? ""))
            let buffer = try #require(table.column("buffer_m"))
            #expect(Double(row[buffer]) == feature["buffer_m"] as? Double)
            let geometryIndex = try #require(table.column("geometry"))
            let geometry = try JSONSerialization.jsonObject(with: Data(row[geometryIndex].utf8)) as? NSDictionary
            #expect(geometry == (feature["geometry"] as? NSDictionary), "geometry of \(row[0])")
        }
        let kinds = features.compactMap { ($0["geometry"] as? [String: Any])?["type"] as? String }
        #expect(Set(kinds) == ["Polygon", "MultiPolygon", "LineString", "MultiLineString"])
        #expect(features.contains { ($0["designated_to"] as? String) != nil })
        #expect(features.filter { ($0["designated_from"] as? String ?? "") > "2023-04-01" }.count >= 12)
    }

    @Test("zones keep apart, and the hot spots lie outside every zone")
    func zonesAndHotSpots() throws {
        for spot in SamplePrefecture.hotSpots {
            let centre = (spot.centre.longitude, spot.centre.latitude)
            for zone in zones {
                #expect(zone.distance(centre) > spot.radiusMetres + 100, "\(spot.name) near \(zone.id)")
            }
        }
        // Vertices of each zone lie far from every other zone.
        for (index, zone) in zones.enumerated() {
            let vertices = SamplePrefecture.zones[index].zone.geometry?.allCoordinates ?? []
            #expect(SamplePrefecture.zones[index].id == zone.id)
            for (otherIndex, other) in zones.enumerated() where otherIndex != index {
                for vertex in vertices {
                    #expect(other.distance((vertex.longitude, vertex.latitude)) > 100, "\(zone.id) touches \(other.id)")
                }
            }
        }
    }

    @Test("every accident carries the zone it lies in, and only that one")
    func accidentZones() throws {
        let byID = Dictionary(uniqueKeysWithValues: zones.map { ($0.id, $0) })
        for path in relativeFiles(under: directory.appendingPathComponent("accidents")) {
            let table = try Table(url: directory.appendingPathComponent("accidents/" + path))
            for (zoneID, (latitude, longitude)) in zip(
                table.values("zone_id"), zip(table.values("latitude"), table.values("longitude")))
            {
                let point = (try #require(Double(longitude)), try #require(Double(latitude)))
                if zoneID.isEmpty {
                    for zone in zones {
                        #expect(zone.distance(point) > 0, "\(path): \(point) lies in \(zone.id) without its id")
                    }
                } else {
                    let zone = try #require(byID[zoneID])
                    #expect(zone.distance(point) == 0, "\(path): \(point) outside \(zoneID)")
                }
            }
        }
    }
}
