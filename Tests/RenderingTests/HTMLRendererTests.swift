import Foundation
import TestSupport
import Testing

@testable import Rendering

@Suite struct HTMLRendererTests {
    @Test(arguments: ReportLanguage.allCases)
    func declaresTheContentSecurityPolicyFirstThing(_ language: ReportLanguage) throws {
        let html = HTMLRenderer().render(SampleReport.document(language: language))
        let scan = MarkupScan(html)
        let policy = try #require(
            scan.tags.first { tag in tag.attributes.contains { $0 == ("http-equiv", "Content-Security-Policy") } }?
                .attributes.first { $0.name == "content" }?.value)
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("script-src 'none'"))
        #expect(policy.contains("style-src 'unsafe-inline'"))
        #expect(policy.contains("img-src 'none'"))
        // It must come before anything that could load: right after the charset.
        let metas = scan.tags.filter { $0.name == "meta" }
        #expect(metas.first?.attributes.first?.name == "charset")
        #expect(metas.dropFirst().first?.attributes.first?.value == "Content-Security-Policy")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func makesNoRequestOfAnyKind(_ language: ReportLanguage) {
        let html = HTMLRenderer().render(SampleReport.document(language: language))
        let lowered = html.lowercased()
        for forbidden in [
            "http://", "https://", "//cdn", "src=", "url(", "@import", "@font-face", "<link", "<script",
            "<img", "<iframe", "<object", "<embed", "xlink:href",
        ] {
            #expect(!lowered.contains(forbidden), "found \(forbidden)")
        }
        // The only link is a file name beside the report.
        #expect(MarkupScan(html).values(of: "href", in: "a") == ["station_02010.html"])
    }

    @Test func usesTheSystemJapaneseFontStackAndAnA4PrintLayout() {
        let css = ReportStyleSheet.css.description
        #expect(css.contains("\"Hiragino Kaku Gothic ProN\", \"Hiragino Sans\", \"Noto Sans CJK JP\""))
        #expect(css.contains("\"Yu Gothic\", YuGothic, Meiryo, sans-serif"))
        #expect(css.contains("@page { size: A4;"))
        #expect(css.contains(".kpi, .kpis, .caveat, figure, table, .table-wrap, .table-block, .chart-row {"))
        // A table's note stays with it; names in a table's first columns never wrap inside a word.
        #expect(css.contains(".denominator, .chart-note { break-before: avoid;"))
        #expect(css.contains("td.align-leading:is(:first-child, :nth-child(2)), td a { word-break: keep-all; }"))
    }

    @Test(arguments: ReportLanguage.allCases)
    func sameDocumentGivesTheSameBytes(_ language: ReportLanguage) {
        let first = HTMLRenderer().renderData(SampleReport.document(language: language))
        let second = HTMLRenderer().renderData(SampleReport.document(language: language))
        #expect(first == second)
        #expect(first.count > 10_000)
    }

    @Test func kpiCardsComeFirstAndCaveatsPrecedeWhatTheyQualify() throws {
        let html = HTMLRenderer().render(SampleReport.document(language: .ja))
        func position(_ needle: String) throws -> String.Index {
            try #require(html.range(of: needle)?.lowerBound, "missing \(needle)")
        }
        let cards = try position("<section class=\"kpis\"")
        let documentCaveat = try position("<aside class=\"caveat caveat-data-gap\"")
        let firstSection = try position("<section class=\"report-section\"")
        let regression = try position("<aside class=\"caveat caveat-regression-to-mean\"")
        let lowCount = try position("<aside class=\"caveat caveat-low-count\"")
        let firstChart = try position("<figure")
        let firstTable = try position("<table")
        #expect(cards < documentCaveat)
        #expect(documentCaveat < firstSection)
        #expect(firstSection < regression)
        #expect(regression < firstChart && lowCount < firstChart && lowCount < firstTable)
        #expect(html.contains("<p class=\"caveat-kind\">平均への回帰</p>"))
    }

    @Test func tablesNameTheirDenominatorAndEndWithTotals() {
        let html = HTMLRenderer().render(SampleReport.document(language: .ja))
        #expect(html.contains("<p class=\"denominator\">件数 (分母: 当該期間の全取締件数)</p>"))
        #expect(html.contains("<tfoot>\n<tr class=\"totals\">\n<td class=\"align-leading\">計</td>"))
        // Grouped counts, fixed decimals, percentages, and a dash for no value.
        #expect(html.contains("<td class=\"align-trailing\">23,481</td>"))
        #expect(html.contains("<td class=\"align-trailing\">-63.5%</td>"))
        #expect(html.contains("<td class=\"align-trailing\">836.8</td>"))
        #expect(html.contains("<td class=\"align-trailing\">—</td>"))
    }

    @Test func englishUsesEnglishFixedWording() {
        let english = HTMLRenderer().render(SampleReport.document(language: .en))
        let japanese = HTMLRenderer().render(SampleReport.document(language: .ja))
        #expect(english.contains(">Regression to the mean</p>"))
        #expect(english.contains(">Mon</text>"))
        #expect(english.contains("Generated: 2026-04-15 09:00 JST"))
        #expect(japanese.contains(">月</text>"))
        #expect(japanese.contains("作成日時: 2026-04-15 09:00 JST"))
        #expect(!english.contains("作成日時"))
    }

    @Test func everyChartHasSizeViewBoxAndAnAccessibleTitle() {
        let scan = MarkupScan(HTMLRenderer().render(SampleReport.document(language: .ja)))
        let charts = scan.elements("svg", className: "chart")
        #expect(charts.count == 8)
        for chart in charts {
            let width = chart.number("width") ?? 0
            let height = chart.number("height") ?? 0
            #expect(width > 0 && height > 0)
            let viewBox = chart.attributes.first { $0.name == "viewBox" }?.value
            #expect(viewBox == "0 0 \(NumberFormat.svg(width)) \(NumberFormat.svg(height))")
            let id = chart.attributes.first { $0.name == "id" }?.value ?? ""
            #expect(chart.attributes.contains { $0 == ("aria-labelledby", "\(id)-title") })
            #expect(scan.values(of: "id", in: "title").contains("\(id)-title"))
        }
        // Chart ids are unique.
        let ids = charts.compactMap { $0.attributes.first { $0.name == "id" }?.value }
        #expect(Set(ids).count == ids.count)
    }

    @Test func emptyChartsSayNoData() {
        let document = ReportDocument(
            title: "t", generatedAt: "g",
            sections: [
                ReportSection(
                    title: "s",
                    blocks: [
                        .chart(.monthlyTrend(MonthlyTrendChart(title: "trend", series: []))),
                        .chart(.zoneMap(ZoneMapChart(title: "map", geometry: nil))),
                        .chart(.horizontalBars(HorizontalBarChart(title: "bars", bars: []))),
                    ])
            ])
        let html = HTMLRenderer().render(document)
        #expect(html.components(separatedBy: ">データなし</text>").count == 4)
    }

    @Test func aChartThatRestatesATableIsLeftOutOfPrintOnly() throws {
        let bars = HorizontalBarChart(title: "bars", bars: [.init(label: "a", value: 1)])
        let document = ReportDocument(
            title: "t", generatedAt: "g",
            sections: [
                ReportSection(
                    title: "s",
                    blocks: [
                        .chart(.horizontalBars(bars), restatesTable: true),
                        .chart(.horizontalBars(bars)),
                    ])
            ])
        let scan = MarkupScan(HTMLRenderer().render(document))
        // Both are drawn on screen; the first carries the class the print style sheet hides.
        #expect(scan.values(of: "class", in: "figure") == ["chart-figure screen-only", "chart-figure"])
        let css = ReportStyleSheet.css.description
        let print = try #require(css.range(of: "@media print {", options: .backwards))
        #expect(css[print.upperBound...].contains(".screen-only { display: none; }"))
        #expect(!css[..<print.lowerBound].contains(".screen-only"))
    }
}

/// Golden files: the sample report in Japanese and English, compared byte for byte. Re-record with
/// `BIKEPDCA_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests`.
@Suite struct SnapshotTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")
    static func check(_ bytes: [UInt8], named name: String) throws {
        if let problem = try GoldenFile.mismatch(bytes, named: name, in: directory) {
            Issue.record(Comment(rawValue: problem))
        }
    }

    @Test(arguments: ReportLanguage.allCases)
    func sampleReportMatchesItsGoldenFile(_ language: ReportLanguage) throws {
        try Self.check(
            HTMLRenderer().renderData(SampleReport.document(language: language)),
            named: "sample-\(language.rawValue).html")
    }

    @Test func sampleTableMatchesItsGoldenCSV() throws {
        let files = CSVRenderer().files(for: SampleReport.document(language: .ja), baseName: "sample")
        let file = try #require(files.first)
        #expect(file.fileName == "sample_01_指定前後の事故件数.csv")
        try Self.check(file.bytes, named: "sample-ja-01.csv")
    }
}
