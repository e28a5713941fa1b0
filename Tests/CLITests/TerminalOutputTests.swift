import Foundation
import TestSupport
import Testing

/// Nothing from the data reaches the terminal raw: no control character but TAB and LF, no bidi override, and
/// no echoed value floods stderr.
@Suite("Terminal output from hostile data")
struct TerminalOutputTests {
    /// Bytes below 0x20 other than TAB and LF, DEL, and the UTF-8 of U+202E (RIGHT-TO-LEFT OVERRIDE) in `text`.
    static func unsafeBytes(_ text: String) -> [UInt8] {
        var found = text.utf8.filter { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F }
        if text.contains("\u{202E}") { found.append(0xE2) }
        return found
    }

    @Test("station names, ids and values with escape sequences are printed escaped by status, metrics and errors")
    func escapeSequences() throws {
        let folder = try temporaryDatabase()
        let directory = URL(fileURLWithPath: folder).deletingLastPathComponent()
        let stations = directory.appendingPathComponent("stations.csv")
        try Data(
            ("prefecture_code,station_code,name_ja,name_en\n58,101,\"\u{1B}[2J\u{1B}[31mEVIL\u{07}\",Chuo\n"
                + "58,102,\"\u{1B}]0;title\u{07}港北\u{202E}10185\",Kohoku\n").utf8
        ).write(to: stations)
        var outputs: [String] = []
        for arguments in [
            ["init"], ["import", "stations", stations.path], ["status"],
            ["metrics", "--period", "FY2025", "--by", "station"],
            ["report", "zone", "\u{1B}[2Jzone\u{202E}", "--period", "FY2025", "--out", directory.path],
            ["compare", "--zone", "\u{1B}]0;x\u{07}"],
            ["report", "station", "99999", "--period", "FY2025", "--out", directory.path],
            ["metrics", "--period", "\u{1B}[2J"],
        ] {
            let run = try CommandLineRun(arguments, database: folder)
            outputs.append(run.stdout + run.stderr)
        }
        for (index, output) in outputs.enumerated() {
            #expect(Self.unsafeBytes(output).isEmpty, "output \(index): \(output.debugDescription)")
        }
        // The values are still there, visibly escaped.
        #expect(outputs[6].contains("\\u{1B}[2J\\u{1B}[31mEVIL\\u{7}"))
        #expect(outputs[6].contains("\\u{1B}]0;title\\u{7}港北\\u{202E}10185"))
        #expect(outputs[4].contains("\\u{202E}"))
    }

    @Test("ten rows with a 1 MB value each: the errors name them in a few kilobytes")
    func hugeValuesAreCut() throws {
        let database = try temporaryDatabase()
        let directory = URL(fileURLWithPath: database).deletingLastPathComponent()
        for arguments in [
            ["import", "stations", "SampleData/stations.csv"], ["import", "zones", "SampleData/zones.csv"],
        ] {
            #expect(try CommandLineRun(arguments, database: database).status == 0)
        }
        let huge = String(repeating: "x", count: 1 << 20)
        var csv = "record_id,date,time,station,department,zone_id,latitude,longitude,violation,outcome,vehicle\n"
        for row in 1...10 {
            csv += "E\(row),\(huge),08:00,58101,traffic,,,,signal,warning,bicycle\n"
        }
        let file = directory.appendingPathComponent("enforcement_huge.csv")
        try Data(csv.utf8).write(to: file)
        let run = try CommandLineRun(["import", "enforcement", file.path], database: database)
        #expect(run.status == 1)
        #expect(run.stderr.utf8.count < 64 * 1024, "stderr is \(run.stderr.utf8.count) bytes")
        #expect(run.stderr.contains("enforcement_huge.csv:2:"))
        // A value echoed whole (an unknown zone id of 100,000 characters) is cut to 1,000 characters of the line.
        let echoed = try CommandLineRun(
            ["report", "zone", String(repeating: "z", count: 100_000), "--period", "FY2025", "--out", directory.path],
            database: database)
        #expect(echoed.status == 1)
        #expect(echoed.stderr.utf8.count < 4_096)
        #expect(echoed.stderr.contains("more characters)"))
    }
}

@Suite("Output formats and ids as given")
struct OutputFormatTests {
    @Test("act --format csv writes CSV, not the table")
    func actCSV() throws {
        let database = try temporaryDatabase()
        #expect(try CommandLineRun(["init"], database: database).status == 0)
        let run = try CommandLineRun(["act", "--period", "FY2025", "--format", "csv"], database: database)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\u{FEFF}kind,subject,station,department,zone,reason\r\n"))
    }

    @Test("an id starting with '-' is taken as the value of --zone and --station")
    func dashIDs() throws {
        let database = try temporaryDatabase()
        #expect(try CommandLineRun(["init"], database: database).status == 0)
        let run = try CommandLineRun(
            ["metrics", "--period", "FY2025", "--explain", "enforcement", "--zone", "-D01", "--station", "-1"],
            database: database)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("record_id,date,time,station,zone_id"))
        #expect(run.stderr.contains("0 enforcement records"))
    }
}
