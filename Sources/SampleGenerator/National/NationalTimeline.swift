import BikePDCACore
import Foundation

/// The national set's trends and seasons, by calendar month: the same whatever years a set covers, so that a
/// shorter set holds exactly the longer one's records of its months.
///
/// Trends run over fiscal 2016–2025 and stay flat outside: enforcement rises from 0.9 to 1.1 times the yearly
/// average (and 15 % more once blue tickets start on 2026-04-01), the community department's share of stops from
/// 22 % to 50 %, joint operations from 25 % to 85 %; accidents fall 3 % a year, equal to the yearly average in the
/// middle of the span.
enum NationalTimeline {
    /// The first month of the trends (fiscal 2016).
    static let trendStart = YearMonth(year: 2016, month: 4)
    /// The trends' span in months (ten fiscal years).
    static let trendMonths = 120

    /// 0 in April 2016, 1 in March 2026, clamped outside.
    static func progress(_ month: YearMonth) -> Double {
        min(1, max(0, Double(trendStart.months(to: month)) / Double(trendMonths - 1)))
    }

    /// Enforcement seasons, January first: campaigns in spring and autumn, fewer stops in winter and August.
    private static let enforcementSeason = [0.85, 0.85, 1.0, 1.15, 1.15, 1.0, 1.0, 0.85, 1.15, 1.15, 1.0, 1.1]
    private static let enforcementSeasonMean = enforcementSeason.reduce(0, +) / 12

    /// A month's enforcement relative to the average month.
    static func enforcementFactor(_ month: YearMonth) -> Double {
        let blueTickets = month >= blueTicketStartDate.yearMonth ? 1.15 : 1.0
        return (0.9 + 0.2 * progress(month)) * enforcementSeason[month.month - 1] / enforcementSeasonMean
            * blueTickets
    }

    private static let accidentSeasonMean = AccidentDataset.season.reduce(0, +) / 12

    /// A month's accidents relative to the average month: the sample prefecture's seasons, 3 % fewer a year.
    static func accidentFactor(_ month: YearMonth) -> Double {
        let years = (Double(trendStart.months(to: month)) - Double(trendMonths - 1) / 2) / 12
        return AccidentDataset.season[month.month - 1] / accidentSeasonMean * pow(0.97, years)
    }

    /// The community department's share of stops outside operations.
    static func communityShare(_ month: YearMonth) -> Double { 0.22 + 0.28 * progress(month) }

    /// The `index` that keys a station's draws of a month in a random stream.
    static func streamIndex(month: YearMonth, station: Int) -> Int {
        (month.year * 12 + month.month - 1) * 10_000 + station
    }
}
