import Foundation
import Testing

@Suite("bikepdca sample --national", .serialized)
struct NationalSampleTests {
    @Test("writes a small national set that imports cleanly, shows in status and runs through metrics")
    func smallNationalSet() throws {
        let db = try temporaryDatabase()
        let folder = (db as NSString).deletingLastPathComponent + "/national"
        let sample = try CommandLineRun(
            [
                "sample", "--national", "--out", folder, "--prefectures", "1", "--years", "1",
                "--first-fiscal-year", "2024", "--row-scale", "0.01",
            ], database: db)
        #expect(sample.status == 0, "\(sample.stderr)")
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
