import BikePDCACore
import Testing

@testable import Analytics

@Suite("Plans written at several granularities are counted once")
struct MetricsPlanCoverageTests {
    static func plan(_ period: PlanPeriod, operations: Int, zone: String? = nil) -> Plan {
        Plan(
            period: period, stationID: "58101", department: .traffic, zoneID: zone, plannedOperations: operations,
            plannedOfficerHours: 0, targetWarnings: nil, targetCitations: nil, targetAccidentReductionPercent: nil)
    }

    static let fy2025 = ReportingPeriod(PlanPeriod.fiscalYear(2025))

    static func total(_ plans: [Plan], _ period: ReportingPeriod) -> Double {
        PlanCoverage.shares(of: plans, in: period).reduce(0) { $0 + Double($1.plan.plannedOperations) * $1.share }
    }

    @Test("a year row beside twelve month rows: the months count, the year row not at all")
    func yearAndMonths() {
        var plans = [Self.plan(.fiscalYear(2025), operations: 74)]
        for offset in 0..<12 {
            plans.append(Self.plan(.month(YearMonth(year: 2025, month: 4).adding(months: offset)), operations: 6))
        }
        // 12 × 6 = 72; the year row's 74 is not added on top.
        #expect(Self.total(plans, Self.fy2025) == 72)
    }

    @Test("a year row beside April's month row: April from the month, May–March from the year, by days")
    func partialMonths() {
        let plans = [
            Self.plan(.fiscalYear(2025), operations: 365),
            Self.plan(.month(YearMonth(year: 2025, month: 4)), operations: 10),
        ]
        // FY2025 has 365 days (2025-04-01 … 2026-03-31); April has 30, so the year row counts 335/365 of 365 = 335.
        #expect(abs(Self.total(plans, Self.fy2025) - (10 + 335)) < 1e-9)
    }

    @Test("rows of other zones or departments do not hide each other")
    func differentKeys() {
        let plans = [
            Self.plan(.fiscalYear(2025), operations: 12),
            Self.plan(.month(YearMonth(year: 2025, month: 4)), operations: 5, zone: "58101-D01"),
        ]
        #expect(Self.total(plans, Self.fy2025) == 17)
    }

    @Test("a quarter inside a month's period counts by days")
    func quarterInMonth() {
        let april = ReportingPeriod(PlanPeriod.month(YearMonth(year: 2025, month: 4)))
        // FY2025Q1 = April–June 2025, 91 days; April is 30 of them.
        let plans = [Self.plan(.fiscalQuarter(fiscalYear: 2025, quarter: 1), operations: 91)]
        #expect(abs(Self.total(plans, april) - 30) < 1e-9)
    }
}

@Suite("A plan row without a zone is the station's total, zone rows included")
struct MetricsStationTotalPlanTests {
    @Test("station total 100 operations with zone rows of 30: zone 30, outside zones 70, station 100, prefecture 100")
    func remainderOutsideZones() throws {
        var input = try MetricsFixture.input()
        // The fixture plans 24 operations for zone Z1 (traffic) over FY2025; April's share is 30/365 of it.
        // Replace it with April month rows: the station total of 100 and zone Z1's 30.
        input.plans = [
            Plan(
                period: .month(MetricsFixture.april), stationID: "18101", department: .traffic, zoneID: nil,
                plannedOperations: 100, plannedOfficerHours: 400, targetWarnings: 50, targetCitations: nil,
                targetAccidentReductionPercent: nil),
            Plan(
                period: .month(MetricsFixture.april), stationID: "18101", department: .traffic, zoneID: "Z1",
                plannedOperations: 30, plannedOfficerHours: 100, targetWarnings: 20, targetCitations: nil,
                targetAccidentReductionPercent: nil),
        ]
        let report = PDCAMetrics.report(input)
        let zone = try #require(report.row(MetricKey(stationID: "18101", department: .traffic, zoneID: "Z1")))
        let outside = try #require(report.row(MetricKey(stationID: "18101", department: .traffic, zoneID: "-")))
        let byStation = PDCAMetrics.report(input, grouping: [.station])
        let station = try #require(byStation.row(MetricKey(stationID: "18101", department: nil, zoneID: nil)))
        let prefecture = try #require(report.row(MetricKey.prefecture))
        #expect(zone.plan.plannedOperations == 30)
        #expect(outside.plan.plannedOperations == 70)
        #expect(outside.plan.plannedOfficerHours == 300)
        #expect(outside.plan.targetWarnings == 30)
        #expect(station.plan.plannedOperations == 100)
        #expect(prefecture.plan.plannedOperations == 100)
    }
}

/// The zone report's monthly "planned" column follows the same prorating and precedence as the metrics, so the
/// months add up to the zone's KPI card.
@Suite("Monthly zone figures use the metrics' plan rule")
struct MonthlyZonePlanTests {
    @Test("a zone with a year row and month rows for April–June: each month and the sum agree with the metrics")
    func yearAndMonthRows() throws {
        let zone = Zone(
            id: "58101-D01", kind: .district, stationID: "58101", name: "中央駅前地区",
            designatedFrom: LocalDate(dayNumber: 0), designatedTo: nil, reason: nil, geometry: nil,
            bufferMetres: nil)
        let period = MetricsPlanCoverageTests.fy2025
        var plans = [MetricsPlanCoverageTests.plan(.fiscalYear(2025), operations: 365, zone: zone.id)]
        for month in 4...6 {
            plans.append(
                MetricsPlanCoverageTests.plan(
                    .month(YearMonth(year: 2025, month: month)), operations: 10, zone: zone.id))
        }
        let input = MetricsInput(
            period: period, stations: [Station(id: "58101", nameJA: "中央", nameEN: nil)], zones: [zone],
            plans: plans,
            current: PeriodTallies(
                start: period.start, end: period.end, enforcement: [], accidents: [], activities: [], coverage: [],
                zoneEnforcementTimes: []), lastYearAccidents: [], lastYearCoverage: [],
            earlierYearsAccidents: [], zoneAccidentTimes: [])
        let analytics = PeriodAnalytics(
            period: period, input: input, metrics: PDCAMetrics.report(input, grouping: .all), hotSpots: [],
            recommendations: [])
        let months = MonthlyZoneFigures(zone: zone, analytics: analytics).months
        // By hand: April–June from their month rows (10 each); July has 31 of the year row's 365 days → 31.
        #expect(months[0].plannedOperations == 10)
        #expect(months[2].plannedOperations == 10)
        #expect(abs(months[3].plannedOperations - 31) < 1e-9)
        // The whole year: 30 + (365 − 91 days of April–June) = 30 + 274 = 304, as the zone's metrics row says.
        let sum = months.reduce(0) { $0 + $1.plannedOperations }
        #expect(abs(sum - 304) < 1e-9)
        let row = try #require(analytics.zoneRow(station: "58101", zone: zone.id))
        #expect(abs(row.plan.plannedOperations - sum) < 1e-9)
    }
}
