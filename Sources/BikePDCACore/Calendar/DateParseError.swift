/// Why a date, time or period cell could not be read.
///
/// ``reason`` is a lower-case phrase made to sit inside a diagnostic such as
/// `invalid date "R7/13/40" in column 発生日: month 13 is out of range (1–12) (expected a date such as …)`;
/// ``expected`` lists the accepted forms for that kind of cell.
public struct DateParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, broadly, so callers and tests can branch without matching text.
    public enum Kind: String, Hashable, Sendable {
        /// The text is not in any accepted form.
        case unrecognized
        /// A year, month, day, hour, minute, second or quarter is outside its range (month 13, 24:00).
        case outOfRange
        /// The day does not exist in that month (2025-02-29, 2025-04-31).
        case nonexistentDay
        /// The date or period lies outside its era (平成31年5月1日, 令和元年4月), or the era year is 0.
        case outsideEra
        /// The text is ambiguous (`2025Q2`, a two-digit year with no era).
        case ambiguous
        /// The text has the wrong kind of value (a time of day after a date, a date range where a plan period
        /// is needed).
        case wrongKind
        /// The caller's date pattern (``DateParseOptions/pattern``) is malformed.
        case badPattern
    }

    /// What went wrong, broadly.
    public let kind: Kind
    /// The specific problem, e.g. `平成 ended on 2019-04-30 (平成31年4月30日)`.
    public let reason: String
    /// The accepted forms for this kind of cell: ``expectedForms``, ``expectedTimeForms`` or
    /// ``expectedPeriodForms``.
    public let expected: String

    /// Creates an error.
    public init(_ kind: Kind, _ reason: String, expected: String = DateParseError.expectedForms) {
        self.kind = kind
        self.reason = reason
        self.expected = expected
    }

    /// The accepted date forms, briefly, for "expected …" in diagnostics.
    public static let expectedForms =
        "a date such as 2025-04-01, 2025/4/1, 20250401, 2025年4月1日, 令和7年4月1日, 令和元年5月1日 or R7.4.1"

    /// The accepted time forms, briefly.
    public static let expectedTimeForms = "a time such as 09:05, 9:05, 09:05:30, 0905, 9時5分 or 9時"

    /// The accepted plan-period forms, briefly.
    public static let expectedPeriodForms =
        "a month (2025-04, 2025年4月, R7.4), a fiscal quarter (FY2025Q1, 令和7年度第1四半期) "
        + "or a fiscal year (FY2025, 2025年度, 令和7年度)"

    /// The accepted reporting-period forms, briefly.
    public static let expectedReportingPeriodForms =
        "a month (2025-04), a fiscal quarter (FY2025Q1) or year (FY2025, 令和7年度), a calendar quarter "
        + "(CY2025Q2) or year (2025, CY2025, 2025年), a date, or a range (2025-04-01..2025-09-30, 2025-04〜2025-09)"

    /// The reason followed by the expected forms.
    public var description: String { "\(reason) (expected \(expected))" }
}
