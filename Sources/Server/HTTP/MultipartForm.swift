import Foundation

/// A `multipart/form-data` body (an upload form): its text fields and at most one file.
struct MultipartForm: Sendable {
    /// An uploaded file: the name the browser gave and its bytes.
    struct File: Sendable {
        var fileName: String
        var bytes: [UInt8]
    }

    /// The text fields by name.
    private(set) var fields: [String: String] = [:]
    /// The file of the `file` field, if one was chosen.
    private(set) var file: File?

    /// Why a body is not a form this app accepts.
    struct Malformed: Error {}

    /// Parses `body` with the boundary of `contentType` (`multipart/form-data; boundary=…`).
    init(contentType: String, body: [UInt8]) throws(Malformed) {
        guard let boundaryRange = contentType.range(of: "boundary=") else { throw Malformed() }
        var boundary = String(contentType[boundaryRange.upperBound...])
        if let end = boundary.firstIndex(of: ";") { boundary = String(boundary[..<end]) }
        boundary = boundary.trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
        guard !boundary.isEmpty, boundary.utf8.count <= 200 else { throw Malformed() }
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard let first = Self.find(delimiter, in: body, from: 0) else { throw Malformed() }
        var position = first + delimiter.count
        while true {
            // After a delimiter: `--` ends the body, CRLF starts a part.
            if position + 2 <= body.count, body[position] == 45, body[position + 1] == 45 { break }
            guard position + 2 <= body.count, body[position] == 13, body[position + 1] == 10 else { throw Malformed() }
            position += 2
            guard let headerEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: position) else { throw Malformed() }
            let headers = String(decoding: body[position..<headerEnd], as: UTF8.self)
            let contentStart = headerEnd + 4
            guard let contentEnd = Self.find(separator, in: body, from: contentStart) else { throw Malformed() }
            let content = Array(body[contentStart..<contentEnd])
            let (name, fileName) = Self.disposition(headers)
            if let name {
                if let fileName {
                    if name == "file", file == nil, !fileName.isEmpty {
                        file = File(fileName: fileName, bytes: content)
                    }
                } else if fields[name] == nil {
                    fields[name] = String(decoding: content, as: UTF8.self)
                }
            }
            position = contentEnd + separator.count
        }
    }

    /// The `name` and `filename` of a part's Content-Disposition header.
    private static func disposition(_ headers: String) -> (name: String?, fileName: String?) {
        for line in headers.split(separator: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
            return (parameter("name", in: line), parameter("filename", in: line))
        }
        return (nil, nil)
    }

    private static func parameter(_ key: String, in line: Substring) -> String? {
        for piece in line.split(separator: ";") {
            let trimmed = piece.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("\(key)=") else { continue }
            var value = trimmed.dropFirst(key.count + 1)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = value.dropFirst().dropLast() }
            return String(value)
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let head = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == head {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
