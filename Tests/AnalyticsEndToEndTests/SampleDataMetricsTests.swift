import Analytics
import BikePDCACore
import Foundation
import Importers
import Pipeline
import SampleGenerator
import Store
import TestSupport
import Testing

@Suite("Metrics on the sample prefecture, checked against plain counts of its CSVs", .serialized)
struct SampleDataMetricsTests {
    let sample: LoadedSample
    let report: MetricsReport

    init() throws {
        sample = try LoadedSample.shared.get()
        let store = sample.store
        let period = try ReportingPeriod.parse("令和7年度")
        let lastYear = period.sameSpanPreviousYear()
        let input = MetricsInput(
            period: period, stations: try store.stations(), zones: try store.zones().map(\.zone),
            plans: try store.plans(overlapping: period.start, period.end),
            current: try store.periodTallies(from: period.start, to: period.end),
            lastYearAccidents: try store.accidentTallies(from: lastYear.start, to: lastYear.end),
            lastYearCoverage: try store.stationMonthCounts(from: lastYear.start, to: lastYear.end))
        report = PDCAMetrics.report(input)
    }

    @Test("prefecture warnings, blue and red tickets and in-zone enforcement match the FY2025 files")
    func enforcementTotals() throws {
        var outcomes: [String: Int] = [:]
        var inZones = 0
        for file in LoadedSample.fy2025EnforcementFiles {
            for row in try sample.rows(file) {
                outcomes[row["outcome"] ?? "", default: 0] += 1
                if !(row["zone_id"] ?? "").isEmpty { inZones += 1 }
            }
        }
        let total = try #require(report.prefecture)
        #expect(total.done.warnings == outcomes["warning", default: 0])
        #expect(total.done.blueTickets == outcomes["blue", default: 0])
        #expect(total.done.redTickets == outcomes["red", default: 0])
        #expect(total.done.enforcementInZones == inZones)
        #expect(report.missing.isEmpty, "the sample delivers every station-month: \(report.missing.prefix(3))")
    }

    @Test("each zone's FY2025 and FY2024 accidents match the accident files")
    func zoneAccidents() throws {
        var now: [String: Int] = [:]
        var before: [String: Int] = [:]
        for row in try sample.rows("accidents/accidents_FY2025.csv") {
            now["\(row["station"] ?? "")/\(row["zone_id"].flatMap { $0.isEmpty ? nil : $0 } ?? "-")", default: 0] += 1
        }
        for row in try sample.rows("accidents/accidents_FY2024.csv") {
            before["\(row["station"] ?? "")/\(row["zone_id"].flatMap { $0.isEmpty ? nil : $0 } ?? "-")", default: 0] +=
                1
        }
        #expect(!now.isEmpty)
        for (key, count) in now {
            let parts = key.split(separator: "/").map(String.init)
            let row = try #require(
                report.row(MetricKey(stationID: parts[0], department: nil, zoneID: parts[1])), "\(key)")
            #expect(row.check?.accidents == count, "\(key)")
            #expect(row.check?.accidentsLastYear == before[key, default: 0], "\(key)")
        }
        #expect(report.prefecture?.check?.accidents == now.values.reduce(0, +))
    }

    @Test("one station's community department: enforcement and officer-hours match the files")
    func communityDepartment() throws {
        var enforcement = 0
        for file in LoadedSample.fy2025EnforcementFiles {
            for row in try sample.rows(file) where row["station"] == "58101" && row["department"] == "community" {
                enforcement += 1
            }
        }
        var officerHours = 0.0
        for row in try sample.rows("activities/activities_FY2025.csv") where row["station"] == "58101" {
            var hours = Double(row["hours"] ?? "") ?? 0
            if hours == 0, let start = row["start"], let end = row["end"] {
                func minutes(_ text: String) -> Int {
                    let parts = text.split(separator: ":").compactMap { Int($0) }
                    return parts.count >= 2 ? parts[0] * 60 + parts[1] : 0
                }
                var span = minutes(end) - minutes(start)
                if span < 0 { span += 24 * 60 }
                hours = Double(span) / 60
            }
            officerHours += Double(Int(row["officers_community"] ?? "") ?? 0) * hours
        }
        let rows = report.rows.filter { $0.key.stationID == "58101" && $0.key.department == .community }
        #expect(rows.reduce(0) { $0 + $1.done.enforcement } == enforcement)
        #expect(abs(rows.reduce(0) { $0 + $1.done.officerHours } - officerHours) < 1e-6)
    }
}
