import Foundation
import Reports
import Testing

/// The headless browser, if installed.
let chromiumPath: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// Opens the sample reports in headless Chromium with the network cut off, as a reader would open the file
/// from a USB stick: the page must render, log no console error or CSP violation, and lay out every chart.
///
/// Needs the Debian package `chromium` (installed by `.ci/run`); without it the suite is skipped and says so.
/// For Japanese glyphs in the screenshots (the assertions do not depend on them) install `fonts-noto-cjk`.
@Suite(
    .enabled(if: chromiumPath != nil, "chromium is not installed (Debian package `chromium`): browser check skipped"))
struct BrowserTests {

    /// Flags that keep Chromium off the network: every host name fails to resolve and every proxied request
    /// goes to a closed port, so a request that did leave the file would fail and be logged.
    static let offlineFlags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
        "--disable-default-apps", "--mute-audio", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9", "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000",
    ]

    struct Run {
        var status: Int32
        var output: String
        var log: String
    }

    static func run(_ arguments: [String], in directory: URL) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromiumPath))
        process.arguments =
            offlineFlags + ["--user-data-dir=\(directory.appendingPathComponent("profile").path)"]
            + arguments
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
    static func problems(in log: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { line in
            line.contains(":CONSOLE") || line.contains("Content Security Policy") || line.contains("Refused to")
                || line.contains("net::ERR_") || line.contains("Uncaught")
        }
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bikepdca-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// The PNG's width and height from its IHDR chunk.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data)
        guard bytes.count > 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(arguments: ReportLanguage.allCases)
    func sampleReportRendersOfflineWithoutErrors(_ language: ReportLanguage) throws {
        let directory = try Self.temporaryDirectory()
        let html = HTMLRenderer().render(SampleReport.document(language: language))
        let page = directory.appendingPathComponent("sample-\(language.rawValue).html")
        try Data(html.utf8).write(to: page)

        // 1. The report as written: a screenshot of the first A4 page at 150 dpi, and a clean log.
        let screenshot = directory.appendingPathComponent("sample-\(language.rawValue).png")
        let shot = try Self.run(
            ["--screenshot=\(screenshot.path)", "--window-size=1240,1754", page.absoluteString],
            in: directory)
        #expect(shot.status == 0, "chromium exited with \(shot.status); log in \(directory.path)")
        let png = try #require(try? Data(contentsOf: screenshot), "no screenshot at \(screenshot.path)")
        let size = try #require(Self.pngSize(png))
        #expect(size.width == 1240 && size.height == 1754)
        // A blank page of this size compresses to a few kilobytes; text and charts make it far larger.
        #expect(png.count > 60_000, "screenshot only \(png.count) bytes: is the page blank?")
        #expect(Self.problems(in: shot.log).isEmpty, "\(Self.problems(in: shot.log))")

        // 2. The DOM Chromium built from the file: every chart's <svg> is there.
        let dom = try Self.run(["--dump-dom", page.absoluteString], in: directory)
        #expect(dom.output.components(separatedBy: "<svg class=\"chart\"").count - 1 == 8)
        #expect(dom.output.contains("<html lang=\"\(language.rawValue)\">"))
        #expect(Self.problems(in: dom.log).isEmpty, "\(Self.problems(in: dom.log))")

        // 3. Layout: a copy whose policy admits one nonce'd script that writes each chart's rendered size into
        // the DOM (the report itself runs no script; its CSP would refuse this one).
        let nonce = "bikepdca-test"
        let probe =
            html
            .replacingOccurrences(of: "script-src 'none'", with: "script-src 'nonce-\(nonce)'")
            .replacingOccurrences(of: "script-src &#39;none&#39;", with: "script-src &#39;nonce-\(nonce)&#39;")
            .replacingOccurrences(
                of: "</body>",
                with: "<script nonce=\"\(nonce)\">for (const s of document.querySelectorAll('svg.chart')) {"
                    + " const r = s.getBoundingClientRect();"
                    + " s.setAttribute('data-rendered', Math.round(r.width) + 'x' + Math.round(r.height)); }</script></body>"
            )
        let probePage = directory.appendingPathComponent("probe-\(language.rawValue).html")
        try Data(probe.utf8).write(to: probePage)
        let measured = try Self.run(["--dump-dom", "--window-size=1240,1754", probePage.absoluteString], in: directory)
        let sizes = measured.output.components(separatedBy: "data-rendered=\"").dropFirst()
            .compactMap { $0.split(separator: "\"").first }
            .map { $0.split(separator: "x").compactMap { Int($0) } }
        #expect(sizes.count == 8, "measured \(sizes.count) charts")
        for size in sizes {
            #expect(size.count == 2 && size.allSatisfy { $0 > 50 }, "a chart rendered at \(size)")
        }
        #expect(Self.problems(in: measured.log).isEmpty, "\(Self.problems(in: measured.log))")
        try? FileManager.default.removeItem(at: directory)
    }

    /// The log check above must be able to fail: an inline script in a report is refused and logged.
    @Test func logCheckCatchesAPolicyViolation() throws {
        let directory = try Self.temporaryDirectory()
        let html = HTMLRenderer().render(SampleReport.document(language: .ja))
            .replacingOccurrences(of: "</body>", with: "<script>document.title = 'ran'</script></body>")
        let page = directory.appendingPathComponent("violation.html")
        try Data(html.utf8).write(to: page)
        let run = try Self.run(["--dump-dom", page.absoluteString], in: directory)
        #expect(!Self.problems(in: run.log).isEmpty, "a refused inline script left no trace in the log")
        #expect(!run.output.contains("<title>ran</title>"))
        try? FileManager.default.removeItem(at: directory)
    }
}
