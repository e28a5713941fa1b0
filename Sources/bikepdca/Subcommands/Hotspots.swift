import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import Geo
import Store

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

        static func level(_ text: String) -> MeshLevel? {
            switch text {
            case "3", "third", "1km": .third
            case "half", "2", "500m": .half
            case "quarter", "4", "250m": .quarter
            default: nil
            }
        }

        func validate() throws {
            guard Self.level(mesh) != nil else {
                throw ValidationError("--mesh must be 3, half or quarter (got \"\(mesh)\")")
            }
        }

        func run() throws {
            let reporting = try AnalyticsSupport.parsePeriod(period)
            let opened = try store.openForReading()
            let (cells, zones) = try AnalyticsSupport.run {
                (
                    try opened.accidentGridCells(from: reporting.start, to: reporting.end, scope: try scope.scope()),
                    try AnalyticsSupport.zones(opened, scope: try scope.scope())
                )
            }
            let shapes = zones.filter {
                $0.designatedFrom <= reporting.end && ($0.designatedTo ?? reporting.end) >= reporting.start
            }
            .compactMap(ZoneShape.init(zone:))
            let ranked = HotSpots.rank(
                cells, level: Self.level(mesh) ?? .half, zoneShapes: shapes, minimumCount: minCount)
            let shown = Array(ranked.prefix(limit))
            switch format {
            case .json: try AnalyticsSupport.printJSON(shown)
            case .csv, .table:
                var rows = [
                    [
                        "rank", "mesh", "accidents", "fatal_or_serious", "gi_star", "latitude", "longitude",
                        "overlaps_zone", "candidate",
                    ]
                ]
                for (index, cell) in shown.enumerated() {
                    rows.append([
                        String(index + 1), cell.mesh, String(cell.count), String(cell.fatalOrSerious),
                        String(format: "%.3f", cell.giStar), String(format: "%.6f", cell.latitude),
                        String(format: "%.6f", cell.longitude), cell.overlapsZone ? "yes" : "no",
                        cell.isCandidate ? "yes" : "no",
                    ])
                }
                if format == .csv {
                    AnalyticsSupport.printCSV(rows)
                } else {
                    AnalyticsSupport.printTable(rows)
                    print(
                        "\nAccidents not attributed to a zone, \(reporting.label); candidates: Gi* ≥ 1.96 and ≥ \(minCount) accidents, centre outside every zone shape."
                    )
                }
            }
        }
    }
}
