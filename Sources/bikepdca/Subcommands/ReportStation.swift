import ArgumentParser
import BikePDCACore

extension BikePDCA.Report {
    struct StationReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "station", abstract: "A station's zones, departments compared, plan attainment and Act.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Argument(help: "The five-digit station code (prefecture + station, e.g. 58101).")
        var stationID: String

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            let reporting = try ReportingPeriod.argument(period)
            let run = output.run(try store.loader(scope))
            BikePDCA.Report.printWritten(try run.stationReport(stationID, period: reporting))
        }
    }
}
