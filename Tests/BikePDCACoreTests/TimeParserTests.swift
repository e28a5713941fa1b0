import Testing

@testable import BikePDCACore

@Suite("JapaneseDateParser: times")
struct TimeParserTests {
    @Test(
        "every documented time form",
        arguments: [
            ("09:05", 9, 5, 0),
            ("9:05", 9, 5, 0),
            ("09:05:30", 9, 5, 30),
            ("9:05:30", 9, 5, 30),
            ("0905", 9, 5, 0),
            ("905", 9, 5, 0),
            ("2359", 23, 59, 0),
            ("090530", 9, 5, 30),
            ("9時5分", 9, 5, 0),
            ("9時05分", 9, 5, 0),
            ("9時", 9, 0, 0),
            ("9時半", 9, 30, 0),
            ("9時5分30秒", 9, 5, 30),
            ("00:00", 0, 0, 0),
            ("0:00:00", 0, 0, 0),
            ("23:59:59", 23, 59, 59),
            ("０９：０５", 9, 5, 0),
            ("９時５分", 9, 5, 0),
            (" 09:05 ", 9, 5, 0),
            ("\u{3000}9:05\u{3000}", 9, 5, 0),
        ])
    func acceptedForms(text: String, hour: Int, minute: Int, second: Int) throws {
        let time = try JapaneseDateParser.parseTime(text)
        #expect(time == LocalTime(hour: hour, minute: minute, second: second))
    }

    @Test(
        "impossible and malformed times are errors",
        arguments: [
            ("24:00", DateParseError.Kind.outOfRange, "hour 24 is out of range (0–23)"),
            ("2400", .outOfRange, "hour 24"),
            ("24時", .outOfRange, "hour 24"),
            ("09:60", .outOfRange, "minute 60 is out of range (0–59)"),
            ("09:05:60", .outOfRange, "second 60 is out of range (0–59)"),
            ("9:5", .unrecognized, "two digits"),
            ("9", .unrecognized, "has no minutes"),
            ("9時5", .unrecognized, "分 is missing"),
            ("09:05 PM", .unrecognized, "unexpected text after the time"),
            ("", .unrecognized, "no time found"),
            ("noon", .unrecognized, "no time found"),
        ])
    func errors(text: String, kind: DateParseError.Kind, reason: String) {
        let error = #expect(throws: DateParseError.self) { try JapaneseDateParser.parseTime(text) }
        #expect(error?.kind == kind, "\(error?.reason ?? "no error")")
        #expect(error?.reason.contains(reason) == true, "\(error?.reason ?? "no error")")
        #expect(error?.expected == DateParseError.expectedTimeForms)
    }
}
