import BikePDCACore
import Foundation
import Importers
import SampleGenerator
import Store
import TestFolders
import Testing
import Workflows

/// National sets written once and shared by the tests.
enum NationalFixtures {
    /// All 47 prefectures, fiscal 2025, a small share of the records (activities and plans are not scaled).
    static let fullConfiguration = NationalConfiguration(firstFiscalYear: 2025, years: 1, rowScale: 0.002)
    /// 北海道 (its five 方面 codes), 青森 and 岩手: 97 stations, fiscal 2025–2026 (blue tickets from 2026-04-01).
    static let smallConfiguration = NationalConfiguration(
        firstFiscalYear: 2025, years: 2, prefectureLimit: 3, rowScale: 0.02)

    static let fullSet = write(fullConfiguration, "national-full")
    static let smallSet = write(smallConfiguration, "national-small")

    static func write(
        _ configuration: NationalConfiguration, _ name: String
    ) -> Result<(URL, SampleSummary), SampleGeneratorError> {
        let directory = Fixtures.temporaryDirectory(name)
        do throws(SampleGeneratorError) {
            return .success(
                (directory, try SampleDataWriter.writeNationalSet(to: directory, configuration: configuration)))
        } catch {
            return .failure(error)
        }
    }

    /// The NPA prefecture codes (都道府県コード) and their prefectures, from the NPA's code table: Hokkaido has one
    /// code per 方面 (10 札幌 … 14 北見).
    static let npaPrefectures: [String: String] = {
        let groups: [(String, [Int])] = [
            ("北海道", [10, 11, 12, 13, 14]), ("青森", [20]), ("岩手", [21]), ("宮城", [22]), ("秋田", [23]),
            ("山形", [24]), ("福島", [25]), ("東京", [30]), ("茨城", [40]), ("栃木", [41]), ("群馬", [42]),
            ("埼玉", [43]), ("千葉", [44]), ("神奈川", [45]), ("新潟", [46]), ("山梨", [47]), ("長野", [48]),
            ("静岡", [49]), ("富山", [50]), ("石川", [51]), ("福井", [52]), ("岐阜", [53]), ("愛知", [54]),
            ("三重", [55]), ("滋賀", [60]), ("京都", [61]), ("大阪", [62]), ("兵庫", [63]), ("奈良", [64]),
            ("和歌山", [65]), ("鳥取", [70]), ("島根", [71]), ("岡山", [72]), ("広島", [73]), ("山口", [74]),
            ("徳島", [80]), ("香川", [81]), ("愛媛", [82]), ("高知", [83]), ("福岡", [90]), ("佐賀", [91]),
            ("長崎", [92]), ("熊本", [93]), ("大分", [94]), ("宮崎", [95]), ("鹿児島", [96]), ("沖縄", [97]),
        ]
        var table: [String: String] = [:]
        for (name, codes) in groups {
            for code in codes { table[String(code)] = name }
        }
        return table
    }()
}

/// A CSV file of the national set as rows of cells, split on commas (these files quote nothing).
struct PlainCSV {
    let header: [String]
    let rows: [[String]]

    init(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        header = lines.isEmpty ? [] : lines.removeFirst().map(String.init)
        rows = lines.map { $0.map(String.init) }
    }

    func values(_ name: String) -> [String] {
        guard let index = header.firstIndex(of: name) else { return rows.map { _ in "" } }
        return rows.map { $0[index] }
    }

    /// Each row as column name → cell.
    var records: [[String: String]] {
        rows.map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }
}

/// The zones of a national set, read from its GeoJSON file.
struct NationalZones {
    let features: [[String: Any]]

    init(_ directory: URL) throws {
        let data = try Data(contentsOf: directory.appendingPathComponent("zones.geojson"))
        let collection = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(collection["features"] as? [[String: Any]])
        features = list.map { feature in
            var zone = (feature["properties"] as? [String: Any]) ?? [:]
            zone["geometry"] = feature["geometry"]
            return zone
        }
    }

    var parsed: [IndependentGeometry.ParsedZone] { features.compactMap(IndependentGeometry.ParsedZone.init) }
}

@Suite("National data set")
struct NationalSetTests {
    @Test("the same configuration writes byte-identical files")
    func sameConfigurationSameBytes() throws {
        let (directory, summary) = try NationalFixtures.fullSet.get()
        let again = Fixtures.temporaryDirectory("national-again")
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try SampleDataWriter.writeNationalSet(to: again, configuration: NationalFixtures.fullConfiguration)
        let files = try expectSameFiles(directory, again)
        #expect(files.count == summary.files.count)
        #expect(
            files == [
                "accidents/accidents_FY2025.csv", "activities/activities_FY2025.csv",
                "enforcement/enforcement_FY2025.csv", "plans/plans_FY2025.csv", "stations.csv", "zones.csv",
                "zones.geojson",
            ])
    }

    @Test("a set of fewer prefectures holds exactly the full set's records of them")
    func subsetsAgree() throws {
        let (full, _) = try NationalFixtures.fullSet.get()
        var configuration = NationalFixtures.fullConfiguration
        configuration.prefectureLimit = 2
        let subset = Fixtures.temporaryDirectory("national-subset")
        defer { try? FileManager.default.removeItem(at: subset) }
        _ = try SampleDataWriter.writeNationalSet(to: subset, configuration: configuration)
        // 北海道 (10–14) and 青森 (20): their station ids are the full set's first ones.
        let codes = ["10", "11", "12", "13", "14", "20"]
        for path in ["enforcement/enforcement_FY2025.csv", "accidents/accidents_FY2025.csv", "stations.csv"] {
            let fullLines = try String(contentsOf: full.appendingPathComponent(path), encoding: .utf8)
                .split(separator: "\n")
            let subsetLines = try String(contentsOf: subset.appendingPathComponent(path), encoding: .utf8)
                .split(separator: "\n")
            let column = path == "stations.csv" ? 0 : 3
            let expected = fullLines.dropFirst().filter { line in
                let station = line.split(separator: ",", omittingEmptySubsequences: false)[column]
                return codes.contains(String(station.prefix(2)))
            }
            #expect(subsetLines.count > 1)
            #expect(Array(subsetLines.dropFirst()) == expected, "\(path)")
        }
    }

    @Test("47 prefectures with their NPA codes; about 1,150 stations with unique ids, Tokyo ~100 and Tottori ~9")
    func prefecturesAndStations() throws {
        let (directory, summary) = try NationalFixtures.fullSet.get()
        let stations = try PlainCSV(directory.appendingPathComponent("stations.csv"))
        #expect(stations.header == ["prefecture_code", "station_code", "name_ja", "name_en"])
        let codes = stations.values("prefecture_code")
        #expect(Set(codes) == Set(NationalFixtures.npaPrefectures.keys))
        #expect(Set(codes.compactMap { NationalFixtures.npaPrefectures[$0] }).count == 47)
        #expect((1_100...1_200).contains(stations.rows.count))
        #expect(summary.rowCount(of: .stations) == stations.rows.count)
        let ids = zip(codes, stations.values("station_code")).map { $0 + $1 }
        #expect(Set(ids).count == ids.count, "station ids repeat")
        #expect(stations.values("station_code").allSatisfy { $0.count == 3 && Int($0) != nil })
        #expect(Set(stations.values("name_ja")).count == ids.count, "station names repeat")
        func count(_ prefecture: String) -> Int {
            codes.filter { NationalFixtures.npaPrefectures[$0] == prefecture }.count
        }
        #expect((90...110).contains(count("東京")))
        #expect((7...12).contains(count("鳥取")))
        #expect((55...75).contains(count("北海道")))
        #expect(NationalPrefecture.all.count == 47)
        #expect(NationalPrefecture.all.reduce(0) { $0 + $1.stationCount } == stations.rows.count)
    }

    @Test("about 1,900 zones, each with an id of its station, at least one per station, near its capital")
    func zoneCounts() throws {
        let (directory, summary) = try NationalFixtures.fullSet.get()
        let zones = try NationalZones(directory).features
        let stations = try PlainCSV(directory.appendingPathComponent("stations.csv"))
        let stationIDs = Set(zip(stations.values("prefecture_code"), stations.values("station_code")).map { $0 + $1 })
        #expect((1_850...1_950).contains(zones.count))
        #expect(summary.rowCount(of: .zones) == zones.count)
        #expect(try dataRowCount(directory.appendingPathComponent("zones.csv")) == zones.count)
        var ids = Set<String>()
        var zonedStations = Set<String>()
        var kinds: [String: Int] = [:]
        for zone in zones {
            let id = try #require(zone["zone_id"] as? String)
            let station = try #require(zone["station"] as? String)
            let kind = try #require(zone["kind"] as? String)
            #expect(ids.insert(id).inserted, "\(id) twice")
            #expect(stationIDs.contains(station), "\(id): unknown station \(station)")
            let suffix = id.dropFirst(station.count)
            #expect(id.hasPrefix(station + "-") && suffix.count == 4, "\(id)")
            #expect(suffix.hasPrefix(kind == "district" ? "-D" : "-R"), "\(id) is a \(kind)")
            zonedStations.insert(station)
            kinds[kind, default: 0] += 1
        }
        #expect(zonedStations == stationIDs, "a station without a zone")
        #expect(kinds.count == 2 && kinds.values.allSatisfy { $0 > 600 })
        // Capitals (prefectural offices), to a few hundred metres: each prefecture's zones lie around its own.
        let capitals: [String: (latitude: Double, longitude: Double, radius: Double)] = [
            "30": (35.690, 139.692, 40_000), "70": (35.504, 134.238, 20_000), "97": (26.212, 127.681, 20_000),
            "10": (43.064, 141.347, 25_000), "62": (34.686, 135.520, 35_000),
        ]
        for zone in try NationalZones(directory).parsed {
            guard let capital = capitals[String(zone.id.prefix(2))] else { continue }
            let points = zone.polygons.flatMap { $0.flatMap { $0 } } + zone.lines.flatMap { $0 }
            for point in points {
                let metres = IndependentGeometry.metres(point, (capital.longitude, capital.latitude))
                #expect(metres < capital.radius, "\(zone.id) lies \(Int(metres)) m from its capital")
            }
        }
    }

    @Test("designations are staggered over the years, on 1 April or 1 October")
    func designationDates() throws {
        let zones = try NationalZones(try NationalFixtures.fullSet.get().0).features
        let dates = zones.compactMap { $0["designated_from"] as? String }
        #expect(dates.count == zones.count)
        #expect(dates.allSatisfy { $0.hasSuffix("-04-01") || $0.hasSuffix("-10-01") })
        #expect(Set(dates).count >= 15)
        let inSpan = dates.filter { $0 >= "2016-10-01" && $0 <= "2025-10-01" }
        #expect(Double(inSpan.count) > 0.8 * Double(dates.count))
        for year in 2017...2025 {
            #expect(dates.filter { $0.hasPrefix(String(year)) }.count > 100, "few designations in \(year)")
        }
        for zone in zones {
            if let to = zone["designated_to"] as? String, let from = zone["designated_from"] as? String {
                #expect(from < to && to <= "2026-03-31")
            }
        }
    }

    @Test("every zone's geometry is valid for its kind and keeps clear of the other zones")
    func zoneGeometry() throws {
        let directory = try NationalFixtures.fullSet.get().0
        let zones = try NationalZones(directory)
        for zone in zones.features {
            let id = zone["zone_id"] as? String ?? "?"
            let geometry = try #require(zone["geometry"] as? [String: Any])
            let type = geometry["type"] as? String
            let coordinates = geometry["coordinates"]
            if zone["kind"] as? String == "district" {
                #expect(type == "Polygon", "\(id)")
                #expect(zone["buffer_m"] == nil || zone["buffer_m"] is NSNull, "\(id): a district with a buffer")
                let rings = try #require(coordinates as? [[[Double]]], "\(id)")
                #expect(rings.count == 1)
                #expect(rings[0].count >= 4 && rings[0].first == rings[0].last, "\(id): ring not closed")
                let ring = rings[0].map { ($0[0], $0[1]) }
                let area = PlaneRing(ring).signedArea
                #expect(area > 50_000 && area < 1_000_000, "\(id): \(area) m², clockwise if negative")
                #expect(PlaneRing(ring).isSimple, "\(id): ring crosses itself")
            } else {
                #expect(zone["kind"] as? String == "route", "\(id)")
                #expect(type == "LineString", "\(id)")
                let line = try #require(coordinates as? [[Double]], "\(id)").map { ($0[0], $0[1]) }
                #expect(line.count >= 2)
                var length = 0.0
                for index in 1..<line.count {
                    let step = IndependentGeometry.metres(line[index - 1], line[index])
                    #expect(step > 1, "\(id): repeated point")
                    length += step
                }
                #expect(length > 800 && length < 1_500, "\(id): \(length) m long")
                if let buffer = zone["buffer_m"] as? Double {
                    #expect(buffer > 0 && buffer <= 500)
                }
            }
        }
        // Zones never overlap: no vertex lies within 50 m of another zone, compared where their boxes (grown by
        // 100 m) meet, found by a sweep over the boxes' western edges.
        let parsed = zones.parsed
        #expect(parsed.count == zones.features.count)
        let boxes = parsed.map(Box.init)
        let order = boxes.indices.sorted { boxes[$0].minimum.longitude < boxes[$1].minimum.longitude }
        for (position, first) in order.enumerated() {
            for second in order[(position + 1)...] {
                guard boxes[second].minimum.longitude <= boxes[first].maximum.longitude else { break }
                guard boxes[first].meets(boxes[second]) else { continue }
                for (one, other) in [(first, second), (second, first)] {
                    for vertex in boxes[one].vertices {
                        #expect(parsed[other].distance(vertex) > 50, "\(parsed[one].id) touches \(parsed[other].id)")
                    }
                }
            }
        }
    }

    @Test("records refer to their stations, zones in force and operations; accidents lie in the zone they name")
    func recordsResolve() throws {
        let directory = try NationalFixtures.smallSet.get().0
        let zones = try NationalZones(directory)
        let byID = Dictionary(uniqueKeysWithValues: zones.parsed.map { ($0.id, $0) })
        var zoneInfo: [String: (station: String, from: String, to: String)] = [:]
        for zone in zones.features {
            guard let id = zone["zone_id"] as? String else { continue }
            zoneInfo[id] = (
                zone["station"] as? String ?? "", zone["designated_from"] as? String ?? "",
                zone["designated_to"] as? String ?? "9999"
            )
        }
        let stations = try PlainCSV(directory.appendingPathComponent("stations.csv"))
        let stationIDs = Set(zip(stations.values("prefecture_code"), stations.values("station_code")).map { $0 + $1 })
        #expect(stationIDs.count == 97)
        var operations = Set<String>()
        for year in [2025, 2026] {
            let activities = try PlainCSV(directory.appendingPathComponent("activities/activities_FY\(year).csv"))
            for record in activities.records {
                #expect(operations.insert(record["operation_id"] ?? "").inserted)
                #expect(stationIDs.contains(record["station"] ?? ""))
                if let zone = record["zone_id"], !zone.isEmpty {
                    #expect(zoneInfo[zone]?.station == record["station"], "operation in \(zone)")
                }
            }
        }
        var recordIDs = Set<String>()
        var blue = 0
        var linked = 0
        for year in [2025, 2026] {
            let enforcement = try PlainCSV(directory.appendingPathComponent("enforcement/enforcement_FY\(year).csv"))
            #expect(enforcement.rows.count > 1_000)
            for record in enforcement.records {
                let id = record["record_id"] ?? ""
                let date = record["date"] ?? ""
                #expect(recordIDs.insert(id).inserted, "\(id) twice")
                #expect(stationIDs.contains(record["station"] ?? ""), "\(id)")
                #expect(date >= "\(year)-04-01" && date <= "\(year + 1)-03-31", "\(id) dated \(date) in FY\(year)")
                if let zone = record["zone_id"], !zone.isEmpty {
                    let info = try #require(zoneInfo[zone], "\(id): unknown zone \(zone)")
                    #expect(info.station == record["station"] && info.from <= date && date <= info.to, "\(id)")
                }
                if let operation = record["operation_id"], !operation.isEmpty {
                    linked += 1
                    #expect(operations.contains(operation), "\(id): unknown operation \(operation)")
                }
                if record["outcome"] == "blue" {
                    blue += 1
                    #expect(date >= "2026-04-01" && record["age_band"] != "u16" && record["violation"] != "drink")
                }
            }
            let accidents = try PlainCSV(directory.appendingPathComponent("accidents/accidents_FY\(year).csv"))
            for record in accidents.records {
                let id = record["record_id"] ?? ""
                #expect(recordIDs.insert(id).inserted, "\(id) twice")
                let point = (
                    try #require(Double(record["longitude"] ?? "")), try #require(Double(record["latitude"] ?? ""))
                )
                if let zone = record["zone_id"], !zone.isEmpty {
                    #expect(zoneInfo[zone]?.station == record["station"], "\(id)")
                    #expect(try #require(byID[zone]).distance(point) == 0, "\(id) outside \(zone)")
                } else {
                    let station = record["station"] ?? ""
                    for zone in byID.values where zone.id.hasPrefix(station) {
                        #expect(zone.distance(point) > 0, "\(id) lies in \(zone.id) without its id")
                    }
                }
            }
        }
        #expect(blue > 0, "fiscal 2026 has blue tickets")
        #expect(linked > 0)
    }

    @Test("the small national set imports into a fresh database without a single rejected row")
    func importsCleanly() throws {
        let directory = try NationalFixtures.smallSet.get().0
        let folder = try TestFolders.make("national-db")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try RecordStore(path: folder.appendingPathComponent("national.sqlite").path)
        let pipeline = ImportPipeline(store: store, now: { "2026-11-27 10:00:00" })
        var expected: [Dataset: Int] = [:]
        func load(_ path: String, _ dataset: Dataset) throws {
            let url = directory.appendingPathComponent(path)
            let result = try pipeline.importFile(path: url.path, options: ImportOptions(dataset: dataset))
            guard case .imported = result.status else {
                Issue.record("\(path) not imported: \(result.diagnostics.prefix(3).map(\.description))")
                return
            }
            #expect(result.rejected == 0 && result.errorCount == 0, "\(path)")
            #expect(result.diagnostics.isEmpty, "\(path): \(result.diagnostics.prefix(3).map(\.description))")
            let rows = dataset == .zones ? try NationalZones(directory).features.count : try dataRowCount(url)
            #expect(result.accepted == rows, "\(path)")
            expected[dataset, default: 0] += rows
        }
        try load("stations.csv", .stations)
        try load("zones.geojson", .zones)
        for dataset in [Dataset.activities, .enforcement, .accidents, .plans] {
            for year in [2025, 2026] {
                try load("\(dataset.rawValue)/\(dataset.rawValue)_FY\(year).csv", dataset)
            }
        }
        let status = try store.status(today: try #require(LocalDate(year: 2027, month: 3, day: 31)))
        #expect(status.stations.count == 97)
        #expect(status.zoneCount == expected[.zones])
        #expect(status.planCount == expected[.plans])
        let records = Dictionary(uniqueKeysWithValues: status.coverage.map { ($0.dataset, $0.records) })
        #expect(records[.enforcement] == expected[.enforcement])
        #expect(records[.accidents] == expected[.accidents])
        #expect(records[.activities] == expected[.activities])
    }
}

/// Data rows of a CSV file whose fields hold no line breaks.
func dataRowCount(_ url: URL) throws -> Int {
    let data = try Data(contentsOf: url)
    return lineStarts(of: data).count - 1
}

/// A ring in metres around its first point (equirectangular, independent of the generator's frames).
struct PlaneRing {
    let points: [(x: Double, y: Double)]

    init(_ ring: [(longitude: Double, latitude: Double)]) {
        let origin = ring[0]
        let k = cos(origin.latitude * .pi / 180) * 111_320
        points = ring.map { (($0.longitude - origin.longitude) * k, ($0.latitude - origin.latitude) * 110_950) }
    }

    /// Shoelace area: positive when counter-clockwise.
    var signedArea: Double {
        var sum = 0.0
        for index in 1..<points.count {
            sum += points[index - 1].x * points[index].y - points[index].x * points[index - 1].y
        }
        return sum / 2
    }

    /// No two non-adjacent edges cross.
    var isSimple: Bool {
        let edges = (1..<points.count).map { (points[$0 - 1], points[$0]) }
        func orientation(_ a: (x: Double, y: Double), _ b: (x: Double, y: Double), _ c: (x: Double, y: Double))
            -> Double
        {
            (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
        }
        for first in edges.indices {
            for second in edges.indices where second > first + 1 && !(first == 0 && second == edges.count - 1) {
                let (a, b) = edges[first]
                let (c, d) = edges[second]
                if orientation(a, b, c) * orientation(a, b, d) < 0 && orientation(c, d, a) * orientation(c, d, b) < 0 {
                    return false
                }
            }
        }
        return true
    }
}

/// A zone's bounding box, 100 m larger on every side, and its vertices.
struct Box {
    let minimum: IndependentGeometry.Point
    let maximum: IndependentGeometry.Point
    let vertices: [IndependentGeometry.Point]

    init(_ zone: IndependentGeometry.ParsedZone) {
        vertices = zone.polygons.flatMap { $0.flatMap { $0 } } + zone.lines.flatMap { $0 }
        let pad = 0.0013
        minimum = (
            (vertices.map(\.longitude).min() ?? 0) - pad, (vertices.map(\.latitude).min() ?? 0) - pad
        )
        maximum = (
            (vertices.map(\.longitude).max() ?? 0) + pad, (vertices.map(\.latitude).max() ?? 0) + pad
        )
    }

    func meets(_ other: Box) -> Bool {
        minimum.longitude <= other.maximum.longitude && other.minimum.longitude <= maximum.longitude
            && minimum.latitude <= other.maximum.latitude && other.minimum.latitude <= maximum.latitude
    }
}
