/// A year as written: Gregorian (2025) or in an era (令和7).
enum WrittenYear {
    case gregorian(Int)
    case era(JapaneseEra, Int)
}

/// The full grammar of date and time cells, over normalised UTF-8; errors name the specific problem.
enum DateGrammar {
    /// A whole date cell: spaces, a date, optionally a midnight time, spaces, end.
    static func date(_ cursor: inout ByteCursor, defaultEra: JapaneseEra?) throws(DateParseError) -> LocalDate {
        cursor.skipSpaces()
        let date = try dateBody(&cursor, defaultEra: defaultEra)
        try finishDate(&cursor)
        return date
    }

    /// A whole time cell: spaces, a time, spaces, end.
    static func time(_ cursor: inout ByteCursor) throws(DateParseError) -> LocalTime {
        cursor.skipSpaces()
        let time = try timeBody(&cursor)
        cursor.skipSpaces()
        guard cursor.isAtEnd else { throw timeError(.unrecognized, "unexpected text after the time") }
        return time
    }

    /// The date proper: `Y-M-D` with `-`, `/` or `.`, `YYYYMMDD`, `Y年M月D日`, each with an optional era.
    static func dateBody(_ cursor: inout ByteCursor, defaultEra: JapaneseEra?) throws(DateParseError) -> LocalDate {
        let year: WrittenYear
        if let era = cursor.era() {
            cursor.skipSpaces()
            year = .era(era, try eraYear(&cursor, era))
        } else if let digits = cursor.digits() {
            switch digits.count {
            case 8:
                let value = digits.value
                return try makeDate(.gregorian(value / 10_000), value / 100 % 100, value % 100)
            case 4:
                year = .gregorian(digits.value)
            case 1, 2:
                guard let era = defaultEra else {
                    throw DateParseError(
                        .ambiguous, "year \(digits.value) has no era (write R\(digits.value) or a four-digit year)")
                }
                year = .era(era, digits.value)
            case 5 where cursor.isAtEnd && (10_000...99_999).contains(digits.value):
                throw DateParseError(
                    .unrecognized,
                    "\(digits.value) looks like an Excel date serial number (format the column as a date before "
                        + "saving the CSV)")
            default:
                throw unrecognized
            }
        } else if let era = defaultEra, cursor.consume(Glyph.gannen) {
            year = .era(era, 1)
        } else {
            throw unrecognized
        }
        cursor.skipSpaces()
        let separator: UInt8?
        if cursor.consume(Glyph.year) {
            if cursor.consume(Glyph.fiscal) {
                throw DateParseError(.wrongKind, "this is a fiscal year (年度), not a date")
            }
            separator = nil
            cursor.skipSpaces()
        } else if let byte = cursor.peek(), isDateSeparator(byte) {
            cursor.index += 1
            separator = byte
        } else if cursor.isAtEnd {
            throw DateParseError(.wrongKind, "this is a year, not a date (the month and day are missing)")
        } else {
            throw unrecognized
        }
        guard let month = cursor.digits() else {
            throw cursor.isAtEnd ? DateParseError(.wrongKind, "the month and day are missing") : unrecognized
        }
        guard month.count <= 2 else { throw outOfRange("month", month.value, 1...12) }
        if let separator {
            guard cursor.consume(separator) else {
                cursor.skipSpaces()
                throw cursor.isAtEnd
                    ? DateParseError(.wrongKind, "this is a month, not a date (the day is missing)") : unrecognized
            }
        } else {
            guard cursor.consume(Glyph.month) else { throw unrecognized }
            cursor.skipSpaces()
        }
        guard let day = cursor.digits() else {
            throw cursor.isAtEnd
                ? DateParseError(.wrongKind, "this is a month, not a date (the day is missing)") : unrecognized
        }
        guard day.count <= 2 else { throw outOfRange("day", day.value, 1...31) }
        if separator == nil, !cursor.consume(Glyph.day) {
            throw DateParseError(.unrecognized, "日 is missing after the day")
        }
        return try makeDate(year, month.value, day.value)
    }

    /// After the date: nothing, or a midnight time (`0:00`, `00:00:00`) after a space or `T`.
    static func finishDate(_ cursor: inout ByteCursor) throws(DateParseError) {
        let hadSpace = cursor.skipSpaces()
        if cursor.isAtEnd { return }
        guard hadSpace || cursor.consume(UInt8(ascii: "T")) else {
            throw DateParseError(.unrecognized, "unexpected text after the date")
        }
        let time: LocalTime
        do {
            time = try timeBody(&cursor)
        } catch {
            throw DateParseError(error.kind, "unexpected text after the date (\(error.reason))")
        }
        cursor.skipSpaces()
        guard cursor.isAtEnd else { throw DateParseError(.unrecognized, "unexpected text after the date") }
        guard time.secondOfDay == 0 else {
            throw DateParseError(
                .wrongKind, "a time of day (\(time)) follows the date; only a midnight time (0:00:00) may")
        }
    }

    /// An era year: one or two digits, or 元 (1).
    static func eraYear(_ cursor: inout ByteCursor, _ era: JapaneseEra) throws(DateParseError) -> Int {
        if cursor.consume(Glyph.gannen) { return 1 }
        guard let digits = cursor.digits() else { throw unrecognized }
        guard digits.count <= 2 else {
            throw DateParseError(.outOfRange, "\(era.kanji) year \(digits.value) is out of range")
        }
        return digits.value
    }

    /// Builds a date, checking the month, the day and the era in that order.
    static func makeDate(_ year: WrittenYear, _ month: Int, _ day: Int) throws(DateParseError) -> LocalDate {
        guard (1...12).contains(month) else { throw outOfRange("month", month, 1...12) }
        guard (1...31).contains(day) else { throw outOfRange("day", day, 1...31) }
        switch year {
        case .gregorian(let value):
            guard (1...9999).contains(value) else { throw outOfRange("year", value, 1...9999) }
            guard let date = LocalDate(year: value, month: month, day: day) else {
                throw nonexistent(value, month, day, written: nil)
            }
            return date
        case .era(let era, let eraYear):
            guard eraYear >= 1 else { throw noYearZero(era) }
            let value = era.gregorianYear(eraYear: eraYear)
            guard let date = LocalDate(year: value, month: month, day: day) else {
                throw nonexistent(value, month, day, written: "\(era.yearText(eraYear))\(month)月\(day)日")
            }
            try checkEra(era, from: date, to: date)
            return date
        }
    }

    /// Checks that `start…end` overlaps the era (a date must lie in it; a period must touch it).
    static func checkEra(_ era: JapaneseEra, from start: LocalDate, to end: LocalDate) throws(DateParseError) {
        if end < era.firstDay {
            throw DateParseError(
                .outsideEra, "\(era.kanji) began on \(era.firstDay) (\(era.japaneseText(era.firstDay)))")
        }
        if let last = era.lastDay, start > last {
            throw DateParseError(.outsideEra, "\(era.kanji) ended on \(last) (\(era.japaneseText(last)))")
        }
        if end < era.firstGregorianDay {
            let first = era.firstGregorianDay
            throw DateParseError(
                .outsideEra,
                "\(era.kanji) dates before \(first) (\(era.japaneseText(first))) are lunisolar and cannot be converted")
        }
    }

    static func noYearZero(_ era: JapaneseEra) -> DateParseError {
        DateParseError(.outsideEra, "there is no \(era.kanji)0年 (the first year of an era is 元年, year 1)")
    }

    /// A time: `H:MM[:SS]`, `HMM`/`HHMM`/`HHMMSS`, `H時[M分[S秒]]`, `H時半`.
    static func timeBody(_ cursor: inout ByteCursor) throws(DateParseError) -> LocalTime {
        guard let first = cursor.digits() else { throw timeError(.unrecognized, "no time found") }
        var hour = first.value
        var minute = 0
        var second = 0
        if cursor.consume(UInt8(ascii: ":")) {
            guard first.count <= 2 else { throw timeOutOfRange("hour", first.value, 0...23) }
            guard let m = cursor.digits(), m.count == 2 else {
                throw timeError(.unrecognized, "the minutes need two digits")
            }
            minute = m.value
            if cursor.consume(UInt8(ascii: ":")) {
                guard let s = cursor.digits(), s.count == 2 else {
                    throw timeError(.unrecognized, "the seconds need two digits")
                }
                second = s.value
            }
        } else if cursor.consume(Glyph.hour) {
            cursor.skipSpaces()
            if cursor.consume(Glyph.half) {
                minute = 30
            } else if let m = cursor.digits() {
                guard cursor.consume(Glyph.minute) else { throw timeError(.unrecognized, "分 is missing") }
                minute = m.value
                cursor.skipSpaces()
                if let s = cursor.digits() {
                    guard cursor.consume(Glyph.second) else { throw timeError(.unrecognized, "秒 is missing") }
                    second = s.value
                }
            }
        } else {
            switch first.count {
            case 3, 4:
                hour = first.value / 100
                minute = first.value % 100
            case 6:
                hour = first.value / 10_000
                minute = first.value / 100 % 100
                second = first.value % 100
            case 1, 2:
                throw timeError(
                    .unrecognized, "\(first.value) has no minutes (write \(first.value):00 or \(first.value)時)")
            default:
                throw timeError(.unrecognized, "not a time")
            }
        }
        guard (0...23).contains(hour) else { throw timeOutOfRange("hour", hour, 0...23) }
        guard (0...59).contains(minute) else { throw timeOutOfRange("minute", minute, 0...59) }
        guard let time = LocalTime(hour: hour, minute: minute, second: second) else {
            throw timeOutOfRange("second", second, 0...59)
        }
        return time
    }

    static func isDateSeparator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
    }

    static var unrecognized: DateParseError { DateParseError(.unrecognized, "not a recognised date form") }

    static func outOfRange(_ field: String, _ value: Int, _ range: ClosedRange<Int>) -> DateParseError {
        DateParseError(.outOfRange, "\(field) \(value) is out of range (\(range.lowerBound)–\(range.upperBound))")
    }

    static func timeOutOfRange(_ field: String, _ value: Int, _ range: ClosedRange<Int>) -> DateParseError {
        let reason = "\(field) \(value) is out of range (\(range.lowerBound)–\(range.upperBound))"
        return DateParseError(.outOfRange, reason, expected: DateParseError.expectedTimeForms)
    }

    static func timeError(_ kind: DateParseError.Kind, _ reason: String) -> DateParseError {
        DateParseError(kind, reason, expected: DateParseError.expectedTimeForms)
    }

    static func nonexistent(_ year: Int, _ month: Int, _ day: Int, written: String?) -> DateParseError {
        let iso = "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))"
        let subject = written.map { "\($0) (\(iso))" } ?? iso
        let monthText = "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))"
        let days = LocalDate.daysInMonth(year: year, month: month)
        return DateParseError(.nonexistentDay, "\(subject) does not exist: \(monthText) has \(days) days")
    }
}
