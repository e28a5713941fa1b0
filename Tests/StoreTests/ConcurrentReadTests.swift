import BikePDCACore
import Foundation
import GRDB
import Testing

@testable import Store

@Suite("Two reads at once")
struct ConcurrentReadTests {
    @Test("both results come back, each from its own read")
    func bothResults() throws {
        let store = try RecordStore(path: try temporaryStorePath())
        let (stations, violations) = try store.concurrently(
            { () throws(StoreError) in try store.stations().count },
            { () throws(StoreError) in
                try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM violation_types") ?? 0 }
            })
        #expect(stations == 0)
        // The migration fills the violation catalogue: its size, not a number the test chose.
        #expect(violations == ViolationType.catalogue.count)
    }

    @Test("an error in either read is thrown to the caller", arguments: [0, 1])
    func errors(failing: Int) throws {
        let store = try RecordStore(path: try temporaryStorePath())
        @Sendable func failingRead() throws(StoreError) -> Int {
            try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM no_such_table") ?? 0 }
        }
        #expect(throws: StoreError.self) {
            _ = try store.concurrently(
                { () throws(StoreError) in failing == 0 ? try failingRead() : 1 },
                { () throws(StoreError) in failing == 1 ? try failingRead() : 2 })
        }
    }

    @Test("a batch of more reads than cores gives each read its own result")
    func batchResults() throws {
        let store = try RecordStore(path: try temporaryStorePath())
        let batch = ReadBatch()
        let reads = (0..<7).map { number in
            batch.add { () throws(StoreError) in
                try store.read { db in try Int.fetchOne(db, sql: "SELECT \(number) * 10") ?? -1 }
            }
        }
        batch.run()
        #expect(try reads.map { try $0.get() } == [0, 10, 20, 30, 40, 50, 60])
    }

    @Test("a failing read in a batch fails only its own result; a result asked for before the run is an error")
    func batchErrors() throws {
        let store = try RecordStore(path: try temporaryStorePath())
        let batch = ReadBatch()
        let good = batch.add { () throws(StoreError) in try store.stations().count }
        let bad = batch.add { () throws(StoreError) in
            try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM no_such_table") ?? 0 }
        }
        #expect(throws: StoreError.self) { try good.get() }
        batch.run()
        #expect(try good.get() == 0)
        #expect(throws: StoreError.self) { try bad.get() }
    }
}
