/// A calendar date in Japan Standard Time, with no time zone arithmetic: 2025-04-01 stays 2025-04-01.
///
/// Dates from police records are local dates; converting them through UTC would move late-night
/// records into the previous day, so the toolkit never does.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or returns `nil` when the day does not exist (2025-02-29, 2025-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...LocalDate.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates the date that is `dayNumber` days after 1970-01-01 (negative numbers go before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int { LocalDate.civilDayNumber(year: year, month: month, day: day) }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var isoWeekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> LocalDate { LocalDate(dayNumber: dayNumber + days) }

    /// The month this date falls in.
    public var yearMonth: YearMonth { YearMonth(year: year, month: month) }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))"
    }

    /// Parses exactly `YYYY-MM-DD` (the form the store writes); other forms go through ``JapaneseDateParser``.
    public init?(iso text: some StringProtocol) {
        if let (year, month, day) = ISODigits.date(text) {
            self.init(year: year, month: month, day: day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
            let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// A calendar month, such as 2025-04.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    /// Creates a month; `month` must be 1…12.
    public init(year: Int, month: Int) {
        precondition((1...12).contains(month), "month out of range")
        self.year = year
        self.month = month
    }

    /// Parses `YYYY-MM`.
    public init?(iso text: some StringProtocol) {
        if let (year, month) = ISODigits.yearMonth(text) {
            guard (1...12).contains(month) else { return nil }
            self.init(year: year, month: month)
            return
        }
        let parts = text.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]),
            (1...12).contains(m)
        else { return nil }
        self.init(year: y, month: m)
    }

    /// The first day of the month.
    public var firstDay: LocalDate {
        LocalDate(dayNumber: LocalDate.civilDayNumber(year: year, month: month, day: 1))
    }

    /// The last day of the month.
    public var lastDay: LocalDate {
        LocalDate(
            dayNumber: LocalDate.civilDayNumber(
                year: year, month: month, day: LocalDate.daysInMonth(year: year, month: month)))
    }

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> YearMonth {
        let index = year * 12 + (month - 1) + count
        return YearMonth(year: index / 12, month: index % 12 + 1)
    }

    /// Months from `self` to `other` (positive when `other` is later).
    public func months(to other: YearMonth) -> Int {
        (other.year * 12 + other.month) - (year * 12 + month)
    }

    /// The Japanese fiscal year (年度, April–March) this month belongs to: 2026-03 is in FY2025.
    public var fiscalYear: Int { month >= 4 ? year : year - 1 }

    /// `YYYY-MM`.
    public var description: String { "\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))" }

    public static func < (lhs: YearMonth, rhs: YearMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }
}

extension LocalDate {
    static func civilDayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// A wall-clock time of day, local.
public struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int
    public let second: Int

    /// Creates a time, or returns `nil` outside 00:00:00…23:59:59.
    public init?(hour: Int, minute: Int, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Seconds since midnight.
    public var secondOfDay: Int { hour * 3600 + minute * 60 + second }

    /// `HH:MM` when seconds are zero, else `HH:MM:SS`.
    public var description: String {
        let base = "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))"
        return second == 0 ? base : base + ":" + LocalDate.pad(second, 2)
    }

    public static func < (lhs: LocalTime, rhs: LocalTime) -> Bool { lhs.secondOfDay < rhs.secondOfDay }
}

/// The fast path of the `iso` initialisers: the stored forms `YYYY-MM-DD` and `YYYY-MM` are read digit by digit
/// (the store reads millions of them); anything else goes through the general parsing.
enum ISODigits {
    /// Year, month and day of exactly `YYYY-MM-DD` in ASCII digits.
    static func date(_ text: some StringProtocol) -> (year: Int, month: Int, day: Int)? {
        var bytes = text.utf8.makeIterator()
        guard let year = number(&bytes, 4), bytes.next() == UInt8(ascii: "-"), let month = number(&bytes, 2),
            bytes.next() == UInt8(ascii: "-"), let day = number(&bytes, 2), bytes.next() == nil
        else { return nil }
        return (year, month, day)
    }

    /// Year and month of exactly `YYYY-MM` in ASCII digits.
    static func yearMonth(_ text: some StringProtocol) -> (year: Int, month: Int)? {
        var bytes = text.utf8.makeIterator()
        guard let year = number(&bytes, 4), bytes.next() == UInt8(ascii: "-"), let month = number(&bytes, 2),
            bytes.next() == nil
        else { return nil }
        return (year, month)
    }

    private static func number<Bytes: IteratorProtocol<UInt8>>(_ bytes: inout Bytes, _ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let byte = bytes.next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
