import BikePDCACore

/// Hour × weekday grids from tallies (曜日 × 時間帯).
public enum HeatMaps {
    /// Counts by weekday (rows, Monday first) and hour (columns), with the records counted and those without a
    /// usable time.
    public static func grid(_ tallies: [HourWeekdayTally]) -> (values: [[Double]], timed: Int, untimed: Int) {
        var values = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
        var timed = 0
        var untimed = 0
        for tally in tallies {
            guard let hour = tally.hour, (0..<24).contains(hour), (1...7).contains(tally.weekday) else {
                untimed += tally.count
                continue
            }
            values[tally.weekday - 1][hour] += Double(tally.count)
            timed += tally.count
        }
        return (values, timed, untimed)
    }
}

/// A zone's figures month by month, from the period's tallies and plans.
public struct MonthlyZoneFigures: Sendable {
    /// One month's figures (or a sum of months).
    public struct Month: Sendable {
        /// The month.
        public var month = YearMonth(year: 2000, month: 1)
        /// Operations planned for the zone in the month, prorated by days (``PlanCoverage``).
        public var plannedOperations = 0.0
        /// Operations held in the zone.
        public var operations = 0
        /// Concentrated-enforcement days (集中取締り日).
        public var concentratedDays = 0
        /// Warnings (指導警告).
        public var warnings = 0
        /// Blue tickets (青切符).
        public var blue = 0
        /// Red tickets (赤切符).
        public var red = 0
        /// Bicycle accidents.
        public var accidents = 0
        /// Accidents by severity (raw value).
        public var severity: [String: Int] = [:]
        /// Accidents in the same month a year earlier.
        public var lastYear = 0
        /// Whether the zone's station delivered activities for the month (else the figures are missing, not 0).
        public var activitiesDelivered = true
        /// Whether it delivered enforcement records.
        public var enforcementDelivered = true
        /// Whether it delivered accident records.
        public var accidentsDelivered = true

        /// An empty month (for totals).
        public init() {}

        /// Adds another month's figures (delivery flags are left as they are).
        public mutating func add(_ other: Month) {
            plannedOperations += other.plannedOperations
            operations += other.operations
            concentratedDays += other.concentratedDays
            warnings += other.warnings
            blue += other.blue
            red += other.red
            accidents += other.accidents
            for (key, value) in other.severity { severity[key, default: 0] += value }
            lastYear += other.lastYear
        }
    }

    /// The months of the period, in order.
    public let months: [Month]

    /// The figures of `zone` in `analytics.period`.
    public init(zone: Zone, analytics: PeriodAnalytics) {
        let period = analytics.period
        let delivered = DeliveredMonths(analytics.input.current.coverage)
        let plans = analytics.input.plans.filter { $0.zoneID == zone.id }
        var byMonth: [YearMonth: Month] = [:]
        for month in period.months {
            var figures = Month()
            figures.month = month
            let key = StationMonth(stationID: zone.stationID, month: month)
            figures.activitiesDelivered = delivered.contains(.activities, key)
            figures.enforcementDelivered = delivered.contains(.enforcement, key)
            figures.accidentsDelivered = delivered.contains(.accidents, key)
            // The same prorating and precedence as the metrics: a finer plan row wins over a coarser one.
            let span = ReportingPeriod(
                start: max(month.firstDay, period.start), end: min(month.lastDay, period.end), label: month.description)
            for (plan, share) in PlanCoverage.shares(of: plans, in: span) {
                figures.plannedOperations += Double(plan.plannedOperations) * share
            }
            byMonth[month] = figures
        }
        for tally in analytics.input.current.activities where tally.zoneID == zone.id {
            byMonth[tally.month]?.operations += tally.operations
            if tally.kind == .concentratedEnforcement { byMonth[tally.month]?.concentratedDays += tally.days }
        }
        for tally in analytics.input.current.enforcement where tally.zoneID == zone.id {
            switch tally.outcome {
            case .warning: byMonth[tally.month]?.warnings += tally.count
            case .blueTicket: byMonth[tally.month]?.blue += tally.count
            case .redTicket: byMonth[tally.month]?.red += tally.count
            }
        }
        for tally in analytics.input.current.accidents where tally.zoneID == zone.id {
            byMonth[tally.month]?.accidents += tally.count
            byMonth[tally.month]?.severity[tally.severity.rawValue, default: 0] += tally.count
        }
        for tally in analytics.input.lastYearAccidents where tally.zoneID == zone.id {
            byMonth[tally.month.adding(months: 12)]?.lastYear += tally.count
        }
        months = period.months.compactMap { byMonth[$0] }
    }
}
