import Testing

@testable import BikePDCACore

@Suite("ReportingPeriod")
struct ReportingPeriodTests {
    // Day counts computed independently with Python: (date(end) - date(start)).days + 1.
    @Test(
        "single periods: spans, labels and day counts",
        arguments: [
            ("2025-04", "2025-04-01", "2025-04-30", "2025-04", 30),
            ("R7.4", "2025-04-01", "2025-04-30", "2025-04", 30),
            ("2024年2月", "2024-02-01", "2024-02-29", "2024-02", 29),
            ("FY2025Q1", "2025-04-01", "2025-06-30", "FY2025Q1", 91),
            ("令和7年度第4四半期", "2026-01-01", "2026-03-31", "FY2025Q4", 90),
            ("FY2025", "2025-04-01", "2026-03-31", "FY2025", 365),
            ("令和7年度", "2025-04-01", "2026-03-31", "FY2025", 365),
            ("R7年度", "2025-04-01", "2026-03-31", "FY2025", 365),
            ("2025年度", "2025-04-01", "2026-03-31", "FY2025", 365),
            ("2025", "2025-01-01", "2025-12-31", "CY2025", 365),
            ("CY2024", "2024-01-01", "2024-12-31", "CY2024", 366),
            ("2025年", "2025-01-01", "2025-12-31", "CY2025", 365),
            ("令和6年", "2024-01-01", "2024-12-31", "CY2024", 366),
            ("令和6年中", "2024-01-01", "2024-12-31", "CY2024", 366),
            ("令和元年", "2019-01-01", "2019-12-31", "CY2019", 365),
            ("CY2025Q2", "2025-04-01", "2025-06-30", "CY2025Q2", 91),
            ("CY2025Q1", "2025-01-01", "2025-03-31", "CY2025Q1", 90),
            ("2025-04-01", "2025-04-01", "2025-04-01", "2025-04-01", 1),
            ("令和7年4月1日", "2025-04-01", "2025-04-01", "2025-04-01", 1),
        ])
    func single(text: String, start: String, end: String, label: String, days: Int) throws {
        let period = try ReportingPeriod.parse(text)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.label == label)
        #expect(period.dayCount == days)
    }

    @Test(
        "ranges: either side in any accepted form, joined by .., ~ or 〜",
        arguments: [
            ("2025-04-01..2025-09-30", "2025-04-01", "2025-09-30", "2025-04-01..2025-09-30", 183),
            ("2025/4/1〜2025/9/30", "2025-04-01", "2025-09-30", "2025-04-01..2025-09-30", 183),
            ("令和7年4月1日～令和7年9月30日", "2025-04-01", "2025-09-30", "2025-04-01..2025-09-30", 183),
            ("R7.4.1 ~ R7.9.30", "2025-04-01", "2025-09-30", "2025-04-01..2025-09-30", 183),
            ("2025.4.1..2025.9.30", "2025-04-01", "2025-09-30", "2025-04-01..2025-09-30", 183),
            ("20250401..20250930", "2025-04-01", "2025-09-30", "2025-04-01..2025-09-30", 183),
            ("2025-04..2025-09", "2025-04-01", "2025-09-30", "2025-04..2025-09", 183),
            ("2025年4月〜2025年9月", "2025-04-01", "2025-09-30", "2025-04..2025-09", 183),
            ("FY2024..FY2025", "2024-04-01", "2026-03-31", "FY2024..FY2025", 730),
            ("2025-04-01..2025-04-01", "2025-04-01", "2025-04-01", "2025-04-01..2025-04-01", 1),
        ])
    func ranges(text: String, start: String, end: String, label: String, days: Int) throws {
        let period = try ReportingPeriod.parse(text)
        #expect(period.start.description == start)
        #expect(period.end.description == end)
        #expect(period.label == label)
        #expect(period.dayCount == days)
    }

    @Test(
        "errors",
        arguments: [
            ("2025Q2", DateParseError.Kind.ambiguous, "write CY2025Q2"),
            ("2025-09..2025-04", .outOfRange, "the range ends (2025-04-30) before it starts (2025-09-01)"),
            ("2025-04..", .unrecognized, "the range has no end"),
            ("..2025-04", .unrecognized, "the range has no start"),
            ("2025-04-01..2025-02-30", .nonexistentDay, "2025-02-30 does not exist"),
            ("令和元年4月", .outsideEra, "令和 began on 2019-05-01"),
            ("平成32年", .outsideEra, "平成 ended on 2019-04-30"),
            ("CY2025Q0", .outOfRange, "quarter 0"),
            ("R7", .unrecognized, "年, 年度 or a month must follow the year"),
        ])
    func errors(text: String, kind: DateParseError.Kind, reason: String) {
        let error = #expect(throws: DateParseError.self) { try ReportingPeriod.parse(text) }
        #expect(error?.kind == kind, "\(error?.reason ?? "no error")")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
        #expect(error?.expected == DateParseError.expectedReportingPeriodForms)
    }

    @Test("months lists every month touched, partial ones included")
    func months() throws {
        let range = try ReportingPeriod.parse("2025-03-15..2025-06-01")
        #expect(range.months.map(\.description) == ["2025-03", "2025-04", "2025-05", "2025-06"])
        #expect(try ReportingPeriod.parse("FY2025").months.count == 12)
        #expect(try ReportingPeriod.parse("2025-04-01").months.map(\.description) == ["2025-04"])
    }

    @Test("contains includes both ends")
    func contains() throws {
        let period = try ReportingPeriod.parse("FY2025Q1")
        #expect(period.contains(try #require(LocalDate(iso: "2025-04-01"))))
        #expect(period.contains(try #require(LocalDate(iso: "2025-06-30"))))
        #expect(!period.contains(try #require(LocalDate(iso: "2025-03-31"))))
        #expect(!period.contains(try #require(LocalDate(iso: "2025-07-01"))))
    }

    @Test(
        "the same span a year earlier keeps the shape and relabels it",
        arguments: [
            ("FY2025", "2024-04-01", "2025-03-31", "FY2024"),
            ("FY2025Q4", "2025-01-01", "2025-03-31", "FY2024Q4"),
            ("CY2025Q2", "2024-04-01", "2024-06-30", "CY2024Q2"),
            ("2025", "2024-01-01", "2024-12-31", "CY2024"),
            ("2024-02", "2023-02-01", "2023-02-28", "2023-02"),
            ("2025-02", "2024-02-01", "2024-02-29", "2024-02"),
            ("2025-04-01..2025-09-30", "2024-04-01", "2024-09-30", "2024-04-01..2024-09-30"),
            ("2024-01-01..2024-02-29", "2023-01-01", "2023-02-28", "2023-01-01..2023-02-28"),
            ("2025-04..2025-09", "2024-04-01", "2024-09-30", "2024-04..2024-09"),
            ("FY2024..FY2025", "2023-04-01", "2025-03-31", "FY2023..FY2024"),
            ("2025-04-01", "2024-04-01", "2024-04-01", "2024-04-01"),
        ])
    func previousYear(text: String, start: String, end: String, label: String) throws {
        let previous = try ReportingPeriod.parse(text).sameSpanPreviousYear()
        #expect(previous.start.description == start)
        #expect(previous.end.description == end)
        #expect(previous.label == label)
    }

    @Test(
        "every label reads back as the same span, years before 1000 included",
        arguments: ["0001", "0999年度", "CY0999Q2", "FY0005Q4", "0999-04..FY1000", "2025-04-01..FY2025"])
    func labelsReadBack(text: String) throws {
        // Found by the fuzzer (Fuzz/Regressions/DatesFuzz-three-digit-year-label): "0001" was labelled CY1.
        let period = try ReportingPeriod.parse(text)
        let back = try ReportingPeriod.parse(period.label)
        #expect(back.start == period.start)
        #expect(back.end == period.end)
    }

    @Test("year 9999 is out of range in every form, the compact date included", arguments: ["99990201", "9999-02-01"])
    func lastYear(text: String) throws {
        // Found by the fuzzer (Fuzz/Regressions/DatesFuzz-compact-date-in-9999): 99990201 was a period whose
        // label 9999-02-01 was refused.
        #expect(throws: DateParseError.self) { try ReportingPeriod.parse(text) }
    }

    @Test("a plan period converts with the same span and label")
    func fromPlanPeriod() throws {
        let plan = try PlanPeriod.parse("令和7年度第1四半期")
        let period = ReportingPeriod(plan)
        #expect(period == (try ReportingPeriod.parse("FY2025Q1")))
        #expect(period.sameSpanPreviousYear().label == "FY2024Q1")
    }

    @Test("a hand-made period compares by start, end and label")
    func handMade() throws {
        let start = try #require(LocalDate(iso: "2025-04-01"))
        let end = try #require(LocalDate(iso: "2025-04-30"))
        #expect(ReportingPeriod(start: start, end: end, label: "2025-04") == (try ReportingPeriod.parse("2025-04")))
        let custom = ReportingPeriod(start: start, end: end, label: "四月")
        #expect(custom.sameSpanPreviousYear().label == "2024-04-01..2024-04-30")
    }
}
