import CSVSupport
import Foundation
import TestFolders
import Testing

/// Writes bytes to a fresh temporary file.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
    let directory = try TestFolders.make("csv")
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func records(_ path: String, encoding: TextEncoding? = nil) throws -> [CSVRecord] {
    var result: [CSVRecord] = []
    try CSVFileReader(path: path, encoding: encoding).forEachRecord { result.append($0) }
    return result
}

/// CP932 bytes of a string, through the system's iconv (the same converter family Excel's output is read with).
func cp932(_ text: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    process.arguments = ["-f", "UTF-8", "-t", "CP932"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(text.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Array(data)
}

@Suite("Reading CSV files through libcsv")
struct CSVFileReaderTests {
    @Test("records know the line they start on, across quoted line breaks, CRLF and blank lines")
    func lineNumbers() throws {
        let text = "a,b\r\n1,\"two\r\nlines\"\r\n\r\n3,x\r\n\"4\",\"y \"\"quoted\"\"\"\r\n"
        let rows = try records(try temporaryFile(Array(text.utf8)))
        #expect(rows.map(\.line) == [1, 2, 5, 6])
        #expect(rows[1].fields == ["1", "two\r\nlines"])
        #expect(rows[3].fields == ["4", "y \"quoted\""])
    }

    @Test("classic Mac line ends (a lone CR) count as lines, also when a CRLF straddles the 1 MiB read boundary")
    func loneCarriageReturns() throws {
        // Found by the fuzzer (Fuzz/Regressions/CSVFuzz-lone-cr-line-numbers): libcsv ends a record at a lone CR,
        // and every record of such a file said it started on line 1.
        let rows = try records(try temporaryFile(Array("a,b\r1,x\r\r2,\"y\rz\"\r3,w".utf8)))
        #expect(rows.map(\.line) == [1, 2, 4, 6])
        #expect(rows[2].fields == ["2", "y\rz"])
        // A CRLF cut by the chunk boundary is one line end, not two.
        let filler = String(repeating: "x", count: (1 << 20) - 4)
        let straddling = try records(try temporaryFile(Array("h\r\n\(filler)\r\nnext\r\n".utf8)))
        #expect(straddling.map(\.line) == [1, 2, 3])
    }

    @Test("a UTF-8 BOM is skipped and a file without a final line break keeps its last record")
    func bomAndNoFinalNewline() throws {
        let rows = try records(try temporaryFile([0xEF, 0xBB, 0xBF] + Array("h1,h2\nv1,v2".utf8)))
        #expect(rows.map(\.fields) == [["h1", "h2"], ["v1", "v2"]])
    }

    @Test("CP932 is detected and decoded, also when a character straddles the 1 MiB read boundary")
    func shiftJISAcrossChunks() throws {
        // 'a' + N × "あ" puts the two bytes of one あ at offsets (1 MiB − 1, 1 MiB).
        let filler = String(repeating: "あ", count: ((1 << 20) - 8) / 2)
        let text = "名前,値\na" + filler + ",東京\n"
        let bytes = try cp932(text)
        let path = try temporaryFile(bytes)
        let reader = try CSVFileReader(path: path)
        var rows: [CSVRecord] = []
        try reader.forEachRecord { rows.append($0) }
        #expect(reader.encoding == .cp932)
        #expect(rows.count == 2)
        #expect(rows[0].fields == ["名前", "値"])
        #expect(rows[1].fields[0] == "a" + filler)
        #expect(rows[1].fields[1] == "東京")
    }

    @Test(
        "encoding detection",
        arguments: [
            ([0xEF, 0xBB, 0xBF, 0x61], TextEncoding.utf8),
            (Array("日付,時刻".utf8), .utf8),
            ([0x93, 0xFA, 0x95, 0x74], .cp932),  // 日付 in CP932
            (Array("ab".utf8) + [0xE6, 0x97], .utf8),  // a sample cut inside 日 is still UTF-8
        ])
    func detection(sample: [UInt8], expected: TextEncoding) {
        #expect(TextEncoding.detect(sample: sample) == expected)
    }

    @Test("an invalid CP932 byte is an error naming its line")
    func invalidShiftJIS() throws {
        let bytes = try cp932("a,b\n1,2\n") + [0x33, 0x2C, 0x85, 0x40, 0x0A]  // 0x85 0x40 is unassigned in CP932
        let path = try temporaryFile(bytes)
        #expect {
            try records(path, encoding: .cp932)
        } throws: { error in
            let failure = error as? CSVReadError
            return failure?.line == 3 && failure?.reason.contains("not valid CP932") == true
        }
    }

    @Test("a multi-byte character cut off by the end of the file is an error, not a silent loss")
    func truncatedShiftJIS() throws {
        let bytes = try cp932("名前\n東京").dropLast()
        let path = try temporaryFile(Array(bytes))
        #expect(throws: CSVReadError.self) { try records(path, encoding: .cp932) }
    }

    @Test("an unterminated quote on line 2 of a million-line file is reported at line 2")
    func unterminatedQuote() throws {
        var text = "id,name\n1,\"never closed\n"
        for index in 0..<1_000_000 { text += "\(index),row\n" }
        let path = try temporaryFile(Array(text.utf8))
        #expect {
            try records(path)
        } throws: { error in
            let failure = error as? CSVReadError
            return failure?.line == 2 && failure?.reason.contains("unterminated quoted field") == true
        }
    }

    @Test("a field longer than the limit stops the read (bounded memory)")
    func fieldLimit() throws {
        let text = "id,name\n1,\"" + String(repeating: "x", count: 3 << 20) + "\"\n"
        let path = try temporaryFile(Array(text.utf8))
        let reader = try CSVFileReader(path: path)
        reader.maximumFieldBytes = 1 << 20
        #expect {
            try reader.forEachRecord { _ in }
        } throws: { error in
            (error as? CSVReadError)?.line == 2
        }
    }

    @Test("an Excel workbook is recognised and the user told to save it as CSV")
    func xlsx() throws {
        let path = try temporaryFile([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0, count: 100), name: "book.csv")
        #expect {
            try records(path)
        } throws: { error in
            (error as? CSVReadError)?.reason.contains(".xlsx") == true
        }
    }

    @Test("a whole file in CP932 is detected even when its first bytes would also pass as UTF-8")
    func shortMixedIsShiftJIS() throws {
        let bytes = Array("a,b\n1,2\n".utf8) + (try cp932("東京,3\n"))
        #expect(try records(try temporaryFile(bytes)).last?.fields == ["東京", "3"])
    }

    @Test("text that is UTF-8 for the detection sample but not later names the line and suggests --encoding")
    func mixedEncodings() throws {
        // 10,000 ASCII lines (about 80 KiB, beyond the 64 KiB sample), then a CP932 line.
        var text = "a,b\n"
        for index in 0..<10_000 { text += "\(index),x\n" }
        let bytes = Array(text.utf8) + (try cp932("東京,3\n"))
        let path = try temporaryFile(bytes)
        #expect {
            try records(path)
        } throws: { error in
            let failure = error as? CSVReadError
            return failure?.line == 10_002 && failure?.reason.contains("--encoding cp932") == true
        }
    }

    @Test("an empty file has no records")
    func empty() throws {
        #expect(try records(try temporaryFile([])).isEmpty)
    }
}

@Suite("Writing CSV for Excel")
struct CSVWriterTests {
    @Test("RFC 4180 quoting, CRLF, BOM")
    func quoting() {
        var writer = CSVWriter()
        writer.appendRow(["plain", "a,b", "say \"hi\"", "two\nlines", " padded"])
        let text = String(decoding: writer.data.dropFirst(3), as: UTF8.self)
        #expect(writer.data.prefix(3) == [0xEF, 0xBB, 0xBF])
        #expect(text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\r\n")
    }

    @Test(
        "formula-like cells are neutralised; numbers stay numbers",
        arguments: [
            ("=1+2", "'=1+2"), ("+81-90", "'+81-90"), ("-cmd", "'-cmd"), ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"), ("\rx", "'\rx"), ("-3", "-3"), ("-0.25", "-0.25"), ("+5", "+5"), ("a=b", "a=b"),
        ])
    func neutralisation(cell: String, expected: String) {
        #expect(CSVWriter.neutralized(cell) == expected)
    }

    @Test("without a BOM when asked")
    func noBOM() {
        var writer = CSVWriter(writesByteOrderMark: false)
        writer.appendRow(["a"])
        #expect(writer.data == Array("a\r\n".utf8))
    }
}
