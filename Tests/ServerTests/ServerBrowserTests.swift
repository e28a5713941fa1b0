import Foundation
import HummingbirdTesting
import Server
import Testing

/// The browser app in Chromium (chromium-driver and Selenium, installed by scripts/install-deps.sh): a station
/// logs in, sees a file's errors, imports a valid file, opens its zone report and is refused another station's.
/// Skipped when the tools are missing, except on CI (`CI=true`), where their absence fails the test.
@Suite struct ServerBrowserTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("browser_test.py").path

    static var toolsPresent: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
            && (try? run(["python3", "-c", "import selenium"]).status) == 0
    }

    static var onCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    @Test(.enabled(if: toolsPresent || onCI, "chromium, chromium-driver or selenium missing (scripts/install-deps.sh)"))
    func aStationUsesTheAppInChromium() async throws {
        try #require(Self.toolsPresent, "CI must have chromium, chromium-driver and selenium")
        let fixture = try ServerFixture()
        let (own, _) = try UploadTests.ownRows()
        let valid = fixture.folder.appendingPathComponent("chuo_2025-04.csv")
        try Data(own).write(to: valid)
        let errors = ServerFixture.sampleData.appendingPathComponent("errors/enforcement_with_errors.csv").path
        try await fixture.application().test(.live) { client in
            let port = try #require(client.port)
            let arguments = [
                "python3", Self.script, "http://127.0.0.1:\(port)", "st101", ServerFixture.password, errors, valid.path,
                "58101-D01", "58102-D01", "2025-04",
            ]
            let result = try await Task.detached { try Self.run(arguments) }.value
            #expect(result.status == 0, "\(result.output)")
        }
        #expect(try fixture.store.importLog().count == fixture.fixtureImports + 1)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
