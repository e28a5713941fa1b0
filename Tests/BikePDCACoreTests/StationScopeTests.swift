import BikePDCACore
import Testing

@Suite("Station scopes by NPA prefecture code")
struct StationScopeTests {
    @Test("one code covers its stations and no other")
    func oneCode() throws {
        let tokyo = try #require(StationScope("30"))
        #expect(tokyo.contains("30101") && tokyo.contains("30999"))
        #expect(!tokyo.contains("29999") && !tokyo.contains("31000") && !tokyo.contains("3"))
        #expect(tokyo.lowerBound == "30000" && tokyo.upperBound == "31000" && tokyo.description == "30")
    }

    @Test("a run of codes: 北海道's five areas")
    func run() throws {
        let hokkaido = try #require(StationScope("10-14"))
        #expect(hokkaido.contains("10101") && hokkaido.contains("14501"))
        #expect(!hokkaido.contains("20101") && !hokkaido.contains("09999"))
        #expect(hokkaido.description == "10-14")
        let okinawa = try #require(StationScope("97-99"))
        #expect(okinawa.contains("99999"))
    }

    @Test("one station covers that station only, not the ids it is a prefix of nor its neighbours")
    func oneStation() {
        let station = StationScope(station: "30101")
        #expect(station.contains("30101"))
        #expect(!station.contains("30102") && !station.contains("30100") && !station.contains("301010"))
        #expect(!station.contains("3010") && !station.contains("30101 "))
        #expect(station.description == "30101")
    }

    @Test("anything else is refused", arguments: ["", "3", "300", "tokyo", "14-10", "00", "10-", "-14", "３０"])
    func refused(_ text: String) {
        #expect(StationScope(text) == nil)
    }
}

@Suite("Fiscal year to date")
struct FiscalYearToDateTests {
    @Test(
        "from 1 April of the date's fiscal year; the year before is the same days",
        arguments: [
            ("2026-11-15", "2026-04-01", "2025-04-01", "2025-11-15"),
            ("2027-01-31", "2026-04-01", "2025-04-01", "2026-01-31"),
            ("2026-04-01", "2026-04-01", "2025-04-01", "2025-04-01"),
            ("2024-02-29", "2023-04-01", "2022-04-01", "2023-02-28"),
        ])
    func span(through: String, start: String, lastYearStart: String, lastYearEnd: String) throws {
        let date = try #require(LocalDate(iso: through))
        let period = ReportingPeriod.fiscalYearToDate(through: date)
        #expect(period.start.description == start && period.end == date)
        let lastYear = period.sameSpanPreviousYear()
        #expect(lastYear.start.description == lastYearStart && lastYear.end.description == lastYearEnd)
    }
}

@Suite("An optional station scope")
struct OptionalStationScopeTests {
    @Test("no scope includes every station; a scope only its prefecture's")
    func includes() {
        let none: StationScope? = nil
        let tokyo = StationScope("30")
        #expect(tokyo != nil)
        #expect(none.includes("30101") && none.includes("01101"))
        #expect(tokyo.includes("30101") && tokyo.includes("30999"))
        #expect(!tokyo.includes("31101") && !tokyo.includes("29999"))
    }
}
