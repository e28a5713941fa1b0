import BikePDCACore
import Foundation
import GRDB
import Store
import Testing

/// The one rule of a delivered station-month, on a handful of rows written by hand.
@Suite("Delivered station-months")
struct CoverageTests {
    static func accident(_ id: String, _ station: String, _ date: String) throws -> Accident {
        Accident(
            id: id, date: try #require(LocalDate(iso: date)), time: nil, stationID: station, zoneID: nil,
            location: nil, severity: .slight, bicycleRole: .partyA, counterpart: .car, deaths: 0, injuries: 1)
    }

    @Test("own records deliver their months, NPA rows deliver none, an import's coverage delivers without records")
    func rule() throws {
        let path = try temporaryStorePath()
        let store = try RecordStore(path: path)
        let request = ImportRequest(
            dataset: .accidents, fileName: "a.csv", sha256: "a", encoding: "utf8", importedAt: "2026-11-27 09:00:00")
        _ = try store.runImport(request) { writer in
            // 58101's own file: April (2 accidents) and June; no accident in May.
            _ = try writer.write(try Self.accident("A1", "58101", "2025-04-02"), line: 2)
            _ = try writer.write(try Self.accident("A2", "58101", "2025-04-20"), line: 3)
            _ = try writer.write(try Self.accident("A3", "58101", "2025-06-09"), line: 4)
            // An NPA row of 58102 in May, dated outside any release's covered months.
            _ = try writer.write(try Self.accident("npa:2026:58:102:0001", "58102", "2025-05-30"), line: 5)
            return .commit(rejected: 0)
        }
        // An import that covers 58102 in June (a release's month without any accident).
        try DatabaseQueue(path: path).write { db in
            try db.execute(
                sql: """
                    INSERT INTO import_coverage (dataset, station_id, month, source, import_id)
                    VALUES ('accidents', '58102', '2025-06', 'npa', 1)
                    """)
        }
        let counts = try store.stationMonthCounts(
            from: try #require(LocalDate(iso: "2025-04-01")), to: try #require(LocalDate(iso: "2025-06-30")),
            datasets: [.accidents])
        #expect(
            counts.map { "\($0.stationID) \($0.month) \($0.records)" } == [
                "58101 2025-04 2", "58101 2025-06 1", "58102 2025-06 0",
            ])
        // status reads the same rule: over April–June, 58101's May and 58102's April and May are missing.
        let status = try store.status(today: try #require(LocalDate(iso: "2025-07-01")))
        let accidents = try #require(status.coverage.first { $0.dataset == .accidents })
        #expect(
            accidents.gaps.map { "\($0.stationID) \($0.month)" } == ["58101 2025-05", "58102 2025-04", "58102 2025-05"])
        // The NPA row is still counted as a record.
        #expect(accidents.counts["58102"]?[YearMonth(year: 2025, month: 5)] == 1)
    }

    @Test(
        "a database of NPA rows only, or of own rows only (read from the station × month index alone), follows the same rule",
        arguments: [true, false])
    func oneKindOfRecords(npa: Bool) throws {
        let path = try temporaryStorePath()
        let store = try RecordStore(path: path)
        let request = ImportRequest(
            dataset: .accidents, fileName: "a.csv", sha256: "a", encoding: "utf8", importedAt: "2026-11-27 09:00:00")
        _ = try store.runImport(request) { writer in
            _ = try writer.write(try Self.accident(npa ? "npa:2026:58:101:0001" : "A1", "58101", "2025-04-02"), line: 2)
            _ = try writer.write(try Self.accident(npa ? "npa:2026:58:101:0002" : "A2", "58101", "2025-05-20"), line: 3)
            return .commit(rejected: 0)
        }
        let counts = try store.stationMonthCounts(
            from: try #require(LocalDate(iso: "2025-04-01")), to: try #require(LocalDate(iso: "2025-06-30")),
            datasets: [.accidents])
        // NPA rows outside any release's coverage deliver nothing; own rows deliver their months.
        #expect(
            counts.map { "\($0.stationID) \($0.month) \($0.records)" }
                == (npa ? [] : ["58101 2025-04 1", "58101 2025-05 1"]))
    }
}
