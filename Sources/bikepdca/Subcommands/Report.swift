import ArgumentParser
import BikePDCACore
import Foundation
import Rendering
import Reports
import Workflows

extension ReportLanguage: ExpressibleByArgument {}
extension ReportFileFormat: ExpressibleByArgument {}

/// The output flags shared by every `report` subcommand.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "The folder the reports are written to (created if needed).")
    var out: String = "Reports"

    @Option(help: "The report language: ja (default) or en.")
    var lang: ReportLanguage = .ja

    @Option(help: "The time printed as 'generated at' (default: now, local time); fix it for reproducible files.")
    var generatedAt: String?

    @Flag(help: "Write CSV files without the UTF-8 byte-order mark (Excel on Japanese Windows needs it).")
    var noBom = false

    @Option(help: "html, csv or both (default: both; every table of a report also as a CSV file).")
    var format: ReportFileFormat = .both

    /// The run over `loader` these flags ask for, with a progress line on a terminal.
    func run(_ loader: AnalysisLoader) -> ReportRun {
        var run = ReportRun(
            loader: loader, settings: ReportSettings(language: lang, generatedAt: generatedAt ?? Self.now()),
            output: ReportOutput(folder: out, format: format, writesByteOrderMark: !noBom))
        run.progress = { Console.progress($0) }
        return run
    }

    static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }
}

extension BikePDCA {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Self-contained HTML reports (and every table as CSV) for a zone, a station, the prefecture.",
            discussion: """
                report all --period FY2025 writes every zone, station and the prefecture report plus index.html \
                into --out (default Reports/). Reports open offline (no scripts, no requests); CSV files are UTF-8 \
                with a BOM for Excel (--no-bom to omit it). Fix --generated-at for byte-identical output.
                """,
            subcommands: [
                ZoneReport.self, StationReport.self, PrefectureReport.self, CompareReport.self, AllReports.self,
            ])

        /// Prints where a one-report run wrote its HTML file.
        static func printWritten(_ written: ReportRun.Written) {
            Console.endProgress()
            Console.out(written.htmlFile.path)
        }
    }
}
