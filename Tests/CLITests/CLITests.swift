import Foundation
import TestFolders
import TestSupport
import Testing

func temporaryDatabase() throws -> String {
    let directory = try TestFolders.make("cli")
    return directory.appendingPathComponent("test.sqlite").path
}

/// Data rows of a sample CSV, counted by hand: non-empty lines after the header. (No sample field spans lines.)
func dataRows(_ relativePath: String) throws -> Int {
    let data = try Data(contentsOf: CommandLineRun.repositoryRoot.appendingPathComponent(relativePath))
    let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        .filter { !($0.count == 1 && $0.first == UInt8(ascii: "\r")) }
    return lines.count - 1
}

func sampleFiles(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(
        atPath: CommandLineRun.repositoryRoot.appendingPathComponent("SampleData/\(folder)").path
    ).filter { $0.hasSuffix(".csv") }.sorted().map { "SampleData/\(folder)/\($0)" }
}

@Suite("The bikepdca command on the sample prefecture", .serialized)
struct CLITests {
    @Test("init, import every sample dataset, status: counts match the files")
    func sampleEndToEnd() throws {
        let db = try temporaryDatabase()
        #expect(try CommandLineRun(["init"], database: db).status == 0)
        #expect(try CommandLineRun(["import", "stations", "SampleData/stations.csv"], database: db).status == 0)
        let zones = try CommandLineRun(["import", "zones", "SampleData/zones.geojson"], database: db)
        #expect(zones.status == 0, "\(zones.stderr)")
        let enforcementFiles = try sampleFiles("enforcement")
        #expect(enforcementFiles.count == 42)
        let enforcement = try CommandLineRun(["import", "enforcement"] + enforcementFiles, database: db)
        #expect(enforcement.status == 0, "\(enforcement.stderr)")
        #expect(!enforcement.stderr.contains("\u{1B}["), "no progress escapes when stderr is not a terminal")
        for dataset in ["accidents", "activities", "plans"] {
            let run = try CommandLineRun(["import", dataset] + (try sampleFiles(dataset)), database: db)
            #expect(run.status == 0, "\(dataset): \(run.stderr)")
        }
        let expectedEnforcement = try enforcementFiles.reduce(0) { $0 + (try dataRows($1)) }
        let expectedAccidents = try sampleFiles("accidents").reduce(0) { $0 + (try dataRows($1)) }
        let status = try CommandLineRun(["status"], database: db)
        #expect(status.status == 0)
        #expect(
            status.stdout.contains("enforcement: \(expectedEnforcement) records, 2023-04 … 2026-09 (42 months)"),
            "\(status.stdout)")
        #expect(status.stdout.contains("accidents: \(expectedAccidents) records"))
        #expect(status.stdout.contains("Stations: 9   Zones: 24"))

        // Again: nothing changes.
        let again = try CommandLineRun(["import", "enforcement"] + enforcementFiles, database: db)
        #expect(again.status == 0)
        #expect(again.stdout.components(separatedBy: "already imported").count - 1 == 42)
    }

    @Test("the deliberate-errors file: exit 1, each error at the line and column its README names, nothing written")
    func deliberateErrors() throws {
        let db = try temporaryDatabase()
        _ = try CommandLineRun(["import", "stations", "SampleData/stations.csv"], database: db)
        _ = try CommandLineRun(["import", "zones", "SampleData/zones.csv"], database: db)
        let run = try CommandLineRun(
            ["import", "enforcement", "SampleData/errors/enforcement_with_errors.csv"], database: db)
        #expect(run.status == 1)
        // Line and column pairs from SampleData/errors/README.md.
        for location in ["4:2", "7:2", "10:4", "13:9", "16:10", "19:8"] {
            #expect(
                run.stderr.contains("enforcement_with_errors.csv:\(location): error: "), "\(location)\n\(run.stderr)")
        }
        #expect(run.stderr.components(separatedBy: ": error: ").count - 1 == 6)
        let status = try CommandLineRun(["status"], database: db)
        #expect(status.stdout.contains("enforcement: nothing loaded"))
    }

    @Test("the foreign layout imports through its mapping profile and the name column is only warned about")
    func mappingProfile() throws {
        let db = try temporaryDatabase()
        _ = try CommandLineRun(["import", "stations", "SampleData/stations.csv"], database: db)
        _ = try CommandLineRun(["import", "zones", "SampleData/zones.csv"], database: db)
        let run = try CommandLineRun(
            [
                "import", "enforcement", "--mapping", "SampleData/mapping/kita_station.yaml",
                "SampleData/mapping/kita_station_export.csv",
            ], database: db)
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try dataRows("SampleData/mapping/kita_station_export.csv")
        #expect(run.stdout.contains("imported \(rows) enforcement rows (CP932 (Shift_JIS))"))
        #expect(run.stderr.contains("looks like personal data"))
    }

    @Test(
        "usage errors exit 2",
        arguments: [
            ["import", "nonsense", "SampleData/stations.csv"],
            ["import", "stations", "no-such-file.csv"],
            ["import", "stations", "--encoding", "latin9", "SampleData/stations.csv"],
            ["frobnicate"],
        ])
    func usageErrors(arguments: [String]) throws {
        let run = try CommandLineRun(arguments, database: try temporaryDatabase())
        #expect(run.status == 2, "\(run.stderr)")
        #expect(!run.stderr.isEmpty)
    }

    @Test("--help explains the workflow")
    func help() throws {
        let run = try CommandLineRun(["--help"], database: try temporaryDatabase())
        #expect(run.status == 0)
        #expect(run.stdout.contains("bikepdca import stations"))
        #expect(run.stdout.contains("Exit status"))
    }
}

@Suite("bikepdca import npa-accidents")
struct NPACommandTests {
    static let realData = CommandLineRun.repositoryRoot.deletingLastPathComponent()
        .appendingPathComponent("shared/realdata/npa")

    @Test(
        "the real Fukui 2019 本票 with the national 補充票: 1,168 accidents, 129 with a bicycle; again: no duplicates",
        .enabled(if: FileManager.default.fileExists(atPath: realData.path), "needs ../shared/realdata/npa"))
    func fukui2019() throws {
        let db = try temporaryDatabase()
        let arguments = [
            "import", "npa-accidents",
            Self.realData.appendingPathComponent("honhyo_subset/fukui_2019_honhyo_rows.csv").path,
            "--hojuhyo", Self.realData.appendingPathComponent("hojuhyo/hojuhyo_2019.csv").path, "--prefecture", "52",
        ]
        for _ in 0..<2 {
            let run = try CommandLineRun(arguments, database: db)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("imported 1168 NPA accidents"), "\(run.stdout)")
            #expect(run.stdout.contains("129 with a bicycle"))
        }
        #expect(try sqlite(db, "SELECT COUNT(*) FROM npa_accidents") == "1168")
        #expect(try sqlite(db, "SELECT COUNT(*) FROM accidents") == "129")
    }

    @Test("--hojuhyo belongs to npa-accidents only")
    func optionsOnlyForNPA() throws {
        let run = try CommandLineRun(
            ["import", "stations", "SampleData/stations.csv", "--prefecture", "52"], database: try temporaryDatabase())
        #expect(run.status == 2)
    }
}
