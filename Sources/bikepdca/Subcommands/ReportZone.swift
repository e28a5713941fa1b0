import ArgumentParser
import BikePDCACore

extension BikePDCA.Report {
    struct ZoneReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "zone", abstract: "One zone's month-by-month Plan / Do / Check, before/after, timing and map.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Argument(help: "The zone id (e.g. 58101-D01).")
        var zoneID: String

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            let reporting = try ReportingPeriod.argument(period)
            let run = output.run(try store.loader(scope))
            BikePDCA.Report.printWritten(try run.zoneReport(zoneID, period: reporting))
        }
    }
}
