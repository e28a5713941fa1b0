import Foundation

/// A parsed JSON value, decoded with Foundation's `JSONDecoder` so that booleans and numbers stay distinct.
enum JSONValue: Decodable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        // Numbers and arrays of numbers first: they are nearly all of a zone file, and each failed attempt costs a
        // thrown error (a million positions took 26 s when booleans, integers and strings were tried first).
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Double.self) {
            // An integral number keeps its exact value when it fits Int64 (ids beyond 2⁵³).
            if value.rounded() == value, let exact = try? container.decode(Int64.self) {
                self = .integer(exact)
            } else {
                self = .number(value)
            }
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            // Every JSON value decodes as one of the above except a number beyond Double's range (1e400).
            throw DecodingError.dataCorrupted(
                DecodingError.Context(
                    codingPath: container.codingPath,
                    debugDescription: "a number too large to represent"))
        }
    }

    /// Parses `data`; the error is a sentence saying what is wrong and, when Foundation knows, where.
    static func parse(_ data: Data) -> Result<JSONValue, GeoJSONError> {
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: data))
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            return .failure(GeoJSONError("not valid JSON: \(context.debugDescription) at \(path(context.codingPath))"))
        } catch {
            // JSONDecoder says only "not valid JSON"; JSONSerialization's message gives the character offset.
            return .failure(GeoJSONError("not valid JSON: \(syntaxProblem(in: data))"))
        }
    }

    /// The JSON type's name as a user would say it, for messages ("found a string").
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value as a number, if it is one.
    var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }

    /// Compact JSON text of the value with sorted keys, for properties that are arrays or objects.
    var compactText: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .integer(let value): String(value)
        case .number(let value): GeoJSON.numberText(value)
        case .string(let value): Self.quoted(value)
        case .array(let values): "[" + values.map(\.compactText).joined(separator: ",") + "]"
        case .object(let members):
            "{"
                + members.keys.sorted().map { key in Self.quoted(key) + ":" + (members[key]?.compactText ?? "null") }
                .joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal for `text`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(control.value, radix: 16).count)
                    + String(control.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }

    private static func syntaxProblem(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "the text is not a JSON value"
        } catch {
            let nsError = error as NSError
            if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail.hasSuffix(".") ? String(detail.dropLast()) : detail
            }
            return nsError.localizedDescription
        }
    }
}
