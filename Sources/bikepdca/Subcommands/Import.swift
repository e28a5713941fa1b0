import ArgumentParser
import CSVSupport
import Foundation
import Importers
import Pipeline

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
                try BikePDCA.importNPA(
                    files: files, hojuhyo: hojuhyo, prefecture: prefecture, store: opened, skipInvalid: skipInvalid)
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
                    print(line)
                    if let rejects = result.rejectsFile { print("\(name): rejected rows and reasons: \(rejects)") }
                case .alreadyImported(let entry):
                    print("\(name): already imported on \(entry.importedAt) (same content); nothing changed")
                case .checked:
                    print(
                        "\(name): dry run: \(result.accepted) rows valid, \(result.rejected) rejected\(encodingNote); "
                            + "nothing written")
                    if result.rejected > 0 { failures += 1 }
                case .failed:
                    Console.error(
                        "\(name): not imported: \(result.errorCount) error(s); nothing from this file was written"
                            + (skipInvalid ? "" : " (--skip-invalid imports the valid rows)"))
                    failures += 1
                }
            }
            // Also finishes an assignment left pending by an earlier run (killed, or --no-assign).
            if !dryRun && !noAssign { try BikePDCA.assignZonesAfterImport(opened) }
            if failures > 0 { throw ExitCode(1) }
        }
    }
}
