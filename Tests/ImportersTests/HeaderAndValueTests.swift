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
