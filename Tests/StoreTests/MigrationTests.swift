import BikePDCACore
import Foundation
import Store
import TestFolders
import Testing

func temporaryStorePath() throws -> String {
    let directory = try TestFolders.make("store")
    return directory.appendingPathComponent("test.sqlite").path
}

@Suite("Opening and migrating the database")
struct MigrationTests {
    @Test("a new database is fully migrated, and opening it again keeps its records")
    func reopen() throws {
        let path = try temporaryStorePath()
        do {
            let store = try RecordStore(path: path)
            #expect(try store.hasPendingMigrations() == false)
            let request = ImportRequest(
                dataset: .stations, fileName: "stations.csv", sha256: "abc", encoding: "utf8",
                importedAt: "2026-11-26 10:00:00")
            let entry = try store.runImport(request) { writer in
                _ = try writer.write(Station(id: "58101", nameJA: "中央", nameEN: nil), line: 2)
                return .commit(rejected: 0)
            }
            #expect(entry?.rowsAccepted == 1)
        }
        let reopened = try RecordStore(path: path)
        #expect(try reopened.stations().map(\.id) == ["58101"])
        #expect(try reopened.previousImport(sha256: "abc", dataset: .stations)?.fileName == "stations.csv")
        #expect(try reopened.previousImport(sha256: "abc", dataset: .zones) == nil)
    }

    @Test("a rolled-back import leaves no log row and no records")
    func rollback() throws {
        let store = try RecordStore(path: try temporaryStorePath())
        let request = ImportRequest(
            dataset: .stations, fileName: "s.csv", sha256: "def", encoding: nil, importedAt: "2026-11-26 10:00:00")
        let entry = try store.runImport(request) { writer in
            _ = try writer.write(Station(id: "58101", nameJA: "中央", nameEN: nil), line: 2)
            return .rollback
        }
        #expect(entry == nil)
        #expect(try store.stations().isEmpty)
        #expect(try store.importLog().isEmpty)
    }

    @Test("a file that is not a database is refused with a clear message")
    func notADatabase() throws {
        let path = try temporaryStorePath()
        try Data("this is a CSV, not SQLite\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try RecordStore(path: path)
        } throws: { error in
            String(describing: error).contains("cannot open the database")
        }
    }
}
