import Foundation
import SampleGenerator
import Testing

@Suite("Benchmark file")
struct BenchmarkTests {
    @Test("200,000 rows stream out, one line each, referring only to the standard set")
    func benchmarkRows() throws {
        let folder = Fixtures.temporaryDirectory("bench")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("bench.csv")
        try SampleDataWriter.writeEnforcementBenchmark(rows: 200_000, to: file)
        let data = try Data(contentsOf: file)
        let lines = lineStarts(of: data)
        #expect(lines.count == 200_001)

        // The standard set's activities do not depend on the row counts, so a set without rows has them all.
        let reference = Fixtures.temporaryDirectory("bench-reference")
        defer { try? FileManager.default.removeItem(at: reference) }
        _ = try SampleDataWriter.writeSampleSet(
            to: reference, configuration: SampleConfiguration(enforcementRows: 0, accidentRows: 0))
        var operations = Set<String>()
        for path in relativeFiles(under: reference.appendingPathComponent("activities")) {
            operations.formUnion(
                try Table(url: reference.appendingPathComponent("activities/" + path)).values("operation_id"))
        }
        let zones = Set(try Table(url: reference.appendingPathComponent("zones.csv")).values("zone_id"))
        let stations = Set(SamplePrefecture.stations.map(\.id))

        // Check every 40th record (the whole file would make the test slow in debug builds).
        func line(_ index: Int) -> String {
            let end = index + 1 < lines.count ? lines[index + 1] - 1 : data.count - 1
            return String(decoding: data[lines[index]..<end], as: UTF8.self)
        }
        #expect(
            line(0)
                == "record_id,date,time,station,department,zone_id,latitude,longitude,violation,outcome,vehicle,"
                + "age_band,operation_id")
        #expect(line(1).hasPrefix("B000000001,"))
        #expect(line(200_000).hasPrefix("B000200000,"))
        var linked = 0
        for record in stride(from: 1, through: 200_000, by: 40).map(line) {
            let fields = record.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(fields.count == 13)
            #expect(stations.contains(fields[3]))
            #expect(fields[5].isEmpty || zones.contains(fields[5]))
            if !fields[12].isEmpty {
                linked += 1
                #expect(operations.contains(fields[12]), "unknown operation \(fields[12])")
            }
            if fields[9] == "blue" {
                #expect(fields[1] >= "2026-04-01" && fields[11] != "u16" && fields[8] != "drink")
            }
        }
        #expect(linked > 0)
    }
}

/// The offset at which each line starts (memchr keeps this fast in debug builds).
func lineStarts(of data: Data) -> [Int] {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [Int] in
        guard let base = buffer.baseAddress, buffer.count > 0 else { return [] }
        var starts = [0]
        var offset = 0
        while offset < buffer.count, let found = memchr(base + offset, 0x0A, buffer.count - offset) {
            offset = base.distance(to: UnsafeRawPointer(found)) + 1
            if offset < buffer.count {
                starts.append(offset)
            }
        }
        return starts
    }
}
