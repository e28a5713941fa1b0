extension PlanPeriod {
    /// Parses a plan's period cell: a month (`2025-04`, `2025/4`, `2025年4月`, `R7.4`, `令和7年4月`), a fiscal
    /// quarter (`FY2025Q1`, `2025年度第1四半期`, `令和7年度第1四半期`; Q1 = April–June) or a fiscal year
    /// (`FY2025`, `2025年度`, `令和7年度`, `R7年度`); full-width text is fine.
    public static func parse(_ text: some StringProtocol) throws(DateParseError) -> PlanPeriod {
        let result = NormalizedText.withCursor(text) { cursor in
            Result { () throws(DateParseError) -> PlanPeriod in try parse(&cursor) }
        }
        return try result.get()
    }

    private static func parse(_ cursor: inout ByteCursor) throws(DateParseError) -> PlanPeriod {
        let expected = DateParseError.expectedPeriodForms
        if PeriodGrammar.rangeSeparator(in: cursor) != nil {
            throw DateParseError(.wrongKind, "a plan period cannot be a range", expected: expected)
        }
        switch try PeriodGrammar.period(&cursor, expected: expected) {
        case .month(let month):
            return .month(month)
        case .fiscalQuarter(let year, let quarter):
            return .fiscalQuarter(fiscalYear: year, quarter: quarter)
        case .fiscalYear(let year):
            return .fiscalYear(year)
        case .day(let date):
            throw DateParseError(
                .wrongKind, "\(date) is a date; a plan covers a month (\(date.yearMonth)), a fiscal quarter or year",
                expected: expected)
        case .calendarYear(let year):
            throw DateParseError(
                .wrongKind, "\(year) is a calendar year; a plan covers a fiscal year (FY\(year), \(year)年度)",
                expected: expected)
        case .calendarQuarter(let year, let quarter):
            let fiscal = quarter == 1 ? "FY\(year - 1)Q4" : "FY\(year)Q\(quarter - 1)"
            throw DateParseError(
                .wrongKind,
                "CY\(year)Q\(quarter) is a calendar quarter; the same months are the fiscal quarter \(fiscal)",
                expected: expected)
        }
    }
}
