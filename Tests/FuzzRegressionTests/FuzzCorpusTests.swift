import Foundation
import FuzzEntryPoints
import Testing

/// The seed corpus and every input that once made a fuzz target fail, replayed through the targets' own entry
/// points without the fuzzer: each parser must produce a value or its stage's error, and every promise the
/// target checks (line numbers inside the file, values that read back) must hold, so a fixed bug stays fixed.
@Suite("Fuzz corpus and regressions")
struct FuzzCorpusTests {
    static let fuzzFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fuzz")

    /// `Fuzz/Corpus/<target>/*` and `Fuzz/Regressions/<target>-*`, sorted.
    static func inputs(_ target: String) -> [URL] {
        var files: [URL] = []
        for folder in ["Corpus/\(target)", "Regressions"] {
            let directory = fuzzFolder.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            files += names.sorted().filter { folder != "Regressions" || $0.hasPrefix("\(target)-") }
                .map { directory.appendingPathComponent($0) }
        }
        return files
    }

    static func replay(_ target: String, through entryPoint: (Data, URL) throws(FuzzFailure) -> Void) throws {
        let files = inputs(target)
        #expect(files.count >= 10, "the seed corpus of \(target) is present")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-replay-\(UUID())")
        defer { try? FileManager.default.removeItem(at: directory) }
        for file in files {
            do {
                try entryPoint(try Data(contentsOf: file), directory)
            } catch let failure as FuzzFailure {
                Issue.record("\(target) on \(file.lastPathComponent): \(failure)")
            }
        }
    }

    @Test("CSV reading and decoding, and whole enforcement and accidents files")
    func csv() throws {
        try Self.replay("CSVFuzz") { (data, directory) throws(FuzzFailure) in
            try FuzzEntryPoints.csv(data, directory: directory)
        }
    }

    @Test("the date, time and period parsers and date patterns")
    func dates() throws {
        try Self.replay("DatesFuzz") { (data, _) throws(FuzzFailure) in try FuzzEntryPoints.dates(data) }
    }

    @Test("report file names made from data: safe, and unique in a run")
    func fileNames() throws {
        try Self.replay("FileNameFuzz") { (data, _) throws(FuzzFailure) in try FuzzEntryPoints.fileNames(data) }
    }

    @Test("mapping profiles, and a sample file read through each profile that loads")
    func profiles() throws {
        try Self.replay("ProfileFuzz") { (data, directory) throws(FuzzFailure) in
            try FuzzEntryPoints.profile(data, directory: directory)
        }
    }

    @Test("GeoJSON geometries, feature collections and zones files")
    func geoJSON() throws {
        try Self.replay("GeoJSONFuzz") { (data, directory) throws(FuzzFailure) in
            try FuzzEntryPoints.geoJSON(data, directory: directory)
        }
    }
}
