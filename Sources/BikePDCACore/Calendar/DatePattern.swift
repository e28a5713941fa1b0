/// Reads a date by an explicit layout (``DateParseOptions/pattern``), such as `yyyyMMdd` or `M/d/yyyy`.
enum DatePattern {
    static func parse(
        _ cursor: inout ByteCursor, pattern: String, defaultEra: JapaneseEra?
    ) throws(DateParseError) -> LocalDate {
        var layoutText = pattern
        let result = layoutText.withUTF8 { layout in
            Result { () throws(DateParseError) -> LocalDate in
                try parse(&cursor, layout: layout, pattern: pattern, defaultEra: defaultEra)
            }
        }
        switch result {
        case .success(let date): return date
        case .failure(let error) where error.kind == .badPattern: throw error
        case .failure(let error):
            throw DateParseError(error.kind, error.reason, expected: "a date in the form \(pattern)")
        }
    }

    private static func parse(
        _ cursor: inout ByteCursor, layout: UnsafeBufferPointer<UInt8>, pattern: String, defaultEra: JapaneseEra?
    ) throws(DateParseError) -> LocalDate {
        try validate(layout, pattern)
        var year: Digits?
        var yearWidth = 0
        var era: JapaneseEra?
        var month: Int?
        var day: Int?
        cursor.skipSpaces()
        var i = 0
        while i < layout.count {
            let letter = layout[i]
            var width = 1
            while i + width < layout.count, layout[i + width] == letter { width += 1 }
            switch letter {
            case UInt8(ascii: "y"):
                if era != nil, cursor.consume(Glyph.gannen) {
                    year = Digits(value: 1, count: 1)
                } else {
                    year = try field(&cursor, width == 1 ? 1...4 : width...width, "year")
                }
                yearWidth = width
            case UInt8(ascii: "M"):
                month = try field(&cursor, width == 1 ? 1...2 : 2...2, "month").value
            case UInt8(ascii: "d"):
                day = try field(&cursor, width == 1 ? 1...2 : 2...2, "day").value
            case UInt8(ascii: "G"):
                cursor.skipSpaces()
                guard let written = cursor.era() else {
                    throw DateParseError(.unrecognized, "an era (令和, R, …) is expected where the pattern has G")
                }
                era = written
                cursor.skipSpaces()
            case UInt8(ascii: " "):
                // One space in the pattern stands for any run of spaces (full-width ones included).
                guard cursor.skipSpaces() else { throw mismatch(pattern) }
            default:
                width = 1
                guard cursor.consume(letter) else { throw mismatch(pattern) }
            }
            i += width
        }
        guard let year, let month, let day else { throw mismatch(pattern) }
        let written: WrittenYear
        if let era {
            written = .era(era, year.value)
        } else if year.count == 4 {
            written = .gregorian(year.value)
        } else if let defaultEra {
            written = .era(defaultEra, year.value)
        } else if yearWidth == 2 {
            written = .gregorian(2000 + year.value)
        } else {
            throw DateParseError(
                .ambiguous, "year \(year.value) has no era (set a default era or write a four-digit year)")
        }
        let date = try DateGrammar.makeDate(written, month, day)
        try DateGrammar.finishDate(&cursor)
        return date
    }

    /// Checks the field widths and that a year, a month and a day are all present.
    private static func validate(_ layout: UnsafeBufferPointer<UInt8>, _ pattern: String) throws(DateParseError) {
        var hasYear = false
        var hasMonth = false
        var hasDay = false
        var i = 0
        while i < layout.count {
            let letter = layout[i]
            var width = 1
            while i + width < layout.count, layout[i + width] == letter { width += 1 }
            switch letter {
            case UInt8(ascii: "y"):
                guard [1, 2, 4].contains(width) else { throw badField(pattern, "y", width) }
                hasYear = true
            case UInt8(ascii: "M"):
                guard width <= 2 else { throw badField(pattern, "M", width) }
                hasMonth = true
            case UInt8(ascii: "d"):
                guard width <= 2 else { throw badField(pattern, "d", width) }
                hasDay = true
            default:
                break
            }
            i += width
        }
        guard hasYear else { throw missingField(pattern, "year (yyyy, yy or y)") }
        guard hasMonth else { throw missingField(pattern, "month (M or MM)") }
        guard hasDay else { throw missingField(pattern, "day (d or dd)") }
    }

    private static func field(
        _ cursor: inout ByteCursor, _ widths: ClosedRange<Int>, _ name: String
    ) throws(DateParseError) -> Digits {
        guard let digits = cursor.digits(maxCount: widths.upperBound), widths.contains(digits.count) else {
            let count =
                widths.lowerBound == widths.upperBound
                ? "\(widths.lowerBound)" : "\(widths.lowerBound)–\(widths.upperBound)"
            throw DateParseError(.unrecognized, "the \(name) should be \(count) digits")
        }
        return digits
    }

    private static func mismatch(_ pattern: String) -> DateParseError {
        DateParseError(.unrecognized, "does not match the date pattern \"\(pattern)\"")
    }

    private static func badField(_ pattern: String, _ letter: String, _ width: Int) -> DateParseError {
        let field = String(repeating: letter, count: width)
        return DateParseError(.badPattern, "the date pattern \"\(pattern)\" has an unknown field \(field)")
    }

    private static func missingField(_ pattern: String, _ field: String) -> DateParseError {
        DateParseError(.badPattern, "the date pattern \"\(pattern)\" has no \(field) field")
    }
}
