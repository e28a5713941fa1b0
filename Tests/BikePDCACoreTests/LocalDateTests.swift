import Testing

@testable import BikePDCACore

@Suite("LocalDate, YearMonth and LocalTime")
struct LocalDateTests {
    // Expected day numbers and ISO weekdays computed independently with Python:
    //   (datetime.date(y, m, d) - datetime.date(1970, 1, 1)).days, datetime.date(y, m, d).isoweekday()
    @Test(
        "dayNumber and isoWeekday match an independent computation",
        arguments: [
            (2026, 4, 1, 20_544, 3),  // the blue-ticket start date, a Wednesday
            (2000, 2, 29, 11_016, 2),
            (1969, 12, 31, -1, 3),
            (1970, 1, 1, 0, 4),
            (1900, 3, 1, -25_508, 4),
            (2019, 5, 1, 18_017, 3),
            (2024, 2, 29, 19_782, 4),
            (1, 1, 1, -719_162, 1),
            (9999, 12, 31, 2_932_896, 5),
        ])
    func dayNumberAndWeekday(year: Int, month: Int, day: Int, dayNumber: Int, weekday: Int) throws {
        let date = try #require(LocalDate(year: year, month: month, day: day))
        #expect(date.dayNumber == dayNumber)
        #expect(date.isoWeekday == weekday)
        #expect(LocalDate(dayNumber: dayNumber) == date)
    }

    @Test("dayNumber round-trips through init(dayNumber:) for every day of 1899–2102, in order")
    func roundTrip() {
        let first = -25_932  // 1899-01-01, per Python
        let last = 48_576  // 2102-12-31, per Python
        #expect(LocalDate(dayNumber: first).description == "1899-01-01")
        #expect(LocalDate(dayNumber: last).description == "2102-12-31")
        var failures: [Int] = []
        var previous = LocalDate(dayNumber: first - 1)
        for number in first...last {
            let date = LocalDate(dayNumber: number)
            if date.dayNumber != number || !(previous < date) || previous.adding(days: 1) != date {
                failures.append(number)
            }
            previous = date
        }
        #expect(failures.isEmpty)
    }

    @Test(
        "adding(days:) crosses months, years and leap days",
        arguments: [
            ("2025-03-31", 1, "2025-04-01"),
            ("2024-02-28", 1, "2024-02-29"),
            ("2025-02-28", 1, "2025-03-01"),
            ("2025-12-31", 1, "2026-01-01"),
            ("2026-04-01", -366, "2025-03-31"),
            ("2026-04-01", 0, "2026-04-01"),
        ])
    func addingDays(from: String, days: Int, to: String) throws {
        let start = try #require(LocalDate(iso: from))
        #expect(start.adding(days: days).description == to)
    }

    @Test("leap years follow the Gregorian rule")
    func leapYears() {
        #expect(LocalDate.isLeapYear(2024))
        #expect(LocalDate.isLeapYear(2000))
        #expect(!LocalDate.isLeapYear(2100))
        #expect(!LocalDate.isLeapYear(2025))
        #expect(LocalDate(year: 2024, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test(
        "fiscal year (年度) runs April to March",
        arguments: [(2025, 4, 2025), (2026, 3, 2025), (2026, 1, 2025), (2025, 12, 2025), (2025, 3, 2024)])
    func fiscalYear(year: Int, month: Int, fiscal: Int) {
        #expect(YearMonth(year: year, month: month).fiscalYear == fiscal)
    }

    @Test(
        "YearMonth.adding(months:) wraps years in both directions",
        arguments: [
            (2025, 4, 9, "2026-01"), (2025, 1, -1, "2024-12"), (2025, 12, 1, "2026-01"), (2025, 4, -16, "2023-12"),
            (2025, 4, 0, "2025-04"),
        ])
    func addingMonths(year: Int, month: Int, count: Int, expected: String) {
        #expect(YearMonth(year: year, month: month).adding(months: count).description == expected)
    }

    @Test("month boundaries and month arithmetic")
    func monthDays() {
        let february = YearMonth(year: 2024, month: 2)
        #expect(february.firstDay.description == "2024-02-01")
        #expect(february.lastDay.description == "2024-02-29")
        #expect(YearMonth(year: 2025, month: 4).months(to: YearMonth(year: 2026, month: 3)) == 11)
    }

    @Test("LocalTime prints HH:MM, adding seconds only when non-zero")
    func timeDescription() throws {
        #expect(try #require(LocalTime(hour: 9, minute: 5)).description == "09:05")
        #expect(try #require(LocalTime(hour: 23, minute: 59, second: 7)).description == "23:59:07")
        #expect(LocalTime(hour: 24, minute: 0) == nil)
    }
}

@Suite("Reading the stored ISO forms")
struct ISOFormTests {
    @Test("every day from 1989 to 2040 reads back from its YYYY-MM-DD, and every month from its YYYY-MM")
    func roundTrip() throws {
        let first = try #require(LocalDate(year: 1989, month: 1, day: 1)).dayNumber
        let last = try #require(LocalDate(year: 2040, month: 12, day: 31)).dayNumber
        var months = 0
        for number in first...last {
            let date = LocalDate(dayNumber: number)
            #expect(LocalDate(iso: date.description) == date)
            if date.day == 1 {
                #expect(YearMonth(iso: date.yearMonth.description) == date.yearMonth)
                months += 1
            }
        }
        #expect(months == 52 * 12)
    }

    @Test(
        "dates that do not exist are refused, and looser spellings still go through the general reading",
        arguments: [
            ("2025-02-29", nil), ("2024-02-29", "2024-02-29"), ("2025-04-31", nil), ("2025-00-10", nil),
            ("2025-4-1", "2025-04-01"), ("2025-04-1", "2025-04-01"), ("2025/04/01", nil), ("2025-04-01 ", nil),
            ("20250401", nil), ("", nil), ("2025-04-0x", nil),
        ] as [(String, String?)])
    func dates(text: String, expected: String?) {
        #expect(LocalDate(iso: text)?.description == expected)
    }

    @Test(
        "months outside 1–12 are refused; a one-digit month still reads",
        arguments: [
            ("2025-13", nil), ("2025-00", nil), ("2025-12", "2025-12"), ("2025-4", "2025-04"),
            ("25-04", nil),
        ] as [(String, String?)])
    func months(text: String, expected: String?) {
        #expect(YearMonth(iso: text)?.description == expected)
    }
}
