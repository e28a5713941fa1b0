import BikePDCACore
import Foundation

/// Opens, fills and closes one file of the sample set, and records it for the summary.
enum SampleFiles {
    /// Writes `path` (relative to `directory`) with `body`, which returns the number of records it wrote.
    static func write(
        in directory: URL, path: String, encoding: SampleEncoding, usesCRLF: Bool = false, dataset: SampleDataset?,
        role: SampleSummary.File.Role, body: (OutputFile) throws(SampleGeneratorError) -> Int?
    ) throws(SampleGeneratorError) -> SampleSummary.File {
        let url = directory.appendingPathComponent(path)
        let output = try OutputFile(url: url, encoding: encoding, usesCRLF: usesCRLF)
        let rows = try body(output)
        try output.close()
        return SampleSummary.File(path: path, dataset: dataset, rows: rows, encoding: encoding, role: role)
    }

    /// Creates a folder and its parents.
    static func createDirectory(_ url: URL) throws(SampleGeneratorError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateDirectory(path: url.path, reason: error.localizedDescription)
        }
    }
}
