import Testing

@testable import BikePDCACore

@Suite("JapaneseDateParser: dates")
struct DateParserTests {
    @Test(
        "every documented date form",
        arguments: [
            ("2025-04-01", "2025-04-01"),
            ("2025/4/1", "2025-04-01"),
            ("2025/04/01", "2025-04-01"),
            ("2025-4-1", "2025-04-01"),
            ("2025.4.1", "2025-04-01"),
            ("20250401", "2025-04-01"),
            ("2025年4月1日", "2025-04-01"),
            ("2025年04月01日", "2025-04-01"),
            ("2025年 4月 1日", "2025-04-01"),
            ("令和7年4月1日", "2025-04-01"),
            ("令和 7年 4月 1日", "2025-04-01"),
            ("令和元年5月1日", "2019-05-01"),
            ("令和1年5月1日", "2019-05-01"),
            ("R7.4.1", "2025-04-01"),
            ("R7/4/1", "2025-04-01"),
            ("R7-4-1", "2025-04-01"),
            ("R07.04.01", "2025-04-01"),
            ("r7.4.1", "2025-04-01"),
            ("R7年4月1日", "2025-04-01"),
            ("R元.5.1", "2019-05-01"),
            ("H31.4.30", "2019-04-30"),
            ("h31.4.30", "2019-04-30"),
            ("平成31年4月30日", "2019-04-30"),
            ("S64.1.7", "1989-01-07"),
            ("昭和64年1月7日", "1989-01-07"),
            ("大正15年12月25日", "1926-12-25"),
            ("T15.12.25", "1926-12-25"),
            ("明治45年7月30日", "1912-07-30"),
            ("M6.1.1", "1873-01-01"),
        ])
    func acceptedForms(text: String, iso: String) throws {
        #expect(try JapaneseDateParser.parseDate(text).description == iso)
    }

    @Test(
        "full-width text, surrounding spaces and era ligatures",
        arguments: [
            ("２０２５／４／１", "2025-04-01"),
            ("２０２５－０４－０１", "2025-04-01"),
            ("２０２５年４月１日", "2025-04-01"),
            ("Ｒ７．４．１", "2025-04-01"),
            ("ｒ７．４．１", "2025-04-01"),
            ("令和７年４月１日", "2025-04-01"),
            ("令和　７年　４月　１日", "2025-04-01"),
            ("㋿7年4月1日", "2025-04-01"),
            ("㍻31年4月30日", "2019-04-30"),
            ("  2025-04-01  ", "2025-04-01"),
            ("\u{3000}2025/4/1\u{3000}", "2025-04-01"),
            ("\t2025.4.1 ", "2025-04-01"),
            ("\u{3000}R7.4.1 ", "2025-04-01"),
        ])
    func fullWidthAndSpaces(text: String, iso: String) throws {
        #expect(try JapaneseDateParser.parseDate(text).description == iso)
    }

    @Test(
        "an Excel-style midnight time after the date is ignored",
        arguments: [
            "2025/04/01 0:00:00", "2025/4/1 0:00", "2025-04-01 00:00:00", "2025-04-01T00:00:00", "R7.4.1 0:00",
            "2025年4月1日 0:00", "２０２５／０４／０１　０：００：００",
        ])
    func midnightSuffix(text: String) throws {
        #expect(try JapaneseDateParser.parseDate(text).description == "2025-04-01")
    }

    @Test("a Substring parses like a String")
    func substring() throws {
        let line = "A1,2025/4/1,福井"
        let cell = line.split(separator: ",")[1]
        #expect(try JapaneseDateParser.parseDate(cell).description == "2025-04-01")
        let wide = "x,令和7年4月1日,y".split(separator: ",")[1]
        #expect(try JapaneseDateParser.parseDate(wide).description == "2025-04-01")
    }

    // Each era's first and last day parse, and the day beyond each end is rejected as outside the era.
    @Test(
        "era boundaries: first and last days are valid",
        arguments: [
            ("平成元年1月8日", "1989-01-08"),
            ("H1.1.8", "1989-01-08"),
            ("平成31年4月30日", "2019-04-30"),
            ("令和元年5月1日", "2019-05-01"),
            ("R1.5.1", "2019-05-01"),
            ("昭和元年12月25日", "1926-12-25"),
            ("昭和64年1月7日", "1989-01-07"),
            ("令和99年12月31日", "2117-12-31"),
        ])
    func eraBoundariesValid(text: String, iso: String) throws {
        #expect(try JapaneseDateParser.parseDate(text).description == iso)
    }

    @Test(
        "era boundaries: the day outside each end is an error naming the boundary",
        arguments: [
            ("平成31年5月1日", "平成 ended on 2019-04-30 (平成31年4月30日)"),
            ("H31.5.1", "平成 ended on 2019-04-30 (平成31年4月30日)"),
            ("平成32年1月1日", "平成 ended on 2019-04-30 (平成31年4月30日)"),
            ("平成元年1月7日", "平成 began on 1989-01-08 (平成元年1月8日)"),
            ("令和1年4月30日", "令和 began on 2019-05-01 (令和元年5月1日)"),
            ("令和元年4月30日", "令和 began on 2019-05-01 (令和元年5月1日)"),
            ("R1.4.30", "令和 began on 2019-05-01 (令和元年5月1日)"),
            ("昭和64年1月8日", "昭和 ended on 1989-01-07 (昭和64年1月7日)"),
            ("昭和元年12月24日", "昭和 began on 1926-12-25 (昭和元年12月25日)"),
            ("明治5年12月1日", "lunisolar"),
        ])
    func eraBoundariesInvalid(text: String, reason: String) {
        let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate(text) }
        #expect(error?.kind == .outsideEra)
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
    }

    @Test("year 0 of an era does not exist", arguments: ["令和0年4月1日", "R0.4.1", "平成0年1月8日"])
    func eraYearZero(text: String) {
        let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate(text) }
        #expect(error?.kind == .outsideEra)
        #expect(error?.reason.contains("元年") == true)
    }

    @Test("leap days: 2024-02-29 and 2000-02-29 exist, 2100-02-29 and 2025-02-29 do not")
    func leapDays() throws {
        #expect(try JapaneseDateParser.parseDate("2024-02-29").description == "2024-02-29")
        #expect(try JapaneseDateParser.parseDate("2000/2/29").description == "2000-02-29")
        #expect(try JapaneseDateParser.parseDate("R6.2.29").description == "2024-02-29")
        for text in ["2100-02-29", "2025-02-29", "R7.2.29", "平成31年2月29日"] {
            let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate(text) }
            #expect(error?.kind == .nonexistentDay, "\(text)")
        }
    }

    @Test(
        "impossible and malformed dates are errors with a specific reason",
        arguments: [
            ("2025-02-29", DateParseError.Kind.nonexistentDay, "2025-02-29 does not exist: 2025-02 has 28 days"),
            ("2025-04-31", .nonexistentDay, "2025-04-31 does not exist: 2025-04 has 30 days"),
            ("20250431", .nonexistentDay, "2025-04-31 does not exist"),
            ("令和7年2月29日", .nonexistentDay, "令和7年2月29日 (2025-02-29) does not exist"),
            ("R7/13/40", .outOfRange, "month 13 is out of range (1–12)"),
            ("2025-00-10", .outOfRange, "month 0 is out of range"),
            ("2025-04-32", .outOfRange, "day 32 is out of range (1–31)"),
            ("2025-04-00", .outOfRange, "day 0 is out of range"),
            ("0000-01-01", .outOfRange, "year 0 is out of range"),
            ("7/4/1", .ambiguous, "year 7 has no era"),
            ("25/4/1", .ambiguous, "year 25 has no era"),
            ("2025-04", .wrongKind, "the day is missing"),
            ("2025年4月", .wrongKind, "the day is missing"),
            ("2025", .wrongKind, "this is a year"),
            ("2025年度", .wrongKind, "fiscal year"),
            ("2025/04/01 9:30", .wrongKind, "a time of day (09:30) follows the date"),
            ("45748", .unrecognized, "Excel date serial number"),
            ("2025/4-1", .unrecognized, "not a recognised date form"),
            ("2025年4月1", .unrecognized, "日 is missing"),
            ("2025-04-01x", .unrecognized, "unexpected text after the date"),
            ("April 1, 2025", .unrecognized, "not a recognised date form"),
            ("", .unrecognized, "not a recognised date form"),
            ("   ", .unrecognized, "not a recognised date form"),
            ("R123.4.1", .outOfRange, "令和 year 123 is out of range"),
            ("X7.4.1", .unrecognized, "not a recognised date form"),
        ])
    func errors(text: String, kind: DateParseError.Kind, reason: String) {
        let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate(text) }
        #expect(error?.kind == kind, "\(error?.reason ?? "no error")")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
        #expect(error?.expected == DateParseError.expectedForms)
    }

    @Test("the error reads well inside a compiler-style diagnostic")
    func diagnosticText() {
        let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseDate("R7/13/40") }
        let message = "invalid date \"R7/13/40\" in column 発生日: \(error?.description ?? "")"
        #expect(
            message
                == "invalid date \"R7/13/40\" in column 発生日: month 13 is out of range (1–12) (expected a date such "
                + "as 2025-04-01, 2025/4/1, 20250401, 2025年4月1日, 令和7年4月1日, 令和元年5月1日 or R7.4.1)")
    }

    @Test(
        "a default era turns bare years into era years",
        arguments: [
            ("7/4/1", JapaneseEra.reiwa, "2025-04-01"),
            ("7.4.1", .reiwa, "2025-04-01"),
            ("7年4月1日", .reiwa, "2025-04-01"),
            ("元年5月1日", .reiwa, "2019-05-01"),
            ("31/4/30", .heisei, "2019-04-30"),
            ("2025/4/1", .reiwa, "2025-04-01"),  // four-digit years stay Gregorian
            ("H31.4.30", .reiwa, "2019-04-30"),  // an explicit era wins
        ])
    func defaultEra(text: String, era: JapaneseEra, iso: String) throws {
        let options = DateParseOptions(defaultEra: era)
        #expect(try JapaneseDateParser.parseDate(text, options: options).description == iso)
    }

    @Test("a default era still checks the era's span")
    func defaultEraChecksSpan() {
        let options = DateParseOptions(defaultEra: .heisei)
        let error = #expect(throws: DateParseError.self) {
            try JapaneseDateParser.parseDate("31/5/1", options: options)
        }
        #expect(error?.kind == .outsideEra)
    }
}

@Suite("JapaneseDateParser: fast path and full grammar agree")
struct DateParserConsistencyTests {
    // LocalDate(year:month:day:) is the oracle: every written form of every (valid or invalid) date must parse
    // exactly when it exists. ASCII text takes the byte-level fast path; the full-width copy of the same text
    // goes through normalisation and the full grammar.
    @Test("every day 0…32 of months 0…13 in leap and common years", arguments: [1900, 2000, 2024, 2025, 2100])
    func sweep(year: Int) {
        var mismatches: [String] = []
        for month in 0...13 {
            for day in 0...32 {
                let expected = LocalDate(year: year, month: month, day: day)
                let m2 = month < 10 ? "0\(month)" : "\(month)"
                let d2 = day < 10 ? "0\(day)" : "\(day)"
                let forms = [
                    "\(year)-\(m2)-\(d2)", "\(year)/\(month)/\(day)", "\(year).\(month).\(day)", "\(year)\(m2)\(d2)",
                    "\(year)年\(month)月\(day)日",
                ]
                for text in forms {
                    for variant in [text, Self.fullWidth(text)] {
                        let parsed = try? JapaneseDateParser.parseDate(variant)
                        if parsed != expected { mismatches.append(variant) }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    static func fullWidth(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    (0x21...0x7E).contains(scalar.value) ? Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar : scalar
                }))
    }
}
