import Foundation
import Rendering

/// Which files a report run writes.
public enum ReportFileFormat: String, CaseIterable, Sendable {
    /// The HTML document only.
    case html
    /// Every table as a CSV file only.
    case csv
    /// Both (the default).
    case both
}

/// Where and how a report run writes its files.
public struct ReportOutput: Sendable {
    /// The output folder (created when missing).
    public var folder: String
    /// HTML, CSV or both.
    public var format: ReportFileFormat
    /// Whether CSV files start with a UTF-8 byte order mark (for Excel; default yes).
    public var writesByteOrderMark: Bool

    /// Creates the settings; both formats and a byte order mark by default.
    public init(folder: String, format: ReportFileFormat = .both, writesByteOrderMark: Bool = true) {
        self.folder = folder
        self.format = format
        self.writesByteOrderMark = writesByteOrderMark
    }
}

/// Writes reports into the output folder: HTML and/or CSV, every name from data through `safeFileName`, never
/// outside the folder, never two reports under one name.
public final class ReportFileWriter {
    /// The output folder.
    public let folder: URL
    let output: ReportOutput
    private var usedNames: Set<String> = []
    /// Files written so far.
    public private(set) var filesWritten = 0

    /// Creates the folder when it is missing.
    public init(output: ReportOutput) throws(WorkflowError) {
        self.output = output
        folder = URL(fileURLWithPath: output.folder, isDirectory: true).standardizedFileURL
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .cannotWrite(path: output.folder, reason: error.localizedDescription)
        }
    }

    /// Writes `document` as `<base>.html` and/or `<base>_NN_<caption>.csv`; returns the HTML file name.
    @discardableResult
    public func write(_ document: ReportDocument, baseName: String) throws(WorkflowError) -> String {
        var base = safeFileName(baseName)
        var suffix = 2
        while usedNames.contains(base) {
            base = safeFileName("\(safeFileName(baseName))_\(suffix)")
            suffix += 1
        }
        usedNames.insert(base)
        let htmlName = base + ".html"
        if output.format != .csv {
            try save(HTMLRenderer().renderData(document), as: htmlName)
        }
        if output.format != .html {
            for file in CSVRenderer(writesByteOrderMark: output.writesByteOrderMark).files(
                for: document, baseName: base)
            {
                try save(file.bytes, as: file.fileName)
            }
        }
        return htmlName
    }

    /// Writes `index.html` (always HTML, whatever the format: it is the way into the run; not counted in
    /// ``filesWritten``, which counts the reports' files).
    public func writeIndex(_ document: ReportDocument) throws(WorkflowError) {
        try save(HTMLRenderer().renderData(document), as: "index.html", counted: false)
    }

    private func save(_ bytes: [UInt8], as name: String, counted: Bool = true) throws(WorkflowError) {
        let url = folder.appendingPathComponent(name).standardizedFileURL
        // safeFileName never yields a separator or `..`; checked again so no data can write outside the folder.
        guard url.deletingLastPathComponent().path == folder.path else {
            throw .outsideOutputFolder(name: name, folder: folder.path)
        }
        do {
            try Data(bytes).write(to: url)
        } catch {
            throw .cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        if counted { filesWritten += 1 }
    }
}
