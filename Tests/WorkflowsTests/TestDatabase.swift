import Foundation
import GRDB
import Importers
import Store
import TestFolders
import Workflows

/// A fresh database in a temporary folder, with the fixtures at hand.
struct TestDatabase {
    let directory: URL
    let store: RecordStore
    let pipeline: ImportPipeline

    init() throws {
        directory = try TestFolders.make("pipeline")
        store = try RecordStore(path: directory.appendingPathComponent("test.sqlite").path)
        pipeline = ImportPipeline(store: store, now: { "2026-11-26 10:00:00" })
    }

    var path: String { store.path }

    static func fixture(_ name: String) -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            fatalError("missing fixture \(name)")
        }
        return url.path
    }

    /// Imports a fixture with default options plus `configure`.
    @discardableResult
    func importFixture(_ name: String, _ dataset: Dataset, configure: (inout ImportOptions) -> Void = { _ in }) throws
        -> FileImportResult
    {
        var options = ImportOptions(dataset: dataset)
        configure(&options)
        return try pipeline.importFile(path: Self.fixture(name), options: options)
    }

    /// Stations and zones, the reference data every other dataset needs.
    func loadReference() throws {
        try importFixture("stations.csv", .stations)
        try importFixture("zones.csv", .zones)
    }

    /// Reads the database directly (independently of the store's own queries).
    func query<T>(_ body: (Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: path)
        return try queue.read(body)
    }

    func count(_ table: String) throws -> Int {
        try query { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM \(table)") ?? -1 }
    }

    /// The bytes of the database files (main file and WAL), to compare before and after.
    func fileBytes() -> [Data] {
        ["", "-wal"].map { suffix in
            (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data()
        }
    }
}

extension FileImportResult {
    var isImported: Bool {
        if case .imported = status { return true }
        return false
    }
    var isFailed: Bool {
        if case .failed = status { return true }
        return false
    }
    var isAlreadyImported: Bool {
        if case .alreadyImported = status { return true }
        return false
    }
}
