import ArgumentParser
import BikePDCACore
import Foundation
import Importers
import Pipeline
import Store

// The NPA record already has every property the store asks for; the conformance is declared here, where
// importer and store meet, so that neither module depends on the other.
extension NPAAccidentRecord: NPAAccidentStorable {}

extension BikePDCA {
    /// Imports NPA open-data 本票 files (`bikepdca import npa-accidents honhyo_2019.csv --hojuhyo hojuhyo_2019.csv`),
    /// then assigns zones by position.
    ///
    /// Each 本票 file is read in its own transaction, all-or-nothing: a row that cannot be read (reported as
    /// `file:line:column: error: …`) writes nothing from that file unless `skipInvalid`. 補充票 files pair with
    /// the 本票 file of the same year (the year in their names; a single 本票 file takes every 補充票 file given).
    /// `prefecture` is an NPA prefecture code (2 digits, e.g. `52` 福井). Throws `ExitCode(1)` when a file failed.
    static func importNPA(
        files: [String], hojuhyo: [String], prefecture: String?, store: RecordStore, skipInvalid: Bool = false
    ) throws {
        let prefecture = prefecture.map { TextNormalization.trimmed(TextNormalization.nfkc($0)) }
        if let prefecture, NPACodeTables.prefectureName(prefecture) == nil {
            Console.error(
                "error: unknown NPA prefecture code '\(prefecture)' (2 digits, NPA numbering, not JIS: e.g. 30 東京, "
                    + "52 福井, 62 大阪)")
            throw ExitCode(2)
        }
        let honhyoYears = files.map { NPAHonhyoReader.releaseYear(fromFileName: Self.fileName($0)) }
        // 補充票 indexes by release year (nil: the single 本票 file's).
        var hojuhyoByYear: [Int?: NPAHojuhyoIndex] = [:]
        for path in hojuhyo {
            let name = Self.fileName(path)
            var year = NPAHonhyoReader.releaseYear(fromFileName: name)
            if files.count == 1 {
                if let year, let honhyoYear = honhyoYears.first ?? nil, year != honhyoYear {
                    Console.error("\(name): error: this 補充票 is of \(year), the 本票 file of \(honhyoYear)")
                    throw ExitCode(1)
                }
                year = honhyoYears.first ?? nil
            } else if year == nil || !honhyoYears.contains(year) {
                Console.error(
                    "\(name): error: cannot tell which 本票 file this 補充票 belongs to: give both the year in their "
                        + "names (honhyo_2019.csv, hojuhyo_2019.csv)")
                throw ExitCode(1)
            }
            do {
                let index = try NPAHojuhyoIndex.read(path: path, displayName: name, prefecture: prefecture)
                hojuhyoByYear[year, default: NPAHojuhyoIndex()].merge(index)
                print("\(name): \(index.rows) 補充票 rows, \(index.bicyclePersons) bicycle persons")
            } catch {
                Console.error(error.description)
                throw ExitCode(1)
            }
        }

        var failures = 0
        for (path, nameYear) in zip(files, honhyoYears) {
            let name = Self.fileName(path)
            do {
                if try !importNPAFile(
                    path: path, name: name, year: nameYear, hojuhyo: hojuhyoByYear[nameYear], prefecture: prefecture,
                    store: store, skipInvalid: skipInvalid)
                {
                    failures += 1
                }
            } catch let error as ImportError {
                Console.error(error.description)
                failures += 1
            } catch {
                Console.error("\(name): error: \(error)")
                failures += 1
            }
        }
        try assignZonesAfterImport(store)
        if failures > 0 { throw ExitCode(1) }
    }

    /// Imports one 本票 file; returns whether it was written.
    private static func importNPAFile(
        path: String, name: String, year: Int?, hojuhyo: NPAHojuhyoIndex?, prefecture: String?,
        store: RecordStore, skipInvalid: Bool
    ) throws -> Bool {
        let reader = NPAHonhyoReader(path: path, displayName: name)
        var options = NPAHonhyoReader.Options()
        options.prefecture = prefecture
        if let hojuhyo {
            options.hojuhyo = hojuhyo
        } else if let year {
            // Without its 補充票, a re-import keeps what an earlier import learnt from it.
            options.hojuhyo = NPAHojuhyoIndex(
                bicycleKeys: try store.npaHojuhyoBicycleKeys(releaseYear: year, prefecture: prefecture))
        }
        var problems: [ImportDiagnostic] = []
        var rejected = 0
        var duplicates = 0
        var summary: NPAHonhyoReader.Summary?
        var shownProgress = 0
        let entry = try store.importNPAAccidents(
            fileName: name, sha256: try ImportPipeline.sha256(ofFile: path), encoding: nil,
            importedAt: ImportPipeline.localTimestamp()
        ) { writer in
            summary = try reader.read(
                options: options,
                record: { record in
                    if case .duplicate(let first) = try writer.write(record) {
                        duplicates += 1
                        if problems.count < 50 {
                            problems.append(
                                ImportDiagnostic(
                                    file: name, line: record.sourceLine, column: nil,
                                    message: "duplicate accident \(record.recordID): the same key is on line \(first)"))
                        }
                    }
                    if reader.bytesRead - shownProgress >= 1 << 20 {
                        shownProgress = reader.bytesRead
                        Console.progress("\(name): \(reader.bytesRead * 100 / max(reader.fileSize, 1))%")
                    }
                },
                reject: { diagnostic in
                    rejected += 1
                    if problems.count < 50 { problems.append(diagnostic) }
                })
            return rejected + duplicates > 0 && !skipInvalid ? .rollback : .commit(rejected: rejected + duplicates)
        }
        Console.endProgress()
        for problem in problems { Console.error(problem.description) }
        guard let entry, let summary else {
            Console.error(
                "\(name): not imported: \(rejected + duplicates) row(s) with errors; nothing from this file was "
                    + "written (--skip-invalid imports the valid rows)")
            return false
        }
        let layout = summary.edition == .from2019 ? "58 columns, 2019–2021" : "68 columns, 2022 on"
        let encoding = reader.encoding.map { ", \($0)" } ?? ""
        print(
            "\(name): imported \(entry.rowsAccepted) NPA accidents (release \(summary.releaseYear), \(layout)"
                + "\(encoding)); \(summary.bicycle) with a bicycle (\(summary.fatalBicycle) fatal, "
                + "\(summary.bicycleOnlyInHojuhyo) found only in the 補充票)")
        if summary.otherPrefectures > 0 { print("  \(summary.otherPrefectures) rows of other prefectures skipped") }
        if summary.missingLocation + summary.invalidLocation > 0 {
            print(
                "  \(summary.missingLocation) without a position, \(summary.invalidLocation) with an invalid one: "
                    + "see `bikepdca qa`")
        }
        if summary.outsideReleaseYears > 0 {
            print(
                "  warning: \(summary.outsideReleaseYears) rows dated outside \(summary.releaseYear - 1)–"
                    + "\(summary.releaseYear): is \(summary.releaseYear) the right release year?")
        }
        if entry.rowsReplaced > 0 {
            print("  \(entry.rowsReplaced) earlier bicycle accidents no longer involve a bicycle: removed")
        }
        return true
    }

    private static func fileName(_ path: String) -> String { (path as NSString).lastPathComponent }
}
