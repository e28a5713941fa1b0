extension SVGChartRenderer {
    /// Horizontal bars, stacked when there is more than one segment: labels on the left (wrapped onto more lines
    /// when too long, never cut), values inside segments that have room, the total at the end.
    func horizontalBars(
        title: String, id: String, segmentNames: [String], bars: [(label: String, values: [Double])], digits: Int,
        showsLegend: Bool
    ) -> MarkupNode {
        let width = 900.0
        guard !bars.isEmpty else { return noData(width: width, height: 160, id: id, title: title) }
        let segmentCount = max(segmentNames.count, 1)
        func values(_ bar: (label: String, values: [Double])) -> [Double] {
            (0..<segmentCount).map { index in
                index < bar.values.count && bar.values[index].isFinite ? max(bar.values[index], 0) : 0
            }
        }
        let totals = bars.map { values($0).reduce(0, +) }
        let scale = ChartScale(largest: totals.max() ?? 0)
        let labelWidth = min(max(bars.map { TextMetrics.width($0.label, fontSize: 12) }.max() ?? 0, 48), 240)
        let left = 12 + labelWidth + 10
        let right = 72.0
        let plotWidth = width - left - right
        var nodes: [MarkupNode] = []
        var top = 12.0
        if showsLegend {
            let legend = legend(
                segmentNames.enumerated().map { ($0.element, ChartPalette.category($0.offset)) }, x: left, y: 14,
                maxWidth: plotWidth
            ) { x, y, colour in
                rect(x: x, y: y - 6, width: 12, height: 12, fill: colour)
            }
            nodes += legend.nodes
            top = 14 + legend.height + 8
        }
        let labelLines = bars.map { TextMetrics.lines($0.label, toWidth: labelWidth, fontSize: 12).count }
        let barHeight = 20.0
        let pitch = max(30, Double(labelLines.max() ?? 1) * 14 + 8)
        let bottom = top + Double(bars.count) * pitch
        let height = bottom + 30
        func x(_ value: Double) -> Double { left + scale.fraction(value) * plotWidth }

        for tick in scale.ticks {
            nodes.append(line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: ChartPalette.grid))
            nodes.append(
                label(
                    NumberFormat.fixed(tick, digits: scale.digits), x: x(tick), y: bottom + 16,
                    anchor: "middle", size: 11, fill: ChartPalette.mutedText))
        }
        for (index, bar) in bars.enumerated() {
            let barTop = top + Double(index) * pitch + (pitch - barHeight) / 2
            let centreY = barTop + barHeight / 2 + 4
            nodes.append(
                wrappedLabel(
                    bar.label, x: left - 8, y: centreY - Double(labelLines[index] - 1) * 12 * 1.15 / 2,
                    maxWidth: labelWidth, anchor: "end", size: 12
                ).node)
            var cursor = 0.0
            for (segment, value) in values(bar).enumerated() where value > 0 {
                let colour = ChartPalette.category(segment)
                let startX = x(cursor)
                let endX = x(cursor + value)
                let valueText = NumberFormat.fixed(value, digits: digits)
                let name = segmentCount > 1 && segment < segmentNames.count ? " \(segmentNames[segment])" : ""
                nodes.append(
                    rect(
                        x: startX, y: barTop, width: endX - startX, height: barHeight, fill: colour,
                        className: "bar", tooltip: "\(bar.label)\(name): \(valueText)"))
                if segmentCount > 1, endX - startX >= TextMetrics.width(valueText, fontSize: 11) + 8 {
                    nodes.append(
                        label(
                            valueText, x: (startX + endX) / 2, y: centreY - 0.5, anchor: "middle", size: 11,
                            fill: ChartPalette.textColour(on: colour)))
                }
                cursor += value
            }
            nodes.append(
                label(
                    NumberFormat.fixed(totals[index], digits: digits), x: x(totals[index]) + 6, y: centreY,
                    size: 12, bold: true))
        }
        nodes.append(line(x1: left, y1: top, x2: left, y2: bottom, stroke: ChartPalette.axis))
        return root(width: width, height: height, id: id, title: title, nodes)
    }
}
