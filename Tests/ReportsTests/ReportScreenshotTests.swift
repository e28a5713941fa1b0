import Foundation
import TestSupport
import Testing

/// The first screen of each report, as `docs/REPORTS.md` shows it: taken in headless Chromium at a laptop's
/// window size, in both languages, and written to `docs/images` when `BIKEPDCA_RECORD_SNAPSHOTS=1`.
@Suite("first-screen screenshots for docs/REPORTS.md", .serialized, .enabled(if: HeadlessChromium.path != nil))
struct ReportScreenshotTests {
    /// (image name, report file) of the reports whose first screen answers the questions.
    static let pages = [
        ("zone", "zone_\(SampleReports.zone).html"), ("station", "station_\(SampleReports.station).html"),
        ("prefecture", "prefecture.html"),
    ]

    static let images = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/images")

    @Test(arguments: ["ja", "en"])
    func firstScreens(_ language: String) throws {
        let out = try SampleReports.write(["report", "all", "--period", "FY2025", "--lang", language])
        for (name, file) in Self.pages {
            let page = out.appendingPathComponent(file)
            let screenshot = out.appendingPathComponent("\(name)-\(language).png")
            let shot = try HeadlessChromium.run(
                ["--screenshot=\(screenshot.path)", "--window-size=1280,900", page.absoluteString], in: out)
            #expect(shot.status == 0, "\(file)")
            let png = try #require(try? Data(contentsOf: screenshot), "no screenshot of \(file)")
            #expect(HeadlessChromium.pngSize(png).map { $0.width == 1280 && $0.height == 900 } == true)
            #expect(png.count > 40_000, "\(file): screenshot only \(png.count) bytes")
            if GoldenFile.isRecording {
                try FileManager.default.createDirectory(at: Self.images, withIntermediateDirectories: true)
                try png.write(to: Self.images.appendingPathComponent("report-\(name)-\(language).png"))
            }
        }
    }
}
