import Analytics
import BikePDCACore
import Testing

/// One station in CY2020, with the accidents and the delivered months of the three years before it.
private enum CoverageFixture {
    static let station = "18101"

    /// `count` accidents outside the zones in each month of `months`.
    static func tallies(_ year: Int, _ months: ClosedRange<Int>, _ count: Int) -> [AccidentTally] {
        months.map { month in
            AccidentTally(
                stationID: station, zoneID: nil, month: YearMonth(year: year, month: month), severity: .slight,
                count: count)
        }
    }

    /// The months of `months` of `year`, delivered.
    static func delivered(_ year: Int, _ months: ClosedRange<Int>) -> [StationMonthCount] {
        months.map { month in
            StationMonthCount(
                dataset: .accidents, stationID: station, month: YearMonth(year: year, month: month), records: 0)
        }
    }

    static func input(
        lastYear: [AccidentTally], lastYearCoverage: [StationMonthCount], earlier: [[AccidentTally]],
        earlierCoverage: [[StationMonthCount]]
    ) throws -> MetricsInput {
        let period = try ReportingPeriod.parse("CY2020")
        let current = PeriodTallies(
            start: period.start, end: period.end, enforcement: [], accidents: [], activities: [], coverage: [],
            zoneEnforcementTimes: [])
        return MetricsInput(
            period: period, stations: [Station(id: station, nameJA: "福井", nameEN: nil)], zones: [], plans: [],
            current: current, lastYearAccidents: lastYear, lastYearCoverage: lastYearCoverage,
            earlierYearsAccidents: earlier, earlierYearsCoverage: earlierCoverage)
    }
}

@Suite("Coverage in the metrics")
struct MetricsCoverageTests {
    @Test("a year counts in the 3-year average only for the months it delivered")
    func partlyDeliveredYear() throws {
        // 2019 delivered every month with 2 accidents each; 2018 delivered only October–December (3 each), and a
        // late-reported March 2018 accident lies in a month 2018 did not deliver; 2017 delivered nothing.
        let input = try CoverageFixture.input(
            lastYear: CoverageFixture.tallies(2019, 1...12, 2),
            lastYearCoverage: CoverageFixture.delivered(2019, 1...12),
            earlier: [CoverageFixture.tallies(2018, 10...12, 3) + CoverageFixture.tallies(2018, 3...3, 5), []],
            earlierCoverage: [CoverageFixture.delivered(2018, 10...12), []])
        let report = PDCAMetrics.report(input, grouping: [.station])
        // January–September from 2019 alone: 9 × 2 = 18; October–December over 2019 and 2018: 3 × (2 + 3) / 2 = 7.5.
        // Counting 2018 as a whole year would give (24 + 14) / 2 = 19.
        let row = try #require(report.row(MetricKey(stationID: CoverageFixture.station, department: nil, zoneID: nil)))
        #expect(row.check?.threeYearAverage == 25.5)
        #expect(report.prefecture?.check?.threeYearAverage == 25.5)
        // 9 months of 2018 and 12 of 2017 were not delivered; every month was delivered by some year (2019).
        #expect(
            report.notes.contains {
                $0.contains("21 station-months of the three years were not delivered") && !$0.contains("none of them")
            })
    }

    @Test("with every month delivered in the three years, the average is their plain mean")
    func wholeYears() throws {
        // One month each: 12 in 2019, 6 in 2018, 9 in 2017; every month of the three years delivered.
        let input = try CoverageFixture.input(
            lastYear: CoverageFixture.tallies(2019, 5...5, 12),
            lastYearCoverage: CoverageFixture.delivered(2019, 1...12),
            earlier: [CoverageFixture.tallies(2018, 7...7, 6), CoverageFixture.tallies(2017, 1...1, 9)],
            earlierCoverage: [CoverageFixture.delivered(2018, 1...12), CoverageFixture.delivered(2017, 1...12)])
        let report = PDCAMetrics.report(input, grouping: [.station])
        // (12 + 6 + 9) / 3 = 9.
        #expect(report.prefecture?.check?.threeYearAverage == 9)
        #expect(!report.notes.contains { $0.contains("3-year average") })
    }

    @Test("months no year delivered leave the average incomplete, and a note says so")
    func neverDelivered() throws {
        // 2019 delivered January–June only (1 accident a month); 2018 and 2017 nothing.
        let input = try CoverageFixture.input(
            lastYear: CoverageFixture.tallies(2019, 1...6, 1),
            lastYearCoverage: CoverageFixture.delivered(2019, 1...6),
            earlier: [[], []], earlierCoverage: [[], []])
        let report = PDCAMetrics.report(input, grouping: [.station])
        #expect(report.prefecture?.check?.threeYearAverage == 6)
        // 6 + 12 + 12 months not delivered; July–December (6) delivered in no year.
        #expect(
            report.notes.contains {
                $0.contains("30 station-months") && $0.contains("6 station-months were delivered in none of them")
            })
        // Last year's undelivered months are missing in the completeness list too.
        #expect(
            report.missing.filter { $0.dataset == "accidents (last year)" }.map(\.month)
                == (7...12).map {
                    "2019-\($0 < 10 ? "0" : "")\($0)"
                })
    }
}
