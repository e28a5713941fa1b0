import Foundation
import GRDB
import Importers
import Store
import Testing
import Workflows

@Suite("Hostile and broken input")
struct HostileInputPipelineTests {
    @Test("rejects keep only the imported columns, never the personal data beside them, and are private (0600)")
    func rejectsWithoutPersonalData() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let file = db.directory.appendingPathComponent("people.csv")
        try """
        record_id,氏名,date,住所,station,電話番号,department,生年月日,violation,outcome
        E1,山田 太郎,2025-04-01,東京都千代田区1-1,60101,090-1234-5678,traffic,1990-01-01,stop,warning
        E2,佐藤 花子,2025-02-30,横浜市港北区2-2,60101,080-8765-4321,traffic,1985-05-05,stop,warning
        """.write(to: file, atomically: true, encoding: .utf8)
        var options = ImportOptions(dataset: .enforcement)
        options.skipInvalid = true
        let result = try db.pipeline.importFile(path: file.path, options: options)
        #expect(result.isImported)
        #expect(result.rejected == 1)
        let rejectsPath = try #require(result.rejectsFile)
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: rejectsPath)).dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == 2)
        #expect(lines.first == "line,error,record_id,date,station,department,violation,outcome")
        // Row 3: E2 with the invalid date in field 3 of the file; the kept values in the kept columns' order.
        #expect(lines.last?.hasPrefix("3,\"column 3: invalid date \"\"2025-02-30\"\" in column date") == true)
        #expect(lines.last?.hasSuffix(",E2,2025-02-30,60101,traffic,stop,warning") == true)
        for personal in ["佐藤", "横浜", "080", "1985"] { #expect(!text.contains(personal), "\(personal)") }
        let attributes = try FileManager.default.attributesOfItem(atPath: rejectsPath)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test("a UTF-8 stations file with one bad byte is not imported as CP932 mojibake")
    func badByteIsNotMojibake() throws {
        let db = try TestDatabase()
        let file = db.directory.appendingPathComponent("stations.csv")
        // As CP932 the whole file decodes: 中央 reads as 荳ｭ螟ｮ and 0x81 0x40 as an ideographic space, and the
        // stations were stored so before.
        let bytes =
            Array("prefecture_code,station_code,name_ja\n58,101,中央\n58,102,ab".utf8) + [0x81] + Array("@\n".utf8)
        try Data(bytes).write(to: file)
        let result = try db.pipeline.importFile(path: file.path, options: ImportOptions(dataset: .stations))
        #expect(result.isFailed)
        // "58,102,ab" is nine characters: the bad byte is at line 3, column 10.
        #expect(
            result.diagnostics.first?.description.hasPrefix("stations.csv:3:10: error: byte 0x81 is not valid UTF-8")
                == true, "\(result.diagnostics)")
        #expect(try db.count("stations") == 0)
    }

    @Test("the same file imported by two processes at the same moment is imported and logged once")
    func sameFileAtOnce() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let path = TestDatabase.fixture("enforcement_2025-04.csv")
        // Each pipeline asks for the time after its check of the import log and before its write transaction:
        // holding both there until both have arrived makes both pass that first check, as two processes started
        // together do.
        let barrier = Barrier(parties: 2)
        let results = ResultBox()
        let databasePath = db.path
        let threads = (0..<2).map { _ in
            Thread {
                do {
                    let store = try RecordStore(path: databasePath)
                    let pipeline = ImportPipeline(
                        store: store,
                        now: {
                            barrier.arriveAndWait()
                            return "2026-11-26 10:00:00"
                        })
                    results.append(
                        .success(try pipeline.importFile(path: path, options: ImportOptions(dataset: .enforcement))))
                } catch {
                    results.append(.failure(error))
                }
            }
        }
        for thread in threads { thread.start() }
        results.waitForCount(2)
        let outcomes = try results.all.map { try $0.get() }
        #expect(outcomes.filter(\.isImported).count == 1)
        #expect(outcomes.filter(\.isAlreadyImported).count == 1)
        #expect(barrier.allArrived, "both imports passed the first check before either wrote")
        let logged = try db.query {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM import_log WHERE file_name = 'enforcement_2025-04.csv'")
        }
        #expect(logged == 1)
        #expect(try db.count("enforcement") == 5)
    }
}

/// Holds threads until `parties` have arrived (or 10 seconds have passed, so a test cannot hang).
private final class Barrier: @unchecked Sendable {
    private let condition = NSCondition()
    private let parties: Int
    private var arrived = 0

    init(parties: Int) { self.parties = parties }

    var allArrived: Bool {
        condition.lock()
        defer { condition.unlock() }
        return arrived >= parties
    }

    func arriveAndWait() {
        condition.lock()
        defer { condition.unlock() }
        arrived += 1
        condition.broadcast()
        let deadline = Date(timeIntervalSinceNow: 10)
        while arrived < parties && condition.wait(until: deadline) {}
    }
}

/// The results of the importing threads.
private final class ResultBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var results: [Result<FileImportResult, any Error>] = []

    func append(_ result: Result<FileImportResult, any Error>) {
        condition.lock()
        results.append(result)
        condition.broadcast()
        condition.unlock()
    }

    func waitForCount(_ count: Int) {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: 120)
        while results.count < count && condition.wait(until: deadline) {}
    }

    var all: [Result<FileImportResult, any Error>] {
        condition.lock()
        defer { condition.unlock() }
        return results
    }
}
