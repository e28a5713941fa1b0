import Foundation

/// Runs the built `bikepdca` executable, as a user or a script would: the one way every test runs the binary.
public struct CommandLineRun: Sendable {
    /// The exit status.
    public let status: Int32
    /// What it printed on stdout.
    public let stdout: String
    /// What it printed on stderr.
    public let stderr: String

    /// The `bikepdca` executable beside the test bundle, else in `.build/debug`.
    public static var executable: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("bikepdca")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return repositoryRoot.appendingPathComponent(".build/debug/bikepdca")
    }

    /// The package's root folder (the runs' working directory, so `SampleData/…` paths resolve).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `bikepdca arguments` on `database` (through `BIKEPDCA_DB`) and waits for it.
    public init(_ arguments: [String], database: String) throws {
        let process = Self.process(arguments, database: database)
        let out = Pipe()
        // stderr goes to a file so that a chatty run cannot block on a full second pipe.
        let errURL = URL(fileURLWithPath: database + ".stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errURL)
        try? FileManager.default.removeItem(at: errURL)
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }

    /// Starts `bikepdca arguments` on `database` without waiting (output discarded), e.g. to kill it.
    public static func launch(_ arguments: [String], database: String) throws -> Process {
        let process = process(arguments, database: database)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private static func process(_ arguments: [String], database: String) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["BIKEPDCA_DB"] = database
        process.environment = environment
        return process
    }
}
