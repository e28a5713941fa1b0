import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Reports
import Store
import Workflows

/// How an analytics command prints its result.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json
}

extension BikePDCA {
    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plan / Do / Check metrics of a period, by station × department × zone and for the prefecture.",
            discussion: """
                Periods: a month (2025-04), fiscal quarter (FY2025Q1), fiscal year (FY2025, 令和7年度), calendar \
                year (CY2025), a date, or a range (2025-04..2025-09); --ytd instead of --period for the fiscal \
                year to date (年度累計). Accidents are compared with the same span last year and the 3-year average \
                of the same months. A station-month with no records is listed as missing, never counted as zero.

                --explain enforcement|accidents|activities writes the records behind a figure as CSV (filter with \
                --station, --zone (use - for outside zones), --department, --outcome).
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04, FY2025Q1, CY2025, 2025-04..2025-09).")
        var period: String?

        @Flag(
            help: ArgumentHelp(
                "Fiscal year to date (年度累計): from 1 April to --as-of, compared with the same span a year earlier."))
        var ytd = false

        @Option(
            help: ArgumentHelp(
                "With --ytd: the last day counted (default: the end of the latest month with enforcement records).",
                valueName: "date"))
        var asOf: String?

        @Option(
            help: "Break down by any of station,department,zone (comma-separated); 'prefecture' for the total only.")
        var by: String = "station,department,zone"

        @Option(help: "Output format: table, csv or json.")
        var format: OutputFormat = .table

        @Option(help: "List the records behind a figure instead: enforcement, accidents or activities (CSV).")
        var explain: String?

        // `.unconditional`: an id from the data may start with `-`; the value after the flag is always taken.
        @Option(parsing: .unconditional, help: "With --explain: only this station id.")
        var station: String?

        @Option(
            parsing: .unconditional, help: "With --explain: only this zone id ('-' for records outside every zone).")
        var zone: String?

        @Option(help: "With --explain: only this department (traffic, community, other).")
        var department: String?

        @Option(help: "With --explain: only this outcome (warning, blue, red).")
        var outcome: String?

        func validate() throws {
            if ytd == (period != nil) {
                throw ValidationError("give either --period or --ytd")
            }
            if asOf != nil && !ytd { throw ValidationError("--as-of goes with --ytd") }
            guard MetricsGrouping(list: by) != nil else {
                throw ValidationError("--by takes station, department and zone, comma-separated (got \"\(by)\")")
            }
            if let department, Department(rawValue: department) == nil {
                throw ValidationError("--department must be traffic, community or other (got \"\(department)\")")
            }
            if let outcome, Outcome(rawValue: outcome) == nil {
                throw ValidationError("--outcome must be warning, blue or red (got \"\(outcome)\")")
            }
        }

        func run() throws {
            // Flags first: a usage error is reported as one before the database is looked at.
            let given = try period.map(ReportingPeriod.argument)
            var through: LocalDate?
            if let asOf {
                do { through = try JapaneseDateParser.parseDate(asOf) } catch {
                    throw ValidationError("invalid --as-of date \"\(asOf)\": \(error.reason)")
                }
            }
            let opened = try store.openForReading()
            let reporting = try given ?? AnalysisLoader.fiscalYearToDate(store: opened, asOf: through)
            if let explain {
                let listed = try RecordListing.write(
                    explain, store: opened,
                    filter: RecordFilter(
                        start: reporting.start, end: reporting.end, stationID: station, zoneID: zone,
                        department: department.flatMap(Department.init(rawValue:)),
                        outcome: outcome.flatMap(Outcome.init(rawValue:)))
                ) { Output.writeCSV($0) }
                Console.error("\(listed.count) \(listed.dataset.rawValue) record\(listed.count == 1 ? "" : "s")")
                return
            }
            let report = try AnalysisLoader.metrics(
                store: opened, period: reporting, scope: try scope.scope(), grouping: MetricsGrouping(list: by) ?? .all)
            switch format {
            case .json: try Output.printJSON(report)
            case .csv: Output.printCSV(MetricsTable.rows(report))
            case .table:
                Output.printTable(MetricsTable.rows(report))
                Console.out("")
                Console.out(
                    "Period \(report.period) (\(report.start)…\(report.end)); accidents compared with \(report.lastYearPeriod)."
                )
                for note in report.notes { Console.out("Note: \(note)") }
                if !report.missing.isEmpty {
                    Console.out("Missing station-months (not zero):")
                    for item in report.missing.prefix(40) { Console.out("  \(item)") }
                    if report.missing.count > 40 {
                        Console.out("  … and \(report.missing.count - 40) more (see --format json)")
                    }
                }
            }
        }
    }
}
