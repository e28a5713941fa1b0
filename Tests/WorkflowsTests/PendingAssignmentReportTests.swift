import BikePDCACore
import Foundation
import Rendering
import Reports
import Store
import Testing
import Workflows

/// Reports written while a zone assignment by position is due say so, above their figures, until it is done.
@Suite struct PendingAssignmentReportTests {
    @Test(arguments: [ReportLanguage.ja, .en])
    func everyReportCarriesTheCaveatUntilTheAssignmentIsDone(_ language: ReportLanguage) throws {
        let db = try TestDatabase()
        // The pipeline records the assignment as due and leaves it to the caller (as `import --no-assign` does).
        try db.loadReference()
        try db.importFixture("enforcement_2025-04.csv", .enforcement)
        #expect(try db.store.pendingZoneAssignment()?.fileName == "zones.csv")
        let period = try ReportingPeriod.parse("2025-04")
        func pages(_ name: String) throws -> [String] {
            let run = ReportRun(
                loader: try AnalysisLoader(store: db.store),
                settings: ReportSettings(language: language, generatedAt: "2026-12-06 10:00"),
                output: ReportOutput(folder: db.directory.appendingPathComponent(name).path, format: .html))
            _ = try run.zoneReport("Z01", period: period)
            let set = try run.allReports(period: period)
            let names = try FileManager.default.contentsOfDirectory(atPath: set.folder.path).filter {
                $0.hasSuffix(".html")
            }
            return try names.map { try String(contentsOf: set.folder.appendingPathComponent($0), encoding: .utf8) }
        }
        let marker = language == .ja ? "zones.csv (2026-11-26 10:00:00) の取込み以降" : "since the import of zones.csv"
        let before = try pages("before")
        #expect(before.count > 2)
        for page in before {
            #expect(page.contains(marker))
            // Above the figures: before the first section.
            if let caveat = page.range(of: marker), let section = page.range(of: "class=\"report-section\"") {
                #expect(caveat.lowerBound < section.lowerBound)
            }
        }
        _ = try db.store.assignZones()
        #expect(try db.store.pendingZoneAssignment() == nil)
        for page in try pages("after") { #expect(!page.contains(marker)) }
    }
}
