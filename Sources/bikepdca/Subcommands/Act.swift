import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Workflows

extension BikePDCA {
    struct Act: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Act: recommendations with their reasons and numbers (change tactics, maintenance, new zones, plan).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: "The period (e.g. FY2025, 2025-04..2025-09).")
        var period: String

        @Option(help: "Grid for hot spots: 3, half or quarter.")
        var mesh: String = "half"

        @Option(help: "Enforcement records a zone needs to count as enforced (default 30).")
        var minZoneEnforcement: Int?

        @Option(help: "Execution below this percentage of planned officer-hours is under plan (default 80).")
        var underPlanPercent: Double?

        @Option(help: "A fall of at least this percent two years running is sustained (default 20).")
        var sustainedFallPercent: Double?

        @Option(help: "Output format: table, csv or json.")
        var format: OutputFormat = .table

        func run() throws {
            let reporting = try ReportingPeriod.argument(period)
            var thresholds = ActThresholds()
            if let value = minZoneEnforcement { thresholds.minimumZoneEnforcement = value }
            if let value = underPlanPercent { thresholds.underPlanPercent = value }
            if let value = sustainedFallPercent { thresholds.sustainedFallPercent = value }
            let recommendations = try store.loader(scope).actAnalysis(
                reporting, level: Hotspots.level(mesh) ?? .half, thresholds: thresholds
            ).recommendations
            switch format {
            case .json:
                try Output.printJSON(recommendations)
                return
            case .csv:
                Output.printCSV(ResultTables.actRows(recommendations))
                return
            case .table: break
            }
            if recommendations.isEmpty { Console.out("No recommendations for \(reporting.label) at these thresholds.") }
            for item in recommendations {
                Console.out("[\(item.kind.rawValue)] \(item.subject): \(item.reason)")
            }
        }
    }
}
