import Analytics
import BikePDCACore
import Foundation
import GRDB
import Store
import Testing
import Workflows

/// Fukui's (52) 2019 release of NPA open data, from `shared/realdata/npa` beside the repository.
private enum Fukui2019 {
    static let directory: URL? = {
        // #filePath is …/Tests/WorkflowsTests/NPACoverageTests.swift: three levels up is the package root.
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let npa = url.appendingPathComponent("shared/realdata/npa")
        return FileManager.default.fileExists(atPath: npa.appendingPathComponent("hojuhyo").path) ? npa : nil
    }()

    /// The twelve stations of the file (警察署等コード of its rows, read by hand).
    static let stations = ["059", "101", "103", "104", "105", "106", "107", "109", "111", "112", "113", "114"].map {
        "52" + $0
    }

    /// A database holding only the 2019 release, imported as `bikepdca import npa-accidents` does.
    static func database() throws -> TestDatabase {
        let db = try TestDatabase()
        let base = try #require(directory)
        // The 2019 file under the name the release year is read from.
        let honhyo = db.directory.appendingPathComponent("honhyo_2019.csv")
        try FileManager.default.copyItem(
            at: base.appendingPathComponent("honhyo_subset/fukui_2019_honhyo_rows.csv"), to: honhyo)
        let pipeline = try NPAImportPipeline(store: db.store, prefecture: "52")
        let indexes = try pipeline.hojuhyoIndexes(
            files: [honhyo.path], hojuhyo: [base.appendingPathComponent("hojuhyo/hojuhyo_2019.csv").path])
        let result = try pipeline.importFile(path: honhyo.path, hojuhyo: indexes)
        #expect(result.entry != nil, "\(result.problems)")
        return db
    }

    static func months(_ year: Int, _ range: ClosedRange<Int>) -> [YearMonth] {
        range.map { YearMonth(year: year, month: $0) }
    }
}

@Suite("Coverage of NPA open data", .enabled(if: Fukui2019.directory != nil))
struct NPACoverageTests {
    @Test("CY2019 is complete for the release's stations; CY2018, holding only late reports, is not")
    func yearOnYear() throws {
        let db = try Fukui2019.database()
        // The file holds 2018 rows (late reports), some of them bicycle accidents.
        let rows2018 = try db.query {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM accidents WHERE date < '2019-01-01'") ?? 0
        }
        #expect(rows2018 > 0)
        let report = try AnalysisLoader.metrics(
            store: db.store, period: try ReportingPeriod.parse("CY2019"), scope: nil, grouping: [.station])
        let accidents = report.missing.filter { $0.dataset == "accidents" }
        #expect(accidents.isEmpty, "every month of 2019 is covered by the 2019 release: \(accidents.prefix(3))")
        let lastYear = Set(report.missing.filter { $0.dataset == "accidents (last year)" }.map(\.description))
        let expected = Set(
            Fukui2019.stations.flatMap { station in
                Fukui2019.months(2018, 1...12).map { "accidents (last year) \(station) \($0)" }
            })
        #expect(lastYear == expected)
        #expect(report.prefecture?.isComplete == false)
    }

    @Test("status and metrics list the same missing accident station-months")
    func statusAgreesWithMetrics() throws {
        let db = try Fukui2019.database()
        let status = try db.store.status(today: LocalDate(year: 2026, month: 1, day: 1) ?? LocalDate(dayNumber: 0))
        let coverage = try #require(status.coverage.first { $0.dataset == .accidents })
        let range = try #require(coverage.months)
        #expect(range.upperBound == YearMonth(year: 2019, month: 12))
        #expect(range.lowerBound.year == 2018)
        var fromMetrics: Set<String> = []
        for year in [2018, 2019] {
            let report = try AnalysisLoader.metrics(
                store: db.store, period: try ReportingPeriod.parse("CY\(year)"), scope: nil, grouping: [.station])
            for item in report.missing where item.dataset == "accidents" {
                guard let month = YearMonth(iso: item.month), range.contains(month) else { continue }
                fromMetrics.insert("\(item.stationID) \(item.month)")
            }
        }
        let fromStatus = Set(coverage.gaps.map { "\($0.stationID) \($0.month)" })
        #expect(fromStatus == fromMetrics)
        // Every station misses the 2018 months of the range, and only those.
        let months2018 = Fukui2019.months(2018, range.lowerBound.month...12)
        #expect(fromStatus == Set(Fukui2019.stations.flatMap { s in months2018.map { "\(s) \($0)" } }))
    }

    @Test("the stations found in open data are registered with the names of the code tables")
    func stationsRegistered() throws {
        let db = try Fukui2019.database()
        let status = try db.store.status(today: LocalDate(year: 2026, month: 1, day: 1) ?? LocalDate(dayNumber: 0))
        #expect(status.stations.map(\.id) == Fukui2019.stations)
        // 52101 is 福井 in the NPA station code table.
        #expect(status.stations.first { $0.id == "52101" }?.nameJA == "福井")
        let prefectures = try db.query {
            try String.fetchAll($0, sql: "SELECT DISTINCT prefecture_code FROM stations")
        }
        #expect(prefectures == ["52"])
    }

    @Test("the 3-year average of CY2020 is 2019's count: 2018 and 2017 were not delivered")
    func threeYearAverage() throws {
        let db = try Fukui2019.database()
        // Counted straight from the stored records: bicycle accidents dated in 2019.
        let accidents2019 = try db.query {
            try Int.fetchOne(
                $0, sql: "SELECT COUNT(*) FROM accidents WHERE date BETWEEN '2019-01-01' AND '2019-12-31'") ?? 0
        }
        let report = try AnalysisLoader.metrics(
            store: db.store, period: try ReportingPeriod.parse("CY2020"), scope: nil, grouping: [.station])
        #expect(report.prefecture?.check?.threeYearAverage == Double(accidents2019))
        // 2018's late reports neither count as a year nor add to it.
        #expect(report.notes.contains { $0.contains("3-year average") })
    }
}
