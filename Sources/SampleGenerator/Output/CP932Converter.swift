import BikePDCACore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Converts UTF-8 bytes to CP932 (Microsoft's Shift_JIS) with the C library's iconv.
///
/// Owns an iconv descriptor, hence a class; used by one file writer at a time.
final class CP932Converter {
    private let descriptor: iconv_t

    /// Opens the converter, or returns `nil` when the C library lacks CP932.
    init?() {
        let opened = iconv_open("CP932", "UTF-8")
        // iconv_open signals failure with (iconv_t)-1.
        guard let opened, Int(bitPattern: opened) != -1 else { return nil }
        descriptor = opened
    }

    deinit {
        iconv_close(descriptor)
    }

    /// Converts whole UTF-8 text (the caller never splits a character) and appends the CP932 bytes to `output`.
    ///
    /// Returns a description of the first character iconv rejected, or `nil` on success.
    func convert(_ input: [UInt8], appendingTo output: inout [UInt8]) -> String? {
        guard !input.isEmpty else { return nil }
        // CP932 never needs more bytes than UTF-8 for the same text.
        var converted = [UInt8](repeating: 0, count: input.count + 16)
        var failure: String?
        var written = 0
        input.withUnsafeBufferPointer { source in
            converted.withUnsafeMutableBufferPointer { target in
                guard let sourceBase = source.baseAddress, let targetBase = target.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: sourceBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = source.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(targetBase)
                    .assumingMemoryBound(to: CChar.self)
                var outLeft = target.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                written = target.count - outLeft
                if result == -1 || inLeft != 0 {
                    let offset = source.count - inLeft
                    let snippet = Array(source[offset..<min(source.count, offset + 12)])
                    failure =
                        "text \"\(String(decoding: snippet, as: UTF8.self))\" (\(String(cString: strerror(errno))))"
                }
            }
        }
        // Reset the shift state for the next chunk.
        iconv(descriptor, nil, nil, nil, nil)
        output.append(contentsOf: converted[0..<written])
        return failure
    }
}
