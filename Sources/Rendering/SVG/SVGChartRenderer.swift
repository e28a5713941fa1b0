/// Draws a ``ReportChart`` as an inline `<svg>` with explicit `width`, `height` and `viewBox`, a `<title>` for
/// screen readers, and every coordinate printed with two decimals.
struct SVGChartRenderer: Sendable {
    /// The fixed wording (axis labels, legends) in the report's language.
    let strings: ReportStrings

    /// The chart as an `<svg>` element; `id` must be unique in the document (it names the `<title>`).
    func svg(for chart: ReportChart, id: String) -> MarkupNode {
        switch chart {
        case .monthlyTrend(let model): monthlyTrend(model, id: id)
        case .beforeAfter(let model): beforeAfter(model, id: id)
        case .stackedBars(let stacked):
            horizontalBars(
                title: stacked.title, id: id, segmentNames: stacked.segmentNames,
                bars: stacked.bars.map { ($0.label, $0.values) }, digits: Self.digits(stacked.bars.flatMap(\.values)),
                showsLegend: true)
        case .horizontalBars(let bars):
            horizontalBars(
                title: bars.title, id: id, segmentNames: [""], bars: bars.bars.map { ($0.label, [$0.value]) },
                digits: bars.digits, showsLegend: false)
        case .hourWeekdayHeatMap(let model): heatMap(model, id: id)
        case .zoneMap(let model): zoneMap(model, id: id)
        case .areaMap(let model): areaMap(model, id: id)
        }
    }

    // MARK: - Shared pieces

    /// The `<svg>` root with its accessible title.
    func root(width: Double, height: Double, id: String, title: String, _ children: [MarkupNode]) -> MarkupNode {
        let w = NumberFormat.svg(width)
        let h = NumberFormat.svg(height)
        return .element(
            "svg",
            [
                "class": "chart", "id": id, "width": w, "height": h, "viewBox": "0 0 \(w) \(h)", "role": "img",
                "aria-labelledby": "\(id)-title",
            ],
            [.element("title", ["id": "\(id)-title"], [.text(title)])] + children)
    }

    /// A text label.
    func label(
        _ text: String, x: Double, y: Double, anchor: String = "start", size: Double = 12,
        fill: String = ChartPalette.text, className: String = "", bold: Bool = false
    ) -> MarkupNode {
        var attributes = [
            MarkupAttribute(name: "x", value: NumberFormat.svg(x)),
            MarkupAttribute(name: "y", value: NumberFormat.svg(y)),
            MarkupAttribute(name: "font-size", value: NumberFormat.fixed(size, digits: 0)),
            MarkupAttribute(name: "text-anchor", value: anchor),
            MarkupAttribute(name: "fill", value: fill),
        ]
        if bold { attributes.append(MarkupAttribute(name: "font-weight", value: "bold")) }
        if !className.isEmpty { attributes.append(MarkupAttribute(name: "class", value: className)) }
        return .element("text", attributes: attributes, [.text(text)])
    }

    /// A label that wraps onto lines of at most `maxWidth` (``TextMetrics/lines(_:toWidth:fontSize:)``), one
    /// `<tspan>` a line, the first line's baseline at `y`; the whole text is also the tooltip. Returns the node and
    /// the count of lines.
    func wrappedLabel(
        _ text: String, x: Double, y: Double, maxWidth: Double, anchor: String = "start", size: Double = 12,
        fill: String = ChartPalette.text, className: String = ""
    ) -> (node: MarkupNode, lines: Int) {
        let lines = TextMetrics.lines(text, toWidth: maxWidth, fontSize: size)
        guard lines.count > 1 else {
            return (label(text, x: x, y: y, anchor: anchor, size: size, fill: fill, className: className), 1)
        }
        var attributes = [
            MarkupAttribute(name: "x", value: NumberFormat.svg(x)),
            MarkupAttribute(name: "y", value: NumberFormat.svg(y)),
            MarkupAttribute(name: "font-size", value: NumberFormat.fixed(size, digits: 0)),
            MarkupAttribute(name: "text-anchor", value: anchor),
            MarkupAttribute(name: "fill", value: fill),
        ]
        if !className.isEmpty { attributes.append(MarkupAttribute(name: "class", value: className)) }
        let spans: [MarkupNode] = lines.enumerated().map { index, line in
            .element(
                "tspan",
                attributes: [
                    MarkupAttribute(name: "x", value: NumberFormat.svg(x)),
                    MarkupAttribute(name: "dy", value: index == 0 ? "0" : NumberFormat.svg(size * 1.15)),
                ], [.text(line)])
        }
        return (.element("text", attributes: attributes, spans), lines.count)
    }

    /// A straight line.
    func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false,
        className: String = ""
    ) -> MarkupNode {
        var attributes = [
            MarkupAttribute(name: "x1", value: NumberFormat.svg(x1)),
            MarkupAttribute(name: "y1", value: NumberFormat.svg(y1)),
            MarkupAttribute(name: "x2", value: NumberFormat.svg(x2)),
            MarkupAttribute(name: "y2", value: NumberFormat.svg(y2)),
            MarkupAttribute(name: "stroke", value: stroke),
            MarkupAttribute(name: "stroke-width", value: NumberFormat.svg(width)),
        ]
        if dashed { attributes.append(MarkupAttribute(name: "stroke-dasharray", value: "5 4")) }
        if !className.isEmpty { attributes.append(MarkupAttribute(name: "class", value: className)) }
        return .element("line", attributes: attributes)
    }

    /// A filled rectangle, with an optional tooltip.
    func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, className: String = "",
        tooltip: String = ""
    ) -> MarkupNode {
        var attributes = [
            MarkupAttribute(name: "x", value: NumberFormat.svg(x)),
            MarkupAttribute(name: "y", value: NumberFormat.svg(y)),
            MarkupAttribute(name: "width", value: NumberFormat.svg(max(width, 0))),
            MarkupAttribute(name: "height", value: NumberFormat.svg(max(height, 0))),
            MarkupAttribute(name: "fill", value: fill),
        ]
        if !className.isEmpty { attributes.append(MarkupAttribute(name: "class", value: className)) }
        let children: [MarkupNode] = tooltip.isEmpty ? [] : [.element("title", [:], [.text(tooltip)])]
        return .element("rect", attributes: attributes, children)
    }

    /// A centred "no data" message for an empty chart.
    func noData(width: Double, height: Double, id: String, title: String) -> MarkupNode {
        root(
            width: width, height: height, id: id, title: title,
            [
                rect(x: 0.5, y: 0.5, width: width - 1, height: height - 1, fill: "#FAFAFA"),
                label(
                    strings.noData, x: width / 2, y: height / 2 + 5, anchor: "middle", size: 14,
                    fill: ChartPalette.mutedText),
            ])
    }

    /// A legend laid out in rows that wrap at `maxWidth`: each entry a swatch and a name. Returns the nodes and
    /// the height used.
    func legend(
        _ entries: [(name: String, colour: String)], x: Double, y: Double, maxWidth: Double,
        swatch: (_ x: Double, _ y: Double, _ colour: String) -> MarkupNode
    ) -> (nodes: [MarkupNode], height: Double) {
        var nodes: [MarkupNode] = []
        var cursorX = x
        var row = 0
        for entry in entries {
            let name = TextMetrics.truncated(entry.name, toWidth: maxWidth - 24, fontSize: 12)
            let entryWidth = 18 + TextMetrics.width(name, fontSize: 12) + 18
            if cursorX > x, cursorX + entryWidth > x + maxWidth {
                row += 1
                cursorX = x
            }
            let rowY = y + Double(row) * 18
            nodes.append(swatch(cursorX, rowY, entry.colour))
            nodes.append(label(name, x: cursorX + 18, y: rowY + 4, size: 12))
            cursorX += entryWidth
        }
        return (nodes, entries.isEmpty ? 0 : Double(row + 1) * 18)
    }

    /// Decimals to print values: none when all are whole numbers, else one.
    static func digits(_ values: [Double]) -> Int {
        values.allSatisfy { !$0.isFinite || $0 == $0.rounded() } ? 0 : 1
    }
}
