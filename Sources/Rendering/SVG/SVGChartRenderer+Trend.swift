import BikePDCACore

extension SVGChartRenderer {
    /// Month-by-month lines: gaps for months without data, dashed markers for dates such as the designation.
    func monthlyTrend(_ chart: MonthlyTrendChart, id: String) -> MarkupNode {
        let width = 900.0
        let height = 340.0
        let allMonths = chart.series.flatMap { $0.points.map(\.month) }
        guard let first = allMonths.min(), let last = allMonths.max() else {
            return noData(width: width, height: 160, id: id, title: chart.title)
        }
        let months = (0...first.months(to: last)).map { first.adding(months: $0) }
        let values = chart.series.flatMap { $0.points.compactMap(\.value) }.filter(\.isFinite)
        let scale = ChartScale(largest: values.max() ?? 0)

        var nodes: [MarkupNode] = []
        let left = 64.0
        let right = 24.0
        let legend = legend(
            chart.series.enumerated().map { ($0.element.name, ChartPalette.category($0.offset)) }, x: left, y: 14,
            maxWidth: width - left - right
        ) { x, y, colour in
            line(x1: x, y1: y, x2: x + 14, y2: y, stroke: colour, width: 3)
        }
        nodes += legend.nodes
        let top = 14 + legend.height + 16
        let bottom = height - 50
        let plotWidth = width - left - right
        let plotHeight = bottom - top
        let step = plotWidth / Double(months.count)
        func x(_ index: Double) -> Double { left + (index + 0.5) * step }
        func y(_ value: Double) -> Double { bottom - scale.fraction(value) * plotHeight }

        // Months with no value in any series: a grey band, so a gap reads as "no data", not as zero.
        for (index, month) in months.enumerated() {
            let hasValue = chart.series.contains { series in
                series.points.contains { $0.month == month && $0.value != nil }
            }
            if !hasValue {
                nodes.append(
                    rect(
                        x: left + Double(index) * step, y: top, width: step, height: plotHeight, fill: "#EEEEEE",
                        className: "gap", tooltip: "\(month): \(strings.noData)"))
            }
        }
        // Value axis.
        for tick in scale.ticks {
            nodes.append(line(x1: left, y1: y(tick), x2: left + plotWidth, y2: y(tick), stroke: ChartPalette.grid))
            nodes.append(
                label(
                    NumberFormat.fixed(tick, digits: scale.digits), x: left - 8, y: y(tick) + 4, anchor: "end",
                    size: 11, fill: ChartPalette.mutedText))
        }
        let valueLabel = chart.valueLabel.isEmpty ? strings.count : chart.valueLabel
        nodes.append(
            .element(
                "text",
                [
                    "x": "16", "y": NumberFormat.svg(top + plotHeight / 2), "font-size": "12",
                    "text-anchor": "middle", "fill": ChartPalette.mutedText,
                    "transform": "rotate(-90 16 \(NumberFormat.svg(top + plotHeight / 2)))",
                ], [.text(TextMetrics.truncated(valueLabel, toWidth: plotHeight, fontSize: 12))]))
        nodes.append(line(x1: left, y1: bottom, x2: left + plotWidth, y2: bottom, stroke: ChartPalette.axis))

        // Month ticks, thinned so labels never touch; the year under the first month and every January.
        let labelEvery = max(1, Int((34 / step).rounded(.up)))
        let yearWidth = TextMetrics.width(strings.yearTick(first.year), fontSize: 11) + 8
        let firstJanuary = months.firstIndex { $0.month == 1 }
        for (index, month) in months.enumerated() {
            nodes.append(
                line(
                    x1: x(Double(index)), y1: bottom, x2: x(Double(index)), y2: bottom + 4,
                    stroke: ChartPalette.axis))
            if index % labelEvery == 0 {
                nodes.append(
                    label(
                        strings.monthTick(month), x: x(Double(index)), y: bottom + 17, anchor: "middle",
                        size: 11, fill: ChartPalette.mutedText))
            }
            let isFirstClear = index == 0 && (firstJanuary.map { Double($0) * step >= yearWidth } ?? true)
            if month.month == 1 || isFirstClear {
                nodes.append(
                    label(
                        strings.yearTick(month.year), x: x(Double(index)), y: bottom + 34,
                        anchor: "middle", size: 11, fill: ChartPalette.text, bold: true))
            }
        }

        // Markers (designation date, the start of blue tickets): placed within their month by day.
        var markers = chart.markers
        let blueStart = blueTicketStartDate.yearMonth
        if chart.marksBlueTicketStart, first < blueStart, blueStart <= last,
            !markers.contains(where: { $0.date == blueTicketStartDate })
        {
            markers.append(MonthlyTrendChart.Marker(date: blueTicketStartDate, label: strings.blueTicketStart))
        }
        for (markerIndex, marker) in markers.enumerated() {
            guard let monthIndex = months.firstIndex(of: marker.date.yearMonth) else { continue }
            let daysInMonth = Double(LocalDate.daysInMonth(year: marker.date.year, month: marker.date.month))
            let markerX = left + (Double(monthIndex) + Double(marker.date.day - 1) / daysInMonth) * step
            nodes.append(
                line(
                    x1: markerX, y1: top, x2: markerX, y2: bottom, stroke: ChartPalette.text, width: 1.5,
                    dashed: true, className: "marker"))
            let text = "\(marker.label) \(marker.date)"
            let textWidth = TextMetrics.width(text, fontSize: 11)
            let placesLeft = markerX + 4 + textWidth > left + plotWidth
            nodes.append(
                label(
                    text, x: placesLeft ? markerX - 4 : markerX + 4, y: top + 12 + Double(markerIndex) * 15,
                    anchor: placesLeft ? "end" : "start", size: 11, className: "halo"))
        }

        // The lines, broken at months without a value, and a dot with a tooltip at every value.
        for (seriesIndex, series) in chart.series.enumerated() {
            let colour = ChartPalette.category(seriesIndex)
            var valueByMonth: [(month: YearMonth, value: Double?)] = months.map { ($0, nil) }
            for point in series.points {
                if let index = months.firstIndex(of: point.month) { valueByMonth[index].value = point.value }
            }
            var run: [String] = []
            var runs: [[String]] = []
            for (index, entry) in valueByMonth.enumerated() {
                if let value = entry.value, value.isFinite {
                    run.append("\(NumberFormat.svg(x(Double(index)))),\(NumberFormat.svg(y(value)))")
                } else if !run.isEmpty {
                    runs.append(run)
                    run = []
                }
            }
            if !run.isEmpty { runs.append(run) }
            for points in runs where points.count > 1 {
                nodes.append(
                    .element(
                        "polyline",
                        [
                            "points": points.joined(separator: " "), "fill": "none", "stroke": colour,
                            "stroke-width": "2.5", "stroke-linejoin": "round", "class": "series",
                        ]))
            }
            for (index, entry) in valueByMonth.enumerated() {
                guard let value = entry.value, value.isFinite else { continue }
                let digits = SVGChartRenderer.digits([value])
                nodes.append(
                    .element(
                        "circle",
                        [
                            "cx": NumberFormat.svg(x(Double(index))), "cy": NumberFormat.svg(y(value)),
                            "r": "3.50", "fill": colour, "stroke": "#FFFFFF", "stroke-width": "1",
                        ],
                        [
                            .element(
                                "title", [:],
                                [
                                    .text(
                                        "\(series.name) \(entry.month): \(NumberFormat.fixed(value, digits: digits))"
                                    )
                                ])
                        ]))
            }
        }
        return root(width: width, height: height, id: id, title: chart.title, nodes)
    }
}
