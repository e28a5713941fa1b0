/// Renders a ``ReportDocument`` as one self-contained HTML file: inline CSS and SVG, no scripts, no
/// requests of any kind, and a Content-Security-Policy that forbids them should anything slip in.
///
/// Same document, same bytes: nothing is read from the clock, the locale or the environment, lists are kept
/// in order, and numbers print with fixed decimals and `,` thousands separators. Every string of the document
/// is escaped by ``MarkupNode`` as it is written.
public struct HTMLRenderer: Sendable {
    /// The Content-Security-Policy of every report: nothing may load or run, only the inline style sheet applies.
    public static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; font-src 'none'; script-src 'none'; "
        + "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'"

    /// Creates a renderer.
    public init() {}

    /// The reports' style sheet (報告書の書式), for pages that should look like them (the browser app's).
    public static var styleSheet: String { "\(ReportStyleSheet.css)" }

    /// The HTML file for `document`, as text.
    public func render(_ document: ReportDocument) -> String {
        let strings = ReportStrings(language: document.language)
        var context = RenderContext(strings: strings, charts: SVGChartRenderer(strings: strings))
        let page = MarkupNode.element(
            "html", ["lang": document.language.rawValue],
            [
                head(document),
                .element("body", [:], body(document, context: &context)),
            ])
        return "<!DOCTYPE html>\n" + page.rendered()
    }

    /// The HTML file for `document`, as UTF-8 bytes.
    public func renderData(_ document: ReportDocument) -> [UInt8] {
        Array(render(document).utf8)
    }

    private func head(_ document: ReportDocument) -> MarkupNode {
        .element(
            "head", [:],
            [
                .element("meta", ["charset": "utf-8"]),
                .element("meta", ["http-equiv": "Content-Security-Policy", "content": Self.contentSecurityPolicy]),
                .element("meta", ["name": "referrer", "content": "no-referrer"]),
                .element("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .element("meta", ["name": "generator", "content": "BikePDCA"]),
                .element("title", [:], [.text(document.title)]),
                .styleSheet(ReportStyleSheet.css),
            ])
    }

    /// The body in reading order: header, KPI cards, the document's caveats, the sections, footer.
    private func body(_ document: ReportDocument, context: inout RenderContext) -> [MarkupNode] {
        let strings = context.strings
        var headerChildren: [MarkupNode] = []
        if let index = document.indexFileName {
            headerChildren.append(
                .element(
                    "nav", ["class": "back", "aria-label": strings.reportsHeading],
                    [HTMLRenderer.anchor("← " + strings.backToIndex, fileName: index)]))
        }
        headerChildren.append(.element("h1", [:], [.text(document.title)]))
        if !document.subtitle.isEmpty {
            headerChildren.append(.element("p", ["class": "subtitle"], [.text(document.subtitle)]))
        }
        if let through = document.dataThrough {
            headerChildren.append(
                .element(
                    "p", ["class": "data-through"],
                    [
                        .element("strong", [:], [.text("\(strings.dataThrough): \(through)")]),
                        .text(" · " + strings.provisional),
                    ]))
        }
        headerChildren.append(
            .element("p", ["class": "generated"], [.text("\(strings.generatedAt): \(document.generatedAt)")]))
        var mainChildren: [MarkupNode] = []
        if !document.kpis.isEmpty {
            mainChildren.append(kpiCards(document.kpis, label: strings.keyFigures))
        }
        if !document.caveats.isEmpty {
            mainChildren.append(
                .element(
                    "section", ["class": "caveats", "aria-label": strings.caveatsHeading],
                    document.caveats.map { caveat($0, strings: strings) }))
        }
        for section in document.sections {
            mainChildren.append(self.section(section, context: &context))
        }
        return [
            .element("header", ["class": "report-header"], headerChildren),
            .element("main", [:], mainChildren),
            .element("footer", [:], [.element("p", [:], [.text(strings.footer)])]),
        ]
    }

    private func section(_ section: ReportSection, context: inout RenderContext) -> MarkupNode {
        var children: [MarkupNode] = [.element("h2", [:], [.text(section.title)])]
        // Caveats first: they qualify every block below them.
        children += section.caveats.map { caveat($0, strings: context.strings) }
        for block in section.blocks {
            children.append(self.block(block, context: &context))
        }
        return .element("section", ["class": "report-section"], children)
    }

    private func block(_ block: ReportBlock, context: inout RenderContext) -> MarkupNode {
        switch block {
        case .paragraph(let text):
            return .element("p", [:], [.text(text)])
        case .kpis(let kpis):
            return kpiCards(kpis, label: context.strings.keyFigures)
        case .table(let table):
            return .element("div", ["class": "table-block"], self.table(table, strings: context.strings))
        case .chart(let chart, let restatesTable):
            return figure(chart, printed: !restatesTable, context: &context)
        case .charts(let charts):
            var figures: [MarkupNode] = []
            for chart in charts { figures.append(figure(chart, printed: true, context: &context)) }
            return .element("div", ["class": "chart-row"], figures)
        case .links(let links):
            return .element("ul", ["class": "links"], links.map(link))
        }
    }

    private func kpiCards(_ kpis: [ReportKPI], label: String) -> MarkupNode {
        .element(
            "section", ["class": "kpis", "aria-label": label],
            kpis.map { kpi in
                var value: [MarkupNode] = [.text(HTMLRenderer.display(kpi.value))]
                if !kpi.unit.isEmpty {
                    value.append(.element("span", ["class": "kpi-unit"], [.text(kpi.unit)]))
                }
                var card: [MarkupNode] = [
                    .element("p", ["class": "kpi-label"], [.text(kpi.label)]),
                    .element("p", ["class": "kpi-value"], value),
                ]
                if !kpi.note.isEmpty { card.append(.element("p", ["class": "kpi-note"], [.text(kpi.note)])) }
                return .element("div", ["class": "kpi"], card)
            })
    }

    private func caveat(_ caveat: ReportCaveat, strings: ReportStrings) -> MarkupNode {
        .element(
            "aside", ["class": "caveat caveat-\(caveat.kind.rawValue)", "role": "note"],
            [
                .element("p", ["class": "caveat-kind"], [.text(strings.caveatKind(caveat.kind))]),
                .element("p", ["class": "caveat-text"], [.text(caveat.text)]),
            ])
    }

    private func table(_ table: ReportTable, strings: ReportStrings) -> [MarkupNode] {
        let columns = table.columns
        func cells(_ row: [ReportCell], tag: StaticString) -> [MarkupNode] {
            columns.enumerated().map { index, column in
                let cell = index < row.count ? row[index] : .missing
                return .element(tag, ["class": "align-\(column.alignment.rawValue)"], [HTMLRenderer.content(cell)])
            }
        }
        var parts: [MarkupNode] = [
            .element("caption", [:], [.text(table.caption)]),
            .element(
                "thead", [:],
                [
                    .element(
                        "tr", [:],
                        columns.map { column in
                            .element(
                                "th", ["scope": "col", "class": "align-\(column.alignment.rawValue)"],
                                [.text(column.title)])
                        })
                ]),
            .element("tbody", [:], table.rows.map { .element("tr", [:], cells($0, tag: "td")) }),
        ]
        if let totals = table.totals {
            parts.append(.element("tfoot", [:], [.element("tr", ["class": "totals"], cells(totals, tag: "td"))]))
        }
        return [
            .element("div", ["class": "table-wrap"], [.element("table", [:], parts)]),
            .element("p", ["class": "denominator"], [.text(table.denominatorNote)]),
        ]
    }

    /// A chart's figure; one not `printed` carries the class `screen-only`, hidden by the print style sheet.
    private func figure(_ chart: ReportChart, printed: Bool, context: inout RenderContext) -> MarkupNode {
        context.chartCount += 1
        let id = "chart-\(context.chartCount)"
        var children: [MarkupNode] = [
            .element("figcaption", [:], [.text(chart.title)]),
            context.charts.svg(for: chart, id: id),
        ]
        let note = HTMLRenderer.note(of: chart)
        if !note.isEmpty { children.append(.element("p", ["class": "chart-note"], [.text(note)])) }
        return .element("figure", ["class": printed ? "chart-figure" : "chart-figure screen-only"], children)
    }

    private func link(_ link: ReportLink) -> MarkupNode {
        var children = [HTMLRenderer.anchor(link.title, fileName: link.fileName)]
        if !link.note.isEmpty {
            children.append(.text(" "))
            children.append(.element("span", ["class": "link-note"], [.text(link.note)]))
        }
        return .element("li", [:], children)
    }

    private static func note(of chart: ReportChart) -> String {
        switch chart {
        case .monthlyTrend(let chart): chart.note
        case .beforeAfter(let chart): chart.note
        case .stackedBars(let chart): chart.note
        case .horizontalBars(let chart): chart.note
        case .hourWeekdayHeatMap(let chart): chart.note
        case .zoneMap(let chart): chart.note
        case .areaMap(let chart): chart.note
        }
    }

    /// `title` linking to `fileName`, or the title alone when the file name is not a plain name in the same
    /// folder (no scheme, no folder, nothing to escape to).
    static func anchor(_ title: String, fileName: String) -> MarkupNode {
        guard !fileName.isEmpty, safeFileName(fileName) == fileName, !fileName.contains(":") else {
            return .text(title)
        }
        return .element("a", ["href": fileName], [.text(title)])
    }

    /// A table cell's content: its text, a link for ``ReportCell/link(_:fileName:)``, the reason in a muted span
    /// for ``ReportCell/notApplicable(_:)``.
    static func content(_ cell: ReportCell) -> MarkupNode {
        switch cell {
        case .link(let text, let fileName): anchor(text, fileName: fileName)
        case .notApplicable(let reason): .element("span", ["class": "not-applicable"], [.text(reason)])
        default: .text(display(cell))
        }
    }

    /// A cell as shown in HTML: grouped numbers, fixed decimals, `—` for no value.
    static func display(_ cell: ReportCell) -> String {
        switch cell {
        case .text(let text), .link(let text, _), .notApplicable(let text): text
        case .integer(let value): NumberFormat.grouped(value)
        case .decimal(let value, let digits): NumberFormat.fixed(value, digits: digits)
        case .percent(let value, let digits): NumberFormat.fixed(value * 100, digits: digits) + "%"
        case .missing: "—"
        }
    }
}

/// What rendering one document carries along: its wording and the count of charts (for unique ids).
private struct RenderContext {
    let strings: ReportStrings
    let charts: SVGChartRenderer
    var chartCount = 0
}
