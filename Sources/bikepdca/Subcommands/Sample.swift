import ArgumentParser
import Foundation
import SampleGenerator

extension BikePDCA {
    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the fictional sample prefecture's data (deterministic), a large benchmark file, or the "
                + "national data set.",
            discussion: """
                bikepdca sample                       the sample prefecture into SampleData/
                bikepdca sample --benchmark-rows N    one enforcement CSV of N rows
                bikepdca sample --national            47 prefectures, fiscal 2016–2025, into bench-out/national/
                                                      (about 1.5M enforcement records and 300k accidents a year)
                """)

        @Option(help: "Folder to write to (default: SampleData, or bench-out/national with --national).")
        var out: String?

        @Option(help: "Random seed (the same seed writes the same bytes).")
        var seed: UInt64 = SampleConfiguration.standard.seed

        @Option(help: "Write only one enforcement CSV of this many rows (for benchmarks) to --benchmark-file.")
        var benchmarkRows: Int?

        @Option(help: "The benchmark CSV to write with --benchmark-rows.")
        var benchmarkFile: String = "enforcement_benchmark.csv"

        @Flag(help: "Write the national data set (all 47 prefectures) instead of the sample prefecture.")
        var national = false

        @Option(help: "With --national: the number of fiscal years, one file per dataset and year (default: 10).")
        var years: Int?

        @Option(help: "With --national: the first fiscal year (default: 2016).")
        var firstFiscalYear: Int?

        @Option(help: "With --national: only the first N prefectures in NPA code order (default: all 47).")
        var prefectures: Int?

        @Option(help: "With --national: the share of the national record volumes to write (default: 1; e.g. 0.1).")
        var rowScale: Double?

        func validate() throws {
            if national && benchmarkRows != nil {
                throw ValidationError("--national and --benchmark-rows write different things: give one of them.")
            }
            if !national && (years != nil || firstFiscalYear != nil || prefectures != nil || rowScale != nil) {
                throw ValidationError(
                    "--years, --first-fiscal-year, --prefectures and --row-scale apply to --national.")
            }
        }

        func run() throws {
            if let rows = benchmarkRows {
                try SampleDataWriter.writeEnforcementBenchmark(
                    rows: rows, to: URL(fileURLWithPath: benchmarkFile), seed: seed)
                Console.out("Wrote \(rows) enforcement rows to \(benchmarkFile)")
                return
            }
            if national {
                let standard = NationalConfiguration.standard
                let configuration = NationalConfiguration(
                    seed: seed, firstFiscalYear: firstFiscalYear ?? standard.firstFiscalYear,
                    years: years ?? standard.years, prefectureLimit: prefectures,
                    rowScale: rowScale ?? standard.rowScale)
                let summary = try SampleDataWriter.writeNationalSet(
                    to: URL(fileURLWithPath: out ?? "bench-out/national", isDirectory: true),
                    configuration: configuration)
                Console.out(String(describing: summary))
                return
            }
            var configuration = SampleConfiguration.standard
            configuration.seed = seed
            let summary = try SampleDataWriter.writeSampleSet(
                to: URL(fileURLWithPath: out ?? "SampleData", isDirectory: true), configuration: configuration)
            Console.out(String(describing: summary))
        }
    }
}
