import Foundation

/// Normalisation applied to headers and coded cells before they are compared.
///
/// NFKC folds full-width letters, digits and spaces (U+3000) into their ASCII forms, so that `ＲＥＣＯＲＤ＿ＩＤ`
/// and `record_id`, or `２` and `2`, compare equal.
public enum TextNormalization {
    /// Header key: NFKC, lower-cased, with spaces, underscores, hyphens and dots removed
    /// (`Record ID`, `record_id` and `ＲＥＣＯＲＤ－ＩＤ` all give `recordid`).
    public static func headerKey(_ text: String) -> String {
        let folded = nfkc(text).lowercased()
        return String(
            String.UnicodeScalarView(
                folded.unicodeScalars.filter { scalar in
                    !(scalar.properties.isWhitespace || scalar == "_" || scalar == "-" || scalar == "."
                        || scalar == "\u{FEFF}")
                }))
    }

    /// Value key: NFKC, trimmed, lower-cased; ASCII text takes a fast path.
    public static func valueKey(_ text: String) -> String {
        trimmed(nfkc(text)).lowercased()
    }

    /// NFKC normal form; ASCII text is returned unchanged without work.
    public static func nfkc(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.precomposedStringWithCompatibilityMapping
    }

    /// Trims spaces, tabs, line breaks and ideographic spaces from both ends.
    public static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
