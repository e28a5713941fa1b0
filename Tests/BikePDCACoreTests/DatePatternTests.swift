import Testing

@testable import BikePDCACore

@Suite("JapaneseDateParser: explicit patterns")
struct DatePatternTests {
    @Test(
        "patterns read the layout they describe",
        arguments: [
            ("yyyyMMdd", nil, "20250401", "2025-04-01"),
            ("yyyy/M/d", nil, "2025/4/1", "2025-04-01"),
            ("yyyy/M/d", nil, "2025/04/01", "2025-04-01"),
            ("M/d/yyyy", nil, "4/1/2025", "2025-04-01"),
            ("MM/dd/yyyy", nil, "04/01/2025", "2025-04-01"),
            ("d.M.yyyy", nil, "1.4.2025", "2025-04-01"),
            ("yy.M.d", nil, "25.4.1", "2025-04-01"),
            ("yy.M.d", JapaneseEra.reiwa, "07.4.1", "2025-04-01"),
            ("y.M.d", .reiwa, "7.4.1", "2025-04-01"),
            ("Gy.M.d", nil, "R7.4.1", "2025-04-01"),
            ("Gy年M月d日", nil, "令和元年5月1日", "2019-05-01"),
            ("yyyy年M月d日", nil, "２０２５年４月１日", "2025-04-01"),
            ("yyyy/M/d", nil, " 2025/4/1 0:00:00 ", "2025-04-01"),
            ("yyyy M d", nil, "2025  4 1", "2025-04-01"),
        ] as [(String, JapaneseEra?, String, String)])
    func patterns(pattern: String, era: JapaneseEra?, text: String, iso: String) throws {
        let options = DateParseOptions(pattern: pattern, defaultEra: era)
        #expect(try JapaneseDateParser.parseDate(text, options: options).description == iso)
    }

    @Test(
        "text that does not fit the pattern is rejected, naming the pattern",
        arguments: [
            ("M/d/yyyy", "2025/4/1"),
            ("yyyyMMdd", "2025-04-01"),
            ("yyyyMMdd", "2025041"),
            ("yyyy/M/d", "2025/4/1/"),
        ])
    func mismatches(pattern: String, text: String) {
        let options = DateParseOptions(pattern: pattern)
        let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate(text, options: options) }
        #expect(error?.expected == "a date in the form \(pattern)")
    }

    @Test("dates read by a pattern are still validated")
    func validation() {
        let options = DateParseOptions(pattern: "Gy.M.d")
        let error = #expect(throws: DateParseError.self) {
            try JapaneseDateParser.parseDate("H31.5.1", options: options)
        }
        #expect(error?.kind == .outsideEra)
        let us = DateParseOptions(pattern: "M/d/yyyy")
        let leap = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate("2/29/2025", options: us) }
        #expect(leap?.kind == .nonexistentDay)
    }

    @Test("malformed patterns are reported as such", arguments: ["yyyy/M", "M/d", "yyy/M/d", "yyyy/MMM/d"])
    func badPatterns(pattern: String) {
        let options = DateParseOptions(pattern: pattern)
        let error = #expect(throws: DateParseError.self) {
            try JapaneseDateParser.parseDate("2025/4/1", options: options)
        }
        #expect(error?.kind == .badPattern)
    }
}
