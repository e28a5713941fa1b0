/// The span of days an analysis or report covers, with a short label (`FY2025`, `2025-04..2025-09`).
///
/// Parsed from a month, a fiscal or calendar quarter or year, a date, or a range of any two of them
/// (`2025-04-01..2025-09-30`, `2025-04〜2025-09`, `FY2024..FY2025`): a range runs from the start of its first
/// side to the end of its second. Equality and hashing look at ``start``, ``end`` and ``label`` only.
public struct ReportingPeriod: Hashable, Sendable, CustomStringConvertible {
    /// The first day covered.
    public let start: LocalDate
    /// The last day covered (inclusive).
    public let end: LocalDate
    /// A short canonical label: `2025-04-01`, `2025-04`, `FY2025Q1`, `FY2025`, `CY2025Q2`, `CY2025`, or two of
    /// them joined by `..` for a range.
    public let label: String

    /// The calendar unit each end is aligned to, so ``sameSpanPreviousYear()`` can relabel it.
    let startUnit: Unit
    let endUnit: Unit
    let isRange: Bool

    enum Unit: Hashable, Sendable {
        case day, month, fiscalQuarter, fiscalYear, calendarQuarter, calendarYear
    }

    /// Creates a period of any span; `end` must not be before `start`. Its previous-year span is labelled
    /// with ISO dates.
    public init(start: LocalDate, end: LocalDate, label: String) {
        precondition(start <= end, "a reporting period cannot end before it starts")
        self.init(start: start, end: end, label: label, startUnit: .day, endUnit: .day, isRange: start != end)
    }

    /// The period a plan covers, labelled like the plan (`FY2025Q1`).
    public init(_ period: PlanPeriod) {
        let unit: Unit
        switch period {
        case .month: unit = .month
        case .fiscalQuarter: unit = .fiscalQuarter
        case .fiscalYear: unit = .fiscalYear
        }
        self.init(
            start: period.start, end: period.end, label: period.description, startUnit: unit, endUnit: unit,
            isRange: false)
    }

    init(start: LocalDate, end: LocalDate, label: String, startUnit: Unit, endUnit: Unit, isRange: Bool) {
        self.start = start
        self.end = end
        self.label = label
        self.startUnit = startUnit
        self.endUnit = endUnit
        self.isRange = isRange
    }

    /// `label`.
    public var description: String { label }

    /// The number of days covered, both ends included.
    public var dayCount: Int { end.dayNumber - start.dayNumber + 1 }

    /// Every month the period touches, in order (a partial month at either end included).
    public var months: [YearMonth] {
        let first = start.yearMonth
        return (0...first.months(to: end.yearMonth)).map { first.adding(months: $0) }
    }

    /// Whether `date` lies in the period (both ends included).
    public func contains(_ date: LocalDate) -> Bool { start <= date && date <= end }

    /// The same span one year earlier, for year-on-year comparison: FY2025 → FY2024,
    /// 2025-04-01..2025-09-30 → 2024-04-01..2024-09-30; a 29 February end becomes the 28th (and month-aligned
    /// ends stay at month ends, so 2024-02 → 2023-02 ends on the 28th).
    public func sameSpanPreviousYear() -> ReportingPeriod {
        let newStart = Self.shiftBackOneYear(start)
        let newEnd =
            endUnit == .day
            ? Self.shiftBackOneYear(end) : YearMonth(year: end.year - 1, month: end.month).lastDay
        let label =
            isRange
            ? "\(startUnit.label(newStart))..\(endUnit.label(newEnd))" : startUnit.label(newStart)
        return ReportingPeriod(
            start: newStart, end: newEnd, label: label, startUnit: startUnit, endUnit: endUnit, isRange: isRange)
    }

    /// The fiscal year to date (年度累計): 1 April of `date`'s fiscal year through `date`, a range of days
    /// (so ``sameSpanPreviousYear()`` is the same days a year earlier).
    public static func fiscalYearToDate(through date: LocalDate) -> ReportingPeriod {
        let start = YearMonth(year: date.yearMonth.fiscalYear, month: 4).firstDay
        return ReportingPeriod(
            start: start, end: date, label: "\(start)..\(date)", startUnit: .day, endUnit: .day, isRange: true)
    }

    /// Parses a reporting period: everything ``PlanPeriod/parse(_:)`` accepts, a calendar year (`2025`,
    /// `CY2025`, `2025年`, `令和7年`), a calendar quarter (`CY2025Q2` = April–June 2025; a bare `2025Q2` is
    /// rejected as ambiguous), a date, or a range of two of these joined by `..`, `~` or `〜`.
    public static func parse(_ text: some StringProtocol) throws(DateParseError) -> ReportingPeriod {
        let result = NormalizedText.withCursor(text) { cursor in
            Result { () throws(DateParseError) -> ReportingPeriod in try parse(&cursor) }
        }
        return try result.get()
    }

    /// Periods are equal when their start, end and label are.
    public static func == (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end && lhs.label == rhs.label
    }

    /// Hashes the start, end and label.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(label)
    }

    private static func parse(_ cursor: inout ByteCursor) throws(DateParseError) -> ReportingPeriod {
        let expected = DateParseError.expectedReportingPeriodForms
        guard let separator = PeriodGrammar.rangeSeparator(in: cursor) else {
            let single = Single(try PeriodGrammar.period(&cursor, expected: expected))
            return ReportingPeriod(
                start: single.start, end: single.end, label: single.label, startUnit: single.unit,
                endUnit: single.unit, isRange: false)
        }
        var left = cursor
        left.end = separator.start
        var right = cursor
        right.index = separator.end
        guard !Self.isBlank(left) else {
            throw DateParseError(.unrecognized, "the range has no start", expected: expected)
        }
        guard !Self.isBlank(right) else {
            throw DateParseError(.unrecognized, "the range has no end", expected: expected)
        }
        let first = Single(try PeriodGrammar.period(&left, expected: expected))
        let last = Single(try PeriodGrammar.period(&right, expected: expected))
        guard first.start <= last.end else {
            throw DateParseError(
                .outOfRange, "the range ends (\(last.end)) before it starts (\(first.start))", expected: expected)
        }
        return ReportingPeriod(
            start: first.start, end: last.end, label: "\(first.label)..\(last.label)", startUnit: first.unit,
            endUnit: last.unit, isRange: true)
    }

    private static func isBlank(_ cursor: ByteCursor) -> Bool {
        var probe = cursor
        probe.skipSpaces()
        return probe.isAtEnd
    }

    private static func shiftBackOneYear(_ date: LocalDate) -> LocalDate {
        let year = date.year - 1
        let day = min(date.day, LocalDate.daysInMonth(year: year, month: date.month))
        return LocalDate(dayNumber: LocalDate.civilDayNumber(year: year, month: date.month, day: day))
    }

    /// One side of a range, or the whole period.
    private struct Single {
        let start: LocalDate
        let end: LocalDate
        let unit: Unit
        let label: String

        init(_ period: WrittenPeriod) {
            let span = period.span
            start = span.start
            end = span.end
            switch period {
            case .day: unit = .day
            case .month: unit = .month
            case .fiscalQuarter: unit = .fiscalQuarter
            case .fiscalYear: unit = .fiscalYear
            case .calendarQuarter: unit = .calendarQuarter
            case .calendarYear: unit = .calendarYear
            }
            label = unit.label(span.start)
        }
    }
}

extension ReportingPeriod.Unit {
    /// The label of the unit that contains `date`: `2025-04-01`, `2025-04`, `FY2025Q1`, `FY2025`, `CY2025Q2`, `CY2025`.
    func label(_ date: LocalDate) -> String {
        let month = date.yearMonth
        switch self {
        case .day: return date.description
        case .month: return month.description
        // Four-digit years, as FY and CY are read: FY0999, not FY999.
        case .fiscalQuarter: return "FY\(LocalDate.pad(month.fiscalYear, 4))Q\((month.month + 8) % 12 / 3 + 1)"
        case .fiscalYear: return "FY\(LocalDate.pad(month.fiscalYear, 4))"
        case .calendarQuarter: return "CY\(LocalDate.pad(month.year, 4))Q\((month.month - 1) / 3 + 1)"
        case .calendarYear: return "CY\(LocalDate.pad(month.year, 4))"
        }
    }
}
