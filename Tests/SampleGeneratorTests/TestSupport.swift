import Foundation
import SampleGenerator
import TestFolders
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sample sets written once and shared by the tests (generation is the slow part).
enum Fixtures {
    /// The standard seed and accident count (so the built-in effects are at full strength), few enforcement rows.
    static let configuration = SampleConfiguration(seed: SampleConfiguration.standard.seed, enforcementRows: 12_000)

    static let sampleSet: Result<(URL, SampleSummary), SampleGeneratorError> = {
        let directory = temporaryDirectory("sample")
        do throws(SampleGeneratorError) {
            let summary = try SampleDataWriter.writeSampleSet(to: directory, configuration: configuration)
            return .success((directory, summary))
        } catch {
            return .failure(error)
        }
    }()

    static func temporaryDirectory(_ name: String) -> URL {
        TestFolders.path(name)
    }
}

/// A CSV file read into header and rows, canonical headers substituted for Japanese ones.
struct Table {
    let header: [String]
    let rows: [[String]]
    /// The physical line each row starts on (the header is line 1).
    let lines: [Int]

    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// Values of one column by canonical name ("" where the column is missing).
    func values(_ name: String) -> [String] {
        guard let index = column(name) else { return rows.map { _ in "" } }
        return rows.map { index < $0.count ? $0[index] : "" }
    }

    /// Canonical names of DATASETS.md's Japanese aliases that the sample files use.
    static let aliases = [
        "記録番号": "record_id", "日付": "date", "時刻": "time", "警察署": "station", "部門": "department",
        "地区路線ID": "zone_id", "緯度": "latitude", "経度": "longitude", "違反種別": "violation", "措置": "outcome",
        "車種": "vehicle", "年齢層": "age_band", "活動ID": "operation_id",
    ]

    init(text: String) {
        var records: [[String]] = []
        var starts: [Int] = []
        var field = ""
        var record: [String] = []
        var quoted = false
        var line = 1
        var recordStart = 1
        var pendingQuote = false
        var iterator = text.unicodeScalars.makeIterator()
        var carried: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let value = carried {
                carried = nil
                return value
            }
            return iterator.next()
        }
        while let scalar = next() {
            if quoted {
                if pendingQuote {
                    pendingQuote = false
                    if scalar == "\"" {
                        field.unicodeScalars.append("\"")
                        continue
                    }
                    quoted = false
                    carried = scalar
                    continue
                }
                if scalar == "\"" {
                    pendingQuote = true
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"": quoted = true
            case ",":
                record.append(field)
                field = ""
            case "\r": break
            case "\n":
                record.append(field)
                records.append(record)
                starts.append(recordStart)
                record = []
                field = ""
                line += 1
                recordStart = line
            default: field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
            starts.append(recordStart)
        }
        var head = records.first ?? []
        if let first = head.first, first.hasPrefix("\u{FEFF}") {
            head[0] = String(first.dropFirst())
        }
        header = head.map { Table.aliases[$0] ?? $0 }
        rows = Array(records.dropFirst())
        lines = Array(starts.dropFirst())
    }

    /// Reads a file, decoding CP932 when it is not valid UTF-8.
    init(url: URL) throws {
        let data = try Data(contentsOf: url)
        if let text = String(data: data, encoding: .utf8) {
            self.init(text: text)
        } else {
            self.init(text: try #require(CP932.decode(Array(data))))
        }
    }
}

/// CP932 through the C library's iconv, as the generator uses it, for round trips.
enum CP932 {
    static func decode(_ bytes: [UInt8]) -> String? {
        convert(bytes, from: "CP932", to: "UTF-8").map { String(decoding: $0, as: UTF8.self) }
    }

    static func encode(_ text: String) -> [UInt8]? {
        convert(Array(text.utf8), from: "UTF-8", to: "CP932")
    }

    static func convert(_ input: [UInt8], from: String, to: String) -> [UInt8]? {
        guard let descriptor = iconv_open(to, from), Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var source = input
        var succeeded = false
        var written = 0
        source.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress.map {
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                }
                var outLeft = outBuffer.count
                succeeded = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1 && inLeft == 0
                written = outBuffer.count - outLeft
            }
        }
        return succeeded ? Array(output[0..<written]) : nil
    }
}

/// Dates in the forms the sample files use, as ISO text (`2025-04-01`), or `nil`.
func isoDate(_ text: String) -> String? {
    func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    if text.hasPrefix("令和") {
        let numbers = text.dropFirst(2).split(whereSeparator: { "年月日".contains($0) }).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return "\(2018 + numbers[0])-\(pad(numbers[1], 2))-\(pad(numbers[2], 2))"
    }
    if text.contains("/") {
        let numbers = text.split(separator: "/").compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        return "\(numbers[0])-\(pad(numbers[1], 2))-\(pad(numbers[2], 2))"
    }
    return text.count == 10 ? text : nil
}

/// Every file under a folder, as sorted relative paths.
func relativeFiles(under directory: URL) -> [String] {
    let base = directory.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(atPath: base)
    var paths: [String] = []
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue
        {
            paths.append(path)
        }
    }
    return paths.sorted()
}

/// Expects `directory` and `again` to hold the same files (`relativeFiles`) with the same bytes; returns the list.
@discardableResult
func expectSameFiles(_ directory: URL, _ again: URL) throws -> [String] {
    let files = relativeFiles(under: directory)
    #expect(files == relativeFiles(under: again))
    for path in files {
        let left = try Data(contentsOf: directory.appendingPathComponent(path))
        let right = try Data(contentsOf: again.appendingPathComponent(path))
        #expect(left == right, "\(path) differs between two runs")
    }
    return files
}
