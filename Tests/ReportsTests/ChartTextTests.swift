import Foundation
import Testing

@testable import Rendering

/// Every label of every chart of the sample reports is whole: none cut with `…`, each inside its chart's box, in
/// both languages (question: "単純比較 (…", "経験ベイズ…", "95%信頼区間 …" under the bars).
@Suite("chart labels are whole", .serialized)
struct ChartTextTests {
    /// One `<text>` of an SVG: its anchor point, anchor, size and the lines it shows (one per `<tspan>`).
    struct TextElement {
        var x: Double
        var anchor: String
        var size: Double
        var lines: [String]
        var rotated: Bool
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
    }

    static func unescaped(_ text: some StringProtocol) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The width of each `<svg>` of `html` and its `<text>` elements.
    static func charts(in html: String) -> [(width: Double, texts: [TextElement])] {
        html.components(separatedBy: "<svg ").dropFirst().map { chunk in
            let svg = chunk.components(separatedBy: "</svg>")[0]
            let width = attribute("width", in: " " + String(svg.prefix { $0 != ">" })).flatMap(Double.init) ?? 0
            let texts = svg.components(separatedBy: "<text ").dropFirst().map { part -> TextElement in
                let tag = " " + String(part.prefix { $0 != ">" })
                let body = part.drop { $0 != ">" }.dropFirst().components(separatedBy: "</text>")[0]
                let lines =
                    body.contains("<tspan")
                    ? body.components(separatedBy: "<tspan").dropFirst().map { span in
                        unescaped(span.drop { $0 != ">" }.dropFirst().components(separatedBy: "</tspan>")[0])
                    } : [unescaped(body)]
                return TextElement(
                    x: attribute("x", in: tag).flatMap(Double.init) ?? 0,
                    anchor: attribute("text-anchor", in: tag) ?? "start",
                    size: attribute("font-size", in: tag).flatMap(Double.init) ?? 12, lines: lines,
                    rotated: tag.contains("transform=\"rotate"))
            }
            return (width, texts)
        }
    }

    static let reports: Result<[(String, String)], any Error> = Result {
        var pages: [(String, String)] = []
        for (arguments, file) in [
            (["report", "all", "--period", "FY2025", "--compare"], nil),
            (["report", "all", "--period", "FY2025", "--compare", "--lang", "en"], nil),
            (["report", "zone", "58101-R01", "--period", "FY2026"], "zone_58101-R01.html"),
        ] as [([String], String?)] {
            let folder = try SampleReports.write(arguments)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".html") && (file == nil || $0 == file)
            }
            for name in names.sorted() {
                let html = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                pages.append(("\(arguments.contains("en") ? "en" : "ja")/\(name)", html))
            }
        }
        return pages
    }

    @Test("no chart label is cut, and each fits inside its chart (measured with the renderer's text metrics)")
    func labelsAreWhole() throws {
        var measured = 0
        for (name, html) in try Self.reports.get() {
            for (index, chart) in Self.charts(in: html).enumerated() {
                for text in chart.texts where !text.rotated {
                    for line in text.lines {
                        measured += 1
                        #expect(!line.contains("…"), "\(name) chart \(index + 1): \(line)")
                        let width = TextMetrics.width(line, fontSize: text.size)
                        let start: Double
                        switch text.anchor {
                        case "end": start = text.x - width
                        case "middle": start = text.x - width / 2
                        default: start = text.x
                        }
                        #expect(
                            start >= -0.5 && start + width <= chart.width + 0.5,
                            "\(name) chart \(index + 1): \(line) spans \(start)…\(start + width) of \(chart.width)")
                    }
                }
            }
        }
        #expect(measured > 10_000)
    }

    @Test("the FY2026 zone report marks the start of blue tickets on its multi-year chart")
    func blueTicketMarker() throws {
        let pages = try Self.reports.get().filter { $0.0 == "ja/zone_58101-R01.html" }
        let fy2026 = try #require(pages.last?.1)
        #expect(fy2026.contains("青切符制度開始 2026-04-01"))
    }
}
