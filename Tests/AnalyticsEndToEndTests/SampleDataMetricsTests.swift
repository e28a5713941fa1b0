import Analytics
import BikePDCACore
import Foundation
import Importers
import SampleGenerator
import Store
import TestSupport
import Testing
import Workflows

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

    @Test("activity tallies by station, zone, kind and month match the activity file, in that order")
    func activityTallies() throws {
        struct Expected: Equatable {
            var operations = 0
            var joint = 0
            var withDepartment = [0, 0, 0]
            var hours = [0.0, 0.0, 0.0]
            var jointHours = 0.0
            var dates: Set<String> = []
        }
        var expected: [String: Expected] = [:]
        for row in try sample.rows("activities/activities_FY2025.csv") {
            let date = row["date"] ?? ""
            let zone = row["zone_id"].flatMap { $0.isEmpty ? nil : $0 } ?? "-"
            let key = "\(row["station"] ?? "") \(zone) \(row["kind"] ?? "") \(date.prefix(7))"
            var hours = Double(row["hours"] ?? "") ?? 0
            if hours == 0, let start = row["start"], let end = row["end"] {
                hours = Double(Self.minutes(end) - Self.minutes(start) + (end < start ? 24 * 60 : 0)) / 60
            }
            let officers = ["officers_traffic", "officers_community", "officers_other"].map {
                Int(row[$0] ?? "") ?? 0
            }
            var sums = expected[key, default: Expected()]
            sums.operations += 1
            for index in 0..<3 where officers[index] > 0 { sums.withDepartment[index] += 1 }
            for index in 0..<3 { sums.hours[index] += Double(officers[index]) * hours }
            if officers[0] > 0 && officers[1] > 0 {
                sums.joint += 1
                sums.jointHours += Double(officers.reduce(0, +)) * hours
            }
            sums.dates.insert(date)
            expected[key] = sums
        }
        let period = try ReportingPeriod.parse("FY2025")
        let tallies = try sample.store.activityTallies(from: period.start, to: period.end)
        #expect(tallies.count == expected.count)
        for tally in tallies {
            let key = "\(tally.stationID) \(tally.zoneID ?? "-") \(tally.kind.rawValue) \(tally.month)"
            let sums = try #require(expected[key], "\(key)")
            #expect(tally.operations == sums.operations, "\(key)")
            #expect(tally.jointOperations == sums.joint, "\(key)")
            #expect(tally.days == sums.dates.count, "\(key)")
            for (index, department) in [Department.traffic, .community, .other].enumerated() {
                #expect(tally.operationsByDepartment[department] == sums.withDepartment[index], "\(key)")
                #expect(abs((tally.officerHours[department] ?? -1) - sums.hours[index]) < 1e-9, "\(key)")
            }
            #expect(abs(tally.jointOfficerHours - sums.jointHours) < 1e-9, "\(key)")
        }
        // Station, then zone (outside the zones first), kind and month.
        let order = tallies.map { [$0.stationID, $0.zoneID ?? "", $0.kind.rawValue, $0.month.description] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
    }

    @Test("accident tallies of a span cut mid-month match the accident file, by station, zone, severity and month")
    func accidentTalliesOfPartialMonths() throws {
        var expected: [String: Int] = [:]
        for row in try sample.rows("accidents/accidents_FY2025.csv") {
            let date = row["date"] ?? ""
            guard date >= "2025-04-10", date <= "2025-06-20" else { continue }
            let zone = row["zone_id"] ?? ""
            expected["\(row["station"] ?? "") \(zone) \(row["severity"] ?? "") \(date.prefix(7))", default: 0] += 1
        }
        let start = try #require(LocalDate(iso: "2025-04-10"))
        let end = try #require(LocalDate(iso: "2025-06-20"))
        let tallies = try sample.store.accidentTallies(from: start, to: end)
        var found: [String: Int] = [:]
        for tally in tallies {
            found["\(tally.stationID) \(tally.zoneID ?? "") \(tally.severity.rawValue) \(tally.month)"] = tally.count
        }
        #expect(!expected.isEmpty)
        #expect(found == expected)
        let order = tallies.map { [$0.stationID, $0.zoneID ?? "", $0.severity.rawValue, $0.month.description] }
        #expect(order == order.sorted { $0.lexicographicallyPrecedes($1) })
    }

    private static func minutes(_ text: String) -> Int {
        let parts = text.split(separator: ":").compactMap { Int($0) }
        return parts.count >= 2 ? parts[0] * 60 + parts[1] : 0
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
