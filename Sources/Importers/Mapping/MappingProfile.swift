import BikePDCACore
import CSVSupport
import Foundation
import Yams

/// How to read a CSV of another layout: column renames, value maps, date form, encoding, constants.
///
/// Written as YAML or JSON (JSON is YAML too), e.g.:
/// ```yaml
/// dataset: enforcement
/// encoding: cp932
/// columns: { 取締番号: record_id, 違反年月日: date }
/// values: { violation: { 一時停止違反: stop } }
/// dates: { format: yyyyMMdd, era: reiwa }
/// constants: { department: community }
/// ```
public struct MappingProfile: Sendable {
    /// The dataset the profile is for, if it says.
    public var dataset: Dataset?
    /// The file's encoding, if fixed.
    public var encoding: TextEncoding?
    /// The file's header (as a header key) → canonical column name.
    public var columns: [String: String]
    /// Canonical column → (the file's value as a value key → canonical value).
    public var values: [String: [String: String]]
    /// How dates are written.
    public var dateOptions: DateParseOptions
    /// Canonical columns with one value for the whole file.
    public var constants: [String: String]

    /// A profile that changes nothing.
    public static let identity = MappingProfile(
        dataset: nil, encoding: nil, columns: [:], values: [:], dateOptions: .automatic, constants: [:])

    /// Creates a profile.
    public init(
        dataset: Dataset?, encoding: TextEncoding?, columns: [String: String], values: [String: [String: String]],
        dateOptions: DateParseOptions, constants: [String: String]
    ) {
        self.dataset = dataset
        self.encoding = encoding
        self.columns = columns
        self.values = values
        self.dateOptions = dateOptions
        self.constants = constants
    }

    /// The profile as written, before its names are checked.
    private struct File {
        var dataset: String?
        var encoding: String?
        var columns: [(key: String, value: String)] = []
        var values: [(column: String, map: [(key: String, value: String)])] = []
        var dateFormat: String?
        var dateEra: String?
        var constants: [(key: String, value: String)] = []
    }

    /// Reads a profile from a YAML or JSON file, checking every name it uses against the dataset's columns.
    ///
    /// Takes time in proportion to the profile's size: the YAML is composed into nodes and each mapping walked once
    /// (decoding it through `Decodable` looked every key up by a linear search, so 20,000 value entries took minutes).
    public static func load(path: String, for dataset: Dataset) throws(ImportError) -> MappingProfile {
        let name = (path as NSString).lastPathComponent
        guard let data = readWholeFile(path) else {
            throw ImportError(file: path, message: "cannot read the mapping profile")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError(file: name, message: "the mapping profile must be UTF-8 text")
        }
        let file: File
        do {
            file = try Self.file(from: text)
        } catch {
            throw ImportError(file: name, message: "not a valid mapping profile: \(error.message)")
        }
        var problems: [String] = []
        var declared: Dataset?
        if let datasetName = file.dataset {
            declared = Dataset(rawValue: datasetName)
            if declared == nil {
                problems.append(
                    "unknown dataset \"\(datasetName)\" (expected one of "
                        + Dataset.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            } else if declared != dataset {
                problems.append("the profile is for \(datasetName), but the import is of \(dataset)")
            }
        }
        var encoding: TextEncoding?
        if let spelled = file.encoding {
            encoding = TextEncoding(userSpelling: spelled)
            if encoding == nil { problems.append("unknown encoding \"\(spelled)\" (expected utf8 or cp932)") }
        }
        let canonical = Set(dataset.columns.map(\.name))
        let expected = dataset.columns.map(\.name).joined(separator: ", ")
        var columns: [String: String] = [:]
        for (header, target) in file.columns {
            let key = TextNormalization.headerKey(header)
            if let marker = HeaderLayout.personalDataMarker(inHeaderKey: key) {
                problems.append(
                    "columns: \"\(header)\" looks like personal data (\(marker)) and cannot be mapped to \(target): "
                        + "personal data is never imported or stored")
            } else if canonical.contains(target) {
                columns[key] = target
            } else {
                problems.append(
                    "columns: \"\(header)\" maps to unknown column \"\(target)\" (expected one of \(expected))")
            }
        }
        var values: [String: [String: String]] = [:]
        for (column, map) in file.values {
            guard canonical.contains(column) else {
                problems.append("values: unknown column \"\(column)\" (expected one of \(expected))")
                continue
            }
            var normalised = values[column] ?? [:]
            normalised.reserveCapacity(map.count)
            for (key, value) in map where normalised[TextNormalization.valueKey(key)] == nil {
                normalised[TextNormalization.valueKey(key)] = value
            }
            values[column] = normalised
        }
        var constants: [String: String] = [:]
        for (column, value) in file.constants {
            if canonical.contains(column) {
                constants[column] = value
            } else {
                problems.append("constants: unknown column \"\(column)\" (expected one of \(expected))")
            }
        }
        var dateOptions = DateParseOptions.automatic
        if let format = file.dateFormat, format.lowercased() != "auto" {
            dateOptions.pattern = format
        }
        if let eraName = file.dateEra {
            if let era = JapaneseEra.allCases.first(where: { era in
                [era.rawValue, era.romanized, String(era.initial)].contains { $0.lowercased() == eraName.lowercased() }
            }) {
                dateOptions.defaultEra = era
            } else {
                problems.append("dates.era: unknown era \"\(eraName)\" (expected reiwa, heisei or showa)")
            }
        }
        if !problems.isEmpty {
            throw ImportError(problems.map { ImportDiagnostic(file: name, line: nil, column: nil, message: $0) })
        }
        return MappingProfile(
            dataset: declared, encoding: encoding, columns: columns, values: values, dateOptions: dateOptions,
            constants: constants)
    }

    /// A profile that is not the expected shape: where, and what was found.
    private struct ShapeError: Error {
        let message: String
    }

    /// Composes `yaml` into nodes and reads the profile's fields from them.
    private static func file(from yaml: String) throws(ShapeError) -> File {
        let root: Node?
        do {
            // Only merge keys are resolved: every other scalar is text, as the profile's names and values are.
            let parser = try Parser(yaml: yaml, resolver: Resolver.basic.appending(.merge))
            root = try parser.singleRoot()
        } catch {
            throw ShapeError(message: "the text is not valid YAML or JSON (\(error))")
        }
        guard let root else {
            throw ShapeError(message: "the profile is empty (expected a mapping such as dataset: …)")
        }
        let top = try mapping(root, at: "")
        var file = File()
        for (keyNode, value) in top {
            let key = try scalarText(keyNode, at: "a key")
            switch key {
            case "dataset": file.dataset = try optionalText(value, at: key)
            case "encoding": file.encoding = try optionalText(value, at: key)
            case "columns": file.columns = try textMapping(value, at: key)
            case "constants": file.constants = try textMapping(value, at: key)
            case "values":
                if value.null != nil { continue }
                for (columnNode, map) in try mapping(value, at: key) {
                    let column = try scalarText(columnNode, at: "a key of values")
                    file.values.append((column, try textMapping(map, at: "values.\(column)")))
                }
            case "dates":
                if value.null != nil { continue }
                for (fieldNode, field) in try mapping(value, at: key) {
                    switch try scalarText(fieldNode, at: "a key of dates") {
                    case "format": file.dateFormat = try optionalText(field, at: "dates.format")
                    case "era": file.dateEra = try optionalText(field, at: "dates.era")
                    default: continue
                    }
                }
            default:
                continue  // Other keys (comments of a kind, newer settings) are ignored, as before.
            }
        }
        return file
    }

    private static func mapping(_ node: Node, at path: String) throws(ShapeError) -> Node.Mapping {
        guard let mapping = node.mapping else {
            throw ShapeError(message: (path.isEmpty ? "" : "at \(path): ") + "expected a mapping, found \(kind(node))")
        }
        return mapping
    }

    private static func scalarText(_ node: Node, at path: String) throws(ShapeError) -> String {
        guard case .scalar(let scalar) = node else {
            throw ShapeError(message: "at \(path): expected text, found \(kind(node))")
        }
        return scalar.string
    }

    private static func optionalText(_ node: Node, at path: String) throws(ShapeError) -> String? {
        node.null != nil ? nil : try scalarText(node, at: path)
    }

    /// A mapping of text to text, in the order written; an empty value (`key:`) is empty text.
    private static func textMapping(_ node: Node, at path: String) throws(ShapeError) -> [(key: String, value: String)]
    {
        if node.null != nil { return [] }
        let map = try mapping(node, at: path)
        var pairs: [(key: String, value: String)] = []
        pairs.reserveCapacity(map.count)
        for (keyNode, value) in map {
            let key = try scalarText(keyNode, at: "a key of \(path)")
            pairs.append((key, try scalarText(value, at: "\(path).\(key)")))
        }
        return pairs
    }

    private static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "text"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
