import BikePDCACore
import CSVSupport
import Foundation
import Importers

extension FuzzEntryPoints {
    /// The CSV path on one file's bytes: the encoding detector (valid UTF-8 is never CP932; the verdict does not
    /// depend on how the bytes are split), `CSVFileReader` with the encoding detected, UTF-8 forced and CP932 forced
    /// (an encoding error names a line and column inside the file), then `DatasetFileReader` on the enforcement and
    /// the accidents datasets (header matching, every row's checks) against a small ``reference``. The file is
    /// written to `directory`.
    public static func csv(_ data: Data, directory: URL) throws(FuzzFailure) {
        try checkDetection(data)
        guard let path = write(data, named: "input.csv", in: directory) else { return }
        let lineLengths = lineLengths(in: data)
        let isUTF8 = String(validating: data, as: UTF8.self) != nil
        for encoding in [nil, TextEncoding.utf8, .cp932] {
            try readRecords(path: path, encoding: encoding, lineLengths: lineLengths, isUTF8: isUTF8)
        }
        let lineCount = lineLengths.count
        for dataset in [Dataset.enforcement, .accidents] {
            try readDataset(path: path, dataset: dataset, profile: .identity, lineCount: lineCount)
        }
    }

    /// The number of lines of `data`: its LFs and lone CRs (each ends a line), plus one.
    static func lines(in data: Data) -> Int {
        var count = 1
        var previous: UInt8 = 0
        for byte in data {
            if byte == 0x0A || previous == 0x0D { count += 1 }
            previous = byte
        }
        return count
    }

    /// The bytes of each line of `data` without its line end (an LF, a CRLF or a lone CR); as many as
    /// ``lines(in:)`` counts. A column inside a line is at most its length + 1, whatever the encoding.
    static func lineLengths(in data: Data) -> [Int] {
        var lengths: [Int] = []
        var current = 0
        var previous: UInt8 = 0
        for byte in data {
            if previous == 0x0D && byte != 0x0A {
                lengths.append(current)
                current = 0
            }
            if byte == 0x0A {
                lengths.append(current)
                current = 0
            } else if byte != 0x0D {
                current += 1
            }
            previous = byte
        }
        lengths.append(current)
        return lengths
    }

    /// The encoding detector's promises: bytes that are valid UTF-8 are UTF-8, and the same bytes fed whole, one at
    /// a time or cut in three give the same verdict (the import feeds it 1 MiB pieces while hashing the file).
    static func checkDetection(_ data: Data) throws(FuzzFailure) {
        let bytes = [UInt8](data)
        let whole = TextEncoding.detect(sample: bytes)
        if String(validating: bytes, as: UTF8.self) != nil {
            try check(whole == .utf8, "valid UTF-8 detected as \(whole)")
        }
        var byteByByte = EncodingDetector()
        var inThree = EncodingDetector()
        bytes.withUnsafeBufferPointer { all in
            for index in all.indices { byteByByte.consume(UnsafeBufferPointer(rebasing: all[index..<(index + 1)])) }
            let first = all.count / 3
            let second = first + (all.count - first) / 2
            for range in [0..<first, first..<second, second..<all.count] {
                inThree.consume(UnsafeBufferPointer(rebasing: all[range]))
            }
        }
        try check(
            byteByByte.encoding == whole && inThree.encoding == whole,
            "the detector's verdict depends on the split: \(whole) whole, \(byteByByte.encoding) byte by byte, "
                + "\(inThree.encoding) in three")
    }

    /// Two stations and two zones, enough for station names, ids and zone checks to take both branches.
    static let reference = ReferenceData(
        stations: [
            Station(id: "60101", nameJA: "中央", nameEN: "Chuo"), Station(id: "60102", nameJA: "港北", nameEN: "Kohoku"),
        ],
        zoneStations: ["Z01": "60101", "R01": "60102"])

    private static func readRecords(
        path: String, encoding: TextEncoding?, lineLengths: [Int], isUTF8: Bool
    ) throws(FuzzFailure) {
        let mode = encoding.map { "as \($0)" } ?? "with the encoding detected"
        let lineCount = lineLengths.count
        var lastLine = 0
        var reader: CSVFileReader?
        do {
            let opened = try CSVFileReader(path: path, displayName: "input.csv", encoding: encoding)
            reader = opened
            // A smaller limit than the default 32 MiB so that the fuzzer can reach the check.
            opened.maximumFieldBytes = 1 << 20
            try opened.forEachRecord { record in
                guard record.line > lastLine, record.line <= lineCount else {
                    throw FuzzFailure(
                        "CSV \(mode): a record on line \(record.line) after line \(lastLine), in \(lineCount) lines")
                }
                lastLine = record.line
            }
        } catch let failure as FuzzFailure {
            throw failure
        } catch let error as CSVReadError {
            try check(!error.reason.isEmpty, "CSV \(mode): an error without a reason")
            try check(
                error.line.map { (1...lineCount).contains($0) } ?? true,
                "CSV \(mode): error on line \(error.line ?? 0) of a \(lineCount)-line file: \(error)")
            if let column = error.column {
                let length = error.line.map { lineLengths[$0 - 1] }
                try check(
                    length.map { (1...($0 + 1)).contains(column) } ?? false,
                    "CSV \(mode): error at column \(column) of a line of \(length ?? -1) bytes: \(error)")
            }
            if isUTF8 && encoding != .cp932 {
                try check(
                    !error.reason.contains("not valid UTF-8") && !error.reason.contains("CP932"),
                    "CSV \(mode): valid UTF-8 refused as \(reader?.encoding.map { "\($0)" } ?? "?"): \(error)")
            }
        } catch {
            throw FuzzFailure("CSV \(mode): \(type(of: error)) instead of a CSVReadError: \(error)")
        }
        if isUTF8 && encoding == nil, let used = reader?.encoding {
            try check(used == .utf8, "CSV: valid UTF-8 read as \(used)")
        }
    }

    /// Reads `path` as `dataset`; every row is either a record or a rejected row with at least one diagnostic,
    /// in file order, and a whole-file problem is an `ImportError`.
    static func readDataset(
        path: String, dataset: Dataset, profile: MappingProfile, lineCount: Int
    ) throws(FuzzFailure) {
        var lastLine = 1
        do {
            let reader = try DatasetFileReader(
                path: path, displayName: "input", dataset: dataset, profile: profile, reference: reference)
            try reader.read(
                record: { _, line in
                    guard line > lastLine, line <= lineCount else {
                        throw FuzzFailure("\(dataset): a record on line \(line) after line \(lastLine)")
                    }
                    lastLine = line
                },
                reject: { row in
                    guard row.line > lastLine, row.line <= lineCount, !row.diagnostics.isEmpty else {
                        throw FuzzFailure(
                            "\(dataset): a rejected row on line \(row.line) after line \(lastLine), "
                                + "\(row.diagnostics.count) diagnostics")
                    }
                    lastLine = row.line
                })
        } catch let failure as FuzzFailure {
            throw failure
        } catch let error as ImportError {
            try check(
                !error.diagnostics.isEmpty && error.diagnostics.allSatisfy { !$0.message.isEmpty },
                "\(dataset): an ImportError without a message")
        } catch {
            throw FuzzFailure("\(dataset): \(type(of: error)) instead of an ImportError: \(error)")
        }
    }
}
