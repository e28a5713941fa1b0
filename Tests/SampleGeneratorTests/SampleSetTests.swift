import Foundation
import SampleGenerator
import Testing

@Suite("Sample set")
struct SampleSetTests {
    let directory: URL
    let summary: SampleSummary

    init() throws {
        (directory, summary) = try Fixtures.sampleSet.get()
    }

    func table(_ path: String) throws -> Table {
        try Table(url: directory.appendingPathComponent(path))
    }

    func tables(in folder: String) throws -> [(String, Table)] {
        try relativeFiles(under: directory.appendingPathComponent(folder)).filter { $0.hasSuffix(".csv") }.map {
            ($0, try table(folder + "/" + $0))
        }
    }

    @Test("the same seed writes byte-identical files")
    func sameSeedSameBytes() throws {
        let again = Fixtures.temporaryDirectory("again")
        defer { try? FileManager.default.removeItem(at: again) }
        _ = try SampleDataWriter.writeSampleSet(to: again, configuration: Fixtures.configuration)
        let first = try expectSameFiles(directory, again)
        #expect(first.count == summary.files.count)
    }

    @Test("another seed draws other records")
    func otherSeedOtherRecords() throws {
        let other = Fixtures.temporaryDirectory("other")
        defer { try? FileManager.default.removeItem(at: other) }
        var configuration = Fixtures.configuration
        configuration.seed = 1
        _ = try SampleDataWriter.writeSampleSet(to: other, configuration: configuration)
        let path = "enforcement/enforcement_2025-06.csv"
        #expect(
            try Data(contentsOf: directory.appendingPathComponent(path))
                != Data(contentsOf: other.appendingPathComponent(path)))
        // The prefecture does not depend on the seed.
        #expect(
            try Data(contentsOf: directory.appendingPathComponent("zones.csv"))
                == Data(contentsOf: other.appendingPathComponent("zones.csv")))
    }

    @Test("row counts are within 10 % of the configuration and match the summary")
    func rowCounts() throws {
        let enforcement = try tables(in: "enforcement")
        let accidents = try tables(in: "accidents")
        let enforcementRows = enforcement.reduce(0) { $0 + $1.1.rows.count }
        let accidentRows = accidents.reduce(0) { $0 + $1.1.rows.count }
        #expect(enforcement.count == 42)
        #expect(enforcement.first?.0 == "enforcement_2023-04.csv")
        #expect(enforcement.last?.0 == "enforcement_2026-09.csv")
        #expect(accidents.map(\.0) == (2023...2026).map { "accidents_FY\($0).csv" })
        #expect(
            abs(enforcementRows - Fixtures.configuration.enforcementRows) <= Fixtures.configuration.enforcementRows / 10
        )
        #expect(abs(accidentRows - Fixtures.configuration.accidentRows) <= Fixtures.configuration.accidentRows / 10)
        #expect(summary.rowCount(of: .enforcement) == enforcementRows)
        #expect(summary.rowCount(of: .accidents) == accidentRows)
        #expect(summary.rowCount(of: .stations) == 9)
        #expect(summary.rowCount(of: .zones) == 24)
    }

    @Test("blue tickets only from 2026-04-01, to riders aged 16+, never for drink riding")
    func blueTicketRules() throws {
        var blue = 0
        var red = 0
        for (path, table) in try tables(in: "enforcement") {
            for (date, outcome, age, violation) in zip(
                zip(table.values("date"), table.values("outcome")),
                zip(table.values("age_band"), table.values("violation"))
            ).map({ ($0.0.0, $0.0.1, $0.1.0, $0.1.1) }) {
                if outcome == "blue" || outcome == "青切符" {
                    blue += 1
                    let iso = try #require(isoDate(date))
                    #expect(iso >= "2026-04-01", "\(path): blue ticket on \(date)")
                    #expect(!["u16", "16歳未満", ""].contains(age), "\(path): blue ticket to age \(age)")
                    #expect(violation != "drink", "\(path): blue ticket for drink riding")
                    #expect(violation != "other", "\(path): blue ticket for a violation without a penalty")
                }
                if outcome == "red" || outcome == "赤切符" {
                    red += 1
                }
                if violation == "drink" || violation == "酒気帯び運転等" {
                    #expect(outcome == "red" || outcome == "赤切符", "\(path): drink riding without a red ticket")
                }
            }
        }
        #expect(blue > 0, "fiscal 2026 should show blue tickets")
        #expect(red > 0)
    }

    @Test("every referenced station, zone and operation exists")
    func referencesResolve() throws {
        let stations = try table("stations.csv")
        let stationIDs = Set(zip(stations.values("prefecture_code"), stations.values("station_code")).map { $0 + $1 })
        let stationNames = Set(stations.values("name_ja").map { $0 + "警察署" })
        let zones = try table("zones.csv")
        let zoneStation = Dictionary(uniqueKeysWithValues: zip(zones.values("zone_id"), zones.values("station")))
        let zoneFrom = Dictionary(uniqueKeysWithValues: zip(zones.values("zone_id"), zones.values("designated_from")))
        let zoneTo = Dictionary(uniqueKeysWithValues: zip(zones.values("zone_id"), zones.values("designated_to")))
        #expect(zoneStation.values.allSatisfy(stationIDs.contains))
        var operations = Set<String>()
        for (path, table) in try tables(in: "activities") {
            for (operation, station, zone) in zip(
                table.values("operation_id"), zip(table.values("station"), table.values("zone_id"))
            ).map({ ($0, $1.0, $1.1) }) {
                #expect(operations.insert(operation).inserted, "\(path): operation \(operation) twice")
                #expect(stationIDs.contains(station))
                #expect(zone.isEmpty || zoneStation[zone] == station, "\(path): zone \(zone)")
            }
        }
        var recordIDs = Set<String>()
        var linked = 0
        for (path, table) in try tables(in: "enforcement") {
            let columns = table.header
            for row in table.rows {
                let value = { (name: String) in columns.firstIndex(of: name).map { row[$0] } ?? "" }
                #expect(recordIDs.insert(value("record_id")).inserted)
                let station = value("station")
                #expect(stationIDs.contains(station) || stationNames.contains(station), "\(path): station \(station)")
                let zone = value("zone_id")
                if !zone.isEmpty {
                    let date = try #require(isoDate(value("date")))
                    let from = try #require(zoneFrom[zone], "\(path): unknown zone \(zone)")
                    let to = zoneTo[zone] ?? ""
                    #expect(from <= date && (to.isEmpty || date <= to), "\(path): zone \(zone) not in force on \(date)")
                }
                let operation = value("operation_id")
                if !operation.isEmpty {
                    linked += 1
                    #expect(operations.contains(operation), "\(path): unknown operation \(operation)")
                }
                #expect(value("latitude").isEmpty == value("longitude").isEmpty)
            }
        }
        #expect(linked > 0)
        for folder in ["accidents", "plans"] {
            for (path, table) in try tables(in: folder) {
                #expect(table.values("station").allSatisfy(stationIDs.contains), "\(path)")
                #expect(table.values("zone_id").allSatisfy { $0.isEmpty || zoneStation[$0] != nil }, "\(path)")
            }
        }
    }

    @Test("the fiscal 2024 enforcement files and the kita export are CP932, not UTF-8, and round-trip")
    func cp932Files() throws {
        let paths =
            (4...12).map { "enforcement/enforcement_2024-\($0 < 10 ? "0" : "")\($0).csv" }
            + (1...3).map { "enforcement/enforcement_2025-0\($0).csv" } + ["mapping/kita_station_export.csv"]
        for path in paths {
            let bytes = try Array(Data(contentsOf: directory.appendingPathComponent(path)))
            #expect(String(data: Data(bytes), encoding: .utf8) == nil, "\(path) is valid UTF-8")
            let text = try #require(CP932.decode(bytes), "\(path) does not decode as CP932")
            #expect(CP932.encode(text) == bytes, "\(path) does not round-trip")
            #expect(text.hasPrefix("記録番号") || text.hasPrefix("取締番号"))
            #expect(text.contains("\r\n"))
        }
        let other = try Array(Data(contentsOf: directory.appendingPathComponent("enforcement/enforcement_2023-04.csv")))
        #expect(other.starts(with: [0xEF, 0xBB, 0xBF]), "fiscal 2023 files carry a byte-order mark")
        #expect(try table("enforcement/enforcement_2023-04.csv").values("date").allSatisfy { $0.hasPrefix("令和5年4月") })
        #expect(
            try table("enforcement/enforcement_2024-04.csv").values("department").allSatisfy {
                ["交通", "地域", "その他"].contains($0)
            })
    }

    @Test("zones designated with an effect have fewer accidents a month afterwards; the others keep their rate")
    func accidentEffects() throws {
        var before: [String: (count: Int, months: Set<String>)] = [:]
        var after: [String: (count: Int, months: Set<String>)] = [:]
        let zones = try table("zones.csv")
        let from = Dictionary(uniqueKeysWithValues: zip(zones.values("zone_id"), zones.values("designated_from")))
        var months = Set<String>()
        for (_, table) in try tables(in: "accidents") {
            for (date, zone) in zip(table.values("date"), table.values("zone_id")) {
                months.insert(String(date.prefix(7)))
                guard let start = from[zone] else { continue }
                if date < start {
                    before[zone, default: (0, [])].count += 1
                } else {
                    after[zone, default: (0, [])].count += 1
                }
            }
        }
        #expect(months.count == 42)
        func monthsBefore(_ start: String) -> Int { months.filter { $0 < String(start.prefix(7)) }.count }
        var noEffect = (before: 0.0, after: 0.0)
        let studied = SamplePrefecture.zones.filter { $0.zone.designatedFrom.description > "2023-04-01" }
        #expect(studied.filter(\.hasEffect).count >= 10)
        for zone in studied {
            let start = zone.zone.designatedFrom.description
            let rateBefore = Double(before[zone.id]?.count ?? 0) / Double(monthsBefore(start))
            let rateAfter = Double(after[zone.id]?.count ?? 0) / Double(42 - monthsBefore(start))
            if zone.hasEffect {
                #expect(rateAfter < rateBefore * 0.85, "\(zone.id): \(rateBefore) → \(rateAfter) a month")
            } else {
                noEffect.before += rateBefore
                noEffect.after += rateAfter
            }
        }
        // Zones without an effect change only by noise and the 3 %-a-year prefecture-wide decline.
        #expect(noEffect.after / noEffect.before > 0.8 && noEffect.after / noEffect.before < 1.2)
    }
}
