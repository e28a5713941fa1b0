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

    static let detectionCases: [([UInt8], TextEncoding)] = [
        ([0xEF, 0xBB, 0xBF, 0x61], .utf8),
        (Array("日付,時刻".utf8), .utf8),
        ([0x93, 0xFA, 0x95, 0x74], .cp932),  // 日付 in CP932
        (Array("ab".utf8) + [0xE6, 0x97], .utf8),  // a sample cut inside 日 is still UTF-8
        // 中央 (two three-byte characters) before a stray 0x81: UTF-8 with a bad byte, not CP932.
        (Array("1,中央\n2,".utf8) + [0x81, 0x40], .utf8),
        // The stray byte first, then three characters of UTF-8: more valid characters than invalid bytes.
        ([0x81, 0x40] + Array(",中央港".utf8), .utf8),
        // 東京 in CP932 (93 8C 8B 9E): four bytes UTF-8 never starts a character with, no valid one.
        (Array("a,".utf8) + [0x93, 0x8C, 0x8B, 0x9E], .cp932),
    ]

    @Test("encoding detection", arguments: detectionCases)
    func detection(sample: [UInt8], expected: TextEncoding) {
        #expect(TextEncoding.detect(sample: sample) == expected)
    }

    @Test("an invalid CP932 byte is an error naming its line and column")
    func invalidShiftJIS() throws {
        let bytes = try cp932("a,b\n1,2\n") + [0x33, 0x2C, 0x85, 0x40, 0x0A]  // 0x85 0x40 is unassigned in CP932
        let path = try temporaryFile(bytes)
        #expect {
            try records(path, encoding: .cp932)
        } throws: { error in
            // "3," then the bad byte: line 3, column 3.
            let failure = error as? CSVReadError
            return failure?.line == 3 && failure?.column == 3 && failure?.reason.contains("not valid CP932") == true
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

    @Test("the encoding is decided from the whole file: CP932 whose first Japanese comes after 80 KiB of ASCII")
    func lateShiftJIS() throws {
        // 10,000 ASCII lines (about 80 KiB, beyond a 64 KiB sample), then a CP932 line: ASCII reads the same in
        // both encodings, and the file is CP932 as a whole.
        var text = "a,b\n"
        for index in 0..<10_000 { text += "\(index),x\n" }
        let bytes = Array(text.utf8) + (try cp932("東京,3\n"))
        let reader = try CSVFileReader(path: try temporaryFile(bytes))
        var last: CSVRecord?
        try reader.forEachRecord { last = $0 }
        #expect(reader.encoding == .cp932)
        #expect(last?.line == 10_002)
        #expect(last?.fields == ["東京", "3"])
    }

    static let badByteFiles: [([UInt8], String)] = [
        // 中央 comes before the bad byte (0x81) on line 4; "3,ab" are four characters: column 5.
        (Array("id,name\n1,中央\n2,中央\n3,ab".utf8) + [0x81] + Array("@\n".utf8), "input.csv:4:5: error: "),
        // The bad byte comes first (line 2 after "1,x": column 4), then three lines of 中央 in UTF-8.
        (Array("id,name\n1,x".utf8) + [0x81] + Array("@\n2,中央\n3,中央\n4,中央\n".utf8), "input.csv:2:4: error: "),
    ]

    @Test(
        "a UTF-8 file with one bad byte is an error at that byte's line and column, never read as CP932",
        arguments: badByteFiles)
    func badByteInUTF8(bytes: [UInt8], location: String) throws {
        // Both files decode whole as CP932 (iconv: 中央 becomes 荳ｭ螟ｮ, 0x81 0x40 an ideographic space), which is
        // what they were read as before.
        let path = try temporaryFile(bytes)
        #expect {
            try CSVFileReader(path: path, displayName: "input.csv").forEachRecord { _ in }
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix(location + "byte 0x81 is not valid UTF-8") && text.contains("--encoding cp932")
        }
    }

    @Test("UTF-8 lines followed by a CP932 line: an error at the first CP932 byte, column 1")
    func utf8ThenShiftJIS() throws {
        let bytes = Array("名前,値\n東京,1\n大阪,2\n".utf8) + (try cp932("京都,3\n"))
        #expect {
            try records(try temporaryFile(bytes))
        } throws: { error in
            let failure = error as? CSVReadError
            return failure?.line == 4 && failure?.column == 1 && failure?.reason.contains("not valid UTF-8") == true
        }
    }

    @Test("a UTF-8 character cut off at the end of the file is an error, not a silently dropped field")
    func truncatedUTF8() throws {
        // 中 is E4 B8 AD; the file ends after E4 B8, on line 3 after "2,": column 3.
        let bytes = Array("id,name\n1,中央\n2,中".utf8).dropLast()
        for encoding in [nil, TextEncoding.utf8] {
            #expect {
                try records(try temporaryFile(Array(bytes)), encoding: encoding)
            } throws: { error in
                let failure = error as? CSVReadError
                return failure?.line == 3 && failure?.column == 3
                    && failure?.reason.contains("ends in the middle of a UTF-8 character") == true
            }
        }
    }

    @Test("a UTF-8 character split by the 1 MiB read boundary is read whole")
    func utf8AcrossChunks() throws {
        // "a" + N × "あ" (three bytes each) puts the bytes of one あ at offsets 1 MiB − 1 … 1 MiB + 1.
        let filler = String(repeating: "あ", count: ((1 << 20) - 2) / 3 + 1)
        let rows = try records(try temporaryFile(Array("h,i\na\(filler),東京\n".utf8)))
        #expect(rows.last?.fields == ["a" + filler, "東京"])
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
