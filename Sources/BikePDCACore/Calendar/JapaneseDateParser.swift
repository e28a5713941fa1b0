/// Reads the date and time cells of the datasets: ISO and slash dates, 年月日, 和暦 (令和7年4月1日, R7.4.1),
/// full-width text, and times such as `09:05`, `0905` or `9時5分`.
///
/// The common forms (`2025-04-01`, `2025/4/1`, `20250401`, `09:05`, `09:05:30`) take a byte-level path that
/// neither allocates nor normalises; only text with non-ASCII bytes is NFKC-normalised first.
public enum JapaneseDateParser {
    /// Parses a date cell; surrounding spaces (also U+3000) and an Excel-style midnight time
    /// (`2025/04/01 0:00:00`) are allowed, and 和暦 dates must lie within their era.
    @inlinable
    public static func parseDate(
        _ text: some StringProtocol, options: DateParseOptions = .automatic
    ) throws(DateParseError) -> LocalDate {
        let result =
            text.utf8.withContiguousStorageIfAvailable { parseDateUTF8($0, options: options) }
            ?? parseDateUTF8(copying: String(text), options: options)
        return try result.get()
    }

    /// Parses a time cell: `HH:MM`, `HH:MM:SS`, `9:05`, `0905`, `9時5分`, `9時`, `9時半`; 00:00…23:59:59.
    @inlinable
    public static func parseTime(_ text: some StringProtocol) throws(DateParseError) -> LocalTime {
        let result =
            text.utf8.withContiguousStorageIfAvailable { parseTimeUTF8($0) }
            ?? parseTimeUTF8(copying: String(text))
        return try result.get()
    }

    @usableFromInline
    static func parseDateUTF8(
        _ bytes: UnsafeBufferPointer<UInt8>, options: DateParseOptions
    ) -> Result<LocalDate, DateParseError> {
        if options.pattern == nil, let date = fastDate(bytes) { return .success(date) }
        return NormalizedText.withCursor(bytes) { cursor in
            Result { () throws(DateParseError) -> LocalDate in
                if let pattern = options.pattern {
                    return try DatePattern.parse(&cursor, pattern: pattern, defaultEra: options.defaultEra)
                }
                return try DateGrammar.date(&cursor, defaultEra: options.defaultEra)
            }
        }
    }

    @usableFromInline
    static func parseDateUTF8(copying text: String, options: DateParseOptions) -> Result<LocalDate, DateParseError> {
        var text = text
        return text.withUTF8 { parseDateUTF8($0, options: options) }
    }

    @usableFromInline
    static func parseTimeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<LocalTime, DateParseError> {
        if let time = fastTime(bytes) { return .success(time) }
        return NormalizedText.withCursor(bytes) { cursor in
            Result { () throws(DateParseError) -> LocalTime in try DateGrammar.time(&cursor) }
        }
    }

    @usableFromInline
    static func parseTimeUTF8(copying text: String) -> Result<LocalTime, DateParseError> {
        var text = text
        return text.withUTF8 { parseTimeUTF8($0) }
    }

    /// `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D` (one or two digits for month and day) and `YYYYMMDD`, with ASCII
    /// spaces around; `nil` for anything else, including impossible dates, which the full grammar explains.
    static func fastDate(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 { upper -= 1 }
        let length = upper - lower
        guard length >= 8, length <= 10 else { return nil }
        var year = 0
        for i in lower..<lower + 4 {
            let digit = bytes[i] &- 0x30
            guard digit < 10 else { return nil }
            year = year * 10 + Int(digit)
        }
        let month: Int
        let day: Int
        let separator = bytes[lower + 4]
        if separator &- 0x30 < 10 {
            guard length == 8,
                let m = twoDigits(bytes, lower + 4), let d = twoDigits(bytes, lower + 6)
            else { return nil }
            month = m
            day = d
        } else {
            guard separator == UInt8(ascii: "-") || separator == UInt8(ascii: "/") || separator == UInt8(ascii: ".")
            else { return nil }
            var i = lower + 5
            guard let m = oneOrTwoDigits(bytes, &i, upper), i < upper, bytes[i] == separator else { return nil }
            i += 1
            guard let d = oneOrTwoDigits(bytes, &i, upper), i == upper else { return nil }
            month = m
            day = d
        }
        return LocalDate(year: year, month: month, day: day)
    }

    /// `H:MM`, `HH:MM`, `H:MM:SS` and `HH:MM:SS` with no spaces; `nil` for anything else.
    static func fastTime(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalTime? {
        let count = bytes.count
        guard count >= 4, count <= 8 else { return nil }
        var i = 0
        guard let hour = oneOrTwoDigits(bytes, &i, count), i < count, bytes[i] == UInt8(ascii: ":"),
            let minute = twoDigits(bytes, i + 1, count)
        else { return nil }
        i += 3
        var second = 0
        if i < count {
            guard bytes[i] == UInt8(ascii: ":"), let s = twoDigits(bytes, i + 1, count), i + 3 == count
            else { return nil }
            second = s
        }
        return LocalTime(hour: hour, minute: minute, second: second)
    }

    private static func twoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int, _ upper: Int? = nil) -> Int? {
        guard i + 2 <= (upper ?? bytes.count) else { return nil }
        let tens = bytes[i] &- 0x30
        let ones = bytes[i + 1] &- 0x30
        guard tens < 10, ones < 10 else { return nil }
        return Int(tens) * 10 + Int(ones)
    }

    private static func oneOrTwoDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ upper: Int) -> Int? {
        guard i < upper else { return nil }
        let first = bytes[i] &- 0x30
        guard first < 10 else { return nil }
        i += 1
        guard i < upper else { return Int(first) }
        let second = bytes[i] &- 0x30
        guard second < 10 else { return Int(first) }
        i += 1
        return Int(first) * 10 + Int(second)
    }
}
