/// A Japanese era (元号) of the modern calendar; the raw value is its kanji name (令和).
///
/// Years of an era count from 1, and the first year is written 元年: 令和元年 = 2019. Two eras share their
/// boundary day when an emperor died during it (大正15年12月25日 is 昭和元年12月25日); 平成 and 令和 began
/// the day after the previous era ended.
public enum JapaneseEra: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// 明治 (M), 1868-10-23 – 1912-07-30. Dates before 明治6年 (1873) used the lunisolar calendar.
    case meiji = "明治"
    /// 大正 (T), 1912-07-30 – 1926-12-25.
    case taisho = "大正"
    /// 昭和 (S), 1926-12-25 – 1989-01-07.
    case showa = "昭和"
    /// 平成 (H), 1989-01-08 – 2019-04-30.
    case heisei = "平成"
    /// 令和 (R), from 2019-05-01.
    case reiwa = "令和"

    /// The kanji name, e.g. 令和.
    public var kanji: String { rawValue }

    /// The Latin initial used in abbreviated dates such as `R7.4.1`: M, T, S, H or R.
    public var initial: Character {
        switch self {
        case .meiji: "M"
        case .taisho: "T"
        case .showa: "S"
        case .heisei: "H"
        case .reiwa: "R"
        }
    }

    /// The romanised name, e.g. Reiwa.
    public var romanized: String {
        switch self {
        case .meiji: "Meiji"
        case .taisho: "Taisho"
        case .showa: "Showa"
        case .heisei: "Heisei"
        case .reiwa: "Reiwa"
        }
    }

    /// The first day of the era (元年 of the era begins on it).
    public var firstDay: LocalDate {
        switch self {
        case .meiji: JapaneseEra.day(1868, 10, 23)
        case .taisho: JapaneseEra.day(1912, 7, 30)
        case .showa: JapaneseEra.day(1926, 12, 25)
        case .heisei: JapaneseEra.day(1989, 1, 8)
        case .reiwa: JapaneseEra.day(2019, 5, 1)
        }
    }

    /// The last day of the era, or `nil` for the current era (令和).
    public var lastDay: LocalDate? {
        switch self {
        case .meiji: JapaneseEra.day(1912, 7, 30)
        case .taisho: JapaneseEra.day(1926, 12, 25)
        case .showa: JapaneseEra.day(1989, 1, 7)
        case .heisei: JapaneseEra.day(2019, 4, 30)
        case .reiwa: nil
        }
    }

    /// The first day that can be converted to the Gregorian calendar: 明治6年1月1日 (1873-01-01) for 明治,
    /// whose earlier dates were lunisolar, else ``firstDay``.
    public var firstGregorianDay: LocalDate {
        self == .meiji ? JapaneseEra.day(1873, 1, 1) : firstDay
    }

    /// `description` is the kanji name.
    public var description: String { rawValue }

    /// The era whose Latin initial is `initial` (case-insensitive: `r` and `R` are 令和), or `nil`.
    public init?(initial: Character) {
        switch initial {
        case "M", "m": self = .meiji
        case "T", "t": self = .taisho
        case "S", "s": self = .showa
        case "H", "h": self = .heisei
        case "R", "r": self = .reiwa
        default: return nil
        }
    }

    /// The era in force on `date` (the later one on a shared boundary day), or `nil` before 明治.
    public static func containing(_ date: LocalDate) -> JapaneseEra? {
        allCases.last { $0.firstDay <= date }
    }

    /// The Gregorian year in which year `eraYear` of this era falls: 令和7 → 2025, 令和元 (1) → 2019.
    public func gregorianYear(eraYear: Int) -> Int { firstDay.year + eraYear - 1 }

    /// The era year of Gregorian year `year` counted in this era (may be out of the era's span): 2025 → 7 for 令和.
    public func eraYear(ofGregorianYear year: Int) -> Int { year - firstDay.year + 1 }

    /// Whether `date` lies within the era (both boundary days included).
    public func contains(_ date: LocalDate) -> Bool {
        date >= firstDay && (lastDay.map { date <= $0 } ?? true)
    }

    /// The era year written the Japanese way: 元年 for 1, else `7年`.
    public func yearText(_ eraYear: Int) -> String {
        eraYear == 1 ? "\(rawValue)元年" : "\(rawValue)\(eraYear)年"
    }

    /// `date` written in this era, e.g. 平成31年4月30日 or 令和元年5月1日 (whether or not it is in the era).
    public func japaneseText(_ date: LocalDate) -> String {
        "\(yearText(eraYear(ofGregorianYear: date.year)))\(date.month)月\(date.day)日"
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
        LocalDate(dayNumber: LocalDate.civilDayNumber(year: year, month: month, day: day))
    }
}

extension LocalDate {
    /// The date written in its Japanese era, e.g. 令和7年4月1日, or `nil` before 明治6年 (1873).
    public var japaneseEraText: String? {
        guard let era = JapaneseEra.containing(self), self >= era.firstGregorianDay else { return nil }
        return era.japaneseText(self)
    }
}
