import Foundation
import GRDB
import Importers
import Store
import Testing
import Workflows

@Suite("Importing the datasets")
struct ImportPipelineTests {
    @Test("stations, zones and a month of enforcement land with every field")
    func importsEveryDataset() throws {
        let db = try TestDatabase()
        try db.loadReference()
        #expect(try db.count("stations") == 2)
        #expect(try db.count("zones") == 2)
        let result = try db.importFixture("enforcement_2025-04.csv", .enforcement)
        #expect(result.isImported, "\(result.diagnostics)")
        #expect(result.accepted == 5)
        #expect(try db.count("enforcement") == 5)

        let row = try #require(
            try db.query { try Row.fetchOne($0, sql: "SELECT * FROM enforcement WHERE record_id = 'E0002'") })
        // 2025/4/2, 8:10, the station by name, 一時不停止 → stop, 指導警告 → warning, 自転車 → bicycle.
        #expect(row["date"] as String == "2025-04-02")
        #expect(row["time"] as String == "08:10")
        #expect(row["station_id"] as String == "60101")
        #expect(row["department"] as String == "community")
        #expect(row["violation"] as String == "stop")
        #expect(row["outcome"] as String == "warning")
        #expect(row["vehicle"] as String == "bicycle")
        #expect(row["age_band"] as String == "u16")
        #expect(row["source_line"] as Int == 3)

        let named = try db.query {
            try String.fetchOne($0, sql: "SELECT station_id FROM enforcement WHERE record_id = 'E0004'")
        }
        #expect(named == "60102", "港北警察署 resolves to the station registered as 港北")
        let route = try db.query { try Double.fetchOne($0, sql: "SELECT buffer_m FROM zones WHERE id = 'R01'") }
        #expect(route == 25)
    }

    @Test("CP932 with Japanese headers, 和暦 dates, full-width digits and CRLF")
    func importsShiftJISWithEraDates() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let result = try db.importFixture("enforcement_cp932_wareki.csv", .enforcement)
        #expect(result.isImported, "\(result.diagnostics)")
        #expect(result.encoding == .cp932)
        let rows = try db.query {
            try Row.fetchAll(
                $0, sql: "SELECT record_id, date, time, violation, outcome FROM enforcement ORDER BY record_id")
        }
        #expect(rows.map { $0["date"] as String } == ["2025-04-01", "2025-04-02", "2019-05-01"])
        #expect(rows.map { $0["time"] as String } == ["07:30", "08:00", "09:00"])
        #expect(rows.map { $0["violation"] as String } == ["signal", "phone", "no-light"])
        #expect(rows.map { $0["outcome"] as String } == ["warning", "warning", "red"])
    }

    @Test("one bad row: nothing written, the database files byte-identical, every bad cell reported")
    func allOrNothing() throws {
        let db = try TestDatabase()
        try db.loadReference()
        try db.importFixture("enforcement_2025-04.csv", .enforcement)
        let before = db.fileBytes()
        let result = try db.importFixture("enforcement_with_errors.csv", .enforcement)
        #expect(result.isFailed)
        #expect(db.fileBytes() == before)
        #expect(try db.count("enforcement") == 5)
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("enforcement_with_errors.csv:3:2: error: invalid date \"2025-02-30\" in column date")
            }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("enforcement_with_errors.csv:4:4: error: unknown station \"60199\"") })
        #expect(messages.contains { $0.hasPrefix("enforcement_with_errors.csv:5:7: error: a blue ticket") })
        #expect(result.errorCount == 3)
    }

    @Test("--skip-invalid imports the valid rows and writes the rejected ones with their reasons")
    func skipInvalidWritesRejects() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let rejectsDirectory = db.directory.path
        let result = try db.importFixture("enforcement_with_errors.csv", .enforcement) {
            $0.skipInvalid = true
            $0.rejectsDirectory = rejectsDirectory
        }
        #expect(result.isImported)
        #expect(result.accepted == 1)
        #expect(result.rejected == 3)
        #expect(try db.count("enforcement") == 1)
        let rejectsPath = try #require(result.rejectsFile)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: rejectsPath))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with BOM, for Excel")
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        #expect(lines.count == 4, "a header and three rejected rows")
        #expect(lines[0] == "line,error,record_id,date,time,station,department,violation,outcome")
        #expect(lines[1].hasPrefix("3,\"column 2: invalid date \"\"2025-02-30\"\" in column date"))
        #expect(lines[1].hasSuffix(",E0002,2025-02-30,08:10,60101,traffic,stop,warning"))
        let logged = try db.query {
            try Row.fetchOne($0, sql: "SELECT rows_accepted, rows_rejected FROM import_log ORDER BY id DESC")
        }
        #expect(logged?["rows_accepted"] as Int? == 1)
        #expect(logged?["rows_rejected"] as Int? == 3)
    }

    @Test("importing the same file twice changes nothing")
    func idempotent() throws {
        let db = try TestDatabase()
        try db.loadReference()
        try db.importFixture("enforcement_2025-04.csv", .enforcement)
        let before = db.fileBytes()
        let again = try db.importFixture("enforcement_2025-04.csv", .enforcement)
        #expect(again.isAlreadyImported)
        #expect(db.fileBytes() == before)
        // Forced, it upserts by record id: still five records.
        let forced = try db.importFixture("enforcement_2025-04.csv", .enforcement) { $0.force = true }
        #expect(forced.isImported)
        #expect(try db.count("enforcement") == 5)
    }

    @Test("a corrected full-month file replaces that station-month's records")
    func fullMonthReplacement() throws {
        let db = try TestDatabase()
        try db.loadReference()
        try db.importFixture("enforcement_2025-04.csv", .enforcement)
        // The correction for station 60101, April 2025: E0001 changed, E0002 withdrawn, E0006 new.
        let corrected = db.directory.appendingPathComponent("enforcement_2025-04_corrected.csv")
        try """
        record_id,date,station,department,violation,outcome
        E0001,2025-04-01,60101,traffic,signal,warning
        E0006,2025-04-20,60101,traffic,phone,warning
        """.write(to: corrected, atomically: true, encoding: .utf8)
        var options = ImportOptions(dataset: .enforcement)
        options.replacesMonths = true
        let result = try db.pipeline.importFile(path: corrected.path, options: options)
        #expect(result.isImported)
        guard case .imported(let entry) = result.status else { return }
        // 60101's April held E0001, E0002, E0005; E0002 and E0005 are gone, E0001 was rewritten.
        #expect(entry.rowsReplaced == 3)
        let ids = try db.query {
            try String.fetchAll($0, sql: "SELECT record_id FROM enforcement ORDER BY record_id")
        }
        #expect(ids == ["E0001", "E0003", "E0004", "E0006"], "60102's records are untouched")
        let violation = try db.query {
            try String.fetchOne($0, sql: "SELECT violation FROM enforcement WHERE record_id = 'E0001'")
        }
        #expect(violation == "signal")
    }

    @Test("a record id twice in one file is an error naming both lines")
    func duplicateInFile() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let file = db.directory.appendingPathComponent("dup.csv")
        try
            "record_id,date,station,department,violation,outcome\nX1,2025-04-01,60101,traffic,stop,warning\nX1,2025-04-02,60101,traffic,stop,warning\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let result = try db.pipeline.importFile(path: file.path, options: ImportOptions(dataset: .enforcement))
        #expect(result.isFailed)
        #expect(
            result.diagnostics.first?.description
                == "dup.csv:3: error: duplicate record: the same key already appears on line 2 of this file")
        #expect(try db.count("enforcement") == 0)
    }

    @Test("a mapping profile reads a foreign layout; the personal-data column is warned about and never stored")
    func mappingProfile() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let result = try db.importFixture("foreign_layout.csv", .enforcement) {
            $0.mappingPath = TestDatabase.fixture("foreign_layout.yaml")
        }
        #expect(result.isImported, "\(result.diagnostics)")
        #expect(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("氏名") })
        let rows = try db.query {
            try Row.fetchAll($0, sql: "SELECT * FROM enforcement ORDER BY record_id")
        }
        #expect(rows.map { $0["date"] as String } == ["2025-04-01", "2025-04-02"])
        #expect(rows.map { $0["violation"] as String } == ["stop", "signal"])
        #expect(rows.map { $0["department"] as String } == ["community", "community"])
        // No column of any table holds the names.
        let dump = rows.flatMap { row in row.databaseValues.map { $0.description } }.joined(separator: " ")
        #expect(!dump.contains("山田") && !dump.contains("佐藤"))
    }

    @Test("accidents, activities and plans")
    func otherDatasets() throws {
        let db = try TestDatabase()
        try db.loadReference()
        #expect(try db.importFixture("accidents.csv", .accidents).isImported)
        #expect(try db.importFixture("activities.csv", .activities).isImported)
        #expect(try db.importFixture("plans.csv", .plans).isImported)
        #expect(try db.count("accidents") == 3)
        // 22:00 → 01:00 runs past midnight: 3 hours.
        let hours = try db.query {
            try Double.fetchOne($0, sql: "SELECT hours FROM activities WHERE record_id = 'OP3'")
        }
        #expect(hours == 3)
        let plans = try db.query {
            try Row.fetchAll($0, sql: "SELECT period, period_start, period_end FROM plans ORDER BY id")
        }
        #expect(plans.map { $0["period"] as String } == ["2025-04", "FY2025Q1", "FY2025"])
        #expect(plans.map { $0["period_end"] as String } == ["2025-04-30", "2025-06-30", "2026-03-31"])
    }

    @Test("the database file is readable by its owner only")
    func ownerOnly() throws {
        let db = try TestDatabase()
        let attributes = try FileManager.default.attributesOfItem(atPath: db.path)
        let permissions = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(permissions == 0o600)
    }
}

@Suite("Rejects files")
struct RejectsFileTests {
    @Test("a dry run with --skip-invalid leaves no rejects file; a real one leaves exactly one")
    func dryRunLeavesNothing() throws {
        let db = try TestDatabase()
        try db.loadReference()
        let directory = db.directory.path
        let dry = try db.importFixture("enforcement_with_errors.csv", .enforcement) {
            $0.skipInvalid = true
            $0.dryRun = true
            $0.rejectsDirectory = directory
        }
        #expect(dry.rejectsFile == nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("rejects") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let real = try db.importFixture("enforcement_with_errors.csv", .enforcement) {
            $0.skipInvalid = true
            $0.rejectsDirectory = directory
        }
        #expect(real.rejectsFile != nil)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains("rejects") }
        #expect(files == ["enforcement_with_errors.rejects.csv"])
    }
}
