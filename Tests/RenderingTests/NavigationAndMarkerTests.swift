import BikePDCACore
import Foundation
import Testing

@testable import Rendering

/// Link cells, the way back to the index, the "data through" line, the blue-ticket marker and 「制度開始前」.
@Suite struct NavigationAndMarkerTests {
    static func document(_ cells: [ReportCell], chart: MonthlyTrendChart? = nil) -> ReportDocument {
        var blocks: [ReportBlock] = [
            .table(
                ReportTable(
                    caption: "表", columns: cells.map { _ in ReportColumn("c") }, rows: [cells], denominatorNote: "n"))
        ]
        if let chart { blocks.append(.chart(.monthlyTrend(chart))) }
        return ReportDocument(
            title: "t", generatedAt: "2026-12-01", sections: [ReportSection(title: "s", blocks: blocks)])
    }

    @Test("a link cell is a link in HTML only when its file is a plain name beside the report")
    func linkCells() {
        let html = HTMLRenderer().render(
            Self.document([
                .link("中央警察署", fileName: "station_58101.html"), .link("外", fileName: "https://example.com/x"),
                .link("上", fileName: "../index.html"),
            ]))
        #expect(html.contains("<td class=\"align-leading\"><a href=\"station_58101.html\">中央警察署</a></td>"))
        #expect(!html.contains("example.com\""))
        #expect(!html.contains("href=\"../"))
        #expect(html.contains(">外</td>"))
    }

    @Test("links to files a run did not write become text; the index link is kept only when known")
    func resolvingLinks() {
        var document = Self.document([
            .link("A", fileName: "station_1.html"), .link("B", fileName: "station_2.html"),
        ])
        document.indexFileName = "index.html"
        let resolved = document.resolvingLinks { $0 == "station_1.html" ? "station_1_2.html" : nil }
        #expect(resolved.tables.first?.rows == [[.link("A", fileName: "station_1_2.html"), .text("B")]])
        #expect(resolved.indexFileName == nil)
        let kept = document.resolvingLinks { $0 }
        #expect(kept.indexFileName == "index.html")
        let html = HTMLRenderer().render(kept)
        #expect(html.contains("<nav class=\"back\" aria-label=\"レポート一覧\"><a href=\"index.html\">← レポート一覧へ</a></nav>"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func dataThroughAndProvisionalNote(_ language: ReportLanguage) {
        var document = Self.document([.integer(1)])
        document.language = language
        #expect(!HTMLRenderer().render(document).contains("class=\"data-through\""))
        document.dataThrough = LocalDate(dayNumber: 20_543)  // 2026-03-31
        let html = HTMLRenderer().render(document)
        #expect(
            html.contains(
                language == .ja
                    ? "<strong>データ最終日: 2026-03-31</strong> · 直近の数値は速報値です"
                    : "<strong>Data through: 2026-03-31</strong> · Recent figures are provisional"))
    }

    @Test("a not-applicable cell shows its reason in HTML and is empty in CSV")
    func notApplicable() {
        let document = Self.document([.notApplicable("制度開始前"), .integer(0)])
        #expect(HTMLRenderer().render(document).contains("<span class=\"not-applicable\">制度開始前</span>"))
        let csv = String(decoding: CSVRenderer(writesByteOrderMark: false).csv(for: document.tables[0]), as: UTF8.self)
        #expect(csv.hasPrefix("c,c\r\n,0\r\n"))
    }

    static func chart(from first: YearMonth, months: Int) -> MonthlyTrendChart {
        MonthlyTrendChart(
            title: "取締り",
            series: [
                .init(
                    name: "赤切符",
                    points: (0..<months).map { .init(month: first.adding(months: $0), value: Double($0 % 4)) })
            ])
    }

    @Test("a monthly chart that runs across 2026-04-01 marks the start of blue tickets; one that does not, not")
    func blueTicketMarker() {
        let across = HTMLRenderer().render(
            Self.document([.integer(1)], chart: Self.chart(from: YearMonth(year: 2025, month: 10), months: 12)))
        #expect(across.contains("青切符制度開始 2026-04-01"))
        #expect(across.contains("class=\"marker\""))
        // The marker sits in April 2026 (the 7th of 12 months), at its first day.
        // Plot: left 64, width 900 − 64 − 24 = 812, step 812 / 12; x = 64 + 6 × step.
        let x = NumberFormat.svg(64 + 6 * 812.0 / 12)
        #expect(across.contains("<line x1=\"\(x)\""))
        for (first, months) in [(YearMonth(year: 2025, month: 4), 12), (YearMonth(year: 2026, month: 4), 6)] {
            let html = HTMLRenderer().render(
                Self.document([.integer(1)], chart: Self.chart(from: first, months: months)))
            #expect(!html.contains("青切符制度開始"), "\(first)")
        }
        var english = Self.document(
            [.integer(1)], chart: Self.chart(from: YearMonth(year: 2025, month: 10), months: 12))
        english.language = .en
        #expect(HTMLRenderer().render(english).contains("Blue tickets begin 2026-04-01"))
    }

    @Test("a bar's value label never reaches into the reference line's label; long bar labels wrap, whole")
    func beforeAfterLabels() throws {
        let chart = BeforeAfterChart(
            title: "θ",
            bars: [
                .init(label: "単純比較 (事前・事後)", value: 0.94, lower: 0.47, upper: 1.40),
                .init(label: "比較群法", value: 0.94, lower: 0.45, upper: 1.43),
                .init(label: "比の比 (差の差)", value: 0.98, lower: 0.57, upper: 1.68),
                .init(label: "経験ベイズ法 (EB)", value: 1.23, lower: 0.67, upper: 1.78),
                .init(label: "率比 (事後÷事前)", value: 0.97, lower: 0.56, upper: 1.67),
            ], referenceLine: 1, referenceLabel: "変化なし (θ = 1)")
        let svg = SVGChartRenderer(strings: ReportStrings(language: .ja)).svg(for: .beforeAfter(chart), id: "c")
            .rendered()
        #expect(!svg.contains("…"))
        #expect(svg.contains(">変化なし (θ = 1)</text>"))
        // The reference label starts at the plot's right edge + 6: every value label ends left of that edge.
        let reference = try #require(svg.components(separatedBy: ">変化なし (θ = 1)</text>").first)
        let referenceX = try #require(
            Double(reference.components(separatedBy: "<text x=\"").last?.prefix { $0 != "\"" } ?? ""))
        for value in ["0.94", "0.98", "1.23", "0.97"] {
            for part in svg.components(separatedBy: ">\(value)</text>").dropLast() {
                let tag = part.components(separatedBy: "<text ").last ?? ""
                let x = try #require(
                    Double(tag.components(separatedBy: "x=\"").dropFirst().first?.prefix { $0 != "\"" } ?? ""))
                let end = tag.contains("text-anchor=\"end\"") ? x : x + TextMetrics.width(value, fontSize: 13)
                #expect(
                    end <= referenceX - 6 + 0.01, "\(value) ends at \(end), the reference label starts at \(referenceX)"
                )
            }
        }
        // The two-line bar label is drawn as two tspans.
        #expect(svg.contains("<tspan x="))
    }
}
