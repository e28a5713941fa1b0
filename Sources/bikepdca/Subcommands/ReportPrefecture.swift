import ArgumentParser
import BikePDCACore

extension BikePDCA.Report {
    struct PrefectureReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prefecture", abstract: "Stations and zones ranked, hot spots outside zones, the Act list.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            let reporting = try ReportingPeriod.argument(period)
            let run = output.run(try store.loader(scope))
            BikePDCA.Report.printWritten(try run.prefectureReport(period: reporting))
        }
    }
}
