import Foundation
import TestFolders
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The database file's bytes and modification time.
private struct FileState: Equatable {
    let bytes: Data
    let modified: Date?

    init(_ path: String) throws {
        bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    }
}

/// A database with the sample stations and zones, two months of enforcement, and fiscal 2025's accidents,
/// activities and plans.
private func sampleDatabase() throws -> String {
    let database = try temporaryDatabase()
    for arguments in [
        ["stations", "SampleData/stations.csv"], ["zones", "SampleData/zones.geojson"],
        [
            "enforcement", "SampleData/enforcement/enforcement_2025-04.csv",
            "SampleData/enforcement/enforcement_2025-05.csv",
        ],
        ["accidents", "SampleData/accidents/accidents_FY2025.csv"],
        ["activities", "SampleData/activities/activities_FY2025.csv"], ["plans", "SampleData/plans/plans_FY2025.csv"],
    ] {
        let run = try CommandLineRun(["import"] + arguments, database: database)
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown) }
    }
    return database
}

/// `sqlite3` on `database`, its statements read from a pipe that stays open: a program holding a transaction.
private final class SQLiteShell {
    let process = Process()
    let input = Pipe()

    init(_ database: String) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [database]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func send(_ sql: String) { input.fileHandleForWriting.write(Data((sql + "\n").utf8)) }

    /// Ends the shell (an open transaction is rolled back) and waits for it.
    func close() {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
    }
}

/// Whether another connection holds the write lock of `database` (a `BEGIN IMMEDIATE` fails at once).
private func isWriteLocked(_ database: String) throws -> Bool {
    try sqlite(database, ".timeout 0\nBEGIN IMMEDIATE; ROLLBACK; SELECT 'free';") != "free"
}

/// Runs `bikepdca` as an unprivileged user when the tests run as root (who may write anywhere), so that a
/// read-only folder is read-only for it too.
private func runUnprivileged(_ arguments: [String], database: String) throws -> (status: Int32, output: String) {
    let process = Process()
    if getuid() == 0 {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments =
            ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineRun.executable.path] + arguments
    } else {
        process.executableURL = CommandLineRun.executable
        process.arguments = arguments
    }
    var environment = ProcessInfo.processInfo.environment
    environment["BIKEPDCA_DB"] = database
    process.environment = environment
    process.currentDirectoryURL = CommandLineRun.repositoryRoot
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite(
    "Commands that only read", .serialized,
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
struct ReadOnlyCommandTests {
    @Test(
        "status, metrics, report, qa, hotspots, act, compare and refused imports leave the bytes and mtime as they were"
    )
    func readersChangeNothing() throws {
        let database = try sampleDatabase()
        let reports = (database as NSString).deletingLastPathComponent + "/reports"
        let before = try FileState(database)
        Thread.sleep(forTimeInterval: 0.05)
        for arguments in [
            ["status"], ["status", "--detail"], ["metrics", "--period", "FY2025"],
            ["report", "all", "--period", "FY2025", "--out", reports], ["qa"], ["hotspots", "--period", "FY2025"],
            ["act", "--period", "FY2025"],
            ["compare", "--zone", "58101-D02", "--before", "2025-04..2025-09", "--after", "2025-10..2026-03"],
        ] {
            let run = try CommandLineRun(arguments, database: database)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(try FileState(database) == before, "\(arguments) changed the database file")
        }
        // A file with errors (all-or-nothing), a file imported before, a dry run: nothing written, not a byte.
        let refused = try CommandLineRun(
            ["import", "enforcement", "SampleData/errors/enforcement_with_errors.csv"], database: database)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("nothing from this file was written"))
        #expect(try FileState(database) == before, "a refused import changed the database file")
        let again = try CommandLineRun(
            ["import", "enforcement", "SampleData/enforcement/enforcement_2025-04.csv"], database: database)
        #expect(again.status == 0 && again.stdout.contains("already imported"), "\(again.stdout)")
        let dryRun = try CommandLineRun(
            ["import", "enforcement", "--dry-run", "SampleData/enforcement/enforcement_2025-06.csv"], database: database
        )
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        #expect(try FileState(database) == before, "a re-import or a dry run changed the database file")
    }

    @Test("while another program holds the write lock, readers answer at once and see only what was committed")
    func readersBesideAWriter() throws {
        let database = try sampleDatabase()
        let shell = try SQLiteShell(database)
        defer { shell.close() }
        shell.send(
            "BEGIN IMMEDIATE; INSERT INTO stations (id, prefecture_code, station_code, name_ja, import_id, "
                + "source_line) VALUES ('58199', '58', '199', '未確定署', 0, 0);")
        let deadline = Date().addingTimeInterval(10)
        while try !isWriteLocked(database), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(try isWriteLocked(database), "the shell holds the write lock")
        let started = Date()
        let status = try CommandLineRun(["status"], database: database)
        let metrics = try CommandLineRun(["metrics", "--period", "FY2025", "--format", "csv"], database: database)
        // Waiting for the writer would take the 30 s busy timeout and end in an error.
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(status.status == 0 && metrics.status == 0, "\(status.stderr) \(metrics.stderr)")
        #expect(status.stdout.contains("Stations: 9 "), "the uncommitted tenth station is not seen")
        #expect(!status.stderr.contains("busy") && !status.stderr.contains("locked"))
    }

    @Test(
        "in a read-only folder: read as immutable without a -wal; with changes in a -wal but no -shm, an error says so",
        .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func readOnlyFolder() throws {
        let source = try sampleDatabase()
        let folder = try TestFolders.make("readonly")
        let database = folder.appendingPathComponent("db.sqlite").path
        try FileManager.default.copyItem(atPath: source, toPath: database)
        func lock(_ path: URL) throws {
            if getuid() == 0 {
                for item in try FileManager.default.contentsOfDirectory(atPath: path.path) + [""] {
                    try FileManager.default.setAttributes(
                        [.ownerAccountID: 65534, .groupOwnerAccountID: 65534],
                        ofItemAtPath: path.appendingPathComponent(item).path)
                }
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: path.path)
        }
        func unlock(_ path: URL) throws {
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
        }
        try lock(folder)
        defer { try? unlock(folder) }
        let before = try FileState(database)
        let status = try runUnprivileged(["status"], database: database)
        #expect(status.status == 0, "\(status.output)")
        #expect(status.output.contains("Stations: 9 "), "\(status.output)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["db.sqlite"])
        #expect(try FileState(database) == before)
        // A writer cannot work there, and says why.
        let write = try runUnprivileged(
            ["import", "stations", "SampleData/stations.csv", "--force"], database: database)
        #expect(write.status == 1)
        #expect(write.output.contains("folder is not writable"), "\(write.output)")

        // A -wal with a committed change (copied while the writer still had it open), without its -shm.
        let walFolder = try TestFolders.make("readonly-wal")
        let walDatabase = walFolder.appendingPathComponent("db.sqlite").path
        let shell = try SQLiteShell(source)
        shell.send("UPDATE stations SET name_en = 'changed'; SELECT 1;")
        let deadline = Date().addingTimeInterval(10)
        while (try? FileManager.default.attributesOfItem(atPath: source + "-wal")[.size] as? Int) ?? 0 == 0,
            Date() < deadline
        {
            Thread.sleep(forTimeInterval: 0.05)
        }
        try FileManager.default.copyItem(atPath: source, toPath: walDatabase)
        try FileManager.default.copyItem(atPath: source + "-wal", toPath: walDatabase + "-wal")
        shell.close()
        try lock(walFolder)
        defer { try? unlock(walFolder) }
        let refused = try runUnprivileged(["status"], database: walDatabase)
        #expect(refused.status == 1)
        #expect(refused.output.contains("-shm"), "\(refused.output)")
        #expect(refused.output.contains("holds changes"), "\(refused.output)")
    }

    @Test(
        "an import committed but its zone assignment never run: status and readers say so, the next import finishes it")
    func pendingAssignment() throws {
        let database = try temporaryDatabase()
        let folder = (database as NSString).deletingLastPathComponent
        for arguments in [["stations", "SampleData/stations.csv"], ["zones", "SampleData/zones.geojson"]] {
            #expect(try CommandLineRun(["import"] + arguments, database: database).status == 0)
        }
        // A new district far from the sample's zones (which lie within 136.83–137.05 E, 35.08–35.25 N): the square
        // 137.20–137.21 E × 35.30–35.31 N. Three stops lie inside it, one outside, none with a zone id.
        let zones = folder + "/new_zone.geojson"
        try #"""
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"zone_id":"58101-D99","kind":"district",
        "station":"58101","name":"新設地区","designated_from":"2025-04-01"},"geometry":{"type":"Polygon","coordinates":
        [[[137.2,35.3],[137.21,35.3],[137.21,35.31],[137.2,35.31],[137.2,35.3]]]}}]}
        """#.write(toFile: zones, atomically: true, encoding: .utf8)
        let stops = folder + "/stops.csv"
        try """
        record_id,date,station,department,latitude,longitude,violation,outcome
        P1,2025-06-02,58101,traffic,35.301,137.201,signal,warning
        P2,2025-06-02,58101,traffic,35.305,137.205,signal,warning
        P3,2025-06-02,58101,traffic,35.309,137.209,stop,warning
        P4,2025-06-02,58101,traffic,35.32,137.205,stop,warning

        """.write(toFile: stops, atomically: true, encoding: .utf8)
        // The run ends after its imports commit, before the assignment (as a kill there would leave it).
        #expect(try CommandLineRun(["import", "enforcement", "--no-assign", stops], database: database).status == 0)
        #expect(try CommandLineRun(["import", "zones", "--no-assign", zones], database: database).status == 0)
        #expect(try sqlite(database, "SELECT COUNT(*) FROM enforcement WHERE zone_id = '58101-D99'") == "0")

        let status = try CommandLineRun(["status"], database: database)
        #expect(status.stdout.contains("zone assignment by position is pending since the import of stops.csv"))
        let qa = try CommandLineRun(["qa"], database: database)
        #expect(qa.status == 0)
        #expect(qa.stderr.contains("warning: zone assignment by position is pending"), "\(qa.stderr)")

        // Any later writing run finishes it: here an import of something else.
        let next = try CommandLineRun(["import", "stations", "SampleData/stations.csv", "--force"], database: database)
        #expect(next.status == 0)
        #expect(next.stdout.contains("zones: 3 records placed by position"), "\(next.stdout)")
        #expect(
            try sqlite(database, "SELECT group_concat(record_id) FROM enforcement WHERE zone_id = '58101-D99'")
                == "P1,P2,P3")
        #expect(!(try CommandLineRun(["status"], database: database).stdout.contains("pending")))
        // Nothing is pending now, so an import that changes nothing spatial writes no assignment.
        let quiet = try CommandLineRun(
            ["import", "stations", "SampleData/stations.csv", "--force"], database: database)
        #expect(!quiet.stdout.contains("zones:"), "\(quiet.stdout)")
    }
}
