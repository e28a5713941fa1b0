extension SVGChartRenderer {
    /// Size of one heat-map cell in pixels.
    static let heatCellWidth = 18.0
    static let heatCellHeight = 20.0

    /// A 24 × 7 grid: hours across, weekdays down (Monday first), zero cells grey, others in eight bins of a
    /// light-to-dark ramp, with a legend from 0 to the maximum.
    func heatMap(_ chart: HourWeekdayHeatMap, id: String) -> MarkupNode {
        let left = 40.0
        let top = 26.0
        let cellWidth = Self.heatCellWidth
        let cellHeight = Self.heatCellHeight
        let width = left + 24 * cellWidth + 12
        let gridBottom = top + 7 * cellHeight
        let height = gridBottom + 46
        var maximum = 0.0
        for weekday in 0..<7 {
            for hour in 0..<24 { maximum = max(maximum, chart.value(weekday: weekday, hour: hour)) }
        }
        let digits = SVGChartRenderer.digits(chart.values.flatMap { $0 })
        var nodes: [MarkupNode] = []
        for hour in stride(from: 0, to: 24, by: 3) {
            nodes.append(
                label(
                    "\(hour)\(strings.hour)", x: left + (Double(hour) + 0.5) * cellWidth, y: top - 8,
                    anchor: "middle", size: 10, fill: ChartPalette.mutedText))
        }
        for (weekday, name) in strings.weekdays.enumerated() {
            let rowY = top + Double(weekday) * cellHeight
            nodes.append(label(name, x: left - 6, y: rowY + cellHeight / 2 + 4, anchor: "end", size: 11))
            for hour in 0..<24 {
                let value = chart.value(weekday: weekday, hour: hour)
                nodes.append(
                    rect(
                        x: left + Double(hour) * cellWidth + 0.5, y: rowY + 0.5, width: cellWidth - 1,
                        height: cellHeight - 1, fill: Self.heatColour(value, maximum: maximum), className: "cell",
                        tooltip: "\(name) \(hour)\(strings.hour): \(NumberFormat.fixed(value, digits: digits))"))
            }
        }
        // Legend from the left edge: "少 0", the zero swatch and the eight bins, the maximum; the axis name right.
        let legendY = gridBottom + 14
        let fewer = strings.fewer + " 0"
        let swatchesX = 4 + TextMetrics.width(fewer, fontSize: 10) + 6
        nodes.append(label(fewer, x: 4, y: legendY + 10, size: 10, fill: ChartPalette.mutedText))
        for (index, colour) in ([ChartPalette.zero] + ChartPalette.sequential).enumerated() {
            nodes.append(rect(x: swatchesX + Double(index) * 16, y: legendY, width: 16, height: 12, fill: colour))
        }
        nodes.append(
            label(
                "\(NumberFormat.fixed(maximum, digits: digits)) \(strings.more)", x: swatchesX + 9 * 16 + 6,
                y: legendY + 10, size: 10, fill: ChartPalette.mutedText))
        nodes.append(
            label(
                strings.hourAxis, x: left + 24 * cellWidth, y: legendY + 10, anchor: "end", size: 10,
                fill: ChartPalette.mutedText))
        return root(width: width, height: height, id: id, title: chart.title, nodes)
    }

    /// The bin colour of `value` on a scale up to `maximum`: grey for 0, else one of eight bins.
    static func heatColour(_ value: Double, maximum: Double) -> String {
        guard value > 0, maximum > 0 else { return ChartPalette.zero }
        let bins = ChartPalette.sequential.count
        let index = min(bins - 1, max(0, Int((value / maximum * Double(bins)).rounded(.up)) - 1))
        return ChartPalette.sequential[index]
    }
}
