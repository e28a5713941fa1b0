import Foundation
import TestSupport
import Testing

/// Opens each generated sample report in headless Chromium offline: it renders, logs no console error or CSP
/// violation, and every chart's SVG is laid out with a non-zero size.
@Suite(
    .enabled(
        if: HeadlessChromium.path != nil, "chromium is not installed (Debian package `chromium`): browser check skipped"
    ),
    .serialized)
struct ReportBrowserTests {
    @Test(arguments: SampleReports.cases.map(\.name))
    func sampleReportRendersOffline(_ name: String) throws {
        let sample = try #require(SampleReports.cases.first { $0.name == name })
        let out = try SampleReports.write(sample.arguments)
        let page = out.appendingPathComponent(sample.file)
        let html = try String(contentsOf: page, encoding: .utf8)
        let charts = html.components(separatedBy: "<svg class=\"chart\"").count - 1
        #expect(charts > 0, "\(name) has no chart")

        let screenshot = out.appendingPathComponent("\(name).png")
        let shot = try HeadlessChromium.run(
            ["--screenshot=\(screenshot.path)", "--window-size=1240,1754", page.absoluteString], in: out)
        #expect(shot.status == 0)
        let png = try #require(try? Data(contentsOf: screenshot), "no screenshot")
        let size = try #require(HeadlessChromium.pngSize(png))
        #expect(size.width == 1240 && size.height == 1754)
        #expect(png.count > 60_000, "screenshot only \(png.count) bytes: is the page blank?")
        #expect(HeadlessChromium.problems(in: shot.log).isEmpty, "\(HeadlessChromium.problems(in: shot.log))")

        let dom = try HeadlessChromium.run(["--dump-dom", page.absoluteString], in: out)
        #expect(dom.output.components(separatedBy: "<svg class=\"chart\"").count - 1 == charts)
        #expect(HeadlessChromium.problems(in: dom.log).isEmpty, "\(HeadlessChromium.problems(in: dom.log))")

        let probe = out.appendingPathComponent("probe-\(name).html")
        try Data(HeadlessChromium.layoutProbe(html).utf8).write(to: probe)
        let measured = try HeadlessChromium.run(
            ["--dump-dom", "--window-size=1240,1754", probe.absoluteString], in: out)
        let sizes = HeadlessChromium.renderedSizes(inDOM: measured.output)
        #expect(sizes.count == charts, "measured \(sizes.count) of \(charts) charts")
        for size in sizes {
            #expect(size.count == 2 && size.allSatisfy { $0 > 50 }, "a chart of \(name) rendered at \(size)")
        }
        #expect(HeadlessChromium.problems(in: measured.log).isEmpty, "\(HeadlessChromium.problems(in: measured.log))")
    }

    @Test func indexRendersOffline() throws {
        let out = try SampleReports.write(["report", "all", "--period", "FY2025", "--format", "html"])
        let page = out.appendingPathComponent("index.html")
        let run = try HeadlessChromium.run(["--dump-dom", page.absoluteString], in: out)
        #expect(run.status == 0)
        #expect(run.output.contains("zone_58101-R01.html"))
        #expect(HeadlessChromium.problems(in: run.log).isEmpty, "\(HeadlessChromium.problems(in: run.log))")
    }
}
