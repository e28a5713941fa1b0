import ArgumentParser
import BikePDCACore
import CSVSupport
import Foundation

/// Writing to the terminal: messages on stderr, progress only when stderr is a terminal. Everything goes through
/// ``TerminalText``.
enum Console {
    /// One message on stderr (escaped, each line cut to ``TerminalText/lineLimit`` characters).
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.message(text) + "\n").utf8))
    }

    /// One line of text on stdout (escaped, cut like a message).
    static func out(_ text: String = "") {
        FileHandle.standardOutput.write(Data((TerminalText.message(text) + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Rewrites one progress line on stderr (only on a terminal).
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + TerminalText.message(text, limit: 200)).utf8))
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// Printing results on stdout: JSON, CSV or aligned columns.
enum Output {
    static func printJSON(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // The encoder escapes C0 controls; the bidi controls it leaves as they are are escaped too (`\u202e`).
        var text = String(decoding: try encoder.encode(value), as: UTF8.self)
        for code in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            guard let scalar = Unicode.Scalar(code) else { continue }
            text = text.replacingOccurrences(of: String(Character(scalar)), with: "\\u\(String(code, radix: 16))")
        }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func printCSV(_ rows: [[String]]) {
        var writer = CSVWriter()
        for row in rows { writer.appendRow(row) }
        writeCSV(writer.data)
    }

    /// CSV bytes on stdout, control characters escaped (its CRLF line ends kept).
    static func writeCSV(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        FileHandle.standardOutput.write(Data(TerminalText.escaped(text, keepingCarriageReturns: true).utf8))
    }

    /// Prints rows as aligned columns (the first row is the header).
    static func printTable(_ unsafeRows: [[String]]) {
        let rows = unsafeRows.map { $0.map(TerminalText.cell) }
        guard let header = rows.first else { return }
        var widths = header.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        // Written in one go: a national table has some 12,000 lines of 30 cells.
        var output = ""
        for row in rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { output += "  " }
                let width = index < widths.count ? widths[index] : 0
                let length = cell.utf16.count
                if length <= width {
                    output += cell
                    output += String(repeating: " ", count: width - length)
                } else {
                    // Foundation's padding cuts a cell longer (in UTF-16 units) than its column's width.
                    output += cell.padding(toLength: width, withPad: " ", startingAt: 0)
                }
            }
            output += "\n"
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

extension ReportingPeriod {
    /// The period of a `--period` flag, or a usage error naming the forms accepted.
    static func argument(_ text: String) throws -> ReportingPeriod {
        do { return try ReportingPeriod.parse(text) } catch {
            throw ValidationError("invalid period \"\(text)\": \(error)")
        }
    }
}
