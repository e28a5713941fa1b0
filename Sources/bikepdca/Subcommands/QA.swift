import ArgumentParser
import Foundation
import Store

extension BikePDCA {
    struct QA: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "qa",
            abstract: "List records that need a location, and records far from their reported zone.",
            discussion: """
                Records without coordinates (NPA accidents published with zero or invalid coordinates among
                them) cannot be placed in a zone. Records that a station reported with a zone id but whose
                coordinates lie far outside it (threshold set by `bikepdca assign --far-metres`, default 200 m)
                have a wrong zone or a wrong position. Far-from-zone records are listed first, farthest first.
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "Show at most this many records (0: all). Default 50.")
        var limit = 50

        func run() throws {
            let queue = try store.openForReading().qaQueue(limit: limit > 0 ? limit : nil)
            let needs = queue.needsLocation.values.reduce(0, +)
            let far = queue.farFromZone.values.reduce(0, +)
            func breakdown(_ counts: [String: Int]) -> String {
                counts.isEmpty
                    ? ""
                    : " ("
                        + counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                        .joined(separator: ", ") + ")"
            }
            Console.out("Far from their reported zone: \(far)\(breakdown(queue.farFromZone))")
            Console.out("Need a location: \(needs)\(breakdown(queue.needsLocation))")
            if queue.items.isEmpty { return }
            Console.out("")
            for item in queue.items {
                var line = "\(item.kind.rawValue)  \(item.dataset)  \(item.recordID)  \(item.stationID)  \(item.date)"
                if let zone = item.zoneID { line += "  zone \(zone)" }
                if let distance = item.distanceMetres {
                    line += "  \(BikePDCA.metres(distance)) outside"
                    if let threshold = item.thresholdMetres { line += " (threshold \(BikePDCA.metres(threshold)))" }
                }
                if let detail = item.detail { line += "  \(detail)" }
                Console.out(line)
            }
            if queue.items.count < needs + far {
                Console.out("… \(needs + far - queue.items.count) more (--limit 0 lists all)")
            }
        }
    }
}
