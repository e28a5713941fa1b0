extension SVGChartRenderer {
    /// Bars with confidence-interval whiskers, a dashed reference line (e.g. θ = 1), and each interval printed
    /// under its label.
    func beforeAfter(_ chart: BeforeAfterChart, id: String) -> MarkupNode {
        let width = 600.0
        let height = 320.0
        guard !chart.bars.isEmpty else { return noData(width: width, height: 160, id: id, title: chart.title) }
        let finiteTops = chart.bars.flatMap { bar in [bar.value, bar.upper ?? bar.value] }.filter(\.isFinite)
        let scale = ChartScale(
            largest: max(finiteTops.max() ?? 0, chart.referenceLine ?? 0) * 1.08,
            minimum: chart.digits > 0 ? 0.1 : 1)
        let left = 64.0
        // The reference line's label sits right of the plot, where no bar can be under it.
        let hasReferenceLabel = chart.referenceLine?.isFinite == true && !chart.referenceLabel.isEmpty
        // Labels wrap onto more lines rather than being cut: the reference label within 150 px, each bar's label
        // and interval within its slot; the plot leaves room under it for the most lines.
        let referenceLines = TextMetrics.lines(chart.referenceLabel, toWidth: 150, fontSize: 11)
        let right =
            hasReferenceLabel ? 16 + (referenceLines.map { TextMetrics.width($0, fontSize: 11) }.max() ?? 0) : 24.0
        let top = 28.0
        let slotWidth = (width - left - right) / Double(chart.bars.count)
        let labelLines = chart.bars.map { TextMetrics.lines($0.label, toWidth: slotWidth - 8, fontSize: 12).count }
        let bottom = height - 62 - Double((labelLines.max() ?? 1) - 1) * 14
        let plotWidth = width - left - right
        let plotHeight = bottom - top
        func y(_ value: Double) -> Double { bottom - scale.fraction(value) * plotHeight }

        var nodes: [MarkupNode] = []
        for tick in scale.ticks {
            nodes.append(line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: ChartPalette.grid))
            nodes.append(
                label(
                    NumberFormat.fixed(tick, digits: scale.digits), x: left - 8, y: y(tick) + 4,
                    anchor: "end", size: 11, fill: ChartPalette.mutedText))
        }
        nodes.append(line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, stroke: ChartPalette.axis))

        let slot = plotWidth / Double(chart.bars.count)
        let barWidth = min(96, slot * 0.45)
        for (index, bar) in chart.bars.enumerated() {
            let centre = left + (Double(index) + 0.5) * slot
            let colour = ChartPalette.category(index)
            let value = bar.value.isFinite ? max(bar.value, 0) : 0
            let valueText = NumberFormat.fixed(bar.value, digits: chart.digits)
            nodes.append(
                rect(
                    x: centre - barWidth / 2, y: y(value), width: barWidth, height: bottom - y(value), fill: colour,
                    className: "bar", tooltip: "\(bar.label): \(valueText)"))
            var intervalText = ""
            if let lower = bar.lower, let upper = bar.upper {
                let capHalf = min(10, barWidth / 3)
                let lowY = y(max(lower, 0))
                let highY = upper.isFinite ? y(upper) : top
                // The whisker in black with a white halo, so it shows on any bar colour.
                for (stroke, strokeWidth) in [("#FFFFFF", 4.0), ("#000000", 1.6)] {
                    nodes.append(
                        line(
                            x1: centre, y1: lowY, x2: centre, y2: highY, stroke: stroke, width: strokeWidth,
                            className: "whisker"))
                    nodes.append(
                        line(
                            x1: centre - capHalf, y1: lowY, x2: centre + capHalf, y2: lowY, stroke: stroke,
                            width: strokeWidth))
                    if upper.isFinite {
                        nodes.append(
                            line(
                                x1: centre - capHalf, y1: highY, x2: centre + capHalf, y2: highY,
                                stroke: stroke, width: strokeWidth))
                    }
                }
                if !upper.isFinite {
                    let tip =
                        "\(NumberFormat.svg(centre)),\(NumberFormat.svg(top - 6)) "
                        + "\(NumberFormat.svg(centre - 6)),\(NumberFormat.svg(top + 4)) "
                        + "\(NumberFormat.svg(centre + 6)),\(NumberFormat.svg(top + 4))"
                    nodes.append(.element("polygon", ["points": tip, "fill": "#000000"]))
                }
                let lowerText = NumberFormat.fixed(lower, digits: chart.digits)
                intervalText =
                    upper.isFinite
                    ? "\(strings.interval) \(lowerText)–\(NumberFormat.fixed(upper, digits: chart.digits))"
                    : strings.openInterval(lower: lowerText)
            }
            // The value beside the bar's top, right of the whisker caps; left of the bar when it would reach into
            // the right margin, where the reference line's label is.
            let valueWidth = TextMetrics.width(valueText, fontSize: 13)
            let fitsRight = centre + barWidth / 2 + 4 + valueWidth <= left + plotWidth
            nodes.append(
                label(
                    valueText, x: fitsRight ? centre + barWidth / 2 + 4 : centre - barWidth / 2 - 4, y: y(value) + 4,
                    anchor: fitsRight ? "start" : "end", size: 13, className: "halo", bold: true))
            let barLabel = wrappedLabel(bar.label, x: centre, y: bottom + 18, maxWidth: slot - 8, anchor: "middle")
            nodes.append(barLabel.node)
            if !intervalText.isEmpty {
                nodes.append(
                    wrappedLabel(
                        intervalText, x: centre, y: bottom + 20 + Double(barLabel.lines) * 14, maxWidth: slot - 4,
                        anchor: "middle", size: 11, fill: ChartPalette.mutedText
                    ).node)
            }
        }
        if let reference = chart.referenceLine, reference.isFinite {
            nodes.append(
                line(
                    x1: left, y1: y(reference), x2: left + plotWidth, y2: y(reference),
                    stroke: ChartPalette.text, width: 1.2, dashed: true, className: "reference"))
            if hasReferenceLabel {
                nodes.append(
                    wrappedLabel(
                        chart.referenceLabel, x: left + plotWidth + 6, y: y(reference) + 4, maxWidth: 150, size: 11
                    ).node)
            }
        }
        return root(width: width, height: height, id: id, title: chart.title, nodes)
    }
}
