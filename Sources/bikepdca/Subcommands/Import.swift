import ArgumentParser
import CSVSupport
import Foundation
import Importers
import Store
import Workflows

/// What `bikepdca import` reads: one of the canonical datasets, or the NPA open accident data as published.
enum ImportTarget: String, CaseIterable, ExpressibleByArgument {
    case stations, zones, enforcement, accidents, activities, plans
    case npaAccidents = "npa-accidents"

    var dataset: Dataset? { Dataset(rawValue: rawValue) }
}

extension BikePDCA {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import CSV files (or a zones GeoJSON) into the database.",
            discussion: """
                Datasets: stations, zones, enforcement, accidents, activities, plans (formats: docs/DATASETS.md),
                and npa-accidents: the National Police Agency's open accident data as published (本票 files, with
                their 補充票 through --hojuhyo; docs/NPA.md).
                Import stations first, then zones, then the rest: rows are checked against registered stations
                and zones. After enforcement and accidents, records with coordinates but no zone are placed in
                their zone by position (see bikepdca assign).

                Each file is all-or-nothing: one bad row and nothing of that file is written; every bad cell is
                reported as file:line:column. --skip-invalid imports the valid rows and writes the others, with
                their reasons, to FILE.rejects.csv.

                Importing the same file again changes nothing. A corrected file replaces records with the same
                record id; with --full-month it also removes earlier records of each station and month it
                covers that it no longer contains.
                """)

        @OptionGroup var store: StoreOptions

        @Argument(help: "stations | zones | enforcement | accidents | activities | plans | npa-accidents")
        var dataset: ImportTarget

        @Argument(help: "CSV files (zones also accept .geojson).")
        var files: [String]

        @Option(help: "A mapping profile (YAML or JSON) for files of another layout.")
        var mapping: String?

        @Option(help: "Force the encoding: utf8 or cp932 (default: detected).")
        var encoding: String?

        @Flag(help: "Import the valid rows; write rejected rows with their reasons to FILE.rejects.csv.")
        var skipInvalid = false

        @Flag(help: "Check everything and report, but write nothing.")
        var dryRun = false

        @Flag(help: "Each file is the full extract of the station-months it covers: replace them.")
        var fullMonth = false

        @Flag(help: "Import even if a file with the same content was imported before.")
        var force = false

        @Option(help: "Folder for rejects files (default: beside each input file).")
        var rejectsDir: String?

        @Flag(
            help:
                "Do not place records in zones by position afterwards (bulk loads: run bikepdca assign once at the end)."
        )
        var noAssign = false

        @Option(help: "npa-accidents: a 補充票 (hojuhyo) file of the same year; repeat for several.")
        var hojuhyo: [String] = []

        @Option(help: "npa-accidents: keep only this NPA prefecture code (2 digits, e.g. 52 福井).")
        var prefecture: String?

        func validate() throws {
            if let encoding, TextEncoding(userSpelling: encoding) == nil {
                throw ValidationError("unknown encoding '\(encoding)' (expected utf8 or cp932)")
            }
            if let missing = files.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
                throw ValidationError("no such file: \(missing)")
            }
            if let mapping, !FileManager.default.fileExists(atPath: mapping) {
                throw ValidationError("no such mapping profile: \(mapping)")
            }
            if let missing = hojuhyo.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
                throw ValidationError("no such file: \(missing)")
            }
            if dataset != .npaAccidents && (!hojuhyo.isEmpty || prefecture != nil) {
                throw ValidationError("--hojuhyo and --prefecture apply to npa-accidents only")
            }
        }

        func run() throws {
            let opened = try store.openForWriting()
            guard let dataset = dataset.dataset else {
                try importNPA(opened)
                return
            }
            let pipeline = ImportPipeline(store: opened)
            var options = ImportOptions(dataset: dataset)
            options.mappingPath = mapping
            options.encoding = encoding.flatMap(TextEncoding.init(userSpelling:))
            options.skipInvalid = skipInvalid
            options.dryRun = dryRun
            options.replacesMonths = fullMonth
            options.force = force
            options.rejectsDirectory = rejectsDir
            var failures = 0
            for file in files {
                let name = (file as NSString).lastPathComponent
                let result: FileImportResult
                do {
                    result = try pipeline.importFile(path: file, options: options) { done, total in
                        let percent = total > 0 ? done * 100 / total : 100
                        Console.progress("\(name): \(percent)% (\(done >> 20) of \(total >> 20) MiB)")
                    }
                } catch {
                    Console.endProgress()
                    Console.error("\(name): error: \(error)")
                    failures += 1
                    continue
                }
                Console.endProgress()
                for diagnostic in result.diagnostics { Console.error(diagnostic.description) }
                if result.errorCount > result.diagnostics.filter({ $0.severity == .error }).count {
                    let shown = result.diagnostics.filter { $0.severity == .error }.count
                    Console.error("\(name): … and \(result.errorCount - shown) more errors")
                }
                let encodingNote = result.encoding.map { " (\($0))" } ?? ""
                switch result.status {
                case .imported(let entry):
                    var line = "\(name): imported \(entry.rowsAccepted) \(dataset) rows\(encodingNote)"
                    if entry.rowsReplaced > 0 { line += ", replaced \(entry.rowsReplaced) earlier rows" }
                    if entry.rowsRejected > 0 { line += ", rejected \(entry.rowsRejected)" }
                    Console.out(line)
                    if let rejects = result.rejectsFile {
                        Console.out("\(name): rejected rows and reasons: \(rejects)")
                    }
                case .alreadyImported(let entry):
                    Console.out("\(name): already imported on \(entry.importedAt) (same content); nothing changed")
                case .checked:
                    Console.out(
                        "\(name): dry run: \(result.accepted) rows valid, \(result.rejected) rejected\(encodingNote); "
                            + "nothing written")
                    if result.rejected > 0 { failures += 1 }
                case .failed:
                    Console.error(
                        "\(name): not imported: \(result.errorCount) error\(result.errorCount == 1 ? "" : "s"); nothing from this file was written"
                            + (skipInvalid ? "" : " (--skip-invalid imports the valid rows)"))
                    failures += 1
                }
            }
            // Also finishes an assignment left pending by an earlier run (killed, or --no-assign).
            if !dryRun && !noAssign { try BikePDCA.assignZonesAfterImport(opened) }
            if failures > 0 { throw ExitCode(1) }
        }

        /// Imports NPA 本票 files with their 補充票, then assigns zones by position; exit 1 when a file failed.
        private func importNPA(_ store: RecordStore) throws {
            var pipeline = try NPAImportPipeline(store: store, prefecture: prefecture)
            pipeline.skipInvalid = skipInvalid
            let indexes = try pipeline.hojuhyoIndexes(files: files, hojuhyo: hojuhyo) { read in
                Console.out("\(read.fileName): \(read.rows) 補充票 rows, \(read.bicyclePersons) bicycle persons")
            }
            var failures = 0
            for path in files {
                let name = (path as NSString).lastPathComponent
                let result: NPAImportPipeline.FileResult
                do {
                    result = try pipeline.importFile(path: path, hojuhyo: indexes) { percent in
                        Console.progress("\(name): \(percent)%")
                    }
                } catch let error as ImportError {
                    Console.error(error.description)
                    failures += 1
                    continue
                } catch {
                    Console.error("\(name): error: \(error)")
                    failures += 1
                    continue
                }
                Console.endProgress()
                for problem in result.problems { Console.error(problem.description) }
                guard let entry = result.entry, let summary = result.summary else {
                    Console.error(
                        "\(name): not imported: \(result.rejected) row\(result.rejected == 1 ? "" : "s") with errors; nothing from this file was "
                            + "written (--skip-invalid imports the valid rows)")
                    failures += 1
                    continue
                }
                let layout = summary.edition == .from2019 ? "58 columns, 2019–2021" : "68 columns, 2022 on"
                let encoding = result.encoding.map { ", \($0)" } ?? ""
                Console.out(
                    "\(name): imported \(entry.rowsAccepted) NPA accidents (release \(summary.releaseYear), \(layout)"
                        + "\(encoding)); \(summary.bicycle) with a bicycle (\(summary.fatalBicycle) fatal, "
                        + "\(summary.bicycleOnlyInHojuhyo) found only in the 補充票)")
                if summary.otherPrefectures > 0 {
                    Console.out("  \(summary.otherPrefectures) rows of other prefectures skipped")
                }
                if summary.missingLocation + summary.invalidLocation > 0 {
                    Console.out(
                        "  \(summary.missingLocation) without a position, \(summary.invalidLocation) with an invalid "
                            + "one: see `bikepdca qa`")
                }
                if summary.outsideReleaseYears > 0 {
                    Console.out(
                        "  warning: \(summary.outsideReleaseYears) rows dated outside \(summary.releaseYear - 1)–"
                            + "\(summary.releaseYear): is \(summary.releaseYear) the right release year?")
                }
                if entry.rowsReplaced > 0 {
                    Console.out(
                        "  \(entry.rowsReplaced) earlier bicycle accidents no longer involve a bicycle: removed")
                }
            }
            try BikePDCA.assignZonesAfterImport(store)
            if failures > 0 { throw ExitCode(1) }
        }
    }
}
