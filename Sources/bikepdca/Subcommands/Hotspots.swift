import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Geo
import Workflows

extension BikePDCA {
    struct Hotspots: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accident hot spots outside every zone on the JIS X 0410 grid, ranked by count and Gi*.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions

        @Option(help: "The period (e.g. FY2025, 2025-04..2025-09).")
        var period: String

        @Option(help: "Grid: 3 (about 1 km), half (500 m) or quarter (250 m).")
        var mesh: String = "half"

        @Option(help: "Accidents a cell needs to be a candidate designation.")
        var minCount: Int = 3

        @Option(help: "How many cells to list.")
        var limit: Int = 20

        @Option(help: "Output format: table, csv or json.")
        var format: OutputFormat = .table

        static func level(_ text: String) -> MeshLevel? { ResultTables.meshLevel(text) }

        func validate() throws {
            guard Self.level(mesh) != nil else {
                throw ValidationError("--mesh must be 3, half or quarter (got \"\(mesh)\")")
            }
        }

        func run() throws {
            let reporting = try ReportingPeriod.argument(period)
            let ranked = try store.loader(scope).hotSpots(
                reporting, level: Self.level(mesh) ?? .half, minimumCount: minCount)
            let shown = Array(ranked.prefix(limit))
            switch format {
            case .json: try Output.printJSON(shown)
            case .csv, .table:
                let rows = ResultTables.hotSpotRows(shown)
                if format == .csv {
                    Output.printCSV(rows)
                } else {
                    Output.printTable(rows)
                    Console.out(
                        "\nAccidents not attributed to a zone, \(reporting.label); candidates: Gi* ≥ 1.96 and ≥ \(minCount) accidents, centre outside every zone shape."
                    )
                }
            }
        }
    }
}
