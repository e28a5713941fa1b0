import Foundation
import Rendering
import TestSupport
import Testing

/// The headless browser, if installed.
let chromiumPath = HeadlessChromium.path

/// Opens the sample reports in headless Chromium with the network cut off, as a reader would open the file
/// from a USB stick: the page must render, log no console error or CSP violation, and lay out every chart.
///
/// Needs the Debian package `chromium` (installed by `.ci/run`); without it the suite is skipped and says so.
/// For Japanese glyphs in the screenshots (the assertions do not depend on them) install `fonts-noto-cjk`.
@Suite(
    .enabled(if: chromiumPath != nil, "chromium is not installed (Debian package `chromium`): browser check skipped"))
struct BrowserTests {

    static func run(_ arguments: [String], in directory: URL) throws -> HeadlessChromium.Run {
        try HeadlessChromium.run(arguments, in: directory)
    }

    static func problems(in log: String) -> [String] { HeadlessChromium.problems(in: log) }

    static func temporaryDirectory() throws -> URL { try HeadlessChromium.temporaryDirectory() }

    static func pngSize(_ data: Data) -> (width: Int, height: Int)? { HeadlessChromium.pngSize(data) }

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
        let probe = HeadlessChromium.layoutProbe(html)
        let probePage = directory.appendingPathComponent("probe-\(language.rawValue).html")
        try Data(probe.utf8).write(to: probePage)
        let measured = try Self.run(["--dump-dom", "--window-size=1240,1754", probePage.absoluteString], in: directory)
        let sizes = HeadlessChromium.renderedSizes(inDOM: measured.output)
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
