import Analytics
import ArgumentParser
import BikePDCACore
import Foundation
import ReportBuilders
import Reports
import Store

/// Which files a report run writes.
enum ReportFileFormat: String, ExpressibleByArgument, CaseIterable {
    case html, csv, both
}

extension ReportLanguage: ExpressibleByArgument {}

/// The output flags shared by every `report` subcommand.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: "The folder the reports are written to (created if needed).")
    var out: String = "Reports"

    @Option(help: "The report language: ja (default) or en.")
    var lang: ReportLanguage = .ja

    @Option(help: "The time printed as 'generated at' (default: now, local time); fix it for reproducible files.")
    var generatedAt: String?

    @Flag(help: "Write CSV files without the UTF-8 byte-order mark (Excel on Japanese Windows needs it).")
    var noBom = false

    @Option(help: "html, csv or both (default: both; every table of a report also as a CSV file).")
    var format: ReportFileFormat = .both

    var settings: ReportSettings {
        ReportSettings(language: lang, generatedAt: generatedAt ?? Self.now())
    }

    static func now() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date())
    }
}

/// Writes reports into the output folder: HTML and/or CSV, every name from data through `safeFileName`, never
/// outside the folder, never two reports under one name.
final class ReportFileWriter {
    let folder: URL
    let options: ReportOutputOptions
    private var usedNames: Set<String> = []
    private(set) var filesWritten = 0

    init(options: ReportOutputOptions) throws {
        self.options = options
        folder = URL(fileURLWithPath: options.out, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            Console.error("error: cannot create the output folder \(options.out): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }

    /// Writes `document` as `<base>.html` and/or `<base>_NN_<caption>.csv`; returns the HTML file name.
    @discardableResult
    func write(_ document: ReportDocument, baseName: String) throws -> String {
        var base = safeFileName(baseName)
        var suffix = 2
        while usedNames.contains(base) {
            base = safeFileName("\(safeFileName(baseName))_\(suffix)")
            suffix += 1
        }
        usedNames.insert(base)
        let htmlName = base + ".html"
        if options.format != .csv {
            try save(HTMLRenderer().renderData(document), as: htmlName)
        }
        if options.format != .html {
            for file in CSVRenderer(writesByteOrderMark: !options.noBom).files(for: document, baseName: base) {
                try save(file.bytes, as: file.fileName)
            }
        }
        return htmlName
    }

    private func save(_ bytes: [UInt8], as name: String) throws {
        let url = folder.appendingPathComponent(name).standardizedFileURL
        // safeFileName never yields a separator or `..`; checked again so no data can write outside --out.
        guard url.deletingLastPathComponent().path == folder.path else {
            Console.error("error: refusing to write \(name) outside \(folder.path)")
            throw ExitCode(1)
        }
        do {
            try Data(bytes).write(to: url)
        } catch {
            Console.error("error: cannot write \(url.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        filesWritten += 1
    }
}

extension BikePDCA {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Self-contained HTML reports (and every table as CSV) for a zone, a station, the prefecture.",
            discussion: """
                report all --period FY2025 writes every zone, station and the prefecture report plus index.html \
                into --out (default Reports/). Reports open offline (no scripts, no requests); CSV files are UTF-8 \
                with a BOM for Excel (--no-bom to omit it). Fix --generated-at for byte-identical output.
                """,
            subcommands: [
                ZoneReport.self, StationReport.self, PrefectureReport.self, CompareReport.self, AllReports.self,
            ])
    }
}

extension BikePDCA.Report {
    /// What the zone, station and prefecture subcommands share: parse `period`, open the loader, let `document`
    /// build the report (and its base file name) from them, write it and print the HTML file's path.
    static func writeOne(
        period: String, _ store: StoreOptions, _ scope: ScopeOptions, _ output: ReportOutputOptions,
        document: (ReportLoader, ReportingPeriod) throws -> (ReportDocument, String)
    ) throws {
        let reporting = try AnalyticsSupport.parsePeriod(period)
        let loader = try ReportLoader.open(store, scope)
        let (made, baseName) = try document(loader, reporting)
        let writer = try ReportFileWriter(options: output)
        let name = try writer.write(made, baseName: baseName)
        Console.endProgress()
        print(writer.folder.appendingPathComponent(name).path)
    }

    struct ZoneReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "zone", abstract: "One zone's month-by-month Plan / Do / Check, before/after, timing and map.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Argument(help: "The zone id (e.g. 58101-D01).")
        var zoneID: String

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            try BikePDCA.Report.writeOne(period: period, store, scope, output) { loader, reporting in
                let zone = try loader.zone(zoneID)
                Console.progress("loading \(reporting.label)…")
                let analytics = try AnalyticsSupport.run { try loader.analytics(reporting, of: zone) }
                let detail = try AnalyticsSupport.run { try loader.detail(zone, period: reporting) }
                return (
                    ZoneReportBuilder.document(detail, analytics: analytics, settings: output.settings),
                    "zone_\(zone.id)"
                )
            }
        }
    }

    struct StationReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "station", abstract: "A station's zones, departments compared, plan attainment and Act.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Argument(help: "The five-digit station code (prefecture + station, e.g. 58101).")
        var stationID: String

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            try BikePDCA.Report.writeOne(period: period, store, scope, output) { loader, reporting in
                let station = try loader.station(stationID)
                Console.progress("loading \(reporting.label)…")
                let analytics = try AnalyticsSupport.run { try loader.analytics(reporting) }
                return (
                    StationReportBuilder.document(
                        stationID: station.id, analytics: analytics, settings: output.settings),
                    "station_\(station.id)"
                )
            }
        }
    }

    struct PrefectureReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "prefecture", abstract: "Stations and zones ranked, hot spots outside zones, the Act list.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            try BikePDCA.Report.writeOne(period: period, store, scope, output) { loader, reporting in
                Console.progress("loading \(reporting.label)…")
                let analytics = try AnalyticsSupport.run { try loader.analytics(reporting) }
                return (PrefectureReportBuilder.document(analytics: analytics, settings: output.settings), "prefecture")
            }
        }
    }

    struct CompareReport: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare", abstract: "A zone's before–after evaluation as a document.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(help: "The zone to evaluate.")
        var zone: String

        @Option(help: "The before window (a period or range, e.g. 2023-04..2024-03).")
        var before: String?

        @Option(help: "The after window (a period or range).")
        var after: String?

        @Option(help: "Months each side of the designation date when --before/--after are not given.")
        var window: Int = 12

        @Option(help: "The comparison group: station (its roads outside zones) or prefecture.")
        var comparison: String = "station"

        func validate() throws {
            guard (before == nil) == (after == nil) else {
                throw ValidationError("give both --before and --after, or neither")
            }
            guard window > 0 else { throw ValidationError("--window must be a positive number of months") }
            guard comparison == "station" || comparison == "prefecture" else {
                throw ValidationError("--comparison must be station or prefecture (got \"\(comparison)\")")
            }
        }

        func run() throws {
            var windows: (before: ReportingPeriod, after: ReportingPeriod)?
            if let before, let after {
                windows = (try AnalyticsSupport.parsePeriod(before), try AnalyticsSupport.parsePeriod(after))
            }
            let loader = try ReportLoader.open(store, scope)
            let found = try loader.zone(zone)
            let result: BeforeAfterResult
            do {
                result = try loader.comparison(
                    found, windows: windows, window: window, prefectureComparison: comparison == "prefecture")
            } catch let error as EvaluationProblem {
                Console.error("error: \(error)")
                throw ExitCode(1)
            } catch let error as StoreError {
                Console.error("error: \(error)")
                throw ExitCode(1)
            }
            let writer = try ReportFileWriter(options: output)
            let name = try writer.write(
                CompareReportBuilder.document(result, settings: output.settings), baseName: "compare_\(found.id)")
            print(writer.folder.appendingPathComponent(name).path)
        }
    }

    struct AllReports: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "all", abstract: "Every zone, station and the prefecture report, plus index.html linking them."
        )

        @OptionGroup var store: StoreOptions
        @OptionGroup var scope: ScopeOptions
        @OptionGroup var output: ReportOutputOptions

        @Option(help: "The reporting period (FY2025, 令和7年度, 2025-04..2025-09, …).")
        var period: String

        func run() throws {
            let reporting = try AnalyticsSupport.parsePeriod(period)
            let loader = try ReportLoader.open(store, scope)
            if loader.scope == nil {
                let codes = Set(loader.stations.map { $0.id.prefix(2) })
                if codes.count > 1 {
                    Console.error(
                        "note: the database holds stations of \(codes.count) NPA prefecture codes; every report takes "
                            + "all of them as context. --prefecture CODE reports on one prefecture (much faster).")
                }
            }
            let settings = output.settings
            let w = settings.language == .ja
            Console.progress("loading \(reporting.label)…")
            let analytics = try AnalyticsSupport.run { try loader.analytics(reporting) }
            let writer = try ReportFileWriter(options: output)
            var entries: [IndexBuilder.Entry] = []
            let prefecture = PrefectureReportBuilder.document(analytics: analytics, settings: settings)
            entries.append(
                .init(
                    group: .prefecture, title: prefecture.title,
                    fileName: try writer.write(prefecture, baseName: "prefecture")))
            for (index, station) in loader.stations.enumerated() {
                Console.progress("station \(index + 1)/\(loader.stations.count) \(station.id)")
                let document = StationReportBuilder.document(
                    stationID: station.id, analytics: analytics, settings: settings)
                entries.append(
                    .init(
                        group: .station, title: w ? "\(station.nameJA)警察署" : (station.nameEN ?? station.nameJA),
                        fileName: try writer.write(document, baseName: "station_\(station.id)"), note: station.id))
            }
            for (index, zone) in loader.zones.enumerated() {
                Console.progress("zone \(index + 1)/\(loader.zones.count) \(zone.id)")
                let detail = try AnalyticsSupport.run { try loader.detail(zone, period: reporting) }
                let document = ZoneReportBuilder.document(detail, analytics: analytics, settings: settings)
                let station = loader.stations.first { $0.id == zone.stationID }
                entries.append(
                    .init(
                        group: .zone, title: "\(zone.name) (\(zone.id))",
                        fileName: try writer.write(document, baseName: "zone_\(zone.id)"),
                        note: w
                            ? "\(station.map { "\($0.nameJA)警察署" } ?? zone.stationID) · \(zone.kind.labelJA)"
                            : "\(station.map { $0.nameEN ?? $0.nameJA } ?? zone.stationID) · \(zone.kind.rawValue)"))
            }
            let index = IndexBuilder.document(
                entries, periodText: "\(reporting.start)..\(reporting.end)", settings: settings)
            // The index is HTML only: it has no tables.
            try writer.writeIndex(index)
            Console.endProgress()
            print("\(entries.count + 1) reports (\(writer.filesWritten) files) in \(writer.folder.path)")
        }
    }
}

extension ReportFileWriter {
    /// Writes `index.html` (always HTML, whatever --format says: it is the way into the run).
    func writeIndex(_ document: ReportDocument) throws {
        let url = folder.appendingPathComponent("index.html")
        do {
            try Data(HTMLRenderer().renderData(document)).write(to: url)
        } catch {
            Console.error("error: cannot write \(url.path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}

extension ReportLoader {
    /// The loader of a report subcommand: the database of `store`, kept to `scope`; a database error is printed
    /// and exits 1.
    static func open(_ store: StoreOptions, _ scope: ScopeOptions) throws -> ReportLoader {
        try AnalyticsSupport.run { try ReportLoader(store: try store.openForReading(), scope: try scope.scope()) }
    }
}
