#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides whether a file is UTF-8 or CP932 (Shift_JIS) from all of its bytes, fed in pieces split anywhere.
///
/// Reading valid UTF-8 as CP932 garbles every Japanese character (中央 becomes 荳ｭ螟ｮ), so UTF-8 wins unless the
/// file gives clear evidence against it:
/// - a byte-order mark, or bytes that are all valid UTF-8, mean UTF-8 (a character cut off at the very end of the
///   file included: the reader reports it as a truncated file);
/// - so does a valid three- or four-byte UTF-8 character (kana, kanji, full-width forms) before the first invalid
///   byte: the file is UTF-8 with a bad byte, which the reader reports by line and column;
/// - so does a file with at least as many valid multi-byte UTF-8 characters as invalid sequences;
/// - anything else is CP932, where almost every Japanese character starts with a byte (0x81–0x9F) that UTF-8 never
///   allows at the start of a character. Whether it really is CP932 shows when it is decoded: a byte CP932 does not
///   allow is an error there, never a silent replacement.
public struct EncodingDetector: Sendable {
    /// Continuation bytes still expected by the character being read.
    private var remaining = 0
    /// The range allowed for the next continuation byte.
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF
    /// Whether the character being read is three or four bytes long.
    private var isWide = false
    /// Bytes consumed so far, and whether they can still be the start of a byte-order mark.
    private var consumed = 0
    private var mayStartWithByteOrderMark = true
    private var hasByteOrderMark = false
    /// Valid multi-byte UTF-8 characters seen.
    public private(set) var multibyteCharacters = 0
    /// Invalid UTF-8 sequences seen (a stray byte, or a character broken off by the next byte).
    public private(set) var invalidSequences = 0
    /// Valid three- and four-byte characters seen before the first invalid sequence.
    private var wideCharactersBeforeInvalid = 0

    /// Creates a detector that has seen nothing (an empty file is UTF-8).
    public init() {}

    /// The encoding the bytes consumed so far point to.
    public var encoding: TextEncoding {
        if hasByteOrderMark || invalidSequences == 0 || wideCharactersBeforeInvalid > 0 { return .utf8 }
        return multibyteCharacters >= invalidSequences ? .utf8 : .cp932
    }

    /// Whether more bytes can no longer change ``encoding`` (a byte-order mark, or a three- or four-byte UTF-8
    /// character before any invalid byte): the rest of the file need not be read.
    public var isSettled: Bool { hasByteOrderMark || wideCharactersBeforeInvalid > 0 }

    /// Takes the next bytes of the file.
    public mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !isSettled else { return }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        if mayStartWithByteOrderMark && consumed < 3 {
            let mark: [UInt8] = [0xEF, 0xBB, 0xBF]
            for index in consumed..<min(3, consumed + count) where base[index - consumed] != mark[index] {
                mayStartWithByteOrderMark = false
            }
            if mayStartWithByteOrderMark && consumed + count >= 3 {
                hasByteOrderMark = true
                return
            }
        }
        consumed += count
        var index = 0
        while index < count {
            let byte = base[index]
            if remaining > 0 {
                if byte >= low && byte <= high {
                    remaining -= 1
                    (low, high) = (0x80, 0xBF)
                    index += 1
                    if remaining == 0 { completeCharacter() }
                } else {
                    // The character is broken off; the byte itself is looked at again as a start.
                    remaining = 0
                    invalidSequences += 1
                }
                continue
            }
            if byte < 0x80 {
                index += 1
                while index + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                continue
            }
            index += 1
            if let shape = UTF8Validation.shape(ofLead: byte) {
                remaining = shape.continuations
                (low, high) = (shape.low, shape.high)
                isWide = shape.continuations >= 2
            } else {
                invalidSequences += 1
            }
        }
    }

    private mutating func completeCharacter() {
        multibyteCharacters += 1
        if isWide && invalidSequences == 0 { wideCharactersBeforeInvalid += 1 }
    }

    /// Reads the whole file at `path` (stopping early once the answer is settled); `nil` when it cannot be read.
    public static func encoding(ofFile path: String) -> TextEncoding? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var detector = EncodingDetector()
        // A small file gets a buffer of its size, not 1 MiB.
        var info = stat()
        let size = fstat(fileno(file), &info) == 0 ? Int(info.st_size) : 1 << 20
        var buffer = [UInt8](repeating: 0, count: min(1 << 20, max(size, 1)))
        while !detector.isSettled {
            let count = buffer.withUnsafeMutableBytes { bytes in
                bytes.baseAddress.map { fread($0, 1, bytes.count, file) } ?? 0
            }
            if count == 0 { return ferror(file) == 0 ? detector.encoding : nil }
            buffer.withUnsafeBufferPointer { detector.consume(UnsafeBufferPointer(rebasing: $0[0..<count])) }
        }
        return detector.encoding
    }
}
