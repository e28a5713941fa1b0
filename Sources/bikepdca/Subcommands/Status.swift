import ArgumentParser
import BikePDCACore
import Foundation
import Store

extension BikePDCA {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what is loaded: datasets × months × stations, with missing months flagged.")

        @OptionGroup var store: StoreOptions

        @Flag(help: "Show the record count of every station and month.")
        var detail = false

        func run() throws {
            let opened = try store.openForReading(warnsOfPendingAssignment: false)
            let today = Self.today()
            let status = try opened.status(today: today)
            Console.out("Database: \(opened.path)")
            if let pending = try? opened.pendingZoneAssignment() {
                Console.out("Warning: " + StoreOptions.pendingAssignmentNote(pending))
            }
            Console.out(
                "Stations: \(status.stations.count)   Zones: \(status.zoneCount) (\(status.activeZoneCount) active on \(today))   Plan rows: \(status.planCount)"
            )
            let names = Dictionary(uniqueKeysWithValues: status.stations.map { ($0.id, $0.nameJA) })
            for coverage in status.coverage {
                Console.out("")
                guard let months = coverage.months else {
                    Console.out("\(coverage.dataset): nothing loaded")
                    continue
                }
                let monthCount = months.lowerBound.months(to: months.upperBound) + 1
                Console.out(
                    "\(coverage.dataset): \(coverage.records) records, \(months.lowerBound) … \(months.upperBound) (\(monthCount) months)"
                )
                if coverage.gaps.isEmpty {
                    Console.out("  every station has records in every month")
                } else {
                    Console.out("  MISSING (station-months not delivered; not counted as zero):")
                    var byStation: [String: [YearMonth]] = [:]
                    for gap in coverage.gaps { byStation[gap.stationID, default: []].append(gap.month) }
                    for station in byStation.keys.sorted() {
                        let list = Self.compress(byStation[station] ?? [])
                        let name = names[station].map { $0.isEmpty ? "(no name in the code tables)" : $0 }
                        Console.out("    \(station) \(name ?? "(unregistered)"): \(list)")
                    }
                }
                if detail {
                    var month = months.lowerBound
                    let stations = coverage.counts.keys.sorted()
                    Console.out(
                        "  month    " + stations.map { $0.padding(toLength: 7, withPad: " ", startingAt: 0) }.joined())
                    while month <= months.upperBound {
                        let cells = stations.map { station in
                            String(coverage.counts[station]?[month] ?? 0).padding(
                                toLength: 7, withPad: " ", startingAt: 0)
                        }
                        Console.out("  \(month)  " + cells.joined())
                        month = month.adding(months: 1)
                    }
                }
            }
            if !status.recentImports.isEmpty {
                Console.out("\nRecent imports:")
                for entry in status.recentImports {
                    Console.out(
                        "  \(entry.importedAt)  \(entry.dataset)  \(entry.fileName)  accepted \(entry.rowsAccepted), rejected \(entry.rowsRejected)\(entry.rowsReplaced > 0 ? ", replaced \(entry.rowsReplaced)" : "")  sha256 \(entry.sha256.prefix(12))…"
                    )
                }
            }
        }

        /// Months as ranges: 2024-04…2024-06, 2025-01.
        static func compress(_ months: [YearMonth]) -> String {
            var parts: [String] = []
            var start: YearMonth?
            var previous: YearMonth?
            for month in months.sorted() {
                if let p = previous, p.adding(months: 1) == month {
                    previous = month
                    continue
                }
                if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)…\(p)") }
                start = month
                previous = month
            }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)…\(p)") }
            return parts.joined(separator: ", ")
        }

        static func today() -> LocalDate {
            let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
            return LocalDate(year: parts.year ?? 2026, month: parts.month ?? 1, day: parts.day ?? 1)
                ?? LocalDate(dayNumber: 0)
        }
    }
}
