import BikePDCACore
import Foundation
import Importers
import TestFolders
import Testing

/// Writes a UTF-8 CSV to a temporary file.
func csvFile(_ text: String, name: String = "input.csv") throws -> String {
    let directory = try TestFolders.make("imp")
    let path = directory.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

let reference = ReferenceData(
    stations: [Station(id: "58101", nameJA: "中央", nameEN: "Chuo")], zoneStations: ["Z1": "58101"])

/// Reads a file and returns the parsed records and rejected rows.
func read(_ path: String, _ dataset: Dataset, profile: MappingProfile = .identity) throws
    -> (records: [ParsedRecord], rejected: [RejectedRow], reader: DatasetFileReader)
{
    let reader = try DatasetFileReader(path: path, dataset: dataset, profile: profile, reference: reference)
    var records: [ParsedRecord] = []
    var rejected: [RejectedRow] = []
    try reader.read(record: { record, _ in records.append(record) }, reject: { rejected.append($0) })
    return (records, rejected, reader)
}

@Suite("Headers, aliases and values")
struct HeaderAndValueTests {
    @Test(
        "headers match in English or Japanese, full-width, with spaces, in any order",
        arguments: [
            "record_id,date,station,department,violation,outcome",
            "記録番号,日付,警察署,部門,違反種別,措置",
            "ＲＥＣＯＲＤ＿ＩＤ,　日付　,Station,DEPARTMENT,Violation,Outcome",
            "Record ID,Date,警察署,部門,違反,措置",
        ])
    func headerAliases(header: String) throws {
        let path = try csvFile(header + "\nX1,2025-04-01,58101,traffic,stop,warning\n")
        let result = try read(path, .enforcement)
        #expect(result.rejected.isEmpty)
        guard case .enforcement(let record)? = result.records.first else {
            Issue.record("no record")
            return
        }
        #expect(record.id == "X1")
        #expect(record.date == LocalDate(year: 2025, month: 4, day: 1))
        #expect(record.violation == "stop")
    }

    @Test("a missing required column names the accepted headers")
    func missingColumn() throws {
        let path = try csvFile("record_id,date,station,violation,outcome\nX1,2025-04-01,58101,stop,warning\n")
        #expect {
            try read(path, .enforcement)
        } throws: { error in
            let text = String(describing: error)
            return text.contains(":1: error: missing required column department")
                && text.contains("\"部門\"")
        }
    }

    @Test("two headers for one column are refused")
    func duplicateColumn() throws {
        let path = try csvFile("record_id,記録番号,date,station,department,violation,outcome\n")
        #expect(throws: ImportError.self) { try read(path, .enforcement) }
    }

    @Test(
        "coded values in Japanese, English, aliases and full-width forms",
        arguments: [
            ("交通", "青切符", "2026-04-01", Department.traffic, Outcome.blueTicket),
            ("地域課", "指導警告票", "2025-04-01", .community, .warning),
            ("ＴＲＡＦＦＩＣ", "赤切符", "2025-04-01", .traffic, .redTicket),
            ("other", "Red Ticket", "2025-04-01", .other, .redTicket),
        ])
    func codedValues(
        department: String, outcome: String, date: String, expectedDepartment: Department, expectedOutcome: Outcome
    ) throws {
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome\nX1,\(date),中央警察署,\(department),信号無視,\(outcome)\n")
        let result = try read(path, .enforcement)
        guard case .enforcement(let record)? = result.records.first else {
            Issue.record("rejected: \(result.rejected.first?.diagnostics ?? [])")
            return
        }
        #expect(record.department == expectedDepartment)
        #expect(record.outcome == expectedOutcome)
        #expect(record.stationID == "58101")
    }

    @Test(
        "blue-ticket rules",
        arguments: [
            ("2026-03-31", "signal", "20-29", "only from 2026-04-01"),
            ("2026-04-01", "signal", "u16", "under 16"),
            ("2026-04-01", "drink", "20-29", "drink riding is a red ticket"),
        ])
    func blueTicketRules(date: String, violation: String, age: String, expected: String) throws {
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome,age_band\nX1,\(date),58101,traffic,\(violation),blue,\(age)\n"
        )
        let result = try read(path, .enforcement)
        #expect(result.records.isEmpty)
        #expect(result.rejected.first?.diagnostics.first?.message.contains(expected) == true)
    }

    @Test("every bad cell of a row is reported, each at its own column")
    func everyBadCell() throws {
        let path = try csvFile(
            "record_id,date,time,station,department,violation,outcome\nX1,2025-13-01,25:00,99999,police,stopp,maybe\n")
        let result = try read(path, .enforcement)
        let columns = result.rejected.first?.diagnostics.compactMap(\.column) ?? []
        #expect(columns == [2, 3, 4, 5, 6, 7])
    }

    @Test("accident severity and deaths must agree")
    func severityDeaths() throws {
        let path = try csvFile(
            """
            record_id,date,station,severity,bicycle_role,deaths
            A1,2025-04-01,58101,fatal,A,0
            A2,2025-04-01,58101,slight,B,1
            A3,2025-04-01,58101,死亡,第1当事者,1
            """)
        let result = try read(path, .accidents)
        #expect(result.records.count == 1)
        #expect(result.rejected.map(\.line) == [2, 3])
    }

    @Test("a mapping profile naming an unknown column is refused with the allowed names")
    func badProfile() throws {
        let path = try csvFile("dataset: enforcement\ncolumns:\n  番号: recordid\n", name: "p.yaml")
        #expect {
            try MappingProfile.load(path: path, for: .enforcement)
        } throws: { error in
            String(describing: error).contains("unknown column \"recordid\" (expected one of record_id, date")
        }
    }

    @Test("a profile for another dataset is refused")
    func profileDataset() throws {
        let path = try csvFile("{\"dataset\": \"accidents\"}", name: "p.json")
        #expect(throws: ImportError.self) { try MappingProfile.load(path: path, for: .enforcement) }
    }

    @Test("a header-only file reads no rows; an empty file is an error")
    func headerOnlyAndEmpty() throws {
        let headerOnly = try csvFile("record_id,date,station,department,violation,outcome\r\n")
        #expect(try read(headerOnly, .enforcement).records.isEmpty)
        let empty = try csvFile("")
        #expect {
            try read(empty, .enforcement)
        } throws: { error in
            String(describing: error).contains("the file is empty")
        }
    }

    @Test("a file with 100,000 columns is read in one go and its unknown columns summarised")
    func manyColumns() throws {
        let extra = (0..<100_000).map { "x\($0)" }
        let header = (["record_id", "date", "station", "department", "violation", "outcome"] + extra).joined(
            separator: ",")
        let row = (["X1", "2025-04-01", "58101", "traffic", "stop", "warning"] + extra.map { _ in "" }).joined(
            separator: ",")
        let result = try read(try csvFile(header + "\n" + row + "\n"), .enforcement)
        #expect(result.records.count == 1)
        let warning = result.reader.warnings.first { $0.message.contains("columns not imported") }
        #expect(warning?.message.hasSuffix("and 99990 more") == true)
    }

    @Test("NUL bytes inside a cell make it invalid, not truncated silently")
    func nulBytes() throws {
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome\nX1,2025-04-01\u{0},58101,traffic,stop,warning\n")
        let result = try read(path, .enforcement)
        #expect(result.records.isEmpty)
        #expect(result.rejected.first?.diagnostics.first?.column == 2)
    }
}

@Suite("Oversized cells")
struct OversizedCellTests {
    @Test("a 10 MB cell is one clear error at its column, and the row is not imported")
    func tenMegabyteCell() throws {
        let huge = String(repeating: "x", count: 10 << 20)
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome\nX1,2025-04-01,58101,traffic,stop,warning\n"
                + "\(huge),2025-04-01,58101,traffic,stop,warning\n")
        let result = try read(path, .enforcement)
        #expect(result.records.count == 1)
        let diagnostics = result.rejected.first?.diagnostics ?? []
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.description.contains(":3:1: error: the value in column record_id is 10485760 bytes long")
                == true, "\(diagnostics)")
    }
}

@Suite("Hostile cells, names and profiles")
struct HostileInputTests {
    @Test("a NUL byte in any imported cell is refused at its line and column, naming the column")
    func nulInFreeText() throws {
        // operation_id is free text that nothing else checks: the NUL would have been stored.
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome,operation_id\n"
                + "X1,2025-04-01,58101,traffic,stop,warning,OP\u{0}1\n")
        let result = try read(path, .enforcement)
        #expect(result.records.isEmpty)
        let diagnostics = result.rejected.first?.diagnostics ?? []
        #expect(diagnostics.count == 1)
        #expect(
            diagnostics.first?.description.hasSuffix(
                ":2:7: error: the value in column operation_id contains a NUL byte (0x00), which no cell may hold: "
                    + "is the file binary, or UTF-16?") == true, "\(diagnostics)")
    }

    @Test("a NUL byte in a date is reported once, not also as an invalid date")
    func nulInDate() throws {
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome\nX1,2025-04-01\u{0},58101,traffic,stop,warning\n")
        let diagnostics = try read(path, .enforcement).rejected.first?.diagnostics ?? []
        #expect(diagnostics.map(\.column) == [2])
        #expect(diagnostics.first?.message.contains("NUL byte") == true)
    }

    @Test(
        "a station name that two stations share is an error listing both codes",
        arguments: ["中央警察署", "中央", "Chuo"])
    func ambiguousStationName(cell: String) throws {
        let shared = ReferenceData(
            stations: [
                Station(id: "58101", nameJA: "中央", nameEN: "Chuo"),
                Station(id: "30101", nameJA: "中央", nameEN: "Chuo"),
            ],
            zoneStations: [:])
        let path = try csvFile(
            "record_id,date,station,department,violation,outcome\n"
                + "X1,2025-04-01,\(cell),traffic,stop,warning\nX2,2025-04-01,30101,traffic,stop,warning\n")
        let reader = try DatasetFileReader(path: path, dataset: .enforcement, reference: shared)
        var stationIDs: [String] = []
        var rejected: [RejectedRow] = []
        try reader.read(
            record: { record, _ in
                if case .enforcement(let enforcement) = record { stationIDs.append(enforcement.stationID) }
            },
            reject: { rejected.append($0) })
        // The id still names its station; the name names two.
        #expect(stationIDs == ["30101"])
        #expect(rejected.map(\.line) == [2])
        let message = rejected.first?.diagnostics.first?.description ?? ""
        #expect(
            message.hasSuffix(
                ":2:3: error: ambiguous station \"\(cell)\" in column station: it names stations 30101 (中央), "
                    + "58101 (中央); give the five-digit station id instead"), "\(message)")
    }

    @Test(
        "a mapping profile that maps a personal-data column onto a stored column is refused",
        arguments: [
            ("氏名", "operation_id", "氏名"), ("電話番号", "record_id", "電話"), ("Name Kana", "operation_id", "name_kana"),
        ])
    func personalDataMapping(header: String, target: String, marker: String) throws {
        let path = try csvFile("dataset: enforcement\ncolumns:\n  \(header): \(target)\n", name: "p.yaml")
        #expect {
            try MappingProfile.load(path: path, for: .enforcement)
        } throws: { error in
            String(describing: error).contains(
                "p.yaml: error: columns: \"\(header)\" looks like personal data (\(marker)) and cannot be mapped to "
                    + "\(target): personal data is never imported or stored")
        }
    }

    @Test("a profile with 20,000 value entries loads in a few seconds (it took about a minute)")
    func largeValueMap() throws {
        var text = "dataset: enforcement\nvalues:\n  violation:\n"
        for index in 0..<20_000 { text += "    v\(index): stop\n" }
        text += "  outcome:\n    警告: warning\n"
        let path = try csvFile(text, name: "large.yaml")
        let clock = ContinuousClock()
        var profile: MappingProfile?
        let elapsed = try clock.measure { profile = try MappingProfile.load(path: path, for: .enforcement) }
        #expect(elapsed < .seconds(5), "\(elapsed)")
        #expect(profile?.values["violation"]?.count == 20_000)
        #expect(profile?.values["violation"]?["v19999"] == "stop")
        #expect(profile?.values["outcome"]?["警告"] == "warning")
    }

    @Test("the profile's shape is checked: a list where a mapping belongs, a mapping where text belongs")
    func profileShape() throws {
        let list = try csvFile("dataset: enforcement\nvalues: [1, 2]\n", name: "list.yaml")
        let nested = try csvFile("columns: {a: {b: c}}\n", name: "nested.yaml")
        let empty = try csvFile("", name: "empty.yaml")
        for (path, expected) in [
            (list, "list.yaml: error: not a valid mapping profile: at values: expected a mapping, found a list"),
            (nested, "nested.yaml: error: not a valid mapping profile: at columns.a: expected text, found a mapping"),
            (empty, "empty.yaml: error: not a valid mapping profile: the profile is empty"),
        ] {
            #expect {
                try MappingProfile.load(path: path, for: .enforcement)
            } throws: { error in
                String(describing: error).hasPrefix(expected)
            }
        }
    }

    @Test("a bad byte in a UTF-8 file stops the import at file:line:column")
    func encodingErrorLocation() throws {
        let directory = try TestFolders.make("imp")
        let url = directory.appendingPathComponent("input.csv")
        let bytes =
            Array(
                "record_id,date,station,department,violation,outcome\nX1,2025-04-01,中央,traffic,stop,warning\nX2,".utf8)
            + [0x81] + Array("@,2025-04-01,58101,traffic,stop,warning\n".utf8)
        try Data(bytes).write(to: url)
        #expect {
            try read(url.path, .enforcement)
        } throws: { error in
            // "X2," then the bad byte: line 3, column 4.
            String(describing: error).contains("input.csv:3:4: error: byte 0x81 is not valid UTF-8")
        }
    }
}
