import CSVSupport

/// Writes every table of a ``ReportDocument`` as an Excel-ready CSV file through `CSVSupport.CSVWriter`:
/// UTF-8 with a byte-order mark by default, RFC 4180 quoting, CRLF line ends, and formula-like text cells
/// (`=`, `+`, `-`, `@`, a control character) neutralised with a leading apostrophe; numbers are never
/// neutralised.
///
/// Each file holds the column headings, the rows, the totals row if any, then an empty line and the table's
/// denominator note, so the file says what it counts. Numbers are written without thousands separators and
/// percentages without `%` under a heading marked `(%)` (`1234`, `0.81`, `-12.5`), so Excel reads them as numbers.
public struct CSVRenderer: Sendable {
    /// Whether files start with a UTF-8 byte-order mark (Excel on Japanese Windows needs it). Default `true`;
    /// `--no-bom` turns it off.
    public var writesByteOrderMark: Bool

    /// Creates a renderer; files get a byte-order mark unless `writesByteOrderMark` is `false`.
    public init(writesByteOrderMark: Bool = true) {
        self.writesByteOrderMark = writesByteOrderMark
    }

    /// One CSV file: its name (sanitised, safe to join to the output folder) and its bytes.
    public struct File: Sendable, Hashable {
        /// The file name, e.g. `zone_K001_01_部門別取締件数.csv`; never contains `/`, `\`, `..` or controls.
        public var fileName: String
        /// The CSV bytes.
        public var bytes: [UInt8]
    }

    /// One file per table of `document`, in reading order, named `<baseName>_<NN>_<caption>.csv` with both parts
    /// passed through ``safeFileName(_:maximumBytes:)`` and `NN` the table's 1-based number. Each part is cut on
    /// its own (the base to 150 bytes, the caption to 90), so the number always survives and the names of one
    /// document never collide, and a name stays within the 255 bytes file systems allow.
    public func files(for document: ReportDocument, baseName: String) -> [File] {
        zip(Self.fileNames(for: document, baseName: baseName), document.tables).map { name, table in
            File(fileName: name, bytes: csv(for: table))
        }
    }

    /// The names ``files(for:baseName:)`` gives, without writing the CSV.
    public static func fileNames(for document: ReportDocument, baseName: String) -> [String] {
        fileNames(captions: document.tables.map(\.caption), baseName: baseName)
    }

    /// `<baseName>_<NN>_<caption>.csv` for each caption, in order.
    public static func fileNames(captions: [String], baseName: String) -> [String] {
        let base = safeFileName(baseName)
        return captions.enumerated().map { index, caption in
            let number = index + 1 < 10 ? "0\(index + 1)" : "\(index + 1)"
            return "\(base)_\(number)_\(safeFileName(caption, maximumBytes: 90)).csv"
        }
    }

    /// The CSV bytes of one table.
    ///
    /// A cell that holds a number is written as a number: counts and decimals plain, a percentage as its number
    /// of percent (`-10.9`) under a heading that says `(%)`. Only text is neutralised, and only when it starts
    /// like a formula (`=`, `+`, `-`, `@`) or with a control character.
    public func csv(for table: ReportTable) -> [UInt8] {
        var writer = CSVWriter(neutralizesFormulas: false, writesByteOrderMark: writesByteOrderMark)
        let width = table.columns.count
        func fields(_ row: [ReportCell]) -> [String] {
            (0..<width).map { index in index < row.count ? Self.field(row[index]) : "" }
        }
        let allRows = table.rows + (table.totals.map { [$0] } ?? [])
        let headings = table.columns.enumerated().map { index, column in
            let isPercent = allRows.contains { row in
                guard index < row.count, case .percent = row[index] else { return false }
                return true
            }
            return Self.neutralized(
                isPercent && !column.title.contains("%") ? "\(column.title) (%)" : column.title)
        }
        writer.appendRow(headings)
        for row in table.rows { writer.appendRow(fields(row)) }
        if let totals = table.totals { writer.appendRow(fields(totals)) }
        if !table.denominatorNote.isEmpty {
            writer.appendRow([""])
            writer.appendRow([Self.neutralized(table.denominatorNote)])
        }
        return writer.data
    }

    /// A cell as written to CSV: numbers plain (a percentage as its number of percent, without `%`), text
    /// neutralised, no value as an empty field.
    static func field(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text), .link(let text, _): neutralized(text)
        case .integer(let value): String(value)
        case .decimal(let value, let digits):
            value.isFinite ? NumberFormat.fixed(value, digits: digits, grouping: false) : ""
        case .percent(let value, let digits):
            value.isFinite ? NumberFormat.fixed(value * 100, digits: digits, grouping: false) : ""
        case .missing, .notApplicable: ""
        }
    }

    /// Text as a spreadsheet should show it: a leading apostrophe when it starts with `=`, `+`, `-`, `@` or a
    /// control character (tab, CR, LF, …), so it is never evaluated as a formula.
    static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        switch first {
        case "=", "+", "-", "@": return "'" + text
        default: return first.value < 0x20 || first.value == 0x7F ? "'" + text : text
        }
    }
}
