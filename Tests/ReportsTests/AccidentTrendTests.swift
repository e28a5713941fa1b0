import Analytics
import BikePDCACore
import Testing

/// The multi-year trend and the fiscal year to date (question 4), checked against counts worked out by hand.
@Suite struct AccidentTrendTests {
    /// A fiscal year of three months (April–June 2025), station A and B, zone Z of station A.
    static let period = ReportingPeriod(
        start: LocalDate(dayNumber: 20_179), end: LocalDate(dayNumber: 20_269), label: "2025-04..2025-06")

    static func tally(_ station: String, _ zone: String?, _ year: Int, _ month: Int, _ count: Int) -> AccidentTally {
        AccidentTally(
            stationID: station, zoneID: zone, month: YearMonth(year: year, month: month), severity: .slight,
            count: count)
    }

    /// Three earlier years for April–June:
    /// - 2024: A 4, 5, 6 (zone Z: 1, 0, 2); B 2, —, 1
    /// - 2023: A 3, 3, 3; B not delivered at all
    /// - 2022: nothing delivered (left out of the average)
    /// - 2025: A 5, 2, — (June not delivered); B 1, 1, —
    static let history = AccidentHistory(
        tallies: [
            tally("A", nil, 2023, 4, 3), tally("A", nil, 2023, 5, 3), tally("A", nil, 2023, 6, 3),
            tally("A", nil, 2024, 4, 3), tally("A", "Z", 2024, 4, 1), tally("A", nil, 2024, 5, 5),
            tally("A", nil, 2024, 6, 4), tally("A", "Z", 2024, 6, 2), tally("B", nil, 2024, 4, 2),
            tally("B", nil, 2024, 6, 1),
            tally("A", nil, 2025, 4, 4), tally("A", "Z", 2025, 4, 1), tally("A", nil, 2025, 5, 2),
            tally("B", nil, 2025, 4, 1), tally("B", nil, 2025, 5, 1),
        ],
        latestDates: ["A": LocalDate(dayNumber: 20_239), "B": LocalDate(dayNumber: 20_230)])

    @Test("the prefecture: running totals, last year and the average of the years with data")
    func prefecture() throws {
        let trend = AccidentTrend(Self.history, stations: nil, period: Self.period)
        // Every month from the first delivered one (2023-04) through 2025-06: 27 months.
        #expect(trend.months.count == 27)
        #expect(trend.months.first?.month == YearMonth(year: 2023, month: 4))
        // 2023-07 … 2024-03 were not delivered: no value, not zero.
        #expect(trend.months.first { $0.month == YearMonth(year: 2023, month: 7) }?.count == nil)
        // Years with data in April–June: 2024 (1 back) and 2023 (2 back); 2022 has none.
        #expect(trend.averageYearsBack == [1, 2])
        // April 2025: A 4 + 1 (zone) + B 1 = 6. Last year: A 3 + 1 + B 2 = 6. 2023: 3. Average (6 + 3) / 2 = 4.5.
        // May 2025: A 2 + B 1 = 3. Last year: 5. 2023: 3. Average 4.
        // June 2025: not delivered. Last year: A 4 + 2 + B 1 = 7. 2023: 3. Average 5.
        let rows = trend.fiscalYear
        #expect(rows.map(\.count) == [6, 3, nil])
        #expect(rows.map(\.lastYear) == [6, 5, 7])
        #expect(rows.map(\.threeYearAverage) == [4.5, 4, 5])
        #expect(rows.map(\.cumulative) == [6, 9, nil])
        #expect(rows.map(\.cumulativeLastYear) == [6, 11, 18])
        #expect(rows.map(\.cumulativeAverage) == [4.5, 8.5, 13.5])
        // To date: April–May. 9 against 11 last year (−18.18 %) and (11 + 6) / 2 = 8.5 (+5.88 %).
        let toDate = try #require(trend.yearToDate)
        #expect(toDate.months == [YearMonth(year: 2025, month: 4), YearMonth(year: 2025, month: 5)])
        #expect(toDate.count == 9)
        #expect(toDate.lastYear == 11)
        #expect(toDate.threeYearAverage == 8.5)
        #expect(toDate.averageYears == 2)
        #expect(abs((toDate.changeFromLastYearPercent ?? 0) - (-200.0 / 11)) < 1e-9)
        #expect(abs((toDate.changeFromAveragePercent ?? 0) - (50.0 / 8.5)) < 1e-9)
    }

    @Test("a zone counts only its accidents; delivery is judged by its station")
    func zone() throws {
        let trend = AccidentTrend(Self.history, stations: ["A"], zoneID: "Z", period: Self.period)
        // Zone Z: 2025 April 1, May 0 (A delivered May), June not delivered. 2024: 1, 0, 2. 2023: 0, 0, 0.
        #expect(trend.fiscalYear.map(\.count) == [1, 0, nil])
        #expect(trend.fiscalYear.map(\.lastYear) == [1, 0, 2])
        #expect(trend.fiscalYear.map(\.threeYearAverage) == [0.5, 0, 1])
        let toDate = try #require(trend.yearToDate)
        #expect(toDate.count == 1)
        #expect(toDate.lastYear == 1)
        #expect(toDate.threeYearAverage == 0.5)
    }

    @Test("the year to date stops at the last month complete by the data's last date")
    func dataThrough() throws {
        // 2025-05-20 (day 20 228): May is not complete, so the year to date is April alone.
        let trend = AccidentTrend(
            Self.history, stations: ["B"], period: Self.period, dataThrough: LocalDate(dayNumber: 20_228))
        let toDate = try #require(trend.yearToDate)
        #expect(toDate.months == [YearMonth(year: 2025, month: 4)])
        // B: April 2025 1, April 2024 2; 2023 has no B data, so the average is last year's alone.
        #expect(toDate.count == 1)
        #expect(toDate.lastYear == 2)
        #expect(toDate.threeYearAverage == 2)
        #expect(toDate.averageYears == 1)
        // The history's data-through date: the latest of the stations, cut at the period's end.
        #expect(Self.history.dataThrough(stations: nil) == LocalDate(dayNumber: 20_239))
        #expect(Self.history.dataThrough(stations: ["B"]) == LocalDate(dayNumber: 20_230))
        #expect(
            Self.history.dataThrough(stations: nil, limit: LocalDate(dayNumber: 20_200))
                == LocalDate(dayNumber: 20_200))
    }
}
