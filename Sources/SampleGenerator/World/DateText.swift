import BikePDCACore

/// The date spellings the sample files use, each showing a form the importer must accept.
enum DateText {
    /// `2025-04-01`.
    static func iso(_ date: LocalDate) -> String { date.description }

    /// `2024/4/1`, as Excel shows dates.
    static func slashed(_ date: LocalDate) -> String { "\(date.year)/\(date.month)/\(date.day)" }

    /// `20250401`.
    static func compact(_ date: LocalDate) -> String {
        var bytes: [UInt8] = []
        bytes.appendDecimal(date.year, width: 4)
        bytes.appendDecimal(date.month, width: 2)
        bytes.appendDecimal(date.day, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// 和暦 `令和5年4月1日` (令和 began on 2019-05-01; earlier dates are never generated).
    static func reiwa(_ date: LocalDate) -> String {
        let year = date.year - 2018
        return "令和\(year == 1 ? "元" : String(year))年\(date.month)月\(date.day)日"
    }

    /// `2023年4月`, a plan period.
    static func japaneseMonth(_ month: YearMonth) -> String { "\(month.year)年\(month.month)月" }

    /// `令和7年度`, a fiscal-year plan period.
    static func reiwaFiscalYear(_ fiscalYear: Int) -> String { "令和\(fiscalYear - 2018)年度" }

    /// `HHmm`, e.g. `0745`.
    static func compactTime(minuteOfDay: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendDecimal(minuteOfDay / 60, width: 2)
        bytes.appendDecimal(minuteOfDay % 60, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `HH:MM`.
    static func time(minuteOfDay: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendDecimal(minuteOfDay / 60, width: 2)
        bytes.append(0x3A)
        bytes.appendDecimal(minuteOfDay % 60, width: 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}
