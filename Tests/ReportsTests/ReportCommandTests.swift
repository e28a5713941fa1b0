import Foundation
import TestSupport
import Testing

/// The sample reports the golden files and the browser check are made of: FY2025 of the sample prefecture, with
/// a fixed generation time so the bytes never change.
enum SampleReports {
    static let generatedAt = "2026-04-15 09:00"
    static let zone = "58101-R01"
    static let station = "58101"

    /// (golden name, command arguments, HTML file written).
    static let cases: [(name: String, arguments: [String], file: String)] = [
        ("zone-ja", ["report", "zone", zone, "--period", "FY2025"], "zone_\(zone).html"),
        ("station-ja", ["report", "station", station, "--period", "FY2025"], "station_\(station).html"),
        ("prefecture-ja", ["report", "prefecture", "--period", "FY2025"], "prefecture.html"),
        ("compare-ja", ["report", "compare", "--zone", zone], "compare_\(zone).html"),
        ("zone-en", ["report", "zone", zone, "--period", "FY2025", "--lang", "en"], "zone_\(zone).html"),
        (
            "station-en", ["report", "station", station, "--period", "FY2025", "--lang", "en"],
            "station_\(station).html"
        ),
    ]

    /// Writes one sample report into a fresh folder and returns the folder.
    static func write(_ arguments: [String]) throws -> URL {
        let sample = try LoadedSample.shared.get()
        let out = try HeadlessChromium.temporaryDirectory().appendingPathComponent("out")
        let run = try CommandLineRun(
            arguments + ["--out", out.path, "--generated-at", generatedAt], database: sample.databasePath)
        guard run.status == 0 else { throw ReportRunError(message: "\(arguments): \(run.status) \(run.stderr)") }
        return out
    }

    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")
}

struct ReportRunError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

@Suite("bikepdca report: golden files, index, hostile data, exit codes", .serialized)
struct ReportCommandTests {
    /// The sample reports, byte for byte. Re-record with `BIKEPDCA_RECORD_SNAPSHOTS=1` and review the diff.
    @Test(arguments: SampleReports.cases.map(\.name))
    func goldenFile(_ name: String) throws {
        let sample = try #require(SampleReports.cases.first { $0.name == name })
        let out = try SampleReports.write(sample.arguments)
        var files = [(sample.file, "\(name).html")]
        // The first CSV of the zone report too: BOM, quoting and numbers as Excel reads them.
        if name == "zone-ja" {
            let csv = try #require(
                try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".csv") }.sorted()
                    .first)
            files.append((csv, "zone-ja-01.csv"))
        }
        for (written, golden) in files {
            let actual = try Data(contentsOf: out.appendingPathComponent(written))
            if let problem = try GoldenFile.mismatch([UInt8](actual), named: golden, in: SampleReports.snapshots) {
                Issue.record(Comment(rawValue: problem))
            }
        }
    }

    @Test("the same command twice gives the same bytes")
    func deterministic() throws {
        let first = try SampleReports.write(SampleReports.cases[0].arguments)
        let second = try SampleReports.write(SampleReports.cases[0].arguments)
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).sorted()
        #expect(names == (try FileManager.default.contentsOfDirectory(atPath: second.path).sorted()))
        for name in names {
            #expect(
                try Data(contentsOf: first.appendingPathComponent(name))
                    == Data(contentsOf: second.appendingPathComponent(name)), "\(name)")
        }
    }

    @Test("report all writes every zone, station and the prefecture, and index.html links each of them")
    func indexLinksEveryReport() throws {
        let out = try SampleReports.write(["report", "all", "--period", "FY2025"])
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let reports = Set(names.filter { $0.hasSuffix(".html") && $0 != "index.html" })
        let sample = try LoadedSample.shared.get()
        let zones = try sample.store.zones().count
        let stations = try sample.store.stations().count
        #expect(reports.count == zones + stations + 1)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let links = Set(
            index.components(separatedBy: "href=\"").dropFirst().compactMap {
                $0.split(separator: "\"").first.map(String.init)
            })
        #expect(links == reports)
        #expect(names.contains { $0.hasPrefix("prefecture_01_") && $0.hasSuffix(".csv") })
    }

    @Test("a hostile zone id and name stay inert in the HTML and cannot write outside --out")
    func hostileZone() throws {
        let folder = try HeadlessChromium.temporaryDirectory()
        let database = folder.appendingPathComponent("hostile.sqlite").path
        let zones = folder.appendingPathComponent("zones.csv")
        let polygon =
            "\"{\"\"type\"\":\"\"Polygon\"\",\"\"coordinates\"\":[[[136.90,35.17],[136.91,35.17],[136.91,35.18],[136.90,35.17]]]}\""
        try Data(
            ("zone_id,kind,station,name,designated_from,designated_to,reason,buffer_m,geometry\n"
                + "../../x,district,58101,<script>alert(1)</script>,2025-04-01,,\"\"\"><img src=x onerror=alert(2)>\",,\(polygon)\n")
                .utf8
        ).write(to: zones)
        for arguments in [
            ["init"],
            [
                "import", "stations",
                CommandLineRun.repositoryRoot.appendingPathComponent("SampleData/stations.csv").path,
            ],
            ["import", "zones", zones.path],
        ] {
            let run = try CommandLineRun(arguments, database: database)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
        }
        let out = folder.appendingPathComponent("nested/out")
        let run = try CommandLineRun(
            ["report", "all", "--period", "FY2025", "--out", out.path, "--generated-at", "x"], database: database)
        #expect(run.status == 0, "\(run.stderr)")
        // Nothing escaped: the only entries beside `nested/out` are the ones the test made.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("nested").path) == ["out"]
        )
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.html").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let zoneFile = try #require(names.first { $0.hasPrefix("zone_") && $0.hasSuffix(".html") })
        #expect(!zoneFile.contains("/") && !zoneFile.contains(".."))
        for name in [zoneFile, "index.html", "station_58101.html"] {
            let html = try String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)
            #expect(!html.contains("<script"), "\(name)")
            #expect(!html.contains("<img"), "\(name)")
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(name)")
        }
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("href=\"\(zoneFile)\""))
    }

    @Test("an unknown zone or station exits 1 naming the allowed values; a bad flag exits 2")
    func exitCodes() throws {
        let sample = try LoadedSample.shared.get()
        let out = try HeadlessChromium.temporaryDirectory().path
        let zone = try CommandLineRun(
            ["report", "zone", "NOPE", "--period", "FY2025", "--out", out], database: sample.databasePath)
        #expect(zone.status == 1)
        #expect(zone.stderr.contains("unknown zone \"NOPE\"") && zone.stderr.contains("58101-R01"))
        let station = try CommandLineRun(
            ["report", "station", "99999", "--period", "FY2025", "--out", out], database: sample.databasePath)
        #expect(station.status == 1)
        #expect(station.stderr.contains("58101"))
        let language = try CommandLineRun(
            ["report", "prefecture", "--period", "FY2025", "--lang", "fr", "--out", out], database: sample.databasePath)
        #expect(language.status == 2)
        let period = try CommandLineRun(
            ["report", "prefecture", "--period", "sometime", "--out", out], database: sample.databasePath)
        #expect(period.status == 2)
    }
}
