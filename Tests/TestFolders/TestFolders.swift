import Foundation

/// Temporary folders for tests, all inside one folder per test process that is removed when the process exits:
/// a test run leaves nothing behind in the system's temporary directory.
public enum TestFolders {
    /// This process's folder, `bikepdca-tests-<pid>-<random>` in the temporary directory, created on first use.
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bikepdca-tests-\(getpid())-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { removeRoot() }
        return root
    }()

    /// A new empty folder `prefix-<uuid>` inside ``root``.
    public static func make(_ prefix: String) throws -> URL {
        let folder = path(prefix)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A new path `prefix-<uuid>` inside ``root``, not created (for a file, or a folder its writer creates).
    public static func path(_ prefix: String) -> URL {
        root.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    private static func removeRoot() {
        try? FileManager.default.removeItem(at: root)
    }
}
