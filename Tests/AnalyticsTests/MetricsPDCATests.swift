import Analytics
import BikePDCACore
import Testing

/// A two-station prefecture in April 2025, small enough to check every figure by hand.
enum MetricsFixture {
    static let april = YearMonth(year: 2025, month: 4)
    static let lastApril = YearMonth(year: 2024, month: 4)
    static func date(_ y: Int, _ m: Int, _ d: Int) -> LocalDate {
        LocalDate(year: y, month: m, day: d) ?? LocalDate(dayNumber: 0)
    }

    static func input(targetReduction: Double? = nil) throws -> MetricsInput {
        let period = try ReportingPeriod.parse("2025-04")
        let zone = Zone(
            id: "Z1", kind: .district, stationID: "18101", name: "駅前", designatedFrom: date(2025, 4, 1),
            designatedTo: nil, reason: nil, geometry: nil, bufferMetres: nil)
        let lifted = Zone(
            id: "Z0", kind: .route, stationID: "18102", name: "旧路線", designatedFrom: date(2023, 4, 1),
            designatedTo: date(2025, 3, 31), reason: nil, geometry: nil, bufferMetres: nil)
        let enforcement = [
            EnforcementTally(
                stationID: "18101", department: .traffic, zoneID: "Z1", month: april, outcome: .warning,
                violation: "signal", count: 10),
            EnforcementTally(
                stationID: "18101", department: .community, zoneID: "Z1", month: april, outcome: .warning,
                violation: "stop", count: 5),
            EnforcementTally(
                stationID: "18101", department: .community, zoneID: nil, month: april, outcome: .redTicket,
                violation: "drink", count: 2),
            EnforcementTally(
                stationID: "18102", department: .traffic, zoneID: nil, month: april, outcome: .warning,
                violation: "lane", count: 4),
        ]
        let activities = [
            ActivityTally(
                stationID: "18101", zoneID: "Z1", month: april, kind: .concentratedEnforcement, operations: 2,
                jointOperations: 1, operationsByDepartment: [.traffic: 2, .community: 1, .other: 0],
                officerHours: [.traffic: 8, .community: 4, .other: 0], jointOfficerHours: 6, days: 2)
        ]
        let coverage = [
            StationMonthCount(dataset: .enforcement, stationID: "18101", month: april, records: 17),
            StationMonthCount(dataset: .accidents, stationID: "18101", month: april, records: 4),
            StationMonthCount(dataset: .activities, stationID: "18101", month: april, records: 2),
            StationMonthCount(dataset: .enforcement, stationID: "18102", month: april, records: 4),
        ]
        let current = PeriodTallies(
            start: period.start, end: period.end, enforcement: enforcement,
            accidents: [
                AccidentTally(stationID: "18101", zoneID: "Z1", month: april, severity: .slight, count: 3),
                AccidentTally(stationID: "18101", zoneID: nil, month: april, severity: .serious, count: 1),
            ],
            activities: activities, coverage: coverage,
            zoneEnforcementTimes: [
                HourWeekdayTally(stationID: "18101", zoneID: "Z1", hour: 8, weekday: 1, count: 6),
                HourWeekdayTally(stationID: "18101", zoneID: "Z1", hour: 14, weekday: 3, count: 4),
                HourWeekdayTally(stationID: "18101", zoneID: "Z1", hour: nil, weekday: 3, count: 5),
            ])
        let plan = Plan(
            period: .fiscalYear(2025), stationID: "18101", department: .traffic, zoneID: "Z1", plannedOperations: 24,
            plannedOfficerHours: 120, targetWarnings: nil, targetCitations: nil,
            targetAccidentReductionPercent: targetReduction)
        return MetricsInput(
            period: period,
            stations: [
                Station(id: "18101", nameJA: "福井", nameEN: nil), Station(id: "18102", nameJA: "坂井", nameEN: nil),
            ],
            zones: [zone, lifted], plans: [plan], current: current,
            lastYearAccidents: [
                AccidentTally(stationID: "18101", zoneID: "Z1", month: lastApril, severity: .slight, count: 6)
            ],
            lastYearCoverage: [
                StationMonthCount(dataset: .accidents, stationID: "18101", month: lastApril, records: 6)
            ],
            earlierYearsAccidents: [
                [
                    AccidentTally(
                        stationID: "18101", zoneID: "Z1", month: YearMonth(year: 2023, month: 4), severity: .slight,
                        count: 9)
                ],
                [],
            ],
            zoneAccidentTimes: [HourWeekdayTally(stationID: "18101", zoneID: "Z1", hour: 8, weekday: 1, count: 2)])
    }
}

@Suite("PDCA metrics of a period")
struct MetricsPDCATests {
    @Test("the prefecture row adds up enforcement, operations and officer-hours")
    func prefectureTotals() throws {
        let report = PDCAMetrics.report(try MetricsFixture.input())
        let total = try #require(report.prefecture)
        #expect(total.done.warnings == 19)
        #expect(total.done.redTickets == 2)
        #expect(total.done.blueTickets == 0)
        #expect(total.done.citations == 2)
        #expect(total.done.enforcementInZones == 15)
        #expect(total.done.inZoneShare == 15.0 / 21.0)
        #expect(total.done.warningsPerCitation == 9.5)
        #expect(total.done.operations == 2)
        #expect(total.done.officerHours == 12)
        #expect(total.done.jointShare == 0.5)
        #expect(total.done.byViolation["signal"]?["warning"] == 10)
        // Z0 was lifted on 2025-03-31, so only Z1 is active in April 2025.
        #expect(total.plan.activeZones == 1)
        #expect(total.done.zoneMonths == 1)
        #expect(total.done.zoneMonthsMeetingMinimum == 1)
        #expect(total.done.concentratedDays == 2)
    }

    @Test("a fiscal-year plan is prorated by the days of the period it covers (30 of 365)")
    func planProration() throws {
        let report = PDCAMetrics.report(try MetricsFixture.input())
        let row = try #require(report.row(MetricKey(stationID: "18101", department: .traffic, zoneID: "Z1")))
        #expect(abs(row.plan.plannedOperations - 24.0 * 30 / 365) < 1e-9)
        #expect(abs(row.plan.plannedOfficerHours - 120.0 * 30 / 365) < 1e-9)
        // The traffic department did 8 officer-hours and took part in 2 operations.
        #expect(row.done.officerHours == 8)
        #expect(row.done.operations == 2)
        #expect(abs((row.officerHoursExecutionPercent ?? 0) - 8 / (120.0 * 30 / 365) * 100) < 1e-9)
        #expect(row.check == nil, "department rows carry no accident figures")
    }

    @Test("zone accidents against the same month last year, with the exact rate ratio and the 3-year average")
    func checkAgainstLastYear() throws {
        let report = PDCAMetrics.report(try MetricsFixture.input(targetReduction: 40))
        let row = try #require(report.row(MetricKey(stationID: "18101", department: nil, zoneID: "Z1")))
        let check = try #require(row.check)
        #expect(check.accidents == 3)
        #expect(check.accidentsBySeverity == ["slight": 3])
        #expect(check.accidentsLastYear == 6)
        #expect(check.changePercent == -50)
        #expect(abs((check.rateRatio?.ratio ?? 0) - 0.5) < 1e-12)
        #expect(check.reliability == "low", "9 events: between 5 and 19")
        // 2023 has 9 accidents, 2022 was never delivered (no records), so the average is over two years: (6 + 9)/2.
        #expect(check.threeYearAverage == 7.5)
        #expect(check.targetMet == true, "−50 % meets a 40 % reduction target")
        #expect(report.notes.contains(PDCAMetrics.yearOnYearNote))
        // Enforcement in the accident hours: Monday 8 o'clock had an accident; 6 of the 10 timed records fell there.
        #expect(row.done.zoneEnforcementWithTime == 10)
        #expect(row.done.accidentHoursShare == 0.6)
    }

    @Test("a station-month with no records is reported missing, never as zero")
    func missingMonths() throws {
        let report = PDCAMetrics.report(try MetricsFixture.input())
        #expect(
            report.missing.map(\.description) == [
                "accidents 18102 2025-04", "accidents (last year) 18102 2024-04", "activities 18102 2025-04",
            ])
        let complete = try #require(report.row(MetricKey(stationID: "18101", department: nil, zoneID: "Z1")))
        #expect(complete.isComplete)
        let incomplete = try #require(report.row(MetricKey(stationID: "18102", department: nil, zoneID: "-")))
        #expect(!incomplete.isComplete)
        #expect(report.prefecture?.missing.count == 3)
    }

    @Test("grouping by station only folds departments and zones together")
    func groupingByStation() throws {
        let report = PDCAMetrics.report(try MetricsFixture.input(), grouping: [.station])
        #expect(report.rows.map(\.key.description) == ["18101/*/*", "18102/*/*", "*/*/*"])
        #expect(report.rows[0].done.enforcement == 17)
        #expect(report.rows[0].check?.accidents == 4)
        #expect(MetricsGrouping(list: "zone, station") == [.zone, .station])
        #expect(MetricsGrouping(list: "weekday") == nil)
    }
}
