import ArgumentParser
import BikePDCACore
import Workflows

extension BikePDCA.Report {
    struct CompareReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare", abstract: "A zone's before–after evaluation as a document.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions
        @OptionGroup var windows: WindowOptions

        @Option(help: "The zone to evaluate.")
        var zone: String

        func run() throws {
            let requested = try windows.windows()
            let run = output.run(try store.loader(scope))
            BikePDCA.Report.printWritten(
                try run.compareReport(
                    zone, windows: requested, prefectureComparison: windows.comparison == "prefecture"))
        }
    }
}
