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

    /// Guesses the encoding from a sample of a file by the rules of ``EncodingDetector``: UTF-8 unless the sample
    /// is not UTF-8 and looks like CP932.
    ///
    /// A multi-byte sequence cut off at the end of the sample is not held against UTF-8.
    public static func detect(sample: some Collection<UInt8>) -> TextEncoding {
        var detector = EncodingDetector()
        Array(sample).withUnsafeBufferPointer { detector.consume($0) }
        return detector.encoding
    }
}
