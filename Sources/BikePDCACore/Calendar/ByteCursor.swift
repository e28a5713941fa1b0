import Foundation

/// A read position over UTF-8 bytes, bounded to `index..<end`; the grammar of dates, times and periods
/// reads through it without allocating.
struct ByteCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int
    var end: Int

    init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, to end: Int? = nil) {
        self.bytes = bytes
        self.index = start
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { index >= end }

    func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < end ? bytes[index + offset] : nil
    }

    /// Skips ASCII spaces and tabs (full-width spaces are spaces after normalisation); true if any.
    @discardableResult
    mutating func skipSpaces() -> Bool {
        let start = index
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index > start
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    func hasPrefix(_ sequence: [UInt8], at offset: Int = 0) -> Bool {
        let start = index + offset
        guard start + sequence.count <= end else { return false }
        for (k, byte) in sequence.enumerated() where bytes[start + k] != byte { return false }
        return true
    }

    mutating func consume(_ sequence: [UInt8]) -> Bool {
        guard hasPrefix(sequence) else { return false }
        index += sequence.count
        return true
    }

    /// Consumes ASCII letters matching `lowercase` in any case, e.g. `fy` matches `FY`, `Fy`, `fy`.
    mutating func consumeLetters(_ lowercase: StaticString) -> Bool {
        let count = lowercase.utf8CodeUnitCount
        guard index + count <= end else { return false }
        let letters = lowercase.utf8Start
        for k in 0..<count where bytes[index + k] | 0x20 != letters[k] { return false }
        index += count
        return true
    }

    /// Reads a run of ASCII digits (at most `maxCount` of them), or returns `nil` when none is next.
    mutating func digits(maxCount: Int = 18) -> Digits? {
        var value = 0
        var count = 0
        while index < end, count < maxCount {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            value = value &* 10 &+ Int(digit)
            count += 1
            index += 1
        }
        return count == 0 ? nil : Digits(value: value, count: count)
    }

    /// Whether an ASCII digit is next.
    var isAtDigit: Bool { peek().map { $0 &- 0x30 < 10 } ?? false }

    /// Reads an era written as its kanji name (令和) or its Latin initial (`R`, `r`) followed by a year.
    mutating func era() -> JapaneseEra? {
        guard let first = peek() else { return nil }
        if first >= 0x80 {
            for (era, name) in Glyph.eraNames where consume(name) { return era }
            return nil
        }
        let era: JapaneseEra
        switch first | 0x20 {
        case UInt8(ascii: "m"): era = .meiji
        case UInt8(ascii: "t"): era = .taisho
        case UInt8(ascii: "s"): era = .showa
        case UInt8(ascii: "h"): era = .heisei
        case UInt8(ascii: "r"): era = .reiwa
        default: return nil
        }
        // An initial counts only before a year, so words such as `Sat` are not eras.
        var next = self
        next.index += 1
        next.skipSpaces()
        guard next.isAtDigit || next.hasPrefix(Glyph.gannen) else { return nil }
        index += 1
        return era
    }

    /// The bytes between `start` and the end bound, as text for messages.
    func text(from start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<max(start, end)]), as: UTF8.self)
    }
}

/// A run of digits and how many there were (so `07` and `7` can be told apart).
struct Digits {
    var value: Int
    var count: Int
}

/// UTF-8 spellings of the kanji the grammar reads.
enum Glyph {
    static let year = Array("年".utf8)
    static let month = Array("月".utf8)
    static let day = Array("日".utf8)
    static let fiscal = Array("度".utf8)
    static let ordinal = Array("第".utf8)
    static let quarter = Array("四半期".utf8)
    static let hour = Array("時".utf8)
    static let minute = Array("分".utf8)
    static let second = Array("秒".utf8)
    static let half = Array("半".utf8)
    static let gannen = Array("元".utf8)
    static let during = Array("中".utf8)
    static let waveDash = Array("〜".utf8)
    static let eraNames: [(JapaneseEra, [UInt8])] = JapaneseEra.allCases.map { ($0, Array($0.rawValue.utf8)) }
}

/// Gives the grammar the UTF-8 of a cell: as it is, and when that fails on text with non-ASCII bytes, again
/// after NFKC normalisation, which folds full-width digits, letters and punctuation to ASCII, U+3000 to a space,
/// and ㋿ / ㍻ to 令和 / 平成.
///
/// Reading the raw bytes first keeps the common 令和7年4月1日 free of normalisation; it cannot change a result,
/// because a successful read consumed only ASCII and the grammar's kanji, which NFKC leaves unchanged.
enum NormalizedText {
    static func withCursor<T>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ body: (inout ByteCursor) -> Result<T, DateParseError>
    ) -> Result<T, DateParseError> {
        var cursor = ByteCursor(bytes)
        let raw = body(&cursor)
        guard case .failure = raw, bytes.contains(where: { $0 >= 0x80 }) else { return raw }
        var text = String(decoding: bytes, as: UTF8.self).precomposedStringWithCompatibilityMapping
        return text.withUTF8 { normalized in
            var cursor = ByteCursor(normalized)
            return body(&cursor)
        }
    }

    static func withCursor<T>(
        _ text: some StringProtocol, _ body: (inout ByteCursor) -> Result<T, DateParseError>
    ) -> Result<T, DateParseError> {
        if let result = text.utf8.withContiguousStorageIfAvailable({ withCursor($0, body) }) { return result }
        var copy = String(text)
        return copy.withUTF8 { withCursor($0, body) }
    }
}
