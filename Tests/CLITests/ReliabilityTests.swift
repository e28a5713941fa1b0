import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `sqlite3` on a database and returns its output (an independent reader of what the tool wrote).
func sqlite(_ database: String, _ sql: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
    process.arguments = [database, sql]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A database with the sample stations and zones, and a benchmark enforcement file of `rows` rows.
func preparedDatabase(rows: Int) throws -> (database: String, csv: String) {
    let database = try temporaryDatabase()
    let csv = (database as NSString).deletingLastPathComponent + "/enforcement_\(rows).csv"
    for arguments in [
        ["import", "stations", "SampleData/stations.csv"], ["import", "zones", "SampleData/zones.csv"],
        ["sample", "--benchmark-rows", String(rows), "--benchmark-file", csv],
    ] {
        let run = try CommandLineRun(arguments, database: database)
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
    return (database, csv)
}

func launch(_ arguments: [String], database: String) throws -> Process {
    try CommandLineRun.launch(arguments, database: database)
}

@Suite(
    "Crashes and concurrent use", .serialized,
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
struct ReliabilityTests {
    @Test("SIGKILL at many moments of an import: the database is intact and holds the whole file or none of it")
    func killedImports() throws {
        let rows = 20_000
        let (database, csv) = try preparedDatabase(rows: rows)
        // How long a whole import takes here, on a copy.
        let probe = database + ".probe"
        try FileManager.default.copyItem(atPath: database, toPath: probe)
        let started = Date()
        let full = try CommandLineRun(["import", "enforcement", csv], database: probe)
        #expect(full.status == 0)
        let duration = Date().timeIntervalSince(started)

        // Kill at fractions spread over the whole run (deterministic, so a failure can be replayed).
        var outcomes: Set<Int> = []
        for fraction in stride(from: 0.05, through: 1.2, by: 0.1) {
            let process = try launch(["import", "enforcement", csv], database: database)
            Thread.sleep(forTimeInterval: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            #expect(try sqlite(database, "PRAGMA integrity_check") == "ok")
            let count = Int(try sqlite(database, "SELECT COUNT(*) FROM enforcement")) ?? -1
            let logged =
                Int(try sqlite(database, "SELECT COUNT(*) FROM import_log WHERE dataset = 'enforcement'")) ?? -1
            #expect(count == 0 || count == rows, "killed at \(fraction): \(count) rows")
            #expect(logged == (count == rows ? 1 : 0), "the import log agrees with the records")
            outcomes.insert(count)
        }
        #expect(outcomes.contains(0), "at least one kill landed before the commit, so the test tested something")
    }

    @Test("two imports at once both land (the second waits), and status reads a consistent snapshot meanwhile")
    func concurrentImports() throws {
        let (database, csv) = try preparedDatabase(rows: 20_000)
        let second = (csv as NSString).deletingLastPathComponent + "/second.csv"
        // The same records under other ids, so both files add rows.
        let text = try String(contentsOfFile: csv, encoding: .utf8).replacingOccurrences(of: "\nB", with: "\nC")
        try text.write(toFile: second, atomically: true, encoding: .utf8)

        let first = try launch(["import", "enforcement", csv], database: database)
        let other = try launch(["import", "enforcement", second], database: database)
        var statusRuns: [Int32] = []
        while first.isRunning || other.isRunning {
            statusRuns.append(try CommandLineRun(["status"], database: database).status)
            Thread.sleep(forTimeInterval: 0.2)
        }
        first.waitUntilExit()
        other.waitUntilExit()
        #expect(first.terminationStatus == 0)
        #expect(other.terminationStatus == 0)
        #expect(statusRuns.allSatisfy { $0 == 0 }, "status never failed while imports ran")
        #expect(try sqlite(database, "SELECT COUNT(*) FROM enforcement") == "40000")
        #expect(try sqlite(database, "PRAGMA integrity_check") == "ok")
    }
}
