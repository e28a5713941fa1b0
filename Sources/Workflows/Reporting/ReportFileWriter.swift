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
    private var names = ReportFileNames()
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
        // The index's name is taken before any report's.
        _ = names.reserve(baseName: "index") { ["\($0).html"] }
    }

    /// Writes `document` as `<base>.html` and/or `<base>_NN_<caption>.csv`; returns the HTML file name.
    ///
    /// Names are unique by construction (``ReportFileNames``): a base whose files would take a name already written
    /// in this run, compared without case, gets `_2`, `_3`… appended to the cut base, never cut again.
    @discardableResult
    public func write(_ document: ReportDocument, baseName: String) throws(WorkflowError) -> String {
        let format = output.format
        let base = names.reserve(baseName: baseName) { base in
            (format == .csv ? [] : [base + ".html"])
                + (format == .html ? [] : CSVRenderer.fileNames(for: document, baseName: base))
        }
        let files =
            format == .html
            ? [] : CSVRenderer(writesByteOrderMark: output.writesByteOrderMark).files(for: document, baseName: base)
        let htmlName = base + ".html"
        if output.format != .csv {
            try save(HTMLRenderer().renderData(document), as: htmlName)
        }
        for file in files {
            try save(file.bytes, as: file.fileName)
        }
        return htmlName
    }

    /// Writes `index.html` (always HTML, whatever the format: it is the way into the run; not counted in
    /// ``filesWritten``, which counts the reports' files).
    public func writeIndex(_ document: ReportDocument) throws(WorkflowError) {
        try save(HTMLRenderer().renderData(document), as: "index.html", counted: false)
    }

    /// Writes `bytes` to a new temporary file in the folder and renames it over `name`: a reader never sees half a
    /// file, and a symbolic link planted at `name` is replaced, never followed.
    private func save(_ bytes: [UInt8], as name: String, counted: Bool = true) throws(WorkflowError) {
        let url = folder.appendingPathComponent(name).standardizedFileURL
        // safeFileName never yields a separator or `..`; checked again so no data can write outside the folder.
        guard url.deletingLastPathComponent().path == folder.path else {
            throw .outsideOutputFolder(name: name, folder: folder.path)
        }
        let temporary = folder.appendingPathComponent(".\(UUID().uuidString).partial").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Foundation.write(
                    descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += count
            }
        }
        if close(descriptor) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temporary, url.path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw .cannotWrite(path: url.path, reason: String(cString: strerror(failure)))
        }
        if counted { filesWritten += 1 }
    }
}
