import BikePDCACore
import Foundation
import GRDB
import Store
import Testing

/// The station ids of Fukui's 2019 rows (prefecture 52; 警察署等コード read from the file by hand).
private let fukuiStations = ["059", "101", "103", "104", "105", "106", "107", "109", "111", "112", "113", "114"].map {
    "52" + $0
}

private func date(_ year: Int, _ month: Int, _ day: Int) -> LocalDate {
    LocalDate(year: year, month: month, day: day) ?? LocalDate(dayNumber: 0)
}

/// The accident station-months delivered in `year`.
private func delivered(_ store: RecordStore, _ year: Int) throws -> [StationMonthCount] {
    try store.stationMonthCounts(from: date(year, 1, 1), to: date(year, 12, 31), datasets: [.accidents])
}

@Suite("What an NPA release covers", .enabled(if: RealData.isPresent))
struct NPACoverageStoreTests {
    @Test("a release covers every station of its prefecture for the months of its year, and no other month")
    func releaseYear() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)], releaseYear: 2019)
        let covered = try delivered(test.store, 2019)
        #expect(covered.count == 12 * 12)
        #expect(Set(covered.map(\.stationID)) == Set(fukuiStations))
        // A covered month without a bicycle accident had none: it is delivered with zero records.
        let records = try test.queue().read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accidents WHERE date LIKE '2019-%'") ?? -1
        }
        #expect(covered.reduce(0) { $0 + $1.records } == records)
        // The 2018 rows of the file are late reports: they deliver no month of 2018.
        let late = try test.queue().read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accidents WHERE date LIKE '2018-%'") ?? -1
        }
        #expect(late > 0)
        #expect(try delivered(test.store, 2018).isEmpty)
    }

    @Test("importing the same release again records its coverage once")
    func reimport() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)], releaseYear: 2019)
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)], releaseYear: 2019)
        #expect(try delivered(test.store, 2019).count == 12 * 12)
        let rows = try test.queue().read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_coverage") ?? -1
        }
        #expect(rows == 12 * 12)
    }

    @Test("a station registered from the project's files keeps its name; the others take the code tables'")
    func registration() throws {
        let test = try TestStore()
        let request = ImportRequest(
            dataset: .stations, fileName: "stations.csv", sha256: "s", encoding: nil,
            importedAt: "2026-11-26 10:00:00")
        _ = try test.store.runImport(request) { writer in
            _ = try writer.write(Station(id: "52101", nameJA: "福井警察署", nameEN: "Fukui"), line: 2)
            return .commit(rejected: 0)
        }
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)], releaseYear: 2019)
        let stations = try test.store.stations()
        #expect(stations.map(\.id) == fukuiStations)
        #expect(stations.first { $0.id == "52101" }?.nameJA == "福井警察署")
        #expect(stations.first { $0.id == "52101" }?.nameEN == "Fukui")
        // 52105 is 坂井 in the NPA station code table.
        #expect(stations.first { $0.id == "52105" }?.nameJA == "坂井")
    }

    @Test("a database made before coverage was recorded gets its NPA stations and releases when opened")
    func migration() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)], releaseYear: 2019)
        // Back to the schema before the coverage migration: no table, no NPA stations.
        try test.queue().write { db in
            try db.execute(
                sql: """
                    DROP TABLE import_coverage;
                    DELETE FROM stations;
                    DELETE FROM grdb_migrations WHERE identifier = 'coverage: station-months each import covers';
                    """)
        }
        let reopened = try RecordStore(path: test.store.path)
        #expect(try reopened.stations().map(\.id) == fukuiStations)
        #expect(try delivered(reopened, 2019).count == 12 * 12)
        #expect(try delivered(reopened, 2018).isEmpty)
    }
}
