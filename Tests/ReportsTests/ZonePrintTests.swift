import Foundation
import TestSupport
import Testing

/// The zone report printed to A4 in headless Chromium: how many pages it takes.
@Suite(
    .enabled(
        if: HeadlessChromium.path != nil, "chromium is not installed (Debian package `chromium`): print check skipped"
    ),
    .serialized)
struct ZonePrintTests {
    /// Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree nodes).
    static func pageCount(_ pdf: Data) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        var count = 0
        var rest = Substring(text)
        while let range = rest.range(of: "/Type") {
            rest = rest[range.upperBound...]
            let next = rest.drop { $0 == " " }
            if next.hasPrefix("/Page"), !next.hasPrefix("/Pages") { count += 1 }
        }
        return count
    }

    @Test(
        "58101-D02 prints on at most 4 A4 pages in Japanese and English (8 before the print rules)",
        arguments: ["ja", "en"])
    func pages(_ language: String) throws {
        let out = try SampleReports.write(
            ["report", "zone", "58101-D02", "--period", "FY2025", "--lang", language])
        let page = out.appendingPathComponent("zone_58101-D02.html")
        let pdf = out.appendingPathComponent("zone.pdf")
        let run = try HeadlessChromium.run(
            ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], in: out)
        #expect(run.status == 0)
        let pages = Self.pageCount(try Data(contentsOf: pdf))
        #expect(pages >= 2, "a report of this length cannot fit one page: is the PDF empty?")
        #expect(pages <= 4, "\(pages) pages")
    }
}
