import BikePDCACore
import Foundation
import Importers
import SampleGenerator
import Store
import TestFolders
import Workflows

/// The sample prefecture loaded into a fresh database once for the suite.
public final class LoadedSample: Sendable {
    /// The folder of the sample CSVs loaded.
    public let folder: URL
    /// The store they were imported into.
    public let store: RecordStore
    /// The database file of ``store``.
    public let databasePath: String

    /// The sample, loaded once per test process.
    public static let shared: Result<LoadedSample, any Error> = Result { try LoadedSample() }

    /// Imports the sample prefecture into a fresh database in a temporary folder.
    public init() throws {
        let temporary = try TestFolders.make("e2e")
        // The repository's SampleData/ when it has been generated, else the same generator's output written now.
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("SampleData")
        if FileManager.default.fileExists(atPath: repository.appendingPathComponent("stations.csv").path) {
            folder = repository
        } else {
            folder = temporary.appendingPathComponent("SampleData")
            _ = try SampleDataWriter.writeSampleSet(to: folder, configuration: .standard)
        }
        databasePath = temporary.appendingPathComponent("e2e.sqlite").path
        store = try RecordStore(path: databasePath)
        let pipeline = ImportPipeline(store: store, now: { "2026-11-26 10:00:00" })
        func load(_ path: String, _ dataset: Dataset) throws {
            let result = try pipeline.importFile(
                path: folder.appendingPathComponent(path).path, options: ImportOptions(dataset: dataset))
            guard case .imported = result.status else {
                throw SampleLoadError(message: "\(path): \(result.diagnostics.prefix(3).map(\.description))")
            }
        }
        try load("stations.csv", .stations)
        try load("zones.csv", .zones)
        for year in 2023...2026 { try load("activities/activities_FY\(year).csv", .activities) }
        for file in Self.fy2025EnforcementFiles { try load(file, .enforcement) }
        for year in 2023...2026 { try load("accidents/accidents_FY\(year).csv", .accidents) }
        for year in 2023...2026 { try load("plans/plans_FY\(year).csv", .plans) }
        // As `bikepdca import` ends: records with a position and no zone id placed in their zones.
        _ = try store.assignZones()
    }

    /// The enforcement files loaded: FY2025, one a month.
    public static let fy2025EnforcementFiles = (0..<12).map { offset -> String in
        let month = YearMonth(year: 2025, month: 4).adding(months: offset)
        return "enforcement/enforcement_\(month).csv"
    }

    /// The rows of a canonical UTF-8 CSV as dictionaries, split on commas by a plain loop (these files quote only
    /// the zone geometry, which the tests do not read).
    public func rows(_ path: String) throws -> [[String: String]] {
        let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().replacingOccurrences(of: "\u{FEFF}", with: "").split(
            separator: ",", omittingEmptySubsequences: false
        ).map(String.init)
        return lines.map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (index, name) in header.enumerated() where index < cells.count { row[name] = cells[index] }
            return row
        }
    }
}

/// A sample file that did not import.
public struct SampleLoadError: Error, CustomStringConvertible {
    let message: String
    /// The file and its first diagnostics.
    public var description: String { message }
}
