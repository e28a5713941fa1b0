import CLibCSV

/// Builds RFC 4180 CSV text, quoting through libcsv, safe to open in Excel.
///
/// Fields that need it (a comma, a quote, a line break, or surrounding spaces) are quoted by libcsv's
/// `csv_write`; others are written as they are. Lines end in CRLF as RFC 4180 and Excel expect. When
/// `neutralizesFormulas` is on (the default), a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe so that a spreadsheet shows it as text instead of evaluating
/// it; plain numbers such as `-3` or `-0.25` are left as numbers.
public struct CSVWriter: Sendable {
    /// Whether to prefix formula-like text cells with an apostrophe. Default `true`.
    public var neutralizesFormulas: Bool
    /// Whether the text starts with a UTF-8 byte-order mark (for Excel on Japanese Windows). Default `true`.
    public var writesByteOrderMark: Bool
    private(set) var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init(neutralizesFormulas: Bool = true, writesByteOrderMark: Bool = true) {
        self.neutralizesFormulas = neutralizesFormulas
        self.writesByteOrderMark = writesByteOrderMark
        if writesByteOrderMark { bytes = [0xEF, 0xBB, 0xBF] }
    }

    /// Appends one row.
    public mutating func appendRow(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(neutralizesFormulas ? Self.neutralized(field) : field)
        }
        bytes.append(contentsOf: [0x0D, 0x0A])
    }

    /// The CSV text written so far, as UTF-8 bytes.
    public var data: [UInt8] { bytes }

    /// Returns the bytes written so far and empties the buffer, for streaming a large file out in pieces.
    public mutating func takeData() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    /// The cell as a spreadsheet should show it: formula-like text gets a leading apostrophe.
    public static func neutralized(_ field: String) -> String {
        guard let first = field.utf8.first else { return field }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
            return "'" + field
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            return isPlainNumber(field) ? field : "'" + field
        default:
            return field
        }
    }

    private static func isPlainNumber(_ text: String) -> Bool {
        var digits = 0
        var dots = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"): if index != 0 { return false }
            default: return false
            }
        }
        return digits > 0 && dots <= 1
    }

    private mutating func appendField(_ field: String) {
        Self.appendField(field, to: &bytes)
    }

    /// Appends one field to `bytes`, quoted through libcsv when it needs quotes (no formula neutralisation).
    public static func appendField(_ field: String, to bytes: inout [UInt8]) {
        let needsQuotes =
            field.utf8.contains { byte in
                byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0A || byte == 0x0D
            } || field.first == " " || field.last == " "
        guard needsQuotes else {
            bytes.append(contentsOf: field.utf8)
            return
        }
        var source = Array(field.utf8)
        // Worst case: every byte a quote (doubled) plus the two enclosing quotes.
        var quoted = [UInt8](repeating: 0, count: source.count * 2 + 2)
        let written = quoted.withUnsafeMutableBytes { destination in
            source.withUnsafeMutableBytes {
                csv_write(destination.baseAddress, destination.count, $0.baseAddress, $0.count)
            }
        }
        bytes.append(contentsOf: quoted[0..<written])
    }
}
