import BikePDCACore
import Foundation

extension FuzzEntryPoints {
    /// The date, time and period parsers on the input as UTF-8 text (invalid bytes replaced), and whatever they
    /// accept read back from its canonical text: a date from ISO and from its 和暦 text, a time, a plan period
    /// and a reporting period from their labels. When the input holds a NUL byte, the text before it is also
    /// used as a date pattern (as a mapping profile's `dates.format` would be) for the text after it.
    public static func dates(_ data: Data) throws(FuzzFailure) {
        let text = String(decoding: data, as: UTF8.self)
        for options in [
            DateParseOptions.automatic, DateParseOptions(pattern: "yyyyMMdd", defaultEra: .reiwa),
            DateParseOptions(pattern: "yy.M.d"), DateParseOptions(defaultEra: .heisei),
        ] {
            try parseDate(text, options: options)
        }
        if let nul = data.firstIndex(of: 0) {
            let pattern = String(decoding: data[..<nul], as: UTF8.self)
            let cell = String(decoding: data[(nul + 1)...], as: UTF8.self)
            for era in [nil, JapaneseEra.reiwa] {
                try parseDate(cell, options: DateParseOptions(pattern: pattern, defaultEra: era))
            }
        }
        try parseTime(text)
        try parsePlanPeriod(text)
        try parseReportingPeriod(text)
    }

    private static func parseDate(_ text: String, options: DateParseOptions) throws(FuzzFailure) {
        let date: LocalDate
        do {
            date = try JapaneseDateParser.parseDate(text, options: options)
        } catch {
            try check(!error.reason.isEmpty, "date \(text.debugDescription): an error without a reason")
            return
        }
        let iso = try? JapaneseDateParser.parseDate(date.description)
        try check(
            iso == date, "date \(text.debugDescription) → \(date), which reads back as \(String(describing: iso))")
        // Era years have at most two digits (令和99年 is 2117): later dates are written in Gregorian years only.
        if let wareki = date.japaneseEraText, let era = JapaneseEra.containing(date),
            era.eraYear(ofGregorianYear: date.year) <= 99
        {
            let back = try? JapaneseDateParser.parseDate(wareki)
            try check(back == date, "date \(date) is \(wareki), which reads back as \(String(describing: back))")
        }
    }

    private static func parseTime(_ text: String) throws(FuzzFailure) {
        guard let time = try? JapaneseDateParser.parseTime(text) else { return }
        let back = try? JapaneseDateParser.parseTime(time.description)
        try check(
            back == time, "time \(text.debugDescription) → \(time), which reads back as \(String(describing: back))")
    }

    private static func parsePlanPeriod(_ text: String) throws(FuzzFailure) {
        guard let period = try? PlanPeriod.parse(text) else { return }
        let back = try? PlanPeriod.parse(period.description)
        try check(
            back == period,
            "plan period \(text.debugDescription) → \(period), which reads back as \(String(describing: back))")
        _ = ReportingPeriod(period).sameSpanPreviousYear()
    }

    private static func parseReportingPeriod(_ text: String) throws(FuzzFailure) {
        guard let period = try? ReportingPeriod.parse(text) else { return }
        try check(period.start <= period.end, "period \(text.debugDescription) ends before it starts")
        let back = try? ReportingPeriod.parse(period.label)
        try check(
            back.map { ($0.start, $0.end) == (period.start, period.end) } ?? false,
            "period \(text.debugDescription) → \(period.label), which reads back as \(String(describing: back))")
        try check(period.months.count >= 1, "period \(period.label) touches no month")
        let previous = period.sameSpanPreviousYear()
        try check(previous.start <= previous.end, "the year before \(period.label) ends before it starts")
    }
}
