import Foundation
import Rendering

extension FuzzEntryPoints {
    /// Report file names from data: the input split at NUL bytes into up to 16 ids (the first byte, when the input
    /// has one, picks HTML, CSV or both), each reserved in one run as a report with three tables captioned by the
    /// ids. Every name must be safe (no separator, `..`, control or bidi character, at most 255 bytes), and all
    /// names of the run distinct without case.
    public static func fileNames(_ data: Data) throws(FuzzFailure) {
        let format = data.first.map { Int($0) % 3 } ?? 2
        let ids = data.dropFirst().split(separator: 0, omittingEmptySubsequences: false).prefix(16)
            .map { String(decoding: $0, as: UTF8.self) }
        var run = ReportFileNames()
        var all: [String] = []
        for id in ids {
            let captions = ["表 \(id)", id, String(id.reversed())]
            func files(_ base: String) -> [String] {
                (format == 1 ? [] : [base + ".html"])
                    + (format == 0 ? [] : CSVRenderer.fileNames(captions: captions, baseName: base))
            }
            let names = files(run.reserve(baseName: "zone_\(id)", files: files))
            for name in names {
                try check(name.utf8.count <= 255, "\(id.debugDescription): \(name.utf8.count) bytes")
                try check(!name.contains("/") && !name.contains("\\"), "\(id.debugDescription): separator in \(name)")
                try check(!name.contains(".."), "\(id.debugDescription): '..' in \(name)")
                try check(!name.hasPrefix("."), "\(id.debugDescription): hidden name \(name)")
                try check(
                    !name.unicodeScalars.contains {
                        $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
                            || (0x2066...0x2069).contains($0.value)
                    }, "\(id.debugDescription): control character in \(name.debugDescription)")
            }
            all += names
        }
        try check(
            Set(all.map { $0.lowercased() }).count == all.count, "two files of one run share a name: \(all)")
    }
}
