/// Rough text widths for laying out chart labels without a font engine: a full-width (CJK) character is one
/// em, a Latin letter or digit about 0.6 em, so margins fit their labels and long ones get cut with `…`.
enum TextMetrics {
    /// The estimated width in pixels of `text` at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += emWidth(scalar)
        }
        return ems * fontSize
    }

    /// `text`, cut and ended with `…` so it fits in `maxWidth` pixels at `fontSize`.
    static func truncated(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        var result = ""
        var used = emWidth("…") * fontSize
        for character in text {
            let characterWidth = width(String(character), fontSize: fontSize)
            if used + characterWidth > maxWidth { break }
            used += characterWidth
            result.append(character)
        }
        return result + "…"
    }

    /// `text` broken into lines no wider than `maxWidth` pixels at `fontSize`: between words for Latin text
    /// (never inside a word), between characters for Japanese, never before closing punctuation. A single word
    /// wider than the line stays whole on its own line (the caller gives the room or a shorter text).
    static func lines(_ text: String, toWidth maxWidth: Double, fontSize: Double) -> [String] {
        guard width(text, fontSize: fontSize) > maxWidth else { return [text] }
        // The pieces a line may break between: a Latin word with the space before it, or one CJK character.
        var pieces: [String] = []
        var word = ""
        for character in text {
            let isWide = character.unicodeScalars.first.map { emWidth($0) >= 1 } ?? false
            if character == " " {
                if !word.isEmpty { pieces.append(word) }
                word = " "
            } else if isWide {
                if !word.isEmpty { pieces.append(word) }
                word = ""
                // Closing punctuation stays with the character before it.
                if "、。）」』】〕・ー".contains(character), let last = pieces.popLast() {
                    pieces.append(last + String(character))
                } else {
                    pieces.append(String(character))
                }
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { pieces.append(word) }
        var result: [String] = []
        var line = ""
        for piece in pieces {
            let candidate = line + piece
            if line.isEmpty || width(candidate, fontSize: fontSize) <= maxWidth {
                line = line.isEmpty && piece.hasPrefix(" ") ? String(piece.dropFirst()) : candidate
            } else {
                result.append(line)
                line = piece.hasPrefix(" ") ? String(piece.dropFirst()) : piece
            }
        }
        if !line.isEmpty { result.append(line) }
        return result
    }

    private static func emWidth(_ scalar: Unicode.Scalar) -> Double {
        switch scalar.value {
        case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: 0  // combining marks, zero-width, selectors
        case 0x20...0x7E: scalar == " " ? 0.3 : 0.6
        case 0xFF61...0xFF9F: 0.5  // half-width katakana
        case 0x00A0...0x024F: 0.6
        default: 1.0
        }
    }
}
