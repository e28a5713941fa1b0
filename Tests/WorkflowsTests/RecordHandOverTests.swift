import BikePDCACore
import Foundation
import Importers
import TestFolders
import Testing

@testable import Workflows

/// The reader thread hands rows over in file order, stops when the writer stops, and passes its errors on.
@Suite("Rows handed from the reading thread to the writing one")
struct RecordHandOverTests {
    static let reference = ReferenceData(
        stations: [Station(id: "60101", nameJA: "中央", nameEN: nil)], zoneStations: [:])

    /// A file of `rows` valid enforcement rows (one of them rejected when `badRow` is set), and `tail` appended.
    static func file(rows: Int, badRow: Int? = nil, tail: String = "") throws -> String {
        var text = "record_id,date,time,station,department,violation,outcome\n"
        for row in 1...rows {
            let date = row == badRow ? "2025-13-01" : "2025-04-\(1 + row % 28)"
            text += "E\(row),\(date),10:00,60101,traffic,signal,warning\n"
        }
        text += tail
        let url = TestFolders.path("handover").appendingPathExtension("csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func reader(_ path: String) throws -> DatasetFileReader {
        try DatasetFileReader(path: path, dataset: .enforcement, reference: reference)
    }

    @Test("every row arrives once, in file order, valid and rejected alike")
    func inOrder() throws {
        let path = try Self.file(rows: 5000, badRow: 2500)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handOver = RecordHandOver(reader: try Self.reader(path))
        defer { handOver.close() }
        var lines: [Int] = []
        var rejected: [Int] = []
        while let batch = try handOver.next() {
            #expect(batch.items.count <= RecordHandOver.batchSize)
            for item in batch.items {
                switch item {
                case .record(let record, let line):
                    lines.append(line)
                    if case .enforcement(let stop) = record { #expect(stop.id == "E\(line - 1)") }
                case .rejected(let row): rejected.append(row.line)
                }
            }
        }
        #expect(rejected == [2501])
        #expect(lines == Array(2...2500) + Array(2502...5001))
    }

    @Test("a writer that stops early does not leave the reader waiting")
    func stopsEarly() throws {
        // Far more rows than the batches that may wait: the reader blocks until the writer closes.
        let path = try Self.file(rows: RecordHandOver.batchSize * (RecordHandOver.capacity + 4))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handOver = RecordHandOver(reader: try Self.reader(path))
        let first = try handOver.next()
        #expect(first?.items.count == RecordHandOver.batchSize)
        handOver.close()  // returns only once the reading thread has ended
    }

    @Test("an error in the file comes after the rows read before it")
    func errorAfterRows() throws {
        let path = try Self.file(rows: 3000, tail: "E9999,2025-04-01,10:00,60101,traffic,signal,\"warning\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handOver = RecordHandOver(reader: try Self.reader(path))
        defer { handOver.close() }
        var received = 0
        #expect {
            while let batch = try handOver.next() { received += batch.items.count }
        } throws: { error in
            (error as? ImportError)?.diagnostics.first?.message.contains("unterminated quoted field") == true
        }
        #expect(received == 3000)
    }
}
