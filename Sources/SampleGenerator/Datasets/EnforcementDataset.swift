import BikePDCACore
import Foundation

/// The monthly enforcement files `enforcement/enforcement_YYYY-MM.csv`, 2023-04 … 2026-09.
enum EnforcementDataset {
    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        let synthesizer = EnforcementSynthesizer(world: world, locations: LocationSource(world: world))
        let counts = synthesizer.monthCounts(total: world.configuration.enforcementRows)
        var files: [SampleSummary.File] = []
        for (index, month) in world.months.enumerated() {
            let context = synthesizer.context(monthIndex: index)
            var random = SampleRandom(seed: world.configuration.seed, stream: "enforcement", index: index)
            let drafts = (0..<counts[index]).map { _ in synthesizer.draft(in: context, random: &random) }
            let ordered = drafts.enumerated().sorted { lhs, rhs in
                let left = lhs.element
                let right = rhs.element
                if left.date != right.date { return left.date < right.date }
                if left.minute != right.minute { return left.minute < right.minute }
                if left.stationIndex != right.stationIndex { return left.stationIndex < right.stationIndex }
                return lhs.offset < rhs.offset
            }
            let format = EnforcementFileFormat.forMonth(month)
            let writer = EnforcementRowWriter(world: world, format: format)
            let file = try SampleFiles.write(
                in: directory, path: "enforcement/enforcement_\(month).csv", encoding: format.encoding,
                usesCRLF: format.usesCRLF, dataset: .enforcement, role: .data
            ) { (output) throws(SampleGeneratorError) -> Int in
                try output.write(CSVRow(format.header))
                var row = CSVRow()
                let prefix = Array("E\(month.year)\(month.month < 10 ? "0" : "")\(month.month)-".utf8)
                for (sequence, entry) in ordered.enumerated() {
                    var id = prefix
                    id.appendDecimal(sequence + 1, width: 5)
                    writer.fill(&row, id: id, draft: entry.element)
                    try output.write(row)
                }
                return ordered.count
            }
            files.append(file)
        }
        return files
    }
}
