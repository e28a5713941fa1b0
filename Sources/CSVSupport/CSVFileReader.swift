import CLibCSV

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One CSV record: its fields and the physical line of the file where it starts.
public struct CSVRecord: Sendable {
    /// 1-based line of the file where the record starts (a quoted field may span several lines).
    public var line: Int
    /// The fields, decoded to UTF-8 text, as libcsv split them.
    public var fields: [String]
}

/// Reads a CSV file record by record through libcsv, in bounded memory, whatever its size.
///
/// Unless given, the encoding is decided from the whole file by ``EncodingDetector`` before the first record
/// (UTF-8 unless the file is not UTF-8 and looks like CP932), so valid UTF-8 text is never read as CP932. Every
/// byte is checked against the encoding before it is parsed: a byte the encoding does not allow, or a character
/// cut off at the end of the file, is an error naming its line and column, never a replacement or a loss.
/// CRLF line ends, a trailing empty line and empty lines between records are accepted. Quoting is strict: a
/// malformed or unterminated quote is an error naming the line where the record started.
public final class CSVFileReader {
    /// The file as the user named it (used in messages).
    public let displayName: String
    /// The encoding in use: given, or detected when the reading starts.
    public private(set) var encoding: TextEncoding?
    /// Size of the file in bytes.
    public let fileSize: Int
    /// Bytes read so far, for progress reporting.
    public private(set) var bytesRead = 0
    /// A field longer than this is an error (an unterminated quote would otherwise swallow the file). Default 32 MiB.
    public var maximumFieldBytes = 32 << 20

    private let path: String
    private static let chunkSize = 1 << 20

    /// Opens `path` for reading. `displayName` defaults to the path; `encoding` to detecting it from the whole file.
    public init(path: String, displayName: String? = nil, encoding: TextEncoding? = nil) throws(CSVReadError) {
        self.path = path
        self.displayName = displayName ?? path
        self.encoding = encoding
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw CSVReadError(
                file: displayName ?? path, line: nil, reason: "cannot open the file (\(Self.errnoText()))")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw CSVReadError(file: displayName ?? path, line: nil, reason: "not a regular file")
        }
        fileSize = Int(info.st_size)
    }

    /// Calls `body` with each record in file order. Errors thrown by `body` stop the reading and are rethrown.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        guard let file = fopen(path, "rb") else {
            throw CSVReadError(file: displayName, line: nil, reason: "cannot open the file (\(Self.errnoText()))")
        }
        defer { fclose(file) }
        var parser = csv_parser()
        guard csv_init(&parser, UInt8(CSV_STRICT | CSV_STRICT_FINI)) == 0 else {
            throw CSVReadError(file: displayName, line: nil, reason: "out of memory")
        }
        defer { csv_free(&parser) }

        let chosen = try encoding ?? detectedEncoding()
        encoding = chosen
        let decoder = try chosen == .cp932 ? makeDecoder() : nil
        let state = ParseState()
        let context = Unmanaged.passUnretained(state).toOpaque()
        // A small file gets a buffer of its size (at least 64 KiB), not 1 MiB.
        var chunk = [UInt8](repeating: 0, count: min(Self.chunkSize, max(fileSize, 64 << 10)))
        var utf8 = [UInt8]()
        var isFirstChunk = true
        // Bytes of a UTF-8 character cut off by the previous read, moved to the front of `chunk`.
        var carried = 0

        while true {
            let count = chunk.withUnsafeMutableBytes { bytes in
                bytes.baseAddress.map { fread($0 + carried, 1, bytes.count - carried, file) } ?? 0
            }
            if count == 0 {
                if ferror(file) != 0 {
                    throw CSVReadError(file: displayName, line: state.line, reason: "read error (\(Self.errnoText()))")
                }
                break
            }
            bytesRead += count
            let end = carried + count
            var start = 0
            if isFirstChunk {
                isFirstChunk = false
                if chunk[0..<min(count, 4)].starts(with: [0x50, 0x4B, 0x03, 0x04]) {
                    throw CSVReadError(
                        file: displayName, line: nil,
                        reason: "this is a ZIP or Excel workbook (.xlsx), not CSV: save it from Excel as "
                            + "\"CSV UTF-8\" or \"CSV (comma delimited)\"")
                }
                if count >= 3, chunk[0] == 0xEF, chunk[1] == 0xBB, chunk[2] == 0xBF, chosen == .utf8 { start = 3 }
            }
            if let decoder {
                utf8.removeAll(keepingCapacity: true)
                var decodeFailure: CP932Decoder.Failure?
                chunk.withUnsafeBufferPointer { all in
                    do throws(CP932Decoder.Failure) {
                        try decoder.decode(UnsafeBufferPointer(rebasing: all[start..<end]), into: &utf8)
                    } catch { decodeFailure = error }
                }
                try feed(utf8[...], parser: &parser, state: state, context: context, body: body)
                if case .invalidSequence(let byte)? = decodeFailure {
                    throw CSVReadError(
                        file: displayName, line: state.line, column: state.lineCharacters + 1,
                        reason: "byte 0x\(Self.hex(byte)) is not valid CP932 (Shift_JIS), in a file read as CP932 "
                            + "(it is not UTF-8, or --encoding cp932 was given); is the file in another encoding? "
                            + "(--encoding utf8|cp932)")
                }
                carried = 0
            } else {
                let outcome = chunk.withUnsafeBufferPointer {
                    UTF8Validation.scan(UnsafeBufferPointer(rebasing: $0[start..<end]))
                }
                switch outcome {
                case .valid:
                    try feed(chunk[start..<end], parser: &parser, state: state, context: context, body: body)
                    carried = 0
                case .incomplete(let offset):
                    try feed(
                        chunk[start..<(start + offset)], parser: &parser, state: state, context: context, body: body)
                    carried = end - (start + offset)
                    for index in 0..<carried { chunk[index] = chunk[start + offset + index] }
                case .invalid(let offset):
                    try feed(
                        chunk[start..<(start + offset)], parser: &parser, state: state, context: context, body: body)
                    throw CSVReadError(
                        file: displayName, line: state.line, column: state.lineCharacters + 1,
                        reason: "byte 0x\(Self.hex(chunk[start + offset])) is not valid UTF-8, in a file read as "
                            + "UTF-8 (its other text is UTF-8, or --encoding utf8 was given): correct the byte, or "
                            + "if the file is CP932 (Shift_JIS), use --encoding cp932")
                }
            }
        }
        if carried > 0 {
            throw CSVReadError(
                file: displayName, line: state.line, column: state.lineCharacters + 1,
                reason: "the file ends in the middle of a UTF-8 character: it looks truncated (if the file is "
                    + "CP932 (Shift_JIS), use --encoding cp932)")
        }
        if let decoder {
            do { try decoder.finish() } catch {
                throw CSVReadError(
                    file: displayName, line: state.line, column: state.lineCharacters + 1,
                    reason: "the file ends in the middle of a CP932 (Shift_JIS) character: it looks truncated")
            }
        }
        if csv_fini(&parser, fieldCallback, rowCallback, context) != 0 {
            throw CSVReadError(
                file: displayName, line: state.rowStartLine,
                reason: "unterminated quoted field: the record starting on line \(state.rowStartLine) opens a "
                    + "double quote that is never closed")
        }
        try deliver(state, body)
    }

    /// The encoding of the whole file, by ``EncodingDetector``.
    private func detectedEncoding() throws(CSVReadError) -> TextEncoding {
        guard let detected = EncodingDetector.encoding(ofFile: path) else {
            throw CSVReadError(file: displayName, line: nil, reason: "read error (\(Self.errnoText()))")
        }
        return detected
    }

    private func makeDecoder() throws(CSVReadError) -> CP932Decoder {
        guard let decoder = CP932Decoder() else {
            throw CSVReadError(file: displayName, line: nil, reason: "this system's iconv cannot decode CP932")
        }
        return decoder
    }

    private static func hex(_ byte: UInt8) -> String {
        (byte < 0x10 ? "0" : "") + String(byte, radix: 16, uppercase: true)
    }

    /// Feeds bytes to libcsv line by line, so that every record knows the line it started on.
    private func feed(
        _ bytes: ArraySlice<UInt8>, parser: inout csv_parser, state: ParseState, context: UnsafeMutableRawPointer,
        body: (CSVRecord) throws -> Void
    ) throws {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            let total = buffer.count
            while offset < total {
                let remaining = total - offset
                let newline = memchr(base + offset, 0x0A, remaining)
                var end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) + 1 } ?? total
                var endsLine = newline != nil
                // The LF of a CRLF whose CR ended the previous buffer: the line was counted with the CR.
                let completesCRLF = state.afterCR && base[offset] == 0x0A
                if completesCRLF { end = offset + 1 }
                state.afterCR = false
                // libcsv also ends a record at a lone CR (classic Mac line ends): cut the segment after it, so
                // that the line count follows, as it does for LF.
                if !completesCRLF, let carriageReturn = memchr(base + offset, 0x0D, end - offset) {
                    let index = UnsafeRawPointer(carriageReturn) - UnsafeRawPointer(base)
                    if index + 1 == total {
                        end = total
                        endsLine = true
                        state.afterCR = true
                    } else if base[index + 1] != 0x0A {
                        end = index + 1
                        endsLine = true
                    }
                }
                let length = end - offset
                let segment = UnsafeBufferPointer(start: base + offset, count: length)
                if !state.inRow && !Self.isBlank(segment) {
                    state.inRow = true
                    state.rowStartLine = state.line
                }
                let parsed = csv_parse(&parser, segment.baseAddress, length, fieldCallback, rowCallback, context)
                if parsed != length {
                    let code = csv_error(&parser)
                    let reason =
                        code == CSV_EPARSE
                        ? "malformed quoting: a double quote inside an unquoted field, or text after a closing "
                            + "quote (wrap such a field in double quotes and double the quotes inside it)"
                        : String(cString: csv_strerror(code))
                    throw CSVReadError(file: displayName, line: state.rowStartLine, reason: reason)
                }
                if endsLine && !completesCRLF { state.line += 1 }
                if endsLine || completesCRLF {
                    state.lineCharacters = 0
                } else {
                    state.lineCharacters += segment.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                }
                if state.inRow, csv_get_buffer_size(&parser) > maximumFieldBytes {
                    throw CSVReadError(
                        file: displayName, line: state.rowStartLine,
                        reason: "a field of the record starting on line \(state.rowStartLine) is longer than "
                            + "\(maximumFieldBytes >> 20) MiB; is a double quote left unclosed?")
                }
                if !state.pending.isEmpty { try deliver(state, body) }
                offset = end
            }
        }
    }

    private func deliver(_ state: ParseState, _ body: (CSVRecord) throws -> Void) throws {
        let records = state.pending
        state.pending.removeAll(keepingCapacity: true)
        for record in records { try body(record) }
    }

    private static func isBlank(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        segment.allSatisfy { $0 == 0x0A || $0 == 0x0D }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// Mutable state shared with libcsv's C callbacks.
private final class ParseState {
    var fields: [String] = []
    var pending: [CSVRecord] = []
    var line = 1
    var rowStartLine = 1
    var inRow = false
    /// Characters (Unicode scalars) of the current line fed so far, for the column of an encoding error.
    var lineCharacters = 0
    /// The last buffer fed ended with a CR: an LF starting the next one belongs to it.
    var afterCR = false
}

private func fieldCallback(_ pointer: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue()
    let bytes = UnsafeBufferPointer(
        start: pointer?.assumingMemoryBound(to: UInt8.self), count: pointer == nil ? 0 : length)
    // Every byte was checked to be UTF-8 before it was parsed (or decoded from CP932 into UTF-8): nothing to repair.
    state.fields.append(String(decoding: bytes, as: UTF8.self))
}

private func rowCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = Unmanaged<ParseState>.fromOpaque(context).takeUnretainedValue()
    state.pending.append(CSVRecord(line: state.rowStartLine, fields: state.fields))
    state.fields.removeAll(keepingCapacity: true)
    state.inRow = false
}
