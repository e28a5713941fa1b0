// What each fuzz target does with one input, shared by the libFuzzer executables (Fuzz/<Target>/) and by the
// regression tests that replay the corpus and every input that once failed (Tests/FuzzRegressionTests).
import Foundation

/// One fuzz input fed to the parsers. Each entry point returns normally when every parser either produced a
/// value or rejected the input with its stage's own error, and throws ``FuzzFailure`` when a promise broke:
/// an error of another type, an empty message, a line number outside the file, a value that does not read back.
/// A trap, a hang or a memory blow-up inside a parser is caught by libFuzzer (or fails the replaying test).
public enum FuzzEntryPoints {
    /// Throws a ``FuzzFailure`` with `message` unless `condition` holds.
    static func check(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzFailure) {
        if !condition { throw FuzzFailure(message()) }
    }

    /// Writes `data` to `name` in `directory` (created if needed); `nil` when the file system refuses.
    static func write(_ data: Data, named name: String, in directory: URL) -> String? {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent(name)
        guard (try? data.write(to: file)) != nil else { return nil }
        return file.path
    }
}

/// A broken promise found by a fuzz input (not a rejection of the input, which is the expected outcome).
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    /// What broke, in one sentence.
    public let description: String

    /// Creates a failure.
    public init(_ description: String) { self.description = description }
}
