import Foundation

/// Golden files compared byte for byte: the one place that re-records them (`BIKEPDCA_RECORD_SNAPSHOTS=1`).
public enum GoldenFile {
    /// Whether this run re-records golden files instead of comparing with them.
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["BIKEPDCA_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `bytes` with the golden file `name` in `folder` (records it when ``isRecording``); returns a
    /// message saying what differs, or `nil` when they are equal. The differing output is written to the
    /// temporary folder for a diff.
    public static func mismatch(_ bytes: [UInt8], named name: String, in folder: URL) throws -> String? {
        let url = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return nil
        }
        guard let expected = try? Data(contentsOf: url) else {
            return "missing golden file \(name): run with BIKEPDCA_RECORD_SNAPSHOTS=1 to record it"
        }
        guard [UInt8](expected) != bytes else { return nil }
        let actual = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try? Data(bytes).write(to: actual)
        return "\(name) differs from its golden file; the new output is at \(actual.path) (diff it, then re-record "
            + "with BIKEPDCA_RECORD_SNAPSHOTS=1)"
    }
}
