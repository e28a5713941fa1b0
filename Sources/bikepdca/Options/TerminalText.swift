/// Text from the data made safe for a terminal: nothing the user's files hold can move the cursor, clear the
/// screen, set the window title or reverse the reading order, and no echoed value floods the screen.
///
/// C0 controls other than TAB and LF, DEL, C1 controls and the bidi embedding, override and isolate controls
/// (U+202A…U+202E, U+2066…U+2069) are written as visible escapes (`\u{1B}`, `\u{202E}`); CR too, except in CSV
/// output, whose line ends are CRLF.
enum TerminalText {
    /// At most this many characters of one line of a message are shown.
    static let lineLimit = 1_000
    /// At most this many characters of one table cell are shown.
    static let cellLimit = 80

    /// `text` with every unsafe character escaped (CR kept when `keepingCarriageReturns`).
    static func escaped(_ text: String, keepingCarriageReturns: Bool = false) -> String {
        // Fast path: most text has no byte that can start an unsafe character.
        let hasSuspect = text.utf8.contains { byte in
            switch byte {
            case 0x09, 0x0A: false
            case 0x0D: !keepingCarriageReturns
            case 0x00..<0x20, 0x7F, 0xC2, 0xE2: true
            default: false
            }
        }
        guard hasSuspect else { return text }
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepingCarriageReturns: keepingCarriageReturns) {
                output.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// `text` escaped, each of its lines cut to `limit` characters with a note of how many were left out.
    static func message(_ text: String, limit: Int = lineLimit) -> String {
        let safe = escaped(text)
        guard safe.count > limit else { return safe }
        return safe.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.count > limit ? "\(line.prefix(limit))… (\(line.count - limit) more characters)" : String(line)
        }.joined(separator: "\n")
    }

    /// A table cell: escaped and cut to ``cellLimit`` characters.
    static func cell(_ text: String) -> String {
        let safe = escaped(text)
        return safe.count > cellLimit ? safe.prefix(cellLimit - 1) + "…" : safe
    }

    private static func isUnsafe(_ scalar: Unicode.Scalar, keepingCarriageReturns: Bool) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x0D: !keepingCarriageReturns
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
