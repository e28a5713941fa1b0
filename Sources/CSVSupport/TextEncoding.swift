/// The text encodings BikePDCA reads.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    /// UTF-8, with or without a byte-order mark.
    case utf8
    /// CP932 (Windows-31J), the Shift_JIS that Excel on Japanese Windows writes.
    case cp932

    /// Parses a user's spelling: `utf8`, `utf-8`, `cp932`, `sjis`, `shift_jis`, `windows-31j`.
    public init?(userSpelling text: String) {
        switch String(text.lowercased().filter { $0 != "-" && $0 != "_" }) {
        case "utf8", "utf8bom": self = .utf8
        case "cp932", "sjis", "shiftjis", "windows31j", "ms932": self = .cp932
        default: return nil
        }
    }

    public var description: String { self == .utf8 ? "UTF-8" : "CP932 (Shift_JIS)" }

    /// Guesses the encoding from the first bytes of a file: a BOM or valid UTF-8 means UTF-8, anything else CP932.
    ///
    /// A multi-byte sequence cut off at the end of the sample is not held against UTF-8.
    public static func detect(sample: some Collection<UInt8>) -> TextEncoding {
        let bytes = Array(sample)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8 }
        var end = bytes.count
        // Drop an incomplete trailing sequence (at most 3 bytes).
        var back = 0
        while back < 3, end - back - 1 >= 0, bytes[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        if end - back - 1 >= 0 {
            let lead = bytes[end - back - 1]
            let needed = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
            if needed > back { end = end - back - 1 }
        }
        return bytes[0..<end].withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) } == nil
            ? .cp932 : .utf8
    }
}
