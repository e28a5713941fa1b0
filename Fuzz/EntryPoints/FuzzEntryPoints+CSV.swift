import BikePDCACore
import CSVSupport
import Foundation
import Importers

extension FuzzEntryPoints {
    /// The CSV path on one file's bytes: `CSVFileReader` with the encoding detected and with CP932 forced, then
    /// `DatasetFileReader` on the enforcement and the accidents datasets (header matching, every row's checks)
    /// against a small ``reference``. The file is written to `directory`.
    public static func csv(_ data: Data, directory: URL) throws(FuzzFailure) {
        guard let path = write(data, named: "input.csv", in: directory) else { return }
        let lineCount = lines(in: data)
        for encoding in [nil, TextEncoding.cp932] {
            try readRecords(path: path, encoding: encoding, lineCount: lineCount)
        }
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

    /// Two stations and two zones, enough for station names, ids and zone checks to take both branches.
    static let reference = ReferenceData(
        stations: [
            Station(id: "60101", nameJA: "中央", nameEN: "Chuo"), Station(id: "60102", nameJA: "港北", nameEN: "Kohoku"),
        ],
        zoneStations: ["Z01": "60101", "R01": "60102"])

    private static func readRecords(path: String, encoding: TextEncoding?, lineCount: Int) throws(FuzzFailure) {
        let mode = encoding.map { "as \($0)" } ?? "with the encoding detected"
        var lastLine = 0
        do {
            let reader = try CSVFileReader(path: path, displayName: "input.csv", encoding: encoding)
            // A smaller limit than the default 32 MiB so that the fuzzer can reach the check.
            reader.maximumFieldBytes = 1 << 20
            try reader.forEachRecord { record in
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
        } catch {
            throw FuzzFailure("CSV \(mode): \(type(of: error)) instead of a CSVReadError: \(error)")
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
