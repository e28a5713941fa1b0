import BikePDCACore

/// Every stored month's accidents of a scope (全期間の月別事故件数) and the latest accident date of each station:
/// what the multi-year trend and the fiscal-year-to-date comparison of every report are computed from.
public struct AccidentHistory: Sendable, Hashable {
    /// Accidents by station × zone × month × severity, for every stored month up to the period's end.
    public let tallies: [AccidentTally]
    /// The date of each station's latest accident record (データ最終日), by station id.
    public var latestDates: [String: LocalDate]
    /// ``tallies`` by station id, so the trend of one station or zone reads only its station's months (a report set
    /// of a national database makes one trend per station and per zone).
    public let talliesByStation: [String: [AccidentTally]]

    /// Creates a history.
    public init(tallies: [AccidentTally], latestDates: [String: LocalDate] = [:]) {
        self.tallies = tallies
        self.latestDates = latestDates
        talliesByStation = Dictionary(grouping: tallies, by: \.stationID)
    }

    /// The latest accident date of `stations` (every station when `nil`), no later than `limit`: the
    /// "data through" date (データ最終日) of a report over a period ending on `limit`.
    public func dataThrough(stations: Set<String>? = nil, limit: LocalDate? = nil) -> LocalDate? {
        let dates = latestDates.filter { stations?.contains($0.key) ?? true }.values
        guard let latest = dates.max() else { return nil }
        guard let limit else { return latest }
        return min(latest, limit)
    }
}

/// A scope's accidents month by month over every stored year, with the three-year average of the same months
/// and the fiscal year to date (年度累計) against last year and the three-year average.
///
/// The definitions are those of `bikepdca metrics --ytd`: the fiscal year to date runs from 1 April to the data's
/// last complete month, compared with the same span one year earlier (前年同期) and with the mean of the same span
/// in the three previous years (3年平均). Missing is not zero: a station's month counts as delivered when the
/// station has any accident record in it, a month with no delivering station has no value, and an earlier year
/// whose span holds no delivered month is left out of the average (not counted as 0), as `metrics` does. One
/// difference: when last year itself holds no record, its figures are "no data" here rather than 0.
public struct AccidentTrend: Sendable, Hashable {
    /// One stored month: its accidents, or `nil` when no station of the scope delivered it.
    public struct Month: Sendable, Hashable {
        /// The month.
        public var month: YearMonth
        /// The accidents of the scope, or `nil` for a month not delivered (never read as 0).
        public var count: Int?
    }

    /// One month of the report's fiscal year with its comparisons.
    public struct FiscalMonth: Sendable, Hashable {
        /// The month (of the report's period).
        public var month: YearMonth
        /// This year's accidents, `nil` when not delivered or after the data's last month.
        public var count: Int?
        /// The same month a year earlier, `nil` when not delivered.
        public var lastYear: Int?
        /// The mean of the same month over the earlier years that have data, `nil` when none has.
        public var threeYearAverage: Double?
        /// The running total from the fiscal year's first month, `nil` after the data's last month.
        public var cumulative: Int?
        /// Last year's running total over the same months, `nil` when last year has no data.
        public var cumulativeLastYear: Int?
        /// The running total of ``threeYearAverage``, `nil` when no earlier year has data.
        public var cumulativeAverage: Double?
    }

    /// The fiscal year to date (年度累計) as one comparison.
    public struct YearToDate: Sendable, Hashable {
        /// The months counted, from the fiscal year's first through the data's last complete month.
        public var months: [YearMonth]
        /// Accidents this year to date.
        public var count: Int
        /// The same span last year, `nil` when last year has no data.
        public var lastYear: Int?
        /// The mean of the same span over the earlier years with data, `nil` when none has.
        public var threeYearAverage: Double?
        /// How many earlier years the average is taken over (1…3).
        public var averageYears: Int
        /// The change from last year in percent (`-10.9` for 10.9 % fewer), `nil` without last year or when it
        /// was 0.
        public var changeFromLastYearPercent: Double? {
            guard let lastYear, lastYear > 0 else { return nil }
            return Double(count - lastYear) / Double(lastYear) * 100
        }
        /// The change from the three-year average in percent, `nil` without one or when it was 0.
        public var changeFromAveragePercent: Double? {
            guard let threeYearAverage, threeYearAverage > 0 else { return nil }
            return (Double(count) - threeYearAverage) / threeYearAverage * 100
        }
    }

    /// Every month from the first delivered one through the period's last month.
    public var months: [Month]
    /// The months of the report's period, with last year, the three-year average and the running totals.
    public var fiscalYear: [FiscalMonth]
    /// The fiscal year to date, `nil` when the period holds no delivered month.
    public var yearToDate: YearToDate?
    /// The earlier fiscal years (1 = last year) that the three-year average is taken over.
    public var averageYearsBack: [Int]

    /// The trend of `history` for a scope: the accidents of `stations` (every station of the history when `nil`),
    /// or only those of `stations` in `zoneID` when given (a zone's accidents as its station records them), whose
    /// delivery is judged by `stations`. `period` is the report's
    /// period (its months are the fiscal year compared); the year to date ends with the last month that is
    /// complete by `dataThrough` (the last delivered month when `nil`).
    public init(
        _ history: AccidentHistory, stations: Set<String>?, zoneID: String? = nil, period: ReportingPeriod,
        dataThrough: LocalDate? = nil
    ) {
        var delivered: [YearMonth: Bool] = [:]
        var counts: [YearMonth: Int] = [:]
        let source = stations.map { $0.sorted().flatMap { history.talliesByStation[$0] ?? [] } } ?? history.tallies
        for tally in source {
            let inStations = stations?.contains(tally.stationID) ?? true
            if inStations { delivered[tally.month] = true }
            let counted = zoneID.map { tally.zoneID == $0 } ?? inStations
            if counted { counts[tally.month, default: 0] += tally.count }
        }
        func count(_ month: YearMonth) -> Int? {
            delivered[month] == true ? counts[month, default: 0] : nil
        }
        let periodMonths = period.months
        let lastShown = periodMonths.last ?? period.end.yearMonth
        let firstDelivered = delivered.keys.filter { $0 <= lastShown }.min()
        if let first = firstDelivered, first <= lastShown {
            months = (0...first.months(to: lastShown)).map { offset in
                let month = first.adding(months: offset)
                return Month(month: month, count: count(month))
            }
        } else {
            months = []
        }

        // Earlier years with any delivered month in the same span are averaged; the others are left out.
        let yearsBack = (1...3).filter { back in
            periodMonths.contains { delivered[$0.adding(months: -12 * back)] == true }
        }
        averageYearsBack = yearsBack
        let lastYearHasData = yearsBack.contains(1)

        // The year to date ends with the last month of the period that is delivered and complete by the data's
        // last date.
        let lastDelivered = periodMonths.last { delivered[$0] == true }
        let throughMonth: YearMonth? = lastDelivered.flatMap { last in
            guard let dataThrough else { return last }
            return periodMonths.last { $0 <= last && $0.lastDay <= dataThrough }
        }

        var rows: [FiscalMonth] = []
        var running = 0
        var runningLastYear = 0
        var runningAverage = 0.0
        for month in periodMonths {
            let isToDate = throughMonth.map { month <= $0 } ?? false
            let now = isToDate ? count(month) : nil
            if isToDate { running += now ?? 0 }
            let lastYear = lastYearHasData ? count(month.adding(months: -12)) : nil
            if lastYearHasData { runningLastYear += lastYear ?? 0 }
            var average: Double?
            if !yearsBack.isEmpty {
                let sum = yearsBack.reduce(0) { $0 + (count(month.adding(months: -12 * $1)) ?? 0) }
                average = Double(sum) / Double(yearsBack.count)
                runningAverage += Double(sum) / Double(yearsBack.count)
            }
            rows.append(
                FiscalMonth(
                    month: month, count: now, lastYear: lastYear, threeYearAverage: average,
                    cumulative: isToDate ? running : nil, cumulativeLastYear: lastYearHasData ? runningLastYear : nil,
                    cumulativeAverage: yearsBack.isEmpty ? nil : runningAverage))
        }
        fiscalYear = rows

        if let throughMonth, let last = rows.last(where: { $0.month == throughMonth }) {
            // The average to date is the years' totals summed and divided once, as `metrics` does.
            let toDateMonths = periodMonths.filter { $0 <= throughMonth }
            let yearsTotal = yearsBack.reduce(0) { total, back in
                total + toDateMonths.reduce(0) { $0 + (count($1.adding(months: -12 * back)) ?? 0) }
            }
            yearToDate = YearToDate(
                months: toDateMonths, count: last.cumulative ?? 0, lastYear: last.cumulativeLastYear,
                threeYearAverage: yearsBack.isEmpty ? nil : Double(yearsTotal) / Double(yearsBack.count),
                averageYears: yearsBack.count)
        } else {
            yearToDate = nil
        }
    }
}
