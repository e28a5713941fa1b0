import Foundation
import FuzzEntryPoints
import Testing

/// The fuzz corpus and every input that once crashed a parser, replayed through the fuzz targets' own entry
/// points without the fuzzer: each must finish (a value or a typed error), so a fixed crash stays fixed.
@Suite("Fuzz corpus and regressions")
struct FuzzCorpusTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [URL] {
        var files: [URL] = []
        for folder in ["Corpus/\(target)", "Regressions"] {
            let directory = fuzzFolder.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            files += names.sorted().filter { folder != "Regressions" || $0.hasPrefix(target) }
                .map { directory.appendingPathComponent($0) }
        }
        return files
    }

    @Test("the date and period parsers on every corpus and regression input")
    func dates() throws {
        let files = Self.inputs("DatesFuzz")
        #expect(files.count >= 10, "the seed corpus is present")
        for file in files { FuzzEntryPoints.dates(try Data(contentsOf: file)) }
    }

    @Test("the file readers on every corpus and regression input")
    func importers() throws {
        let files = Self.inputs("ImportersFuzz")
        #expect(files.count >= 10, "the seed corpus is present")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "fuzz-replay-\(UUID().uuidString)")
        for file in files { FuzzEntryPoints.importers(try Data(contentsOf: file), directory: directory) }
    }
}
