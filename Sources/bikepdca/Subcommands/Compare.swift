import Analytics
import ArgumentParser
import Foundation
import Reports
import Workflows

extension BikePDCA {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Before–after evaluation of a zone or a station's zones: naive, comparison group, DiD, EB.",
            discussion: """
                By default the designation date splits the windows: --window months before it and from it \
                (default 12; e.g. 36). --before and --after set the windows instead. The comparison group is the \
                station's roads outside zones (--comparison station) or the whole prefecture outside zones \
                (--comparison prefecture); the Empirical Bayes reference group is the other zones (or the other \
                stations' zones) over the same windows. The naive estimate always carries the \
                regression-to-the-mean warning.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var windows: WindowOptions

        @Option(help: "The zone to evaluate.")
        var zone: String?

        @Option(help: "Evaluate all the zones of this station together (five-digit station id).")
        var station: String?

        @Option(help: "Only this method: naive, comparison, did or eb (default: all four).")
        var method: String?

        @Option(help: "Output format: table, csv (one row per method) or json.")
        var format: OutputFormat = .table

        func validate() throws {
            guard (zone == nil) != (station == nil) else {
                throw ValidationError("give exactly one of --zone or --station")
            }
            if let method, EvaluationMethod(rawValue: method) == nil {
                throw ValidationError("--method must be naive, comparison, did or eb (got \"\(method)\")")
            }
        }

        func run() throws {
            let windows = try windows.windows()
            let loader = try store.loader(scope)
            let methods = method.flatMap(EvaluationMethod.init(rawValue:)).map { [$0] } ?? EvaluationMethod.allCases
            let prefectureComparison = self.windows.comparison == "prefecture"
            let outcome =
                if let zone {
                    try loader.comparison(
                        try loader.zone(zone), windows: windows, methods: methods,
                        prefectureComparison: prefectureComparison)
                } else {
                    try loader.comparison(
                        ofStation: station ?? "", windows: windows, methods: methods,
                        prefectureComparison: prefectureComparison)
                }
            let counts = outcome.counts
            let evaluation = outcome.evaluation
            switch format {
            case .json:
                try Output.printJSON(evaluation)
                return
            case .csv:
                let number = { (value: Double?) in value.map { MetricsTable.ratio($0) } ?? "" }
                Output.printCSV(
                    [["method", "theta", "standard_error", "lower95", "upper95", "change_pct", "unavailable"]]
                        + evaluation.results.map {
                            [
                                $0.method, number($0.theta), number($0.standardError), number($0.lower95),
                                number($0.upper95), MetricsTable.number($0.reductionPercent.map { -$0 }),
                                $0.unavailable ?? "",
                            ]
                        })
                return
            case .table: break
            }
            Console.out("Before–after evaluation of \(counts.subject)")
            Console.out("  before \(counts.beforeLabel) (\(counts.beforeDays) days): K = \(counts.before) accidents")
            Console.out("  after  \(counts.afterLabel) (\(counts.afterDays) days): L = \(counts.after) accidents")
            Console.out(
                "  comparison group, \(counts.comparisonName): M = \(counts.comparisonBefore), N = \(counts.comparisonAfter)"
            )
            Console.out(
                "  reference group: \(counts.referenceBefore.count) units, before \(counts.referenceBefore.reduce(0, +)), after \(counts.referenceAfter.reduce(0, +))"
            )
            if let ratio = evaluation.rateRatio {
                Console.out(
                    "  rate ratio after/before (per day): \(MetricsTable.ratio(ratio.ratio ?? .infinity)), exact 95 % CI \(MetricsTable.ratio(ratio.lower))–\(MetricsTable.ratio(ratio.upper ?? .infinity))"
                )
            }
            Console.out("  count reliability: \(evaluation.reliability)")
            if let k = evaluation.overdispersion {
                Console.out("  EB over-dispersion k (method of moments): \(String(format: "%.4f", k))")
            }
            Console.out("")
            for result in evaluation.results {
                if let theta = result.theta {
                    Console.out(
                        "\(result.method): θ = \(String(format: "%.3f", theta)) (SE \(String(format: "%.3f", result.standardError ?? 0)); 95 % CI \(String(format: "%.3f", result.lower95 ?? 0))–\(String(format: "%.3f", result.upper95 ?? 0))); estimated change \(String(format: "%+.1f", -(result.reductionPercent ?? 0))) %"
                    )
                } else {
                    Console.out("\(result.method): not available — \(result.unavailable ?? "")")
                }
                for note in result.notes { Console.out("    note: \(note)") }
            }
            for note in evaluation.notes { Console.out("Note: \(note)") }
        }
    }
}
