import BikePDCACore
import CSVSupport
import Crypto
import Foundation
import Geo
import Importers
import Store

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Options of one `bikepdca import` run.
public struct ImportOptions: Sendable {
    public var dataset: Dataset
    /// A mapping profile (YAML or JSON) for files of another layout.
    public var mappingPath: String?
    /// Forces the encoding instead of detecting it.
    public var encoding: TextEncoding?
    /// Import the valid rows and write the rejected ones to a rejects CSV, instead of all-or-nothing.
    public var skipInvalid: Bool = false
    /// Check everything, write nothing.
    public var dryRun: Bool = false
    /// The file is the full extract of every station × month it covers (see docs/IMPORT.md).
    public var replacesMonths: Bool = false
    /// Import even when a file with the same content was imported before.
    public var force: Bool = false
    /// Where rejects files go (default: beside the input file).
    public var rejectsDirectory: String?
    /// At most this many diagnostics are kept for printing (all go to the rejects file). Default 50.
    public var diagnosticLimit = 50
    /// Accept rows of this station (and its zones) only: a row of another station is rejected like one of an
    /// unregistered station, with its line and column (a station's upload in the browser app). Default `nil`: all.
    public var onlyStation: String?

    /// Creates options for a dataset.
    public init(dataset: Dataset) { self.dataset = dataset }
}

/// What became of one file.
public struct FileImportResult: Sendable {
    /// How the import ended.
    public enum Status: Sendable {
        /// Written and logged.
        case imported(ImportLogEntry)
        /// The same bytes were imported before; nothing changed.
        case alreadyImported(ImportLogEntry)
        /// Checked only (`--dry-run`); nothing written.
        case checked
        /// Errors found; nothing written.
        case failed
    }

    public let file: String
    public let status: Status
    public let accepted: Int
    public let rejected: Int
    /// Errors, then warnings, as printed (capped at the options' limit).
    public let diagnostics: [ImportDiagnostic]
    /// How many errors there were in all (more than `diagnostics` holds when capped).
    public let errorCount: Int
    /// The rejects CSV written with `--skip-invalid`, if any rows were rejected.
    public let rejectsFile: String?
    public let encoding: TextEncoding?
}

/// Imports files into the store: reads and validates through the importers, writes through the store, one
/// transaction per file.
public struct ImportPipeline {
    let store: RecordStore
    let now: @Sendable () -> String

    /// Creates a pipeline writing to `store`; `now` gives the local time recorded in the import log.
    public init(store: RecordStore, now: @escaping @Sendable () -> String = ImportPipeline.localTimestamp) {
        self.store = store
        self.now = now
    }

    /// The current local time as `YYYY-MM-DD HH:MM:SS`.
    public static func localTimestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: Date())
    }

    /// SHA-256 of a file, hex, read in chunks.
    public static func sha256(ofFile path: String) throws -> String {
        var hasher = SHA256()
        try forEachChunk(ofFile: path) { hasher.update(data: $0) }
        return hex(hasher.finalize())
    }

    /// SHA-256 of a file (hex) and its encoding as ``EncodingDetector`` decides it from every byte, in one read.
    static func fingerprint(ofFile path: String) throws -> (sha256: String, encoding: TextEncoding) {
        var hasher = SHA256()
        var detector = EncodingDetector()
        try forEachChunk(ofFile: path) { chunk in
            hasher.update(data: chunk)
            chunk.withUnsafeBytes { detector.consume($0.assumingMemoryBound(to: UInt8.self)) }
        }
        return (hex(hasher.finalize()), detector.encoding)
    }

    /// A digest as lowercase hex, as the import log keeps it.
    private static func hex(_ digest: SHA256.Digest) -> String {
        digest.map { String(format: "%02x", $0) }.joined()
    }

    private static func forEachChunk(ofFile path: String, _ body: (Data) -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(file: path, message: "cannot open the file")
        }
        defer { try? handle.close() }
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { body(chunk) }
    }

    /// Imports one file. Throws only for problems outside the data (the database is busy, a disk error);
    /// data problems come back as a `.failed` result with diagnostics.
    public func importFile(
        path: String, options: ImportOptions, progress: ((_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> FileImportResult {
        let name = (path as NSString).lastPathComponent
        let profile: MappingProfile
        let reader: DatasetFileReader
        let digest: String
        do {
            profile =
                try options.mappingPath.map { path throws(ImportError) in
                    try MappingProfile.load(path: path, for: options.dataset)
                } ?? .identity
            let fingerprint = try Self.fingerprint(ofFile: path)
            digest = fingerprint.sha256
            var stations = try store.stations()
            var zoneStations = try store.zoneStations()
            if let only = options.onlyStation {
                stations = stations.filter { $0.id == only }
                zoneStations = zoneStations.filter { $0.value == only }
            }
            let reference = ReferenceData(stations: stations, zoneStations: zoneStations)
            // Detected from every byte of the file while it was hashed: the reader need not read it once more.
            let encoding = options.encoding ?? profile.encoding ?? fingerprint.encoding
            reader = try DatasetFileReader(
                path: path, displayName: name, dataset: options.dataset, profile: profile, encoding: encoding,
                reference: reference)
        } catch let error as ImportError {
            return failed(name, error.diagnostics, options: options)
        }
        if !options.force, !options.dryRun,
            let previous = try store.previousImport(sha256: digest, dataset: options.dataset)
        {
            return FileImportResult(
                file: name, status: .alreadyImported(previous), accepted: 0, rejected: 0, diagnostics: [],
                errorCount: 0, rejectsFile: nil, encoding: nil)
        }

        var errors: [ImportDiagnostic] = []
        var errorCount = 0
        var rejectedRows = 0
        var accepted = 0
        var rejects: CSVWriter?
        // Rejected rows stream to a temporary file beside the target (bounded memory); it is renamed into place
        // when the import commits and removed otherwise.
        let rejectsTarget = Self.rejectsPath(for: path, directory: options.rejectsDirectory)
        let rejectsPartial = rejectsTarget + ".partial"
        var rejectsHandle: FileHandle?
        var rejectsFailure: String?
        func flushRejects(force: Bool) {
            guard var writer = rejects, force || writer.data.count >= 1 << 20 else { return }
            if rejectsHandle == nil && rejectsFailure == nil {
                // Readable by its owner only, like the database: the rejected values are police records.
                try? FileManager.default.removeItem(atPath: rejectsPartial)
                let descriptor = open(rejectsPartial, O_CREAT | O_WRONLY | O_TRUNC | O_EXCL, 0o600)
                if descriptor >= 0 {
                    rejectsHandle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                } else {
                    rejectsFailure = "cannot create \(rejectsPartial) (\(String(cString: strerror(errno))))"
                }
            }
            let bytes = writer.takeData()
            rejects = writer
            do { try rejectsHandle?.write(contentsOf: bytes) } catch { rejectsFailure = "\(error)" }
        }
        var fileFailure: ImportError?
        let request = ImportRequest(
            dataset: options.dataset, fileName: name, sha256: digest, encoding: reader.encoding?.rawValue,
            replacesMonths: options.replacesMonths, importedAt: now())
        var lastProgress = 0

        func note(_ diagnostics: [ImportDiagnostic]) {
            errorCount += diagnostics.count
            for diagnostic in diagnostics where errors.count < options.diagnosticLimit { errors.append(diagnostic) }
        }
        func reject(_ row: RejectedRow) {
            rejectedRows += 1
            note(row.diagnostics)
            if options.skipInvalid {
                // Only the columns the dataset imports are kept: the file's other columns (names, addresses,
                // phone numbers) are never written anywhere.
                let kept = reader.importedColumns
                if rejects == nil {
                    rejects = CSVWriter()
                    rejects?.appendRow(["line", "error"] + kept.map(\.header))
                }
                let reasons = row.diagnostics.map { diagnostic in
                    (diagnostic.column.map { "column \($0): " } ?? "") + diagnostic.message
                }.joined(separator: "; ")
                let values = kept.map { $0.index < row.fields.count ? row.fields[$0.index] : "" }
                rejects?.appendRow([String(row.line), reasons] + values)
                flushRejects(force: false)
            }
        }

        var earlier: ImportLogEntry?
        let entry = try store.runImport(request) { writer in
            // Asked again inside the write transaction: the same file imported at the same moment by another
            // process passed the check above too, and whichever writes second sees the first one's log row here.
            if !options.force, !options.dryRun, let previous = try writer.earlierImport() {
                earlier = previous
                return .rollback
            }
            let handOver = RecordHandOver(reader: reader)
            defer { handOver.close() }
            do {
                while let batch = try handOver.next() {
                    for item in batch.items {
                        guard case .record(let record, let line) = item else {
                            if case .rejected(let row) = item { reject(row) }
                            continue
                        }
                        let outcome: WriteOutcome
                        switch record {
                        case .station(let station): outcome = try writer.write(station, line: line)
                        case .zone(let zone):
                            outcome = try writer.write(
                                zone, line: line, geometryText: zone.geometry.map(GeoJSON.text(of:)))
                        case .enforcement(let record): outcome = try writer.write(record, line: line)
                        case .accident(let accident): outcome = try writer.write(accident, line: line)
                        case .activity(let activity): outcome = try writer.write(activity, line: line)
                        case .plan(let plan): outcome = try writer.write(plan, line: line)
                        }
                        if case .duplicate(let first) = outcome {
                            reject(
                                RejectedRow(
                                    line: line, fields: [],
                                    diagnostics: [
                                        ImportDiagnostic(
                                            file: name, line: line, column: nil,
                                            message: "duplicate record: the same key already appears on line \(first) "
                                                + "of this file")
                                    ]))
                        } else {
                            accepted += 1
                        }
                    }
                    if let progress, batch.bytesRead - lastProgress >= 1 << 20 {
                        lastProgress = batch.bytesRead
                        progress(batch.bytesRead, reader.fileSize)
                    }
                }
            } catch let error as ImportError {
                fileFailure = error
                return .rollback
            }
            if options.dryRun { return .rollback }
            if rejectedRows > 0 && !options.skipInvalid { return .rollback }
            return .commit(rejected: rejectedRows)
        }
        if let earlier {
            return FileImportResult(
                file: name, status: .alreadyImported(earlier), accepted: 0, rejected: 0, diagnostics: [],
                errorCount: 0, rejectsFile: nil, encoding: nil)
        }
        progress?(reader.fileSize, reader.fileSize)

        if let fileFailure {
            return failed(name, errors + fileFailure.diagnostics + reader.warnings, options: options)
        }
        var rejectsFile: String?
        if rejects != nil {
            flushRejects(force: true)
            try? rejectsHandle?.close()
            if entry != nil && rejectsFailure == nil {
                try? FileManager.default.removeItem(atPath: rejectsTarget)
                do {
                    try FileManager.default.moveItem(atPath: rejectsPartial, toPath: rejectsTarget)
                    rejectsFile = rejectsTarget
                } catch {
                    rejectsFailure = "\(error)"
                }
            } else {
                try? FileManager.default.removeItem(atPath: rejectsPartial)
            }
            if let rejectsFailure, entry != nil {
                throw ImportError(
                    file: name,
                    message: "the valid rows were imported, but the rejects file \(rejectsTarget) could not be "
                        + "written (\(rejectsFailure))")
            }
        }
        let status: FileImportResult.Status
        if let entry {
            status = .imported(entry)
        } else if options.dryRun {
            status = .checked
        } else {
            status = .failed
        }
        return FileImportResult(
            file: name, status: status, accepted: accepted, rejected: rejectedRows,
            diagnostics: errors + reader.warnings, errorCount: errorCount, rejectsFile: rejectsFile,
            encoding: reader.encoding)
    }

    /// `DIR/NAME.rejects.csv` for an input `…/NAME.csv`; DIR defaults to the input's folder.
    static func rejectsPath(for path: String, directory: String?) -> String {
        let name = (path as NSString).lastPathComponent
        let folder = directory ?? (path as NSString).deletingLastPathComponent
        let base = (name as NSString).deletingPathExtension
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent("\(base).rejects.csv")
    }

    private func failed(_ name: String, _ diagnostics: [ImportDiagnostic], options: ImportOptions) -> FileImportResult {
        FileImportResult(
            file: name, status: .failed, accepted: 0, rejected: 0,
            diagnostics: Array(diagnostics.prefix(options.diagnosticLimit)),
            errorCount: diagnostics.filter { $0.severity == .error }.count, rejectsFile: nil, encoding: nil)
    }
}
