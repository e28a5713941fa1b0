import ArgumentParser
import Foundation
import Store

extension BikePDCA {
    struct Assign: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Place records with a position but no zone in the zone they lie in; flag contradictions.",
            discussion: """
                Every enforcement record and accident with coordinates but no zone gets the priority district it
                lies in, or the route whose buffer (default 30 m each side of the centre line) holds it. A point
                in several zones goes to a district before a route, then to the smallest district or the nearest
                route, then to the smallest zone id. Designation dates are not applied here: the analyses apply
                them. Records that a station reported with a zone but that lie more than --far-metres outside it
                are listed by `bikepdca qa`. Runs by itself after every import.
                """)

        @OptionGroup var store: StoreOptions

        @Option(
            help:
                "Flag records lying more than this many metres outside their reported zone (default: the last value given, else 200)."
        )
        var farMetres: Double?

        @Flag(help: "Recompute every zone found by position, not only for records without one.")
        var all = false

        func validate() throws {
            if let farMetres, !(farMetres >= 0) || !farMetres.isFinite {
                throw ValidationError("--far-metres must be a distance in metres, 0 or more")
            }
        }

        func run() throws {
            var options = ZoneAssignmentOptions()
            options.farFromZoneMetres = farMetres
            options.reassignAll = all
            let summary = try store.openForWriting().assignZones(options)
            Console.out(
                "Zones with geometry: \(summary.zonesIndexed)"
                    + (summary.zonesWithoutGeometry > 0
                        ? " (\(summary.zonesWithoutGeometry) without: never matched by position)" : ""))
            for table in summary.tables {
                Console.out(
                    "\(table.table): \(table.assigned) placed now; \(table.examined) with a position and no reported "
                        + "zone, \(table.reported) with a reported zone, \(table.withoutLocation) without a position")
            }
            Console.out(
                "Far from their reported zone (> \(BikePDCA.metres(summary.farFromZoneMetres))): \(summary.farFromZone)"
                    + (summary.farFromZone > 0 ? "  (see `bikepdca qa`)" : ""))
        }
    }

    /// Assigns zones when an import (of this run or an earlier one) left the assignment pending, and prints one
    /// line; the import commands call it after writing records. Does nothing, and writes nothing, otherwise.
    static func assignZonesAfterImport(_ store: RecordStore) throws {
        let summary: ZoneAssignmentSummary
        do {
            guard try store.pendingZoneAssignment() != nil else { return }
            summary = try store.assignZones()
        } catch {
            Console.error("error: zone assignment: \(error)")
            throw ExitCode(1)
        }
        let placed = summary.tables.reduce(0) { $0 + $1.assigned }
        let missing = summary.tables.filter { $0.table != "accidents" }.reduce(0) { $0 + $1.withoutLocation }
        Console.out(
            "zones: \(placed) records placed by position (\(summary.zonesIndexed) zones with geometry); "
                + "QA: \(summary.farFromZone) far from their reported zone, \(missing) without a position "
                + "(`bikepdca qa`)")
    }

    /// `200 m`, `12.5 m`.
    static func metres(_ value: Double) -> String {
        value.rounded() == value ? "\(Int(value)) m" : String(format: "%.1f m", value)
    }
}
