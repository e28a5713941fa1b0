import BikePDCACore
import CSVSupport
import Foundation
import Geo

/// Reads one file of a dataset, validating every row against the format and the registered reference data.
///
/// Records are handed over one at a time, in file order, so a file of any size is read in bounded memory.
/// The reader writes nothing: the caller decides what to do with valid and rejected rows.
public final class DatasetFileReader {
    /// The dataset being read.
    public let dataset: Dataset
    /// The file as the user named it (used in messages).
    public let displayName: String
    /// Warnings about the file as a whole (personal-data columns, ignored columns).
    public private(set) var warnings: [ImportDiagnostic] = []
    /// The encoding in use, once known.
    public var encoding: TextEncoding? { csv?.encoding }
    /// The header row as the file spells it (empty until the first row is read).
    public private(set) var header: [String] = []
    /// The fields the dataset imports, as (field index, header) in field order (empty until the first row is read):
    /// what may be kept of a rejected row; the file's other columns, personal data among them, never are.
    public private(set) var importedColumns: [(index: Int, header: String)] = []
    /// The file's size in bytes.
    public let fileSize: Int
    /// Bytes consumed so far (for progress).
    public var bytesRead: Int { csv?.bytesRead ?? fileSize }

    private let path: String
    private let profile: MappingProfile
    private let reference: ReferenceData
    private let csv: CSVFileReader?

    /// Prepares to read `path`; GeoJSON (`.geojson`, `.json`) is accepted for zones.
    public init(
        path: String, displayName: String? = nil, dataset: Dataset, profile: MappingProfile = .identity,
        encoding: TextEncoding? = nil, reference: ReferenceData
    ) throws(ImportError) {
        let name = displayName ?? path
        self.path = path
        self.displayName = name
        self.dataset = dataset
        self.profile = profile
        self.reference = reference
        let lowercased = path.lowercased()
        if dataset == .zones && (lowercased.hasSuffix(".geojson") || lowercased.hasSuffix(".json")) {
            csv = nil
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
            fileSize = size ?? 0
        } else {
            do {
                let reader = try CSVFileReader(path: path, displayName: name, encoding: encoding ?? profile.encoding)
                csv = reader
                fileSize = reader.fileSize
            } catch {
                throw ImportError(file: name, line: error.line, column: error.column, message: error.reason)
            }
        }
    }

    /// Reads every row: valid ones go to `record` (with their line), invalid ones to `reject`.
    ///
    /// Throws an ``ImportError`` for problems with the file as a whole (unreadable, missing columns, broken
    /// quoting); errors thrown by the callbacks are rethrown as they are.
    public func read(
        record: (ParsedRecord, Int) throws -> Void, reject: (RejectedRow) throws -> Void
    ) throws {
        guard let csv else {
            try readGeoJSON(record: record, reject: reject)
            return
        }
        var decoder: RowDecoder?
        do {
            try csv.forEachRecord { row in
                guard let current = decoder else {
                    decoder = try makeDecoder(header: row.fields)
                    return
                }
                if row.fields.allSatisfy({ $0.isEmpty }) { return }  // Excel's empty formatted rows
                switch current.decode(row.fields, line: row.line) {
                case .success(let parsed): try record(parsed, row.line)
                case .failure(let failure):
                    try reject(RejectedRow(line: row.line, fields: row.fields, diagnostics: failure.diagnostics))
                }
            }
        } catch let error as CSVReadError {
            throw ImportError(file: displayName, line: error.line, column: error.column, message: error.reason)
        }
        if decoder == nil {
            throw ImportError(file: displayName, message: "the file is empty: expected a header row and data rows")
        }
    }

    private func makeDecoder(header: [String]) throws(ImportError) -> RowDecoder {
        let layout = try HeaderLayout(header: header, dataset: dataset, profile: profile, file: displayName)
        warnings = layout.warnings
        self.header = header
        let decoder = RowDecoder(
            dataset: dataset, layout: layout, profile: profile, file: displayName, reference: reference)
        importedColumns = decoder.importedColumns
        return decoder
    }

    private func readGeoJSON(record: (ParsedRecord, Int) throws -> Void, reject: (RejectedRow) throws -> Void) throws {
        guard let data = readWholeFile(path) else {
            throw ImportError(file: displayName, message: "cannot read the file")
        }
        let features: [GeoJSONFeature]
        do {
            features = try GeoJSON.featureCollection(from: data)
        } catch {
            throw ImportError(file: displayName, message: "invalid GeoJSON: \(error)")
        }
        var names = Set<String>()
        for feature in features { names.formUnion(feature.properties.keys) }
        names.remove("geometry")
        let header = names.sorted() + ["geometry"]
        let decoder = try makeDecoder(header: header)
        decoder.namesZonesInMessages = false
        let zoneIDColumn = decoder.layout.source(of: "zone_id")
        for feature in features {
            var fields = header.dropLast().map { feature.properties[$0] ?? "" }
            // A geometry over the position limit is refused as it is, not written out as text and read again.
            var problems: [String] = []
            if let geometry = feature.geometry, geometry.positionCount > ZoneGeometryCheck.maximumPositions {
                problems = ZoneGeometryCheck.problems(in: geometry)
                fields.append("")
            } else {
                fields.append(feature.geometry.map(GeoJSON.text(of:)) ?? "")
            }
            let number = feature.index + 1
            let decoded = decoder.decode(fields, line: number)
            if case .success(let parsed) = decoded, problems.isEmpty {
                try record(parsed, number)
                continue
            }
            // Located by feature and zone id: the column number of a property means nothing in GeoJSON.
            var zoneID: String?
            if case .field(let index, _)? = zoneIDColumn, index < fields.count, !fields[index].isEmpty {
                zoneID = fields[index]
            }
            let location = ImportDiagnostic.Feature(number: feature.index, zoneID: zoneID)
            var diagnostics = problems.map { problem in
                ImportDiagnostic(file: displayName, line: number, column: nil, message: problem, feature: location)
            }
            if case .failure(let failure) = decoded {
                diagnostics += failure.diagnostics.map { diagnostic in
                    ImportDiagnostic(
                        file: diagnostic.file, line: number, column: nil, severity: diagnostic.severity,
                        message: diagnostic.message, feature: location)
                }
            }
            try reject(RejectedRow(line: number, fields: fields, diagnostics: diagnostics))
        }
    }
}
