import BikePDCACore
import Foundation

extension SampleDataWriter {
    /// Writes one large enforcement CSV for load testing, streaming it through a 1 MiB buffer (memory stays flat
    /// however many rows are asked for).
    ///
    /// The file is UTF-8 with DATASETS.md's English headers and ISO dates. Its records follow the sample set's
    /// rules and refer only to the stations, zones and operation ids of the standard sample set
    /// (``SampleConfiguration/standard``), so it imports once that set's stations, zones and activities are
    /// loaded. Record ids are `B000000001` … so they never collide with the sample set's `E…` ids. Rows run month
    /// by month from 2023-04 to 2026-09, unsorted within a month.
    ///
    /// - Parameters:
    ///   - rows: The number of records to write.
    ///   - file: The file to create or overwrite (its folder is created if needed).
    ///   - seed: The seed of the records' draws (default: the standard seed).
    public static func writeEnforcementBenchmark(
        rows: Int, to file: URL, seed: UInt64 = SampleConfiguration.standard.seed
    ) throws(SampleGeneratorError) {
        guard rows >= 0 else {
            throw .invalidConfiguration("the benchmark row count must not be negative")
        }
        try SampleFiles.createDirectory(file.deletingLastPathComponent())
        let world = SampleWorld(configuration: .standard)
        var poolRandom = SampleRandom(seed: seed, stream: "benchmark-pools")
        let synthesizer = EnforcementSynthesizer(
            world: world, locations: LocationSource(world: world, poolSize: 512, random: &poolRandom))
        let writer = EnforcementRowWriter(world: world, format: .canonical)
        let counts = synthesizer.monthCounts(total: rows)
        let idWidth = max(9, String(rows).count)
        let output = try OutputFile(url: file, encoding: .utf8)
        try output.write(CSVRow(EnforcementFileFormat.canonicalHeader))
        var row = CSVRow()
        var id: [UInt8] = []
        id.reserveCapacity(16)
        var sequence = 0
        for monthIndex in world.months.indices {
            let context = synthesizer.context(monthIndex: monthIndex)
            var random = SampleRandom(seed: seed, stream: "benchmark", index: monthIndex)
            for _ in 0..<counts[monthIndex] {
                sequence += 1
                id.removeAll(keepingCapacity: true)
                id.append(0x42)  // "B"
                id.appendDecimal(sequence, width: idWidth)
                writer.fill(&row, id: id, draft: synthesizer.draft(in: context, random: &random))
                try output.write(row)
            }
        }
        try output.close()
    }
}
