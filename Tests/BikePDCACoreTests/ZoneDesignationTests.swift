import Testing

@testable import BikePDCACore

/// A zone's designation interval (指定期間) and "in force during a period", the rule every analysis asks.
@Suite("Zone designation: in force, lifted")
struct ZoneDesignationTests {
    static func zone(from: String, to: String?) throws -> Zone {
        Zone(
            id: "58102-R01", kind: .route, stationID: "58102", name: "臨港道路線",
            designatedFrom: try JapaneseDateParser.parseDate(from),
            designatedTo: try to.map { try JapaneseDateParser.parseDate($0) }, reason: nil, geometry: nil,
            bufferMetres: nil)
    }

    static func date(_ text: String) throws -> LocalDate { try JapaneseDateParser.parseDate(text) }

    @Test("the days in force are the overlap of the designation and the span, both ends included")
    func daysInForce() throws {
        let lifted = try Self.zone(from: "2023-04-01", to: "2024-09-30")
        #expect(
            lifted.daysInForce(from: try Self.date("2024-04-01"), to: try Self.date("2025-03-31"))
                == (try Self.date("2024-04-01"))...(try Self.date("2024-09-30")))
        // The last day of the designation is in force, the day after is not.
        #expect(lifted.daysInForce(from: try Self.date("2024-09-30"), to: try Self.date("2024-09-30")) != nil)
        #expect(lifted.daysInForce(from: try Self.date("2024-10-01"), to: try Self.date("2025-03-31")) == nil)
        // Before the first day: none; an open designation runs to the end of the span.
        let open = try Self.zone(from: "2025-06-15", to: nil)
        #expect(open.daysInForce(from: try Self.date("2025-04-01"), to: try Self.date("2025-06-14")) == nil)
        #expect(
            open.daysInForce(from: try Self.date("2025-04-01"), to: try Self.date("2026-03-31"))
                == (try Self.date("2025-06-15"))...(try Self.date("2026-03-31")))
    }

    @Test("in force during a period and lifted before it, as the reports use them")
    func inForceAndLifted() throws {
        let lifted = try Self.zone(from: "2023-04-01", to: "2024-09-30")
        let fiscal2024 = try ReportingPeriod.parse("FY2024")
        let fiscal2025 = try ReportingPeriod.parse("FY2025")
        #expect(lifted.isInForce(during: fiscal2024))
        #expect(!lifted.isLifted(before: fiscal2024))
        #expect(!lifted.isInForce(during: fiscal2025))
        #expect(lifted.isLifted(before: fiscal2025))
        // Designated after the period: not in force, but not lifted either.
        let later = try Self.zone(from: "2026-04-01", to: nil)
        #expect(!later.isInForce(during: fiscal2025))
        #expect(!later.isLifted(before: fiscal2025))
    }
}

/// The station × month key (署 × 月) and the months delivered per dataset.
@Suite("Station-month keys")
struct StationMonthTests {
    @Test("the key prints as `station month`, orders by station then month, and counts as delivered per dataset")
    func keys() {
        let april = StationMonth(stationID: "58101", month: YearMonth(year: 2025, month: 4))
        let may = StationMonth(stationID: "58101", month: YearMonth(year: 2025, month: 5))
        let other = StationMonth(stationID: "58102", month: YearMonth(year: 2025, month: 4))
        #expect(april.description == "58101 2025-04")
        #expect([other, may, april].sorted() == [april, may, other])
        let delivered = DeliveredMonths([
            StationMonthCount(dataset: .enforcement, stationID: "58101", month: april.month, records: 12)
        ])
        #expect(delivered.contains(.enforcement, april))
        #expect(!delivered.contains(.accidents, april))
        #expect(!delivered.contains(.enforcement, may))
    }
}
