import ArgumentParser
import Foundation
import SampleGenerator

extension BikePDCA {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the fictional sample prefecture's data (deterministic), or a large benchmark file.")

        @Option(help: "Folder for the sample set.")
        var out: String = "SampleData"

        @Option(help: "Random seed (the same seed writes the same bytes).")
        var seed: UInt64 = SampleConfiguration.standard.seed

        @Option(help: "Write only one enforcement CSV of this many rows (for benchmarks) to --benchmark-file.")
        var benchmarkRows: Int?

        @Option(help: "The benchmark CSV to write with --benchmark-rows.")
        var benchmarkFile: String = "enforcement_benchmark.csv"

        func run() throws {
            if let rows = benchmarkRows {
                try SampleDataWriter.writeEnforcementBenchmark(
                    rows: rows, to: URL(fileURLWithPath: benchmarkFile), seed: seed)
                print("Wrote \(rows) enforcement rows to \(benchmarkFile)")
                return
            }
            var configuration = SampleConfiguration.standard
            configuration.seed = seed
            let summary = try SampleDataWriter.writeSampleSet(
                to: URL(fileURLWithPath: out, isDirectory: true), configuration: configuration)
            print(summary)
        }
    }
}
