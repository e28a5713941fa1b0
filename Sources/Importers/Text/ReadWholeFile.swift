import Foundation

/// The whole contents of a small file (a mapping profile, a zones GeoJSON), or `nil` when it cannot be read.
///
/// Read through `FileHandle`: `FileManager.contents(atPath:)` leaks its 4 KiB buffer on an empty file in this
/// Foundation (found by the fuzzer, `Fuzz/Regressions/ImportersFuzz-leak-empty-profile`).
func readWholeFile(_ path: String) -> Data? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return (try? handle.readToEnd()) ?? Data()
}
