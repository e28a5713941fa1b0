import Foundation
import SampleGenerator
import Testing

@Suite("Error and mapping examples")
struct ExampleFileTests {
    let directory: URL

    init() throws {
        directory = try Fixtures.sampleSet.get().0
    }

    /// The deliberate errors, as the brief for the file lists them: line, column, bad value.
    static let expectedErrors: [(line: Int, column: Int, value: String)] = [
        (4, 2, "2025-02-30"), (7, 2, "平成31年5月1日"), (10, 4, "58199"), (13, 9, "駐輪違反"), (16, 10, "blue"),
        (19, 8, ""),
    ]

    @Test("the error file holds its six errors where errors/README.md says")
    func errorFile() throws {
        let table = try Table(url: directory.appendingPathComponent("errors/enforcement_with_errors.csv"))
        #expect(table.rows.count == 20)
        #expect(table.header.count == 13)
        let readme = try String(contentsOf: directory.appendingPathComponent("errors/README.md"), encoding: .utf8)
        for error in ExampleFileTests.expectedErrors {
            let index = try #require(table.lines.firstIndex(of: error.line))
            #expect(table.rows[index][error.column - 1] == error.value, "line \(error.line)")
            #expect(readme.contains("| \(error.line) | \(error.column) ("), "README lacks line \(error.line)")
        }
        // Line 19's error is a latitude without its longitude.
        let line19 = try #require(table.lines.firstIndex(of: 19))
        #expect(!table.rows[line19][6].isEmpty)
        // Line 16's blue ticket is dated before 2026-04-01; the valid one on line 21 after it.
        let line16 = try #require(table.lines.firstIndex(of: 16))
        #expect(table.rows[line16][1] < "2026-04-01")
        let line21 = try #require(table.lines.firstIndex(of: 21))
        #expect(table.rows[line21][9] == "blue" && table.rows[line21][1] >= "2026-04-01")
    }

    @Test("every value of the kita export is mapped by its profile, and the profile's station exists")
    func mappingProfile() throws {
        let table = try Table(url: directory.appendingPathComponent("mapping/kita_station_export.csv"))
        let profile = try String(
            contentsOf: directory.appendingPathComponent("mapping/kita_station.yaml"), encoding: .utf8)
        // 車種, 緯度 and 経度 are DATASETS.md aliases, so Table reads them as vehicle, latitude, longitude.
        #expect(table.header.contains("氏名") && table.header.contains("vehicle"))
        #expect(!table.header.contains("部門") && !table.header.contains("警察署"))
        // The profile's `values:` entries, read line by line: section name → file value → canonical value.
        var sections: [String: [String: String]] = [:]
        var section = ""
        var inValues = false
        for line in profile.split(separator: "\n") {
            let text = String(line.split(separator: "#").first ?? "").trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix(" ") {
                inValues = text == "values:"
                continue
            }
            guard inValues, !text.isEmpty else { continue }
            let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("    ") {
                sections[section, default: [:]][parts[0]] = parts.count > 1 ? parts[1] : ""
            } else {
                section = parts[0]
            }
        }
        let codes = ["stop", "signal", "no-light", "psc-rules", "lane", "phone", "two-riders", "side-by-side", "drink"]
        for (violation, outcome) in zip(table.values("違反名"), table.values("処理")) {
            let code = try #require(sections["violation"]?[violation], "\(violation) is not mapped")
            #expect(codes.contains(code))
            let mapped = try #require(sections["outcome"]?[outcome], "\(outcome) is not mapped")
            // Before 2026-04-01 a citation can only be a red ticket.
            #expect(mapped == "warning" || mapped == "red")
        }
        #expect(table.values("vehicle").allSatisfy { sections["vehicle"]?[$0] != nil })
        #expect(table.values("違反年月日").allSatisfy { $0.count == 8 && $0.hasPrefix("2025") })
        #expect(profile.contains("station: \"58103\""))
        let stations = try Table(url: directory.appendingPathComponent("stations.csv"))
        #expect(stations.values("station_code").contains("103"))
    }
}
