#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Streams CP932 (Windows-31J) bytes into UTF-8 through the C library's iconv.
///
/// A multi-byte character split across two chunks is carried over to the next call; an invalid byte
/// sequence is reported, not replaced, so nothing the user wrote is silently changed.
final class CP932Decoder {
    private let descriptor: iconv_t
    private var carry: [UInt8] = []

    enum Failure: Error {
        /// A byte sequence that is not CP932; `convertedBefore` bytes of output were produced before it.
        case invalidSequence(byte: UInt8)
        /// The file ended inside a multi-byte character.
        case truncated
    }

    init?() {
        let cd = iconv_open("UTF-8", "CP932")
        guard Int(bitPattern: cd) != -1, let cd else { return nil }
        descriptor = cd
    }

    deinit { iconv_close(descriptor) }

    /// Converts `input`, appending UTF-8 to `output`. On failure, `output` holds what came before the bad bytes.
    func decode(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) throws(Failure) {
        var source = carry
        source.append(contentsOf: input)
        carry.removeAll(keepingCapacity: true)
        if source.isEmpty { return }
        let start = output.count
        output.reserveCapacity(start + source.count * 3 + 16)
        var failure: Failure?
        source.withUnsafeMutableBytes { sourceBytes in
            guard let sourceBase = sourceBytes.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = sourceBase.assumingMemoryBound(to: CChar.self)
            var inLeft = sourceBytes.count
            var scratch = [UInt8](repeating: 0, count: max(4096, sourceBytes.count * 3 + 16))
            while inLeft > 0 {
                let produced: Int
                let result: Int
                (result, produced) = scratch.withUnsafeMutableBytes { outBytes in
                    var outPointer: UnsafeMutablePointer<CChar>? = outBytes.baseAddress?.assumingMemoryBound(
                        to: CChar.self)
                    var outLeft = outBytes.count
                    let r = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (r, outBytes.count - outLeft)
                }
                output.append(contentsOf: scratch[0..<produced])
                if result != -1 { break }
                let code = errno
                if code == E2BIG { continue }
                if code == EINVAL {
                    // Incomplete sequence at the end of this chunk: keep it for the next one.
                    let consumed = sourceBytes.count - inLeft
                    carry = Array(sourceBytes[consumed...])
                    break
                }
                let consumed = sourceBytes.count - inLeft
                failure = .invalidSequence(byte: sourceBytes[consumed])
                break
            }
        }
        if let failure { throw failure }
    }

    /// Reports a character left incomplete at the end of the file.
    func finish() throws(Failure) {
        if !carry.isEmpty { throw .truncated }
    }
}
