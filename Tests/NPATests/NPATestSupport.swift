import BikePDCACore
import Foundation
import GRDB
import Importers
import Store
import TestFolders

/// The real NPA files in `shared/realdata/npa`, found beside the repository (`../shared`, as CI lays it out).
enum RealData {
    /// `…/shared/realdata/npa`, or `nil` when the shared folder is absent.
    static let npaDirectory: URL? = {
        // #filePath is …/Tests/NPATests/NPATestSupport.swift: three levels up is the package root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        // The package may be checked out under another name, or reached through a symlink; try both.
        let candidates = [
            url.deletingLastPathComponent().appendingPathComponent("shared/realdata/npa"),
            url.resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("shared/realdata/npa"),
            URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("shared/realdata/npa"),
        ]
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("hojuhyo").path) }
    }()

    /// Whether the real data is present (it is in CI; the tests that need it are skipped otherwise).
    static var isPresent: Bool { npaDirectory != nil }

    /// Shown when the real-data tests are skipped.
    static let absentMessage =
        "shared/realdata/npa not found beside the repository (expected ../shared/realdata/npa); real-data tests skipped"

    /// A file under `shared/realdata/npa`.
    static func path(_ relative: String) -> String {
        (npaDirectory ?? URL(fileURLWithPath: "/nonexistent")).appendingPathComponent(relative).path
    }

    static var fukui2019: String { path("honhyo_subset/fukui_2019_honhyo_rows.csv") }
    static var fukui2020: String { path("honhyo_subset/fukui_2020_honhyo_rows.csv") }
    static var sample2022: String { path("honhyo_subset/honhyo_2022plus_format_sample_rows.csv") }
    static func hojuhyo(_ year: Int) -> String { path("hojuhyo/hojuhyo_\(year).csv") }
}

/// A fresh database in a temporary folder.
struct TestStore {
    let directory: URL
    let store: RecordStore

    init() throws {
        directory = try TestFolders.make("npa")
        store = try RecordStore(path: directory.appendingPathComponent("test.sqlite").path)
    }

    /// Opens the database directly, for checks the store's API does not offer.
    func queue() throws -> DatabaseQueue { try DatabaseQueue(path: store.path) }

    /// Writes `text` to a file in the temporary folder and returns its path.
    func file(_ name: String, _ data: Data) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// Imports one 本票 file the way `bikepdca import npa-accidents` does (read 補充票, then the 本票 in one
    /// transaction, all-or-nothing), and returns the reader's summary and the diagnostics.
    @discardableResult
    func importNPA(
        _ path: String, hojuhyo: [String] = [], prefecture: String? = nil, releaseYear: Int? = nil
    ) throws -> (summary: NPAHonhyoReader.Summary?, problems: [ImportDiagnostic], entry: ImportLogEntry?) {
        let name = (path as NSString).lastPathComponent
        var options = NPAHonhyoReader.Options()
        options.prefecture = prefecture
        options.releaseYear = releaseYear
        let year = releaseYear ?? NPAHonhyoReader.releaseYear(fromFileName: name)
        if hojuhyo.isEmpty {
            if let year {
                options.hojuhyo = NPAHojuhyoIndex(
                    bicycleKeys: try store.npaHojuhyoBicycleKeys(releaseYear: year, prefecture: prefecture))
            }
        } else {
            for file in hojuhyo {
                options.hojuhyo.merge(try NPAHojuhyoIndex.read(path: file, prefecture: prefecture))
            }
        }
        let reader = NPAHonhyoReader(path: path, displayName: name)
        var problems: [ImportDiagnostic] = []
        var summary: NPAHonhyoReader.Summary?
        let entry = try store.importNPAAccidents(
            fileName: name, sha256: "test", encoding: nil, importedAt: "2026-11-26 10:00:00"
        ) { writer in
            summary = try reader.read(
                options: options,
                record: { record in
                    if case .duplicate(let first) = try writer.write(record) {
                        problems.append(
                            ImportDiagnostic(file: name, line: record.sourceLine, column: nil, message: "dup \(first)"))
                    }
                },
                reject: { problems.append($0) })
            return problems.isEmpty ? .commit(rejected: 0) : .rollback
        }
        return (summary, problems, entry)
    }
}

/// Plain reading of the real files for expected values, independent of the importer: split lines on LF and
/// fields on commas (these files have no quoted fields), keep ASCII code cells as they are.
enum PlainCSV {
    /// The data rows of a file (header dropped), each as its fields.
    static func rows(_ path: String) throws -> [[String]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: true)
        lines.removeFirst()
        return lines.map { line in
            // Data cells are ASCII codes in every NPA file (only headers are Japanese), so this is exact.
            let text = String(decoding: line.filter { $0 != 0x0D }, as: UTF8.self)
            return text.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
    }
}
