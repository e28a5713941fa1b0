import BikePDCACore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a written file is encoded.
public enum SampleEncoding: String, Hashable, Sendable, CustomStringConvertible {
    /// UTF-8 without a byte-order mark.
    case utf8 = "UTF-8"
    /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it.
    case utf8WithBOM = "UTF-8 with BOM"
    /// CP932 (Microsoft's Shift_JIS, as Excel writes "CSV").
    case cp932 = "CP932"

    /// The encoding's name.
    public var description: String { rawValue }
}

/// A file written through a 1 MiB buffer, so that huge files take bounded memory.
///
/// Owns a C `FILE *`, hence a class. Rows are handed over whole, so a buffer always ends at a line boundary and
/// CP932 conversion never splits a character.
final class OutputFile {
    /// The file's path, for error messages.
    let path: String
    let encoding: SampleEncoding
    /// Whether lines end in CR LF (as Excel writes) rather than LF.
    let usesCRLF: Bool
    /// Lines written so far, including a header.
    private(set) var lineCount = 0

    private var handle: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private var encoded: [UInt8] = []
    private let converter: CP932Converter?
    private static let flushThreshold = 1 << 20

    /// Creates (or truncates) the file.
    init(url: URL, encoding: SampleEncoding, usesCRLF: Bool = false) throws(SampleGeneratorError) {
        path = url.path
        self.encoding = encoding
        self.usesCRLF = usesCRLF
        if encoding == .cp932 {
            guard let converter = CP932Converter() else {
                throw .cannotEncode(path: url.path, reason: "the C library's iconv has no CP932 converter")
            }
            self.converter = converter
        } else {
            converter = nil
        }
        guard let opened = fopen(url.path, "wb") else {
            throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        handle = opened
        buffer.reserveCapacity(OutputFile.flushThreshold + 4096)
        if encoding == .utf8WithBOM {
            buffer.append(contentsOf: [0xEF, 0xBB, 0xBF])
        }
    }

    deinit {
        if let handle {
            fclose(handle)
        }
    }

    /// Appends one CSV record and a line end.
    func write(_ row: CSVRow) throws(SampleGeneratorError) {
        buffer.append(contentsOf: row.bytes)
        endLine()
        if buffer.count >= OutputFile.flushThreshold {
            try flush()
        }
    }

    /// Appends text as is; every `\n` in it counts as a line (and becomes CR LF when the file uses CR LF).
    func write(text: String) throws(SampleGeneratorError) {
        for byte in text.utf8 {
            if byte == 0x0A {
                endLine()
            } else {
                buffer.append(byte)
            }
        }
        if buffer.count >= OutputFile.flushThreshold {
            try flush()
        }
    }

    /// Flushes and closes the file; the object must not be used afterwards.
    func close() throws(SampleGeneratorError) {
        try flush()
        guard let handle else { return }
        self.handle = nil
        if fclose(handle) != 0 {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }

    private func endLine() {
        if usesCRLF {
            buffer.append(0x0D)
        }
        buffer.append(0x0A)
        lineCount += 1
    }

    private func flush() throws(SampleGeneratorError) {
        guard let handle else {
            throw .cannotWrite(path: path, reason: "the file is already closed")
        }
        guard !buffer.isEmpty else { return }
        if let converter {
            encoded.removeAll(keepingCapacity: true)
            if let failure = converter.convert(buffer, appendingTo: &encoded) {
                throw .cannotEncode(path: path, reason: failure)
            }
            try writeAll(encoded, to: handle)
        } else {
            try writeAll(buffer, to: handle)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeAll(_ bytes: [UInt8], to handle: UnsafeMutablePointer<FILE>) throws(SampleGeneratorError) {
        let written = bytes.withUnsafeBytes { raw in
            fwrite(raw.baseAddress, 1, raw.count, handle)
        }
        if written != bytes.count {
            throw .cannotWrite(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
