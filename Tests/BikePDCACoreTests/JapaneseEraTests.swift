import Testing

@testable import BikePDCACore

@Suite("Japanese eras (元号)")
struct JapaneseEraTests {
    @Test(
        "spans, initials and names",
        arguments: [
            (JapaneseEra.meiji, "明治", "M", "1868-10-23", "1912-07-30"),
            (.taisho, "大正", "T", "1912-07-30", "1926-12-25"),
            (.showa, "昭和", "S", "1926-12-25", "1989-01-07"),
            (.heisei, "平成", "H", "1989-01-08", "2019-04-30"),
            (.reiwa, "令和", "R", "2019-05-01", nil),
        ] as [(JapaneseEra, String, Character, String, String?)])
    func spans(era: JapaneseEra, kanji: String, initial: Character, first: String, last: String?) {
        #expect(era.kanji == kanji)
        #expect(era.rawValue == kanji)
        #expect(era.initial == initial)
        #expect(JapaneseEra(initial: initial) == era)
        #expect(JapaneseEra(initial: Character(initial.lowercased())) == era)
        #expect(era.firstDay.description == first)
        #expect(era.lastDay?.description == last)
    }

    @Test("元年 is year 1: 令和元年 = 2019, 令和7年 = 2025, 平成31年 = 2019, 昭和64年 = 1989")
    func yearConversion() {
        #expect(JapaneseEra.reiwa.gregorianYear(eraYear: 1) == 2019)
        #expect(JapaneseEra.reiwa.gregorianYear(eraYear: 7) == 2025)
        #expect(JapaneseEra.heisei.gregorianYear(eraYear: 31) == 2019)
        #expect(JapaneseEra.showa.gregorianYear(eraYear: 64) == 1989)
        #expect(JapaneseEra.reiwa.eraYear(ofGregorianYear: 2025) == 7)
    }

    @Test(
        "the era in force on a date, the later one on a shared boundary day",
        arguments: [
            ("2019-04-30", JapaneseEra.heisei), ("2019-05-01", .reiwa), ("1989-01-07", .showa),
            ("1989-01-08", .heisei), ("1926-12-25", .showa), ("1926-12-24", .taisho), ("1912-07-30", .taisho),
            ("1868-10-23", .meiji), ("1868-10-22", nil),
        ] as [(String, JapaneseEra?)])
    func containing(iso: String, era: JapaneseEra?) throws {
        let date = try #require(LocalDate(iso: iso))
        #expect(JapaneseEra.containing(date) == era)
    }

    @Test("dates are written with 元年 for the first year")
    func japaneseText() throws {
        #expect(try #require(LocalDate(iso: "2019-05-01")).japaneseEraText == "令和元年5月1日")
        #expect(try #require(LocalDate(iso: "2019-04-30")).japaneseEraText == "平成31年4月30日")
        #expect(try #require(LocalDate(iso: "2025-04-01")).japaneseEraText == "令和7年4月1日")
        #expect(try #require(LocalDate(iso: "1872-12-31")).japaneseEraText == nil)
    }
}
