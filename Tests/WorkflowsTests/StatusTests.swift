import BikePDCACore
import Foundation
import Importers
import Store
import Testing
import Workflows

@Suite("What is loaded")
struct StatusTests {
    @Test("a station-month without records is listed as missing, never as zero")
    func gaps() throws {
        let db = try TestDatabase()
        try db.loadReference()
        // 60101 has April and June, 60102 only May: the range is April–June.
        let file = db.directory.appendingPathComponent("three_months.csv")
        try """
        record_id,date,station,department,violation,outcome
        G1,2025-04-03,60101,traffic,stop,warning
        G2,2025-06-03,60101,traffic,stop,warning
        G3,2025-05-03,60102,community,signal,warning
        """.write(to: file, atomically: true, encoding: .utf8)
        #expect(try db.pipeline.importFile(path: file.path, options: ImportOptions(dataset: .enforcement)).isImported)
        let status = try db.store.status(today: LocalDate(year: 2025, month: 7, day: 1) ?? LocalDate(dayNumber: 0))
        let enforcement = try #require(status.coverage.first { $0.dataset == .enforcement })
        #expect(enforcement.records == 3)
        #expect(enforcement.months == YearMonth(year: 2025, month: 4)...YearMonth(year: 2025, month: 6))
        let gaps = enforcement.gaps.map { "\($0.stationID) \($0.month)" }
        #expect(gaps == ["60101 2025-05", "60102 2025-04", "60102 2025-06"])
        #expect(enforcement.counts["60101"]?[YearMonth(year: 2025, month: 5)] == nil)
        // Z01 is designated from 2024-10-01 and R01 from 2025-04-01: both active on 2025-07-01.
        #expect(status.activeZoneCount == 2)
    }
}
