import BikePDCACore
import Geo
import Testing

@testable import Rendering

/// The charts draw what the numbers say: expected positions are worked out by hand from the layout constants
/// written in each test, not read from the renderer.
@Suite struct ChartGeometryTests {
    static func scan(_ chart: ReportChart) -> MarkupScan {
        let document = ReportDocument(
            title: "t", generatedAt: "g", sections: [ReportSection(title: "s", blocks: [.chart(chart)])])
        return MarkupScan(HTMLRenderer().render(document))
    }

    static func render(_ chart: ReportChart) -> String {
        HTMLRenderer().render(
            ReportDocument(title: "t", generatedAt: "g", sections: [ReportSection(title: "s", blocks: [.chart(chart)])])
        )
    }

    @Test func heatMapHas168CellsMondayFirst() throws {
        var values = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
        values[0][8] = 8  // Monday 08:00, the maximum
        values[6][23] = 1  // Sunday 23:00
        values[2][12] = 4
        let scan = Self.scan(.hourWeekdayHeatMap(HourWeekdayHeatMap(title: "h", values: values)))
        let cells = scan.elements("rect", className: "cell")
        #expect(cells.count == 168)
        // Row-major from Monday 0時: cell index = weekday × 24 + hour; left 40, top 26, cells 18 × 20.
        func fill(_ weekday: Int, _ hour: Int) -> String? {
            cells[weekday * 24 + hour].attributes.first { $0.name == "fill" }?.value
        }
        #expect(cells[8].number("x") == 40 + 8 * 18 + 0.5)
        #expect(cells[6 * 24 + 23].number("y") == 26 + 6 * 20 + 0.5)
        #expect(fill(0, 8) == "#081D58")  // 8/8 → the darkest of 8 bins
        #expect(fill(2, 12) == "#41B6C4")  // 4/8 → bin 4 of 8
        #expect(fill(6, 23) == "#EDF8B1")  // 1/8 → the lightest bin
        #expect(fill(3, 3) == "#F2F2F2")  // zero is grey, not the lightest bin
    }

    @Test func heatMapToleratesRaggedInput() {
        let scan = Self.scan(.hourWeekdayHeatMap(HourWeekdayHeatMap(title: "h", values: [[1, 2, 3]])))
        #expect(scan.elements("rect", className: "cell").count == 168)
    }

    @Test func horizontalBarLengthsAreProportionalToValues() throws {
        // Axis 0…30 (step 10); labels "A" "B" "C" are narrower than the 48 px minimum, so the plot starts at
        // 12 + 48 + 10 = 70 and is 900 − 70 − 72 = 758 px wide.
        let chart = HorizontalBarChart(
            title: "v",
            bars: [
                .init(label: "A", value: 30), .init(label: "B", value: 15),
                .init(label: "C", value: 5),
            ])
        let bars = Self.scan(.horizontalBars(chart)).elements("rect", className: "bar")
        #expect(bars.count == 3)
        #expect(bars.map { $0.number("x") } == [70, 70, 70])
        #expect(bars.map { $0.number("width") } == [758, 379, 126.33])
    }

    @Test func stackedSegmentsAddUpAndKeepTheirOrder() throws {
        // Totals 40 and 20: axis 0…40 (step 10), plot 758 px from x = 70.
        let chart = StackedBarChart(
            title: "d", segmentNames: ["交通", "地域"],
            bars: [.init(label: "A", values: [30, 10]), .init(label: "B", values: [5, 15])])
        let bars = Self.scan(.stackedBars(chart)).elements("rect", className: "bar")
        #expect(bars.count == 4)
        #expect(bars.map { $0.number("x") } == [70, 638.5, 70, 164.75])
        #expect(bars.map { $0.number("width") } == [568.5, 189.5, 94.75, 284.25])
        #expect(
            bars.map { $0.attributes.first { $0.name == "fill" }?.value } == [
                "#0072B2", "#E69F00", "#0072B2", "#E69F00",
            ])
    }

    @Test func beforeAfterBarHeightsAreProportionalAndWhiskersSpanTheInterval() throws {
        // Largest finite top is the upper bound 2.0; 2.0 × 1.08 = 2.16 → axis 0…2.5 (step 0.5); plot from y = 28
        // to y = 320 − 62 = 258 (230 px), so 1.0 is 92 px.
        let chart = BeforeAfterChart(
            title: "b",
            bars: [
                .init(label: "前", value: 1.6, lower: 1.2, upper: 2.0),
                .init(label: "後", value: 0.8, lower: 0.5, upper: .infinity),
            ],
            referenceLine: 1, referenceLabel: "θ = 1", digits: 1)
        let scan = Self.scan(.beforeAfter(chart))
        let bars = scan.elements("rect", className: "bar")
        #expect(bars.map { $0.number("height") } == [147.2, 73.6])  // 1.6 × 92, 0.8 × 92
        #expect(bars.map { $0.number("y") } == [110.8, 184.4])
        let whiskers = scan.elements("line", className: "whisker")
        // Drawn twice (white halo, then black): y from the lower bound to the upper bound.
        #expect(whiskers.count == 4)
        #expect(whiskers[1].number("y1") == 147.6)  // 258 − 1.2 × 92
        #expect(whiskers[1].number("y2") == 74)  // 258 − 2.0 × 92
        // An open upper bound runs to the top of the plot.
        #expect(whiskers[3].number("y1") == 212)  // 258 − 0.5 × 92
        #expect(whiskers[3].number("y2") == 28)
        let reference = try #require(scan.elements("line", className: "reference").first)
        #expect(reference.number("y1") == 166)  // 258 − 1 × 92
        #expect(Self.render(.beforeAfter(chart)).contains("95%信頼区間 0.5 以上"))
    }

    @Test func trendPlacesValuesMonthsAndTheDesignationDate() throws {
        // One series → one legend row: plot from y = 14 + 18 + 16 = 48 to 340 − 50 = 290; axis 0…10.
        // Three months across 900 − 64 − 24 = 812 px: 270.67 px each, centres at 64 + (i + 0.5) × 270.67.
        let months = [
            YearMonth(year: 2025, month: 4), YearMonth(year: 2025, month: 5), YearMonth(year: 2025, month: 6),
        ]
        let chart = MonthlyTrendChart(
            title: "t",
            series: [.init(name: "事故", points: zip(months, [10, 5, 0]).map { .init(month: $0, value: $1) })],
            markers: [.init(date: try #require(LocalDate(year: 2025, month: 5, day: 16)), label: "指定")])
        let scan = Self.scan(.monthlyTrend(chart))
        let dots = scan.tags.filter { $0.name == "circle" && !$0.isClosing }
        #expect(dots.map { $0.number("cy") } == [48, 169, 290])
        #expect(dots.map { $0.number("cx") } == [199.33, 470, 740.67])
        let marker = try #require(scan.elements("line", className: "marker").first)
        // 16 May: 15 of 31 days into the second month.
        #expect(marker.number("x1") == 465.63)
    }

    @Test func trendBreaksTheLineAtMonthsWithoutData() {
        let months = (1...5).map { YearMonth(year: 2025, month: $0) }
        let chart = MonthlyTrendChart(
            title: "t",
            series: [.init(name: "s", points: zip(months, [1, 2, nil, 3, 4]).map { .init(month: $0, value: $1) })])
        let scan = Self.scan(.monthlyTrend(chart))
        #expect(scan.elements("polyline", className: "series").count == 2)
        #expect(scan.elements("rect", className: "gap").count == 1)
        #expect(scan.tags.filter { $0.name == "circle" && !$0.isClosing }.count == 4)
    }

    @Test func mapDrawsAHundredMetresEastAtTheScaleBarsHundredMetres() throws {
        // A 300 m square fits 388 px of height: 1.293 px/m, so the scale bar (≤ 160 px) is 100 m.
        let origin = SampleReport.origin
        let projection = LocalProjection(reference: origin)
        let square = Geometry.polygon([
            [(-150, -150), (150, -150), (150, 150), (-150, 150), (-150, -150)]
                .map { projection.unproject(x: $0.0, y: $0.1) }
        ])
        let chart = ZoneMapChart(
            title: "m", geometry: square,
            accidents: [origin, projection.unproject(x: 100, y: 0), projection.unproject(x: 0, y: 100)])
        let html = Self.render(.zoneMap(chart))
        #expect(html.contains("class=\"scale-label\">100 m</text>"))
        let scan = MarkupScan(html)
        let bar = try #require(scan.elements("line", className: "scale-bar").first)
        let barLength = try #require(bar.number("x2")) - (try #require(bar.number("x1")))
        #expect(abs(barLength - 129.33) < 0.02)
        let dots = scan.elements("circle", className: "accident")
        #expect(dots.count == 3)
        let east = try #require(dots[1].number("cx")) - (try #require(dots[0].number("cx")))
        #expect(abs(east - barLength) < 0.02)
        #expect(abs((try #require(dots[1].number("cy"))) - (try #require(dots[0].number("cy")))) < 0.02)
        // North is up, at the same scale.
        let north = try #require(dots[0].number("cy")) - (try #require(dots[2].number("cy")))
        #expect(abs(north - barLength) < 0.02)
        #expect(scan.elements("polygon", className: "north-arrow").count == 1)
    }

    @Test func routeBufferIsDrawnAtItsTrueWidth() throws {
        let projection = LocalProjection(reference: SampleReport.origin)
        let route = Geometry.lineString([projection.unproject(x: -150, y: 0), projection.unproject(x: 150, y: 0)])
        // Spans 360 m × 200 m (buffer included, 200 m minimum): min(568 / 360, 388 / 200) = 1.5778 px/m.
        let scan = Self.scan(.zoneMap(ZoneMapChart(title: "r", geometry: route, bufferMetres: 30)))
        let buffer = try #require(scan.elements("polyline", className: "route-buffer").first)
        let width = try #require(buffer.number("stroke-width"))
        #expect(abs(width - 94.67) < 0.01)  // 60 m × 568 / 360 px/m
    }

    @Test func ringIsDrawnAtItsTrueWidthWithItsAccidentsBeforeAndAfter() throws {
        let projection = LocalProjection(reference: SampleReport.origin)
        let square = Geometry.polygon([
            [(-150, -150), (150, -150), (150, 150), (-150, 150), (-150, -150)]
                .map { projection.unproject(x: $0.0, y: $0.1) }
        ])
        var chart = ZoneMapChart(title: "m", geometry: square)
        chart.ring = ZoneMapChart.Ring(
            metres: 300, before: [projection.unproject(x: 250, y: 0), projection.unproject(x: 0, y: 300)],
            after: [projection.unproject(x: -250, y: 0)], label: "Ring of 300 m", beforeLabel: "before",
            afterLabel: "after")
        let scan = Self.scan(.zoneMap(chart))
        // The square and its ring span 300 + 2·300 = 900 m each way: min(568 / 900, 388 / 900) = 0.43111 px/m.
        let band = try #require(scan.elements("path", className: "ring").first)
        #expect(abs(try #require(band.number("stroke-width")) - 258.67) < 0.01)  // 600 m × 0.43111 px/m
        #expect(scan.elements("path", className: "ring-inside").count == 1)
        #expect(scan.elements("circle", className: "ring-before").count == 2)
        #expect(scan.elements("circle", className: "ring-after").count == 1)
        #expect(Self.render(.zoneMap(chart)).contains(">before 2</text>"))
    }

    @Test func denseEnforcementIsCountedInShadedCells() throws {
        let projection = LocalProjection(reference: SampleReport.origin)
        let square = Geometry.polygon([
            [(-150, -150), (150, -150), (150, 150), (-150, 150), (-150, -150)]
                .map { projection.unproject(x: $0.0, y: $0.1) }
        ])
        // 201 stops at (5, 5) m and 100 at (105, 5) m: above the 200-point threshold, so cells, not squares.
        let stops =
            Array(repeating: projection.unproject(x: 5, y: 5), count: 201)
            + Array(repeating: projection.unproject(x: 105, y: 5), count: 100)
        var chart = ZoneMapChart(title: "m", geometry: square, enforcement: stops)
        chart.enforcementCellLabel = "per {m} m square"
        let html = Self.render(.zoneMap(chart))
        let scan = MarkupScan(html)
        #expect(scan.elements("rect", className: "enforcement").isEmpty)
        let cells = scan.elements("rect", className: "enforcement-cell")
        #expect(cells.count == 2)
        // 300 m across in 388 px: 1.2933 px/m, so the first round cell of at least 8 px is 10 m (12.93 px).
        #expect(abs(try #require(cells.first?.number("width")) - 12.93) < 0.01)
        let opacities = cells.compactMap { $0.number("fill-opacity") }.sorted()
        #expect(opacities.count == 2)
        #expect(abs(opacities[0] - (0.2 + 0.7 * 100 / 201)) < 0.01)
        #expect(abs(opacities[1] - 0.9) < 0.01)
        #expect(html.contains("(per 10 m square)"))
    }
}
