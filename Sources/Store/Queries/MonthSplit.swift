import BikePDCACore

/// A span of dates cut into the whole months it covers (read from the enforcement summary) and the partial
/// months at its ends (read from the records).
struct MonthSplit: Equatable {
    /// The months the span covers from their first to their last day, if any.
    let wholeMonths: ClosedRange<YearMonth>?
    /// The span's days in months it covers only in part, at most one range per month and two in all.
    let partialRanges: [ClosedRange<LocalDate>]

    /// Splits `start`…`end` (both included); an empty span (`end` before `start`) has no months.
    init(from start: LocalDate, to end: LocalDate) {
        guard start <= end else {
            wholeMonths = nil
            partialRanges = []
            return
        }
        var partial: [ClosedRange<LocalDate>] = []
        var firstWhole = start.yearMonth
        var lastWhole = end.yearMonth
        if start.yearMonth == end.yearMonth {
            if start.day != 1 || end != end.yearMonth.lastDay {
                partial.append(start...end)
                lastWhole = firstWhole.adding(months: -1)
            }
        } else {
            if start.day != 1 {
                partial.append(start...start.yearMonth.lastDay)
                firstWhole = firstWhole.adding(months: 1)
            }
            if end != end.yearMonth.lastDay {
                partial.append(end.yearMonth.firstDay...end)
                lastWhole = lastWhole.adding(months: -1)
            }
        }
        wholeMonths = firstWhole <= lastWhole ? firstWhole...lastWhole : nil
        partialRanges = partial
    }
}
