import Analytics
import BikePDCACore
import Foundation
import Rendering
import Reports

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
        return try writeOne(
            ZoneReportBuilder.document(detail, analytics: analytics, settings: settings), baseName: "zone_\(zone.id)")
    }

    /// A station's report (`report station`).
    public func stationReport(_ stationID: String, period: ReportingPeriod) throws(WorkflowError) -> Written {
        let station = try loader.station(stationID)
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period)
        return try writeOne(
            StationReportBuilder.document(stationID: station.id, analytics: analytics, settings: settings),
            baseName: "station_\(station.id)")
    }

    /// The prefecture report (`report prefecture`).
    public func prefectureReport(period: ReportingPeriod) throws(WorkflowError) -> Written {
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period)
        return try writeOne(
            PrefectureReportBuilder.document(analytics: analytics, settings: settings), baseName: "prefecture")
    }

    /// A zone's before–after evaluation as a document (`report compare`).
    public func compareReport(
        _ zoneID: String, windows: EvaluationWindows, prefectureComparison: Bool
    ) throws(WorkflowError) -> Written {
        let zone = try loader.zone(zoneID)
        let result = try loader.comparison(zone, windows: windows, prefectureComparison: prefectureComparison)
        return try writeOne(
            CompareReportBuilder.document(result, settings: settings), baseName: "compare_\(zone.id)")
    }

    /// Every zone, station and the prefecture report, and `index.html` linking them (`report all`).
    public func allReports(period: ReportingPeriod) throws(WorkflowError) -> Written {
        progress("loading \(period.label)…")
        let analytics = try loader.periodAnalysis(period)
        let writer = try ReportFileWriter(output: output)
        var entries: [IndexBuilder.Entry] = []
        let prefecture = PrefectureReportBuilder.document(analytics: analytics, settings: settings)
        entries.append(
            .prefecture(prefecture, fileName: try writer.write(prefecture, baseName: "prefecture")))
        for (index, station) in loader.stations.enumerated() {
            progress("station \(index + 1)/\(loader.stations.count) \(station.id)")
            let document = StationReportBuilder.document(
                stationID: station.id, analytics: analytics, settings: settings)
            entries.append(
                .station(
                    station, fileName: try writer.write(document, baseName: "station_\(station.id)"),
                    language: settings.language))
        }
        for (index, zone) in loader.zones.enumerated() {
            progress("zone \(index + 1)/\(loader.zones.count) \(zone.id)")
            let detail = try loader.detail(zone, period: period)
            let document = ZoneReportBuilder.document(detail, analytics: analytics, settings: settings)
            entries.append(
                .zone(
                    zone, station: loader.stations.first { $0.id == zone.stationID }, period: period,
                    fileName: try writer.write(document, baseName: "zone_\(zone.id)"), language: settings.language))
        }
        try writer.writeIndex(IndexBuilder.document(entries, period: period, settings: settings))
        return Written(
            folder: writer.folder, htmlFile: writer.folder.appendingPathComponent("index.html"),
            reports: entries.count + 1, files: writer.filesWritten)
    }

    private func writeOne(_ document: ReportDocument, baseName: String) throws(WorkflowError) -> Written {
        let writer = try ReportFileWriter(output: output)
        let name = try writer.write(document, baseName: baseName)
        return Written(
            folder: writer.folder, htmlFile: writer.folder.appendingPathComponent(name), reports: 1,
            files: writer.filesWritten)
    }
}
