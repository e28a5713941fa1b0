import ArgumentParser
import BikePDCACore
import CSVSupport
import Foundation

/// Writing to the terminal: messages on stderr, progress only when stderr is a terminal.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Rewrites one progress line on stderr (only on a terminal).
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
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
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    static func printCSV(_ rows: [[String]]) {
        var writer = CSVWriter()
        for row in rows { writer.appendRow(row) }
        FileHandle.standardOutput.write(Data(writer.data))
    }

    /// Prints rows as aligned columns (the first row is the header).
    static func printTable(_ rows: [[String]]) {
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
