/// Checks UTF-8 as Unicode defines it (Table 3-7 of the standard): no overlong forms, no surrogates, nothing above
/// U+10FFFF.
enum UTF8Validation {
    /// The shape of a character starting with `byte`: how many continuation bytes follow, and the range allowed for
    /// the first of them (the others are 0x80–0xBF); `nil` for a byte that cannot start a multi-byte character
    /// (ASCII, a continuation byte, 0xC0, 0xC1, 0xF5–0xFF).
    @inline(__always)
    static func shape(ofLead byte: UInt8) -> (continuations: Int, low: UInt8, high: UInt8)? {
        switch byte {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: nil
        }
    }

    /// Where a buffer stops being valid UTF-8.
    enum Outcome: Equatable {
        /// Every byte is valid.
        case valid
        /// The character starting at this offset is not valid UTF-8 (a stray or wrong byte).
        case invalid(at: Int)
        /// The bytes from this offset are the valid start of a character that the buffer cuts off.
        case incomplete(at: Int)
    }

    /// Scans `bytes` from its first byte, which must start a character.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        guard let base = bytes.baseAddress else { return .valid }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            if base[index] < 0x80 {
                // Most text of these files is ASCII: skip it eight bytes at a time.
                while index + 8 <= count,
                    raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    index += 8
                }
                while index < count, base[index] < 0x80 { index += 1 }
                continue
            }
            let start = index
            guard let shape = shape(ofLead: base[start]) else { return .invalid(at: start) }
            let available = min(shape.continuations, count - start - 1)
            if available >= 1 {
                let first = base[start + 1]
                if first < shape.low || first > shape.high { return .invalid(at: start) }
            }
            if available >= 2 && base[start + 2] & 0xC0 != 0x80 { return .invalid(at: start) }
            if available >= 3 && base[start + 3] & 0xC0 != 0x80 { return .invalid(at: start) }
            if available < shape.continuations { return .incomplete(at: start) }
            index = start + shape.continuations + 1
        }
        return .valid
    }
}
