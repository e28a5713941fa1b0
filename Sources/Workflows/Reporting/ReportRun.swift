import Analytics
import BikePDCACore
import Foundation
import Rendering
import Reports
import Store

/// One run of the report writer: each document is built from the loader's analysis by the `Reports` builders,
/// rendered and written into the output folder. The CLI's `report` subcommands and the browser app call it.
public struct ReportRun {
    /// Where the analyses come from.
    public let loader: AnalysisLoader
    /// Language and the "generated at" text.
    public let settings: ReportSettings
    /// Where and how files are written.
    public let output: ReportOutput
    /// Told what the run is doing (`zone 3/24 58101-D01`), for a progress line.
    public var progress: @Sendable (String) -> Void = { _ in }

    /// Creates a run.
    public init(loader: AnalysisLoader, settings: ReportSettings, output: ReportOutput) {
        self.loader = loader
        self.settings = settings
        self.output = output
    }

    /// What a run wrote.
    public struct Written: Sendable {
        /// The folder written to.
        public var folder: URL
        /// The HTML file of the report (or `index.html` for a set).
        public var htmlFile: URL
        /// Reports written (the index counted for a set).
        public var reports: Int
        /// Files written besides the index.
        public var files: Int
    }

    /// A zone's report (`report zone`).
    public func zoneReport(_ zoneID: String, period: ReportingPeriod) throws(WorkflowError) -> Written {
        let zone = try loader.zone(zoneID)
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period, of: zone)
        let detail = try loader.detail(zone, period: period)
        var document = ZoneReportBuilder.document(detail, analytics: analytics, settings: settings)
        document.dataThrough = Self.dataThrough(analytics, stations: [zone.stationID])
        return try writeOne(document, baseName: ReportLinks.baseName(zone: zone.id))
    }

    /// A station's report (`report station`).
    public func stationReport(_ stationID: String, period: ReportingPeriod) throws(WorkflowError) -> Written {
        let station = try loader.station(stationID)
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period)
        var document = StationReportBuilder.document(stationID: station.id, analytics: analytics, settings: settings)
        document.dataThrough = Self.dataThrough(analytics, stations: [station.id])
        return try writeOne(document, baseName: ReportLinks.baseName(station: station.id))
    }

    /// The prefecture report (`report prefecture`).
    public func prefectureReport(period: ReportingPeriod) throws(WorkflowError) -> Written {
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period)
        var document = PrefectureReportBuilder.document(analytics: analytics, settings: settings)
        document.dataThrough = Self.dataThrough(analytics, stations: nil)
        return try writeOne(document, baseName: "prefecture")
    }

    /// A zone's before–after evaluation as a document (`report compare`).
    public func compareReport(
        _ zoneID: String, windows: EvaluationWindows, prefectureComparison: Bool
    ) throws(WorkflowError) -> Written {
        let zone = try loader.zone(zoneID)
        let result = try loader.comparison(zone, windows: windows, prefectureComparison: prefectureComparison)
        var document = CompareReportBuilder.document(result, settings: settings)
        document.dataThrough = try loader.accidentHistory(
            through: result.after, scope: StationScope(station: zone.stationID)
        ).dataThrough(limit: result.after.end)
        return try writeOne(document, baseName: ReportLinks.baseName(compare: zone.id))
    }

    /// Every zone, station and the prefecture report, and `index.html` linking them (`report all`); with
    /// `comparisons`, also each zone's before–after report around its designation (a zone whose windows hold no
    /// data is left out), listed in the index.
    ///
    /// The reports are written zones first, then stations, then the prefecture, so that every link from a row to
    /// another report points at a file already written (under its actual name); each report links back to the
    /// index. The index lists them prefecture first.
    public func allReports(period: ReportingPeriod, comparisons: Bool = false) throws(WorkflowError) -> Written {
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period)
        let writer = try ReportFileWriter(output: output)
        let pending = try pendingAssignment()
        // The planned HTML name of each report written, by the name its links use.
        var written: [String: String] = [ReportLinks.index: ReportLinks.index]
        func write(_ document: ReportDocument, baseName: String) throws(WorkflowError) -> String {
            let name = try writer.write(
                Self.marked(document, pending: pending).resolvingLinks { written[$0] }, baseName: baseName)
            written[baseName + ".html"] = name
            return name
        }
        func inSet(_ document: ReportDocument, stations: Set<String>?) -> ReportDocument {
            var document = document
            document.indexFileName = ReportLinks.index
            document.dataThrough = Self.dataThrough(analytics, stations: stations)
            return document
        }
        var zoneEntries: [IndexBuilder.Entry] = []
        var compareEntries: [IndexBuilder.Entry] = []
        for (index, zone) in loader.zones.enumerated() {
            progress("zone \(index + 1)/\(loader.zones.count) \(zone.id)")
            let detail = try loader.detail(zone, period: period)
            let document = ZoneReportBuilder.document(detail, analytics: analytics, settings: settings)
            let station = loader.stations.first { $0.id == zone.stationID }
            zoneEntries.append(
                .zone(
                    zone, station: station, period: period,
                    fileName: try write(
                        inSet(document, stations: [zone.stationID]), baseName: ReportLinks.baseName(zone: zone.id)),
                    language: settings.language))
            if comparisons, let evaluation = detail.evaluation,
                evaluation.counts.before + evaluation.counts.comparisonBefore > 0 || evaluation.beforeGaps.isEmpty
            {
                var compare = CompareReportBuilder.document(evaluation, settings: settings)
                compare.indexFileName = ReportLinks.index
                compare.dataThrough = analytics.accidentHistory?.dataThrough(
                    stations: [zone.stationID], limit: evaluation.after.end)
                compareEntries.append(
                    .compare(
                        zone, station: station,
                        fileName: try write(compare, baseName: ReportLinks.baseName(compare: zone.id)),
                        language: settings.language))
            }
        }
        var stationEntries: [IndexBuilder.Entry] = []
        for (index, station) in loader.stations.enumerated() {
            progress("station \(index + 1)/\(loader.stations.count) \(station.id)")
            let document = StationReportBuilder.document(
                stationID: station.id, analytics: analytics, settings: settings)
            stationEntries.append(
                .station(
                    station,
                    fileName: try write(
                        inSet(document, stations: [station.id]), baseName: ReportLinks.baseName(station: station.id)),
                    language: settings.language))
        }
        let prefecture = inSet(
            PrefectureReportBuilder.document(analytics: analytics, settings: settings), stations: nil)
        let entries =
            [IndexBuilder.Entry.prefecture(prefecture, fileName: try write(prefecture, baseName: "prefecture"))]
            + stationEntries + zoneEntries + compareEntries
        var index = IndexBuilder.document(entries, period: period, settings: settings)
        index.dataThrough = Self.dataThrough(analytics, stations: nil)
        try writer.writeIndex(Self.marked(index, pending: pending))
        return Written(
            folder: writer.folder, htmlFile: writer.folder.appendingPathComponent(ReportLinks.index),
            reports: entries.count + 1, files: writer.filesWritten)
    }

    /// The latest accident date of `stations` (every station of the run when `nil`), no later than the period's
    /// end: the report's "data through" date (データ最終日).
    static func dataThrough(_ analytics: PeriodAnalytics, stations: Set<String>?) -> LocalDate? {
        analytics.accidentHistory?.dataThrough(stations: stations, limit: analytics.period.end)
    }

    /// The caveat of a zone assignment by position still due (records not yet in their zones), or `nil`.
    private func pendingAssignment() throws(WorkflowError) -> ReportCaveat? {
        let store = loader.store
        let language = settings.language
        return try WorkflowError.reading { () throws(StoreError) in
            try store.pendingZoneAssignment().map {
                PendingAssignmentCaveat.caveat(sinceImportOf: $0.fileName, at: $0.importedAt, language: language)
            }
        }
    }

    /// `document` with `pending` first among its caveats.
    private static func marked(_ document: ReportDocument, pending: ReportCaveat?) -> ReportDocument {
        guard let pending else { return document }
        var document = document
        document.caveats.insert(pending, at: 0)
        return document
    }

    private func writeOne(_ document: ReportDocument, baseName: String) throws(WorkflowError) -> Written {
        let writer = try ReportFileWriter(output: output)
        // A report written on its own links to no other report (none was written beside it).
        let name = try writer.write(
            Self.marked(document, pending: try pendingAssignment()).resolvingLinks { _ in nil }, baseName: baseName)
        return Written(
            folder: writer.folder, htmlFile: writer.folder.appendingPathComponent(name), reports: 1,
            files: writer.filesWritten)
    }
}
