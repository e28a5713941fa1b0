import ArgumentParser
import BikePDCACore

extension BikePDCA.Report {
    struct AllReports: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Every zone, station and the prefecture report, plus index.html linking them."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        @Flag(help: "Also write each zone's before–after report (compare_<zone>.html) and list it in the index.")
        var compare = false

        func run() throws {
            let reporting = try ReportingPeriod.argument(period)
            let loader = try store.loader(scope)
            if loader.scope == nil {
                let codes = Set(loader.stations.map { $0.id.prefix(2) })
                if codes.count > 1 {
                    Console.error(
                        "note: the database holds stations of \(codes.count) NPA prefecture codes; every report takes "
                            + "all of them as context. --prefecture CODE reports on one prefecture (much faster).")
                }
            }
            let written = try output.run(loader).allReports(period: reporting, comparisons: compare)
            Console.endProgress()
            Console.out("\(written.reports) reports (\(written.files) files) in \(written.folder.path)")
        }
    }
}
