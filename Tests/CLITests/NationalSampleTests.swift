import Foundation
import TestSupport
import Testing

/// A fresh database and, beside it, a national set of the first `prefectures` prefectures: fiscal 2024 only, 1 % of
/// the rows. Expects the generator to succeed.
private func generateNationalSet(prefectures: Int) throws -> (database: String, folder: String, run: CommandLineRun) {
    let database = try temporaryDatabase()
    let folder = (database as NSString).deletingLastPathComponent + "/national"
    let run = try CommandLineRun(
        [
            "sample", "--national", "--out", folder, "--prefectures", String(prefectures), "--years", "1",
            "--first-fiscal-year", "2024", "--row-scale", "0.01",
        ], database: database)
    #expect(run.status == 0, "\(run.stderr)")
    return (database, folder, run)
}

@Suite("bikepdca sample --national", .serialized)
struct NationalSampleTests {
    @Test("writes a small national set that imports cleanly, shows in status and runs through metrics")
    func smallNationalSet() throws {
        let (db, folder, sample) = try generateNationalSet(prefectures: 1)
        #expect(sample.stdout.contains("stations: 64 rows in 1 file"), "\(sample.stdout)")
        for (dataset, file) in [
            ("stations", "stations.csv"), ("zones", "zones.geojson"),
            ("activities", "activities/activities_FY2024.csv"),
            ("enforcement", "enforcement/enforcement_FY2024.csv"), ("accidents", "accidents/accidents_FY2024.csv"),
            ("plans", "plans/plans_FY2024.csv"),
        ] {
            let run = try CommandLineRun(["import", dataset, folder + "/" + file], database: db)
            #expect(run.status == 0, "\(dataset): \(run.stderr)")
            #expect(run.stdout.contains("imported"), "\(run.stdout)")
        }
        let status = try CommandLineRun(["status"], database: db)
        #expect(status.stdout.contains("Stations: 64"), "\(status.stdout)")
        #expect(status.stdout.contains("2024-04 … 2025-03 (12 months)"), "\(status.stdout)")
        let imports = status.stdout.split(separator: "\n").filter { $0.contains("accepted") }
        #expect(imports.count == 6 && imports.allSatisfy { $0.contains("rejected 0") }, "\(status.stdout)")
        let metrics = try CommandLineRun(["metrics", "--period", "FY2024", "--format", "csv"], database: db)
        #expect(metrics.status == 0, "\(metrics.stderr)")
        #expect(metrics.stdout.contains("10101"))
    }

    @Test("--national and --benchmark-rows together are a usage error")
    func conflictingModes() throws {
        let run = try CommandLineRun(
            ["sample", "--national", "--benchmark-rows", "10"], database: try temporaryDatabase())
        #expect(run.status == 2)
        #expect(run.stderr.contains("--national"))
    }
}

@Suite("--prefecture on a database of several prefectures", .serialized)
struct PrefectureScopeTests {
    /// Keeps the header and the rows whose `column` (by header name) satisfies `keep`.
    static func filter(_ text: String, column: String, keep: (Substring) -> Bool) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines.removeFirst()
        guard let index = header.split(separator: ",").firstIndex(of: Substring(column)) else { return text }
        let kept = lines.filter { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            return fields.count > index && keep(fields[index])
        }
        return ([header] + kept).joined(separator: "\n") + "\n"
    }

    @Test("metrics and act of one prefecture are those of a database holding only that prefecture")
    func scopeEqualsOwnDatabase() throws {
        let (both, folder, _) = try generateNationalSet(prefectures: 2)
        // The second prefecture in NPA code order is 青森 (20); its own copy of every file, cut by station.
        let only = try temporaryDatabase()
        let ownFolder = (only as NSString).deletingLastPathComponent + "/aomori"
        try FileManager.default.createDirectory(atPath: ownFolder, withIntermediateDirectories: true)
        let files: [(dataset: String, file: String, column: String)] = [
            ("stations", "stations.csv", "prefecture_code"), ("zones", "zones.csv", "station"),
            ("activities", "activities/activities_FY2024.csv", "station"),
            ("enforcement", "enforcement/enforcement_FY2024.csv", "station"),
            ("accidents", "accidents/accidents_FY2024.csv", "station"), ("plans", "plans/plans_FY2024.csv", "station"),
        ]
        for (dataset, file, column) in files {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let own = ownFolder + "/" + (file as NSString).lastPathComponent
            try Self.filter(text, column: column) { $0.hasPrefix("20") }.write(
                toFile: own, atomically: true, encoding: .utf8)
            for (database, path) in [(both, folder + "/" + file), (only, own)] {
                let run = try CommandLineRun(["import", dataset, path], database: database)
                #expect(run.status == 0, "\(dataset): \(run.stderr)")
            }
        }
        for arguments in [
            ["metrics", "--period", "FY2024", "--format", "csv"], ["act", "--period", "FY2024"],
            // Partial months at both ends: counted from the records, not the summary.
            ["metrics", "--period", "2024-04-10..2025-02-20", "--format", "csv"],
            // The before/after reference group: the prefecture's other zones (or stations), not every zone stored.
            ["compare", "--zone", "20101-R01", "--before", "2024-04..2024-09", "--after", "2024-10..2025-03"],
            ["compare", "--station", "20101", "--before", "2024-04..2024-09", "--after", "2024-10..2025-03"],
        ] {
            let scoped = try CommandLineRun(arguments + ["--prefecture", "20"], database: both)
            let own = try CommandLineRun(arguments, database: only)
            #expect(scoped.status == 0 && own.status == 0, "\(scoped.stderr) \(own.stderr)")
            #expect(scoped.stdout.contains("20101"), "\(scoped.stdout.prefix(300))")
            #expect(!scoped.stdout.contains("10101"))
            #expect(scoped.stdout == own.stdout, "\(arguments[0])")
        }
        // A report set over several prefectures says how to keep to one; a scoped one has no such note.
        let out = (both as NSString).deletingLastPathComponent + "/reports"
        let everything = try CommandLineRun(
            ["report", "all", "--period", "FY2024", "--out", out + "/all"], database: both)
        #expect(everything.status == 0 && everything.stderr.contains("--prefecture CODE"), "\(everything.stderr)")
        let scoped = try CommandLineRun(
            ["report", "all", "--period", "FY2024", "--prefecture", "20", "--out", out + "/20"], database: both)
        #expect(scoped.status == 0 && !scoped.stderr.contains("note:"), "\(scoped.stderr)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out + "/20")
        #expect(written.contains("station_20101.html") && !written.contains { $0.hasPrefix("station_10") })
        let bad = try CommandLineRun(["metrics", "--period", "FY2024", "--prefecture", "tokyo"], database: both)
        #expect(bad.status == 2 && bad.stderr.contains("--prefecture"), "\(bad.stderr)")
    }
}
