import BikePDCACore
import CSVSupport
import Foundation
import Importers
import Store

/// Imports NPA open-data 本票 files, each with the 補充票 of its release year; the counterpart of
/// ``ImportPipeline`` for the national accident data as published.
///
/// Each 本票 file is read in its own transaction, all-or-nothing: a row that cannot be read (reported as
/// `file:line:column: error: …`) writes nothing from that file unless `skipInvalid`. 補充票 files pair with the
/// 本票 file of the same year (the year in their names; a single 本票 file takes every 補充票 file given).
public struct NPAImportPipeline {
    /// The database written.
    public let store: RecordStore
    /// The NPA prefecture code kept (2 digits), or `nil` for every prefecture.
    public let prefecture: String?
    /// Import the valid rows of a file that has bad ones.
    public var skipInvalid = false

    /// Creates the pipeline; `prefecture` (e.g. `52` 福井, full-width digits accepted) is checked.
    public init(store: RecordStore, prefecture: String?) throws(WorkflowError) {
        let normalized = prefecture.map { TextNormalization.trimmed(TextNormalization.nfkc($0)) }
        if let normalized, NPACodeTables.prefectureName(normalized) == nil {
            throw .unknownPrefecture(normalized)
        }
        self.store = store
        self.prefecture = normalized
    }

    /// A 補充票 file read: its name and what it holds.
    public struct HojuhyoRead: Sendable {
        /// The file name.
        public var fileName: String
        /// Rows read.
        public var rows: Int
        /// Bicycle persons found.
        public var bicyclePersons: Int
    }

    /// The 補充票 indexes of `hojuhyo` by the release year of the 本票 file they pair with (`nil`: the single
    /// 本票 file's); `read` is told of each file read.
    public func hojuhyoIndexes(
        files: [String], hojuhyo: [String], read: (HojuhyoRead) -> Void = { _ in }
    ) throws(WorkflowError) -> [Int?: NPAHojuhyoIndex] {
        let honhyoYears = files.map { NPAHonhyoReader.releaseYear(fromFileName: Self.fileName($0)) }
        var byYear: [Int?: NPAHojuhyoIndex] = [:]
        for path in hojuhyo {
            let name = Self.fileName(path)
            var year = NPAHonhyoReader.releaseYear(fromFileName: name)
            if files.count == 1 {
                if let year, let honhyoYear = honhyoYears.first ?? nil, year != honhyoYear {
                    throw .unpairedHojuhyo(file: name, reason: "this 補充票 is of \(year), the 本票 file of \(honhyoYear)")
                }
                year = honhyoYears.first ?? nil
            } else if year == nil || !honhyoYears.contains(year) {
                throw .unpairedHojuhyo(
                    file: name,
                    reason: "cannot tell which 本票 file this 補充票 belongs to: give both the year in their names "
                        + "(honhyo_2019.csv, hojuhyo_2019.csv)")
            }
            do {
                let index = try NPAHojuhyoIndex.read(path: path, displayName: name, prefecture: prefecture)
                byYear[year, default: NPAHojuhyoIndex()].merge(index)
                read(HojuhyoRead(fileName: name, rows: index.rows, bicyclePersons: index.bicyclePersons))
            } catch {
                throw .unreadable(error.description)
            }
        }
        return byYear
    }

    /// What importing one 本票 file did.
    public struct FileResult: Sendable {
        /// The file name.
        public var fileName: String
        /// The import log entry, or `nil` when nothing was written.
        public var entry: ImportLogEntry?
        /// What the reader found (`nil` when nothing was written).
        public var summary: NPAHonhyoReader.Summary?
        /// The encoding read.
        public var encoding: TextEncoding?
        /// The first problems (at most 50), each `file:line:column: error: …`.
        public var problems: [ImportDiagnostic]
        /// Rows rejected, duplicates included.
        public var rejected: Int
    }

    /// Imports one 本票 file with the 補充票 index of its release year (from ``hojuhyoIndexes(files:hojuhyo:read:)``);
    /// `progress` is told the percentage read.
    public func importFile(
        path: String, hojuhyo indexes: [Int?: NPAHojuhyoIndex], progress: (Int) -> Void = { _ in }
    ) throws -> FileResult {
        let name = Self.fileName(path)
        let year = NPAHonhyoReader.releaseYear(fromFileName: name)
        let reader = NPAHonhyoReader(path: path, displayName: name)
        var options = NPAHonhyoReader.Options()
        options.prefecture = prefecture
        if let hojuhyo = indexes[year] {
            options.hojuhyo = hojuhyo
        } else if let year {
            // Without its 補充票, a re-import keeps what an earlier import learnt from it.
            options.hojuhyo = NPAHojuhyoIndex(
                bicycleKeys: try store.npaHojuhyoBicycleKeys(releaseYear: year, prefecture: prefecture))
        }
        var problems: [ImportDiagnostic] = []
        var rejected = 0
        var summary: NPAHonhyoReader.Summary?
        var shownProgress = 0
        let skipInvalid = skipInvalid
        let entry = try store.importNPAAccidents(
            fileName: name, sha256: try ImportPipeline.sha256(ofFile: path), encoding: nil,
            importedAt: ImportPipeline.localTimestamp()
        ) { writer in
            summary = try reader.read(
                options: options,
                record: { record in
                    if case .duplicate(let first) = try writer.write(record) {
                        rejected += 1
                        if problems.count < 50 {
                            problems.append(
                                ImportDiagnostic(
                                    file: name, line: record.sourceLine, column: nil,
                                    message: "duplicate accident \(record.recordID): the same key is on line \(first)"))
                        }
                    }
                    if reader.bytesRead - shownProgress >= 1 << 20 {
                        shownProgress = reader.bytesRead
                        progress(reader.bytesRead * 100 / max(reader.fileSize, 1))
                    }
                },
                reject: { diagnostic in
                    rejected += 1
                    if problems.count < 50 { problems.append(diagnostic) }
                })
            return rejected > 0 && !skipInvalid ? .rollback : .commit(rejected: rejected)
        }
        return FileResult(
            fileName: name, entry: entry, summary: entry == nil ? nil : summary, encoding: reader.encoding,
            problems: problems, rejected: rejected)
    }

    static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }
}
