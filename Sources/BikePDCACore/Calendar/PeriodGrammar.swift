/// One period as written, before it becomes a ``PlanPeriod`` or a ``ReportingPeriod``.
enum WrittenPeriod: Hashable {
    case day(LocalDate)
    case month(YearMonth)
    case fiscalQuarter(year: Int, quarter: Int)
    case fiscalYear(Int)
    case calendarQuarter(year: Int, quarter: Int)
    case calendarYear(Int)

    /// The first and last day covered.
    var span: (start: LocalDate, end: LocalDate) {
        switch self {
        case .day(let date):
            (date, date)
        case .month(let month):
            (month.firstDay, month.lastDay)
        case .fiscalQuarter(let year, let quarter):
            Self.months(YearMonth(year: year, month: 4).adding(months: (quarter - 1) * 3), 3)
        case .fiscalYear(let year):
            Self.months(YearMonth(year: year, month: 4), 12)
        case .calendarQuarter(let year, let quarter):
            Self.months(YearMonth(year: year, month: (quarter - 1) * 3 + 1), 3)
        case .calendarYear(let year):
            Self.months(YearMonth(year: year, month: 1), 12)
        }
    }

    private static func months(_ first: YearMonth, _ count: Int) -> (start: LocalDate, end: LocalDate) {
        (first.firstDay, first.adding(months: count - 1).lastDay)
    }
}

/// The grammar of period cells: months, fiscal and calendar quarters and years, and dates.
enum PeriodGrammar {
    /// Reads one period filling the whole cursor (spaces around allowed).
    static func period(_ cursor: inout ByteCursor, expected: String) throws(DateParseError) -> WrittenPeriod {
        do {
            return try periodBody(&cursor)
        } catch {
            throw DateParseError(error.kind, error.reason, expected: expected)
        }
    }

    private static func periodBody(_ cursor: inout ByteCursor) throws(DateParseError) -> WrittenPeriod {
        cursor.skipSpaces()
        let start = cursor.index
        let value: WrittenPeriod
        if cursor.consumeLetters("fy") {
            value = try prefixedYear(&cursor, fiscal: true)
        } else if cursor.consumeLetters("cy") {
            value = try prefixedYear(&cursor, fiscal: false)
        } else if let era = cursor.era() {
            cursor.skipSpaces()
            let eraYear = try DateGrammar.eraYear(&cursor, era)
            guard eraYear >= 1 else { throw DateGrammar.noYearZero(era) }
            value = try afterYear(&cursor, era.gregorianYear(eraYear: eraYear), from: start, allowsBareYear: false)
            let span = value.span
            try DateGrammar.checkEra(era, from: span.start, to: span.end)
        } else if let digits = cursor.digits() {
            switch digits.count {
            case 8:
                value = try date(&cursor, from: start)
            case 6 where !cursor.isAtDigit:
                value = .month(try month(digits.value / 100, digits.value % 100))
            case 4:
                value = try afterYear(&cursor, digits.value, from: start, allowsBareYear: true)
            case 1, 2:
                throw DateParseError(
                    .ambiguous, "year \(digits.value) has no era (write R\(digits.value) or a four-digit year)")
            default:
                throw unrecognized
            }
        } else {
            throw unrecognized
        }
        cursor.skipSpaces()
        guard cursor.isAtEnd else { throw unrecognized }
        return value
    }

    /// After `FY` or `CY`: a four-digit year, then optionally `Q1`…`Q4` (a space or `-` before it is fine).
    private static func prefixedYear(_ cursor: inout ByteCursor, fiscal: Bool) throws(DateParseError) -> WrittenPeriod {
        cursor.skipSpaces()
        guard let year = cursor.digits(), year.count == 4 else {
            throw DateParseError(.unrecognized, "\(fiscal ? "FY" : "CY") must be followed by a four-digit year")
        }
        try checkYear(year.value)
        cursor.skipSpaces()
        var afterYear = cursor
        _ = afterYear.consume(UInt8(ascii: "-"))
        afterYear.skipSpaces()
        if afterYear.consumeLetters("q") {
            cursor = afterYear
            let quarter = try quarterNumber(&cursor)
            return fiscal
                ? .fiscalQuarter(year: year.value, quarter: quarter)
                : .calendarQuarter(year: year.value, quarter: quarter)
        }
        return fiscal ? .fiscalYear(year.value) : .calendarYear(year.value)
    }

    /// After a year (Gregorian, or an era year converted): `年度…`, `年…`, `-M`, `/M`, `.M`, a full date, or
    /// nothing (a calendar year, when `allowsBareYear`).
    private static func afterYear(
        _ cursor: inout ByteCursor, _ year: Int, from start: Int, allowsBareYear: Bool
    ) throws(DateParseError) -> WrittenPeriod {
        try checkYear(year)
        cursor.skipSpaces()
        if cursor.isAtEnd {
            guard allowsBareYear else { throw DateParseError(.unrecognized, "年, 年度 or a month must follow the year") }
            return .calendarYear(year)
        }
        if cursor.consume(Glyph.year) {
            if cursor.consume(Glyph.fiscal) {
                cursor.skipSpaces()
                if cursor.consume(Glyph.ordinal) {
                    let quarter = try quarterNumber(&cursor)
                    guard cursor.consume(Glyph.quarter) else { throw DateParseError(.unrecognized, "四半期 is missing") }
                    return .fiscalQuarter(year: year, quarter: quarter)
                }
                if cursor.consumeLetters("q") {
                    return .fiscalQuarter(year: year, quarter: try quarterNumber(&cursor))
                }
                return .fiscalYear(year)
            }
            cursor.skipSpaces()
            if cursor.isAtEnd || cursor.consume(Glyph.during) { return .calendarYear(year) }
            guard let month = cursor.digits(), cursor.consume(Glyph.month) else { throw unrecognized }
            cursor.skipSpaces()
            if cursor.isAtEnd { return .month(try self.month(year, month.value)) }
            return try date(&cursor, from: start)
        }
        if cursor.consumeLetters("q") {
            let quarter = cursor.digits().map { "\($0.value)" } ?? "n"
            throw DateParseError(
                .ambiguous,
                "\(year)Q\(quarter) is ambiguous (write CY\(year)Q\(quarter) for a calendar quarter or "
                    + "FY\(year)Q1…FY\(year)Q4 for a fiscal quarter, Q1 = April–June)")
        }
        if let separator = cursor.peek(), DateGrammar.isDateSeparator(separator) {
            cursor.index += 1
            guard let month = cursor.digits() else { throw unrecognized }
            guard month.count <= 2 else { throw DateGrammar.outOfRange("month", month.value, 1...12) }
            if cursor.peek() == separator { return try date(&cursor, from: start) }
            return .month(try self.month(year, month.value))
        }
        throw unrecognized
    }

    /// Re-reads the text from `start` as a date cell.
    private static func date(_ cursor: inout ByteCursor, from start: Int) throws(DateParseError) -> WrittenPeriod {
        var dateCursor = cursor
        dateCursor.index = start
        let date = try DateGrammar.date(&dateCursor, defaultEra: nil)
        // The same years as every other period form: 99991231 is refused like 9999-12-31 and 9999-12.
        try checkYear(date.year)
        cursor.index = cursor.end
        return .day(date)
    }

    private static func quarterNumber(_ cursor: inout ByteCursor) throws(DateParseError) -> Int {
        guard let digits = cursor.digits() else { throw DateParseError(.unrecognized, "the quarter number is missing") }
        guard (1...4).contains(digits.value), digits.count == 1 else {
            throw DateGrammar.outOfRange("quarter", digits.value, 1...4)
        }
        return digits.value
    }

    private static func month(_ year: Int, _ month: Int) throws(DateParseError) -> YearMonth {
        try checkYear(year)
        guard (1...12).contains(month) else { throw DateGrammar.outOfRange("month", month, 1...12) }
        return YearMonth(year: year, month: month)
    }

    private static func checkYear(_ year: Int) throws(DateParseError) {
        // The last fiscal year must end inside LocalDate's range, so 9998 is the last year read.
        guard (1...9998).contains(year) else { throw DateGrammar.outOfRange("year", year, 1...9998) }
    }

    private static var unrecognized: DateParseError { DateParseError(.unrecognized, "not a recognised period form") }

    /// Where a range separator (`..`, `~`, `〜`) starts and ends, if the text has one.
    static func rangeSeparator(in cursor: ByteCursor) -> (start: Int, end: Int)? {
        var probe = cursor
        while !probe.isAtEnd {
            let here = probe.index
            if probe.hasPrefix(Glyph.waveDash) { return (here, here + Glyph.waveDash.count) }
            if probe.peek() == UInt8(ascii: "~") { return (here, here + 1) }
            if probe.peek() == UInt8(ascii: "."), probe.peek(1) == UInt8(ascii: ".") { return (here, here + 2) }
            probe.index += 1
        }
        return nil
    }
}
