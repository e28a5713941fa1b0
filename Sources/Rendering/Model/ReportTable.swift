/// A table of a report, printed in HTML and written as one CSV file.
///
/// A table always names its denominator (``denominatorNote``), so a reader knows what its counts and shares
/// are counted over, and may end with a totals row.
public struct ReportTable: Sendable, Hashable {
    /// The caption, also the base of the CSV file name, e.g. 「部門別・処理別の取締件数」.
    public var caption: String
    /// The columns, left to right.
    public var columns: [ReportColumn]
    /// The body rows; a row shorter than ``columns`` is padded with ``ReportCell/missing``.
    public var rows: [[ReportCell]]
    /// The totals row (合計), printed last and set apart; `nil` for none.
    public var totals: [ReportCell]?
    /// What the figures are counted over, e.g. 「件数 (分母: 当該期間の全取締件数)」. Required: every table names it.
    public var denominatorNote: String

    /// Creates a table; `totals` defaults to none.
    public init(
        caption: String,
        columns: [ReportColumn],
        rows: [[ReportCell]],
        totals: [ReportCell]? = nil,
        denominatorNote: String
    ) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.denominatorNote = denominatorNote
    }
}

/// A column of a ``ReportTable``.
public struct ReportColumn: Sendable, Hashable {
    /// The column heading.
    public var title: String
    /// How the column's cells line up. Default ``ReportAlignment/leading``.
    public var alignment: ReportAlignment

    /// Creates a column; `alignment` defaults to ``ReportAlignment/leading`` (use `.trailing` for numbers).
    public init(_ title: String, alignment: ReportAlignment = .leading) {
        self.title = title
        self.alignment = alignment
    }
}

/// Horizontal alignment of a table column.
public enum ReportAlignment: String, Sendable, Hashable, CaseIterable {
    /// Left (text).
    case leading
    /// Centred (codes, marks).
    case center
    /// Right (numbers, so digits line up).
    case trailing
}

/// A typed value in a table or on a KPI card: numbers are formatted by the renderers, the same way every time.
public enum ReportCell: Sendable, Hashable {
    /// Text, shown as it is (escaped).
    case text(String)
    /// A count: `1,234` in HTML, `1234` in CSV.
    case integer(Int)
    /// A number with a fixed count of decimals: `.decimal(0.8125, digits: 2)` → `0.81`.
    case decimal(Double, digits: Int)
    /// A share given as a fraction, printed as a percentage: `.percent(0.923, digits: 1)` → `92.3%`.
    case percent(Double, digits: Int)
    /// No value (no data, not applicable): `—` in HTML, an empty field in CSV.
    case missing
    /// A value that cannot exist for the span, with the reason shown in its place, e.g. 「制度開始前」 for blue
    /// tickets (青切符) before 2026-04-01: the reason in HTML, an empty field in CSV (the column stays numeric).
    case notApplicable(String)
    /// Text that links to another report written beside this one, e.g. a station's name linking to
    /// `station_58101.html`: a link in HTML (only when the file name is a plain name in the same folder), the
    /// text alone in CSV.
    case link(String, fileName: String)
}
