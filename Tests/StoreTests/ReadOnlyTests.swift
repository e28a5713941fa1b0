import BikePDCACore
import Foundation
import GRDB
import Testing

@testable import Store

/// The database file's bytes and modification time, to compare before and after.
private struct FileState: Equatable {
    let bytes: Data
    let modified: Date?

    init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }
}

/// A store at a fresh path holding three stations, closed again (so that no `-wal` file is left).
private func storeWithStations() throws -> String {
    let path = try temporaryStorePath()
    let store = try RecordStore(path: path)
    _ = try store.runImport(
        ImportRequest(dataset: .stations, fileName: "s.csv", sha256: "s", encoding: nil, importedAt: "t")
    ) { writer in
        for (line, id) in ["58101", "58102", "58103"].enumerated() {
            _ = try writer.write(Station(id: id, nameJA: "署\(id)", nameEN: nil), line: line + 2)
        }
        return .commit(rejected: 0)
    }
    return path
}

private func readOnly(_ path: String) throws -> RecordStore {
    var configuration = RecordStore.Configuration()
    configuration.isReadOnly = true
    return try RecordStore(path: path, configuration: configuration)
}

/// Another connection that holds the write lock (`BEGIN IMMEDIATE` and an uncommitted insert) until released.
private final class WriteLockHolder {
    let queue: DatabaseQueue

    init(_ path: String) throws {
        var configuration = GRDB.Configuration()
        configuration.allowsUnsafeTransactions = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(
                sql: """
                    INSERT INTO stations (id, prefecture_code, station_code, name_ja, import_id, source_line)
                    VALUES ('99999', '99', '999', '未確定', 0, 0)
                    """)
        }
    }

    func release() throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") }
    }
}

@Suite("Reading without writing", .serialized)
struct ReadOnlyTests {
    @Test(
        "opening read-only and reading (batched reads too) leaves the file's bytes and modification time as they were")
    func readsChangeNothing() throws {
        let path = try storeWithStations()
        let before = try FileState(path)
        Thread.sleep(forTimeInterval: 0.02)
        do {
            let store = try readOnly(path)
            #expect(store.isReadOnly)
            #expect(try store.stations().map(\.id) == ["58101", "58102", "58103"])
            _ = try store.status(today: LocalDate(year: 2026, month: 1, day: 1) ?? LocalDate(dayNumber: 0))
            #expect(try store.pendingZoneAssignment() == nil)
            let batch = ReadBatch()
            let reads = (0..<4).map { _ in batch.add { () throws(StoreError) in try store.stations().count } }
            batch.run()
            #expect(try reads.map { try $0.get() } == [3, 3, 3, 3])
        }
        #expect(try FileState(path) == before)
    }

    @Test(
        "a refused import (rolled back, or failing with an error) leaves the bytes and modification time as they were")
    func refusedImportChangesNothing() throws {
        let path = try storeWithStations()
        let before = try FileState(path)
        Thread.sleep(forTimeInterval: 0.02)
        struct Refusal: Error {}
        do {
            let store = try RecordStore(path: path)
            let request = ImportRequest(
                dataset: .enforcement, fileName: "e.csv", sha256: "e", encoding: nil, importedAt: "t")
            let entry = try store.runImport(request) { writer in
                _ = try writer.write(Station(id: "58104", nameJA: "署", nameEN: nil), line: 2)
                return .rollback
            }
            #expect(entry == nil)
            #expect(throws: Refusal.self) {
                _ = try store.runImport(request) { writer in
                    _ = try writer.write(Station(id: "58105", nameJA: "署", nameEN: nil), line: 2)
                    throw Refusal()
                }
            }
        }
        #expect(try FileState(path) == before)
    }

    @Test("a reader does not wait while another connection holds the write lock, and sees only what was committed")
    func readerBesideWriter() throws {
        let path = try storeWithStations()
        let holder = try WriteLockHolder(path)
        defer { try? holder.release() }
        let started = Date()
        let store = try readOnly(path)
        let (stations, log) = try store.concurrently(
            { () throws(StoreError) in try store.stations().map(\.id) },
            { () throws(StoreError) in try store.importLog().count })
        // The default busy timeout is 30 s: a reader that waited for the writer would take that long, then fail.
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(stations == ["58101", "58102", "58103"])
        #expect(log == 1)
    }

    @Test("a writer that cannot get the write lock fails with a message naming another program's lock")
    func writerBesideWriter() throws {
        let path = try storeWithStations()
        let holder = try WriteLockHolder(path)
        defer { try? holder.release() }
        var configuration = RecordStore.Configuration()
        configuration.busyTimeout = 0.2
        let store = try RecordStore(path: path, configuration: configuration)
        #expect {
            _ = try store.runImport(
                ImportRequest(dataset: .stations, fileName: "s2.csv", sha256: "s2", encoding: nil, importedAt: "t")
            ) { _ in .commit(rejected: 0) }
        } throws: { error in
            guard case StoreError.busy = error else { return false }
            return String(describing: error).contains("locked by another program")
        }
    }

    @Test("a read-only store refuses to write, with a message that says so")
    func readOnlyRefusesWrites() throws {
        let store = try readOnly(try storeWithStations())
        #expect {
            _ = try store.assignZones()
        } throws: { error in
            guard case StoreError.readOnly = error else { return false }
            return String(describing: error).contains("cannot be written")
        }
    }

    @Test("read-only: a missing file is not created, an empty file or an older schema says which command to run")
    func readOnlyOpenErrors() throws {
        let missing = try temporaryStorePath()
        #expect {
            _ = try readOnly(missing)
        } throws: { String(describing: $0).contains("no such file") }
        #expect(!FileManager.default.fileExists(atPath: missing))

        let empty = try temporaryStorePath()
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect {
            _ = try readOnly(empty)
        } throws: { String(describing: $0).contains("empty") && String(describing: $0).contains("bikepdca init") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: empty)).isEmpty)

        let older = try storeWithStations()
        try DatabaseQueue(path: older).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE rowid = (SELECT MAX(rowid) FROM grdb_migrations)")
        }
        let before = try FileState(older)
        #expect {
            _ = try readOnly(older)
        } throws: { error in
            String(describing: error).contains("older version") && String(describing: error).contains("bikepdca init")
        }
        #expect(try FileState(older) == before)
    }

    @Test("the immutable URI escapes the characters a URI reserves")
    func immutableURI() {
        #expect(RecordStore.immutableURI("/data/a?b#c%d.sqlite") == "file:/data/a%3fb%23c%25d.sqlite?immutable=1")
        #expect(RecordStore.immutableURI("bikepdca.sqlite") == "file:bikepdca.sqlite?immutable=1")
    }
}
