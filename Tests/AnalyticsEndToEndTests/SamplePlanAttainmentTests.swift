import Analytics
import BikePDCACore
import Foundation
import TestSupport
import Testing
import Workflows

/// Plan attainment, targets and fatal or serious accidents of station 58101 in FY2025, each checked against a
/// plain count of the sample's CSVs.
@Suite("Plan attainment of the sample station 58101, checked against its CSVs", .serialized)
struct SamplePlanAttainmentTests {
    static let station = "58101"
    let sample: LoadedSample
    let analytics: PeriodAnalytics

    init() throws {
        sample = try LoadedSample.shared.get()
        analytics = try AnalysisLoader(store: sample.store).periodAnalysis(try ReportingPeriod.parse("FY2025"))
    }

    /// The station's FY2025 plan rows without a zone, month by month (the year rows are superseded by them).
    func stationMonthPlans() throws -> [[String: String]] {
        try sample.rows("plans/plans_FY2025.csv").filter {
            $0["station"] == Self.station && ($0["zone_id"] ?? "").isEmpty && ($0["period"] ?? "").contains("-")
        }
    }

    @Test("operations: each department's participations ÷ its plan; the station sums them and lies between")
    func operations() throws {
        var participations: [String: Int] = ["traffic": 0, "community": 0]
        var distinct = 0
        for row in try sample.rows("activities/activities_FY2025.csv") where row["station"] == Self.station {
            distinct += 1
            for department in participations.keys where Int(row["officers_\(department)"] ?? "") ?? 0 > 0 {
                participations[department, default: 0] += 1
            }
        }
        var planned: [String: Int] = [:]
        for row in try stationMonthPlans() {
            planned[row["department"] ?? "", default: 0] += Int(row["planned_operations"] ?? "") ?? 0
        }
        // Hand count of the CSVs: 147 operations; traffic took part in 83 of 74 planned, community in 106 of 94.
        #expect(distinct == 147)
        #expect(participations == ["traffic": 83, "community": 106])
        #expect(planned == ["traffic": 74, "community": 94])

        let station = try #require(analytics.planAttainment(station: Self.station)[.operations])
        #expect(station.planned == 168)
        #expect(station.actual == 189)
        #expect(abs((station.percent ?? 0) - 112.5) < 1e-9, "189 ÷ 168, not 147 ÷ 168 = 87.5 %")
        #expect(!station.isProrated, "month rows cover FY2025 whole: planned counts are whole numbers")
        let traffic = try #require(analytics.planAttainment(station: Self.station, department: .traffic)[.operations])
        let community = try #require(
            analytics.planAttainment(station: Self.station, department: .community)[.operations])
        #expect(traffic.actual == 83 && traffic.planned == 74)
        #expect(community.actual == 106 && community.planned == 94)
        let percents = [traffic.percent ?? 0, community.percent ?? 0]
        #expect((percents.min() ?? 0) <= (station.percent ?? 0) && (station.percent ?? 0) <= (percents.max() ?? 0))
    }

    @Test("officer-hours and warnings are measured against the station's own month plans")
    func hoursAndWarnings() throws {
        var plannedHours = 0.0
        var targetWarnings = 0
        for row in try stationMonthPlans() {
            plannedHours += Double(row["planned_officer_hours"] ?? "") ?? 0
            targetWarnings += Int(row["target_warnings"] ?? "") ?? 0
        }
        // Warnings of the departments with a warning target (traffic and community); the other department's
        // warnings are planned by no one and do not count toward the target.
        var warnings = 0
        var otherWarnings = 0
        for file in LoadedSample.fy2025EnforcementFiles {
            for row in try sample.rows(file) where row["station"] == Self.station && row["outcome"] == "warning" {
                if row["department"] == "other" { otherWarnings += 1 } else { warnings += 1 }
            }
        }
        #expect(otherWarnings > 0, "the sample has warnings by the other department to leave out")
        let attainment = analytics.planAttainment(station: Self.station)
        let hours = try #require(attainment[.officerHours])
        #expect(abs(hours.planned - plannedHours) < 1e-9)
        #expect(abs(hours.planned - 1_038) < 1e-9, "600 traffic + 438 community, the sum of the month rows")
        let warningTarget = try #require(attainment[.warnings])
        #expect(warningTarget.planned == Double(targetWarnings))
        #expect(warningTarget.actual == Double(warnings))
    }

    @Test("the station's reduction target comes from its own plan rows (10 %), not from its zones' (20 %)")
    func reductionTarget() throws {
        let target = try #require(analytics.reductionTarget(station: Self.station))
        #expect(target.targetPercent == 10)
        var now = 0
        var before = 0
        for row in try sample.rows("accidents/accidents_FY2025.csv") where row["station"] == Self.station {
            if let date = row["date"], date >= "2025-04-01", date <= "2026-03-31" { now += 1 }
        }
        for row in try sample.rows("accidents/accidents_FY2024.csv") where row["station"] == Self.station {
            if let date = row["date"], date >= "2024-04-01", date <= "2025-03-31" { before += 1 }
        }
        #expect(target.accidents == now)
        #expect(target.accidentsLastYear == before)
        #expect(target.isMet == (Double(now - before) / Double(before) * 100 <= -10))
        let zone = try #require(analytics.zones.first { $0.id == "58101-D02" })
        #expect(analytics.reductionTarget(zone: zone)?.targetPercent == 20)
    }

    @Test("fatal and serious accidents of the station, now and last year, match the accident files")
    func fatalOrSerious() throws {
        func count(_ file: String, from: String, to: String) throws -> Int {
            try sample.rows(file).filter { row in
                guard row["station"] == Self.station, let date = row["date"], date >= from, date <= to else {
                    return false
                }
                return row["severity"] == "fatal" || row["severity"] == "serious"
            }.count
        }
        let counts = analytics.fatalOrSerious(station: Self.station)
        #expect(counts.now == (try count("accidents/accidents_FY2025.csv", from: "2025-04-01", to: "2026-03-31")))
        #expect(counts.lastYear == (try count("accidents/accidents_FY2024.csv", from: "2024-04-01", to: "2025-03-31")))
    }

    @Test("accidents by bicycle role and counterpart, enforcement by vehicle and age band, match the CSVs")
    func breakdowns() throws {
        var roles: [String: Int] = [:]
        for row in try sample.rows("accidents/accidents_FY2025.csv") where row["station"] == Self.station {
            guard let date = row["date"], date >= "2025-04-01", date <= "2026-03-31" else { continue }
            roles["\(row["bicycle_role"] ?? "")/\(row["counterpart"] ?? "")", default: 0] += 1
        }
        var riders: [String: Int] = [:]
        for file in LoadedSample.fy2025EnforcementFiles {
            for row in try sample.rows(file) where row["station"] == Self.station {
                riders["\(row["vehicle"] ?? "")/\(row["age_band"] ?? "")", default: 0] += 1
            }
        }
        var storedRoles: [String: Int] = [:]
        for tally in analytics.breakdowns.accidentParties where tally.stationID == Self.station {
            storedRoles["\(tally.first)/\(tally.second)", default: 0] += tally.count
        }
        var storedRiders: [String: Int] = [:]
        for tally in analytics.breakdowns.enforcementRiders where tally.stationID == Self.station {
            storedRiders["\(tally.first)/\(tally.second)", default: 0] += tally.count
        }
        #expect(!roles.isEmpty && !riders.isEmpty)
        #expect(storedRoles == roles)
        #expect(storedRiders == riders)
    }

    @Test("the Act list is in urgency order")
    func actOrder() {
        let urgencies = analytics.recommendations.map(\.urgency)
        #expect(urgencies == urgencies.sorted())
    }
}
