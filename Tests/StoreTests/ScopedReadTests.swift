import BikePDCACore
import Foundation
import Testing

@testable import Store

/// Reads limited to a prefecture or a station return the rows of those stations only, and the same rows as the
/// unscoped read filtered afterwards.
@Suite("Scoped reads of accidents' last date and of plans")
struct ScopedReadTests {
    /// Two prefectures (30 東京, 58 愛知); station 58101's accidents end later than 30101's.
    static let lastDates = ["30101": "2025-11-20", "30102": "2025-12-02", "58101": "2026-01-15"]

    static func store() throws -> RecordStore {
        let store = try RecordStore(path: try temporaryStorePath())
        let request = ImportRequest(
            dataset: .accidents, fileName: "a.csv", sha256: "a", encoding: "utf8", importedAt: "2026-11-27 09:00:00")
        _ = try store.runImport(request) { writer in
            var line = 2
            for (station, last) in lastDates.sorted(by: { $0.key < $1.key }) {
                for date in ["2025-04-01", "2025-08-15", last] {
                    let accident = Accident(
                        id: "A-\(station)-\(date)", date: try #require(LocalDate(iso: date)), time: nil,
                        stationID: station, zoneID: nil, location: nil, severity: .slight, bicycleRole: .partyA,
                        counterpart: .car, deaths: 0, injuries: 1)
                    _ = try writer.write(accident, line: line)
                    line += 1
                }
            }
            return .commit(rejected: 0)
        }
        let plans = ImportRequest(
            dataset: .plans, fileName: "p.csv", sha256: "p", encoding: "utf8", importedAt: "2026-11-27 09:00:00")
        _ = try store.runImport(plans) { writer in
            for (index, (station, period)) in [
                ("30101", "FY2025"), ("30102", "2025-10"), ("58101", "FY2025"), ("58101", "FY2024"),
            ].enumerated() {
                let plan = Plan(
                    period: try PlanPeriod.parse(period), stationID: station, department: .traffic, zoneID: nil,
                    plannedOperations: 10, plannedOfficerHours: 20, targetWarnings: nil, targetCitations: nil,
                    targetAccidentReductionPercent: nil)
                _ = try writer.write(plan, line: index + 2)
            }
            return .commit(rejected: 0)
        }
        return store
    }

    @Test("the latest accident date of every station, of a prefecture and of one station")
    func latestAccidentDate() throws {
        let store = try Self.store()
        #expect(try store.latestAccidentDate()?.description == "2026-01-15")
        #expect(try store.latestAccidentDate(scope: StationScope("30"))?.description == "2025-12-02")
        #expect(try store.latestAccidentDate(scope: StationScope(station: "30101"))?.description == "2025-11-20")
        #expect(try store.latestAccidentDate(scope: StationScope("13")) == nil)
    }

    @Test("plans overlapping a period, for every station and for one prefecture")
    func plans() throws {
        let store = try Self.store()
        let start = try #require(LocalDate(iso: "2025-09-01"))
        let end = try #require(LocalDate(iso: "2025-10-31"))
        let all = try store.plans(overlapping: start, end)
        #expect(all.map(\.stationID).sorted() == ["30101", "30102", "58101"])
        let tokyo = try store.plans(overlapping: start, end, scope: StationScope("30"))
        #expect(tokyo.map(\.stationID).sorted() == ["30101", "30102"])
        #expect(tokyo == all.filter { $0.stationID.hasPrefix("30") })
    }
}
