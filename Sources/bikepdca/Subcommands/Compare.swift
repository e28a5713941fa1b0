import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Store

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

        @Option(help: "The zone to evaluate.")
        var zone: String?

        @Option(help: "Evaluate all the zones of this station together (five-digit station id).")
        var station: String?

        @Option(help: "The before window (a period or range, e.g. 2023-04..2024-03).")
        var before: String?

        @Option(help: "The after window.")
        var after: String?

        @Option(help: "Months each side of the designation date when --before/--after are not given.")
        var window: Int = 12

        @Option(help: "Only this method: naive, comparison, did or eb (default: all four).")
        var method: String?

        @Option(help: "The comparison group: station (its roads outside zones) or prefecture.")
        var comparison: String = "station"

        @Option(help: "Output format: table or json.")
        var format: OutputFormat = .table

        func validate() throws {
            guard (zone == nil) != (station == nil) else {
                throw ValidationError("give exactly one of --zone or --station")
            }
            guard (before == nil) == (after == nil) else {
                throw ValidationError("give both --before and --after, or neither")
            }
            guard window > 0 else { throw ValidationError("--window must be a positive number of months") }
            if let method, EvaluationMethod(rawValue: method) == nil {
                throw ValidationError("--method must be naive, comparison, did or eb (got \"\(method)\")")
            }
            guard comparison == "station" || comparison == "prefecture" else {
                throw ValidationError("--comparison must be station or prefecture (got \"\(comparison)\")")
            }
        }

        func run() throws {
            let opened = try store.openForReading()
            let scope = try scope.scope()
            // The zones in scope only: they are the empirical-Bayes reference group, and the tallies are read for
            // the scope's stations (a zone outside it would count as a zone without accidents).
            let zones = try AnalyticsSupport.run { try opened.zones().map(\.zone) }.filter {
                scope.includes($0.stationID)
            }
            let treated: [Zone]
            let subject: String
            if let zone {
                guard let found = zones.first(where: { $0.id == zone }) else {
                    Console.error("error: unknown zone \"\(zone)\"")
                    throw ExitCode(1)
                }
                treated = [found]
                subject = "zone \(zone) \(found.name)"
            } else {
                treated = zones.filter { $0.stationID == station }
                subject = "the zones of station \(station ?? "")"
                guard !treated.isEmpty else {
                    Console.error("error: station \"\(station ?? "")\" has no zones")
                    throw ExitCode(1)
                }
            }
            let explicitWindows: (before: ReportingPeriod, after: ReportingPeriod)?
            if let before, let after {
                explicitWindows = (try AnalyticsSupport.parsePeriod(before), try AnalyticsSupport.parsePeriod(after))
            } else {
                explicitWindows = nil
            }
            let methods = method.flatMap(EvaluationMethod.init(rawValue:)).map { [$0] } ?? EvaluationMethod.allCases
            let outcome: EvaluationOutcome
            do {
                outcome = try AnalyticsSupport.evaluate(
                    store: opened, cache: TallyCache(store: opened, scope: scope), treated: treated,
                    zones: zones,
                    subject: subject, singleZone: zone != nil, windows: explicitWindows, window: window,
                    methods: methods, prefectureComparison: comparison == "prefecture",
                    stationIDs: try opened.stations().filter { scope.includes($0.id) }.map(\.id))
            } catch let error as EvaluationProblem {
                Console.error("error: \(error)")
                throw ExitCode(1)
            } catch let error as StoreError {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
            let counts = outcome.counts
            let evaluation = outcome.evaluation
            if format == .json {
                try AnalyticsSupport.printJSON(evaluation)
                return
            }
            print("Before–after evaluation of \(subject)")
            print("  before \(counts.beforeLabel) (\(counts.beforeDays) days): K = \(counts.before) accidents")
            print("  after  \(counts.afterLabel) (\(counts.afterDays) days): L = \(counts.after) accidents")
            print(
                "  comparison group, \(counts.comparisonName): M = \(counts.comparisonBefore), N = \(counts.comparisonAfter)"
            )
            print(
                "  reference group: \(counts.referenceBefore.count) units, before \(counts.referenceBefore.reduce(0, +)), after \(counts.referenceAfter.reduce(0, +))"
            )
            if let ratio = evaluation.rateRatio {
                print(
                    "  rate ratio after/before (per day): \(MetricsTable.ratio(ratio.ratio ?? .infinity)), exact 95 % CI \(MetricsTable.ratio(ratio.lower))–\(MetricsTable.ratio(ratio.upper ?? .infinity))"
                )
            }
            print("  count reliability: \(evaluation.reliability)")
            if let k = evaluation.overdispersion {
                print("  EB over-dispersion k (method of moments): \(String(format: "%.4f", k))")
            }
            print("")
            for result in evaluation.results {
                if let theta = result.theta {
                    print(
                        "\(result.method): θ = \(String(format: "%.3f", theta)) (SE \(String(format: "%.3f", result.standardError ?? 0)); 95 % CI \(String(format: "%.3f", result.lower95 ?? 0))–\(String(format: "%.3f", result.upper95 ?? 0))); estimated change \(String(format: "%+.1f", -(result.reductionPercent ?? 0))) %"
                    )
                } else {
                    print("\(result.method): not available — \(result.unavailable ?? "")")
                }
                for note in result.notes { print("    note: \(note)") }
            }
            for note in evaluation.notes { print("Note: \(note)") }
        }
    }
}
