import Foundation
import TestFolders

/// Headless Chromium run offline, as a reader would open a report from a USB stick: shared by the browser tests of
/// the report renderer and of the built reports.
public enum HeadlessChromium {
    /// The browser, if installed (Debian package `chromium`).
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Flags that keep Chromium off the network: every host name fails to resolve and every proxied request
    /// goes to a closed port, so a request that did leave the file would fail and be logged.
    public static let offlineFlags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
    ]

    /// What one run printed.
    public struct Run: Sendable {
        /// The exit status.
        public var status: Int32
        /// Standard output (the DOM for `--dump-dom`).
        public var output: String
        /// Standard error: Chromium's log.
        public var log: String
    }

    /// Chromium is not installed.
    public struct NotInstalled: Error {}

    /// Runs Chromium with the offline flags and a profile in `directory`; gives up after 90 s.
    public static func run(_ arguments: [String], in directory: URL) throws -> Run {
        guard let path else { throw NotInstalled() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            offlineFlags + ["--user-data-dir=\(directory.appendingPathComponent("profile").path)"] + arguments
        let outputURL = directory.appendingPathComponent("stdout-\(UUID().uuidString).txt")
        let logURL = directory.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, output: (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "",
            log: (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
    }

    /// Lines of Chromium's log that mean the page misbehaved: console messages (errors, CSP reports) and
    /// failed loads.
    public static func problems(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            line.contains(":CONSOLE") || line.contains("Content Security Policy") || line.contains("Refused to")
                || line.contains("net::ERR_") || line.contains("Uncaught")
        }
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() throws -> URL {
        try TestFolders.make("browser")
    }

    /// The PNG's width and height from its IHDR chunk.
    public static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    /// A copy of `html` whose policy admits one nonce'd script that writes each chart's rendered size into the
    /// DOM as `data-rendered="WxH"` (the report itself runs no script; its CSP would refuse this one).
    public static func layoutProbe(_ html: String) -> String {
        let nonce = "bikepdca-test"
        return
            html
            .replacingOccurrences(of: "script-src 'none'", with: "script-src 'nonce-\(nonce)'")
            .replacingOccurrences(of: "script-src &#39;none&#39;", with: "script-src &#39;nonce-\(nonce)&#39;")
            .replacingOccurrences(
                of: "</body>",
                with: "<script nonce=\"\(nonce)\">for (const s of document.querySelectorAll('svg.chart')) {"
                    + " const r = s.getBoundingClientRect();"
                    + " s.setAttribute('data-rendered', Math.round(r.width) + 'x' + Math.round(r.height)); }</script></body>"
            )
    }

    /// The chart sizes a layout probe's DOM reports, `[width, height]` each.
    public static func renderedSizes(inDOM dom: String) -> [[Int]] {
        dom.components(separatedBy: "data-rendered=\"").dropFirst()
            .compactMap { $0.split(separator: "\"").first }
            .map { $0.split(separator: "x").compactMap { Int($0) } }
    }
}
