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

    private struct File: Decodable {
        var dataset: String?
        var encoding: String?
        var columns: [String: String]?
        var values: [String: [String: String]]?
        var dates: Dates?
        var constants: [String: String]?
        struct Dates: Decodable {
            var format: String?
            var era: String?
        }
    }

    /// Reads a profile from a YAML or JSON file, checking every name it uses against the dataset's columns.
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
            file = try YAMLDecoder().decode(File.self, from: text)
        } catch {
            throw ImportError(file: name, message: "not a valid mapping profile: \(Self.describe(error))")
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
        for (header, target) in file.columns ?? [:] {
            if canonical.contains(target) {
                columns[TextNormalization.headerKey(header)] = target
            } else {
                problems.append(
                    "columns: \"\(header)\" maps to unknown column \"\(target)\" (expected one of \(expected))")
            }
        }
        var values: [String: [String: String]] = [:]
        for (column, map) in file.values ?? [:] {
            guard canonical.contains(column) else {
                problems.append("values: unknown column \"\(column)\" (expected one of \(expected))")
                continue
            }
            values[column] = Dictionary(
                map.map { (TextNormalization.valueKey($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        for column in (file.constants ?? [:]).keys where !canonical.contains(column) {
            problems.append("constants: unknown column \"\(column)\" (expected one of \(expected))")
        }
        var dateOptions = DateParseOptions.automatic
        if let format = file.dates?.format, format.lowercased() != "auto" {
            dateOptions.pattern = format
        }
        if let eraName = file.dates?.era {
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
            constants: file.constants ?? [:])
    }

    private static func describe(_ error: any Error) -> String {
        if let decoding = error as? DecodingError {
            switch decoding {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
                .dataCorrupted(let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return (path.isEmpty ? "" : "at \(path): ") + context.debugDescription
            @unknown default:
                return String(describing: error)
            }
        }
        return String(describing: error)
    }
}
