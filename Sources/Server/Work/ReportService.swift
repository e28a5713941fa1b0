import BikePDCACore
import Foundation
import Rendering
import Reports
import Store
import Workflows

/// Reports on request (報告書): the CLI's `ReportRun` writes the report into a private temporary folder, the page
/// is read back and the folder removed, so the browser gets the same bytes as `bikepdca report`.
struct ReportService: Sendable {
    let store: RecordStore
    let workFolder: String

    /// Which report.
    enum Kind: Sendable {
        case zone(String)
        case station(String)
        case prefecture
        case compare(zone: String, windows: EvaluationWindows, prefectureComparison: Bool)
    }

    /// A report's files.
    struct Rendered: Sendable {
        /// The HTML page, as written by the report run.
        var html: String
        /// The file name the run gave it (`zone_58101-D01.html`).
        var htmlName: String
        /// The CSV files of its tables: name → bytes.
        var csvFiles: [String: [UInt8]]
    }

    /// Why a report is not shown.
    enum Refusal: Error, Sendable {
        /// The account may not see it.
        case forbidden
        /// No such zone or station, or the analysis failed (the message says why, without paths).
        case unavailable(String)
    }

    /// The report `kind` for `period`, if `station` (a station account's, or `nil` for every station) may see it.
    func render(
        _ kind: Kind, period: ReportingPeriod?, station: String?, language: ReportLanguage, generatedAt: String,
        format: ReportFileFormat = .html
    ) throws -> Rendered {
        let loader: AnalysisLoader
        do { loader = try AnalysisLoader(store: store) } catch { throw Refusal.unavailable(Self.message(error)) }
        // A station account sees its own station and its own zones only.
        if let station {
            switch kind {
            case .prefecture: throw Refusal.forbidden
            case .station(let id): if id != station { throw Refusal.forbidden }
            case .zone(let id), .compare(let id, _, _):
                guard let zone = loader.zones.first(where: { $0.id == id }) else {
                    throw Refusal.unavailable("unknown zone \"\(id)\"")
                }
                if zone.stationID != station { throw Refusal.forbidden }
            }
        }
        let folder = (workFolder as NSString).appendingPathComponent("bikepdca-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let run = ReportRun(
            loader: loader, settings: ReportSettings(language: language, generatedAt: generatedAt),
            output: ReportOutput(folder: folder, format: format, writesByteOrderMark: true))
        let written: ReportRun.Written
        do {
            switch kind {
            case .zone(let id):
                written = try run.zoneReport(id, period: try Self.required(period))
            case .station(let id):
                written = try run.stationReport(id, period: try Self.required(period))
            case .prefecture:
                written = try run.prefectureReport(period: try Self.required(period))
            case .compare(let zone, let windows, let prefectureComparison):
                written = try run.compareReport(zone, windows: windows, prefectureComparison: prefectureComparison)
            }
        } catch let refusal as Refusal {
            throw refusal
        } catch {
            throw Refusal.unavailable(Self.message(error))
        }
        var csvFiles: [String: [UInt8]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: written.folder.path)) ?? []
        for name in names where name.hasSuffix(".csv") {
            if let data = FileManager.default.contents(atPath: written.folder.appendingPathComponent(name).path) {
                csvFiles[name] = Array(data)
            }
        }
        let html = (try? String(contentsOf: written.htmlFile, encoding: .utf8)) ?? ""
        return Rendered(html: html, htmlName: written.htmlFile.lastPathComponent, csvFiles: csvFiles)
    }

    private static func required(_ period: ReportingPeriod?) throws -> ReportingPeriod {
        guard let period else { throw Refusal.unavailable("choose a period") }
        return period
    }

    /// A workflow error's one line without file paths (`cannotWrite` names the temporary folder).
    static func message(_ error: any Error) -> String {
        if let workflow = error as? WorkflowError {
            switch workflow {
            case .cannotWrite, .outsideOutputFolder, .store: return "the report could not be made"
            default: return workflow.description.replacingOccurrences(of: "error: ", with: "")
            }
        }
        return "the report could not be made"
    }
}
