import BikePDCACore
import Geo

extension SVGChartRenderer {
    /// Zones drawn where they lie (areas filled, routes as lines at least 3 px wide so a short route stays
    /// visible at a prefecture's scale), each labelled beside its shape where the label hits no other label;
    /// hot-spot cells as squares numbered by rank (candidates darker); a scale bar and a north arrow.
    func areaMap(_ chart: AreaMapChart, id: String) -> MarkupNode {
        let coordinates =
            chart.zones.flatMap(\.geometry.allCoordinates)
            + chart.cells.flatMap { cell in
                [
                    Coordinate(latitude: cell.bounds.minLatitude, longitude: cell.bounds.minLongitude),
                    Coordinate(latitude: cell.bounds.maxLatitude, longitude: cell.bounds.maxLongitude),
                ]
            }
        guard
            let frame = ZoneMapFrame(
                coordinates: coordinates, padding: 150, minimumSpan: 2000, width: Self.mapWidth,
                height: Self.mapHeight)
        else {
            return noData(width: Self.mapWidth, height: 160, id: id, title: chart.title)
        }
        var nodes: [MarkupNode] = [
            rect(
                x: 0.5, y: 0.5, width: Self.mapWidth - 1, height: Self.mapHeight - 1, fill: Self.mapBackground,
                className: "map-frame")
        ]
        for cell in chart.cells {
            let corner = frame.pixel(
                Coordinate(latitude: cell.bounds.maxLatitude, longitude: cell.bounds.minLongitude))
            let opposite = frame.pixel(
                Coordinate(latitude: cell.bounds.minLatitude, longitude: cell.bounds.maxLongitude))
            nodes.append(
                .element(
                    "rect",
                    [
                        "x": NumberFormat.svg(corner.x), "y": NumberFormat.svg(corner.y),
                        "width": NumberFormat.svg(max(opposite.x - corner.x, 4)),
                        "height": NumberFormat.svg(max(opposite.y - corner.y, 4)),
                        "fill": ChartPalette.accident, "fill-opacity": cell.isCandidate ? "0.55" : "0.22",
                        "stroke": ChartPalette.accident, "stroke-width": "1",
                        "class": cell.isCandidate ? "hot-spot candidate" : "hot-spot",
                    ]))
        }
        for zone in chart.zones {
            switch zone.geometry {
            case .polygon(let rings): nodes.append(polygonPath([rings], frame: frame))
            case .multiPolygon(let polygons): nodes.append(polygonPath(polygons, frame: frame))
            case .lineString(let line):
                nodes += routeLines([line], buffer: max(zone.bufferMetres, 1.5 / frame.pixelsPerMetre), frame: frame)
            case .multiLineString(let lines):
                nodes += routeLines(lines, buffer: max(zone.bufferMetres, 1.5 / frame.pixelsPerMetre), frame: frame)
            }
        }
        // Cell ranks, then zone labels where they fit: a label that would cover another is left out (the
        // note says how many), so none is drawn over another.
        var taken: [LabelBox] = []
        for cell in chart.cells {
            let centre = frame.pixel(
                Coordinate(
                    latitude: (cell.bounds.minLatitude + cell.bounds.maxLatitude) / 2,
                    longitude: (cell.bounds.minLongitude + cell.bounds.maxLongitude) / 2))
            let text = String(cell.rank)
            let width = TextMetrics.width(text, fontSize: 11)
            taken.append(LabelBox(x: centre.x - width / 2, y: centre.y - 8, width: width, height: 11))
            nodes.append(
                label(text, x: centre.x, y: centre.y + 2, anchor: "middle", size: 11, className: "halo", bold: true))
        }
        var omitted = 0
        for zone in chart.zones {
            let points = zone.geometry.allCoordinates.map { frame.pixel($0) }
            guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
                let minY = points.map(\.y).min(), let maxY = points.map(\.y).max()
            else { continue }
            let width = TextMetrics.width(zone.label, fontSize: 11)
            let candidates = [
                LabelBox(x: (minX + maxX - width) / 2, y: minY - 15, width: width, height: 12),
                LabelBox(x: (minX + maxX - width) / 2, y: maxY + 3, width: width, height: 12),
                LabelBox(x: maxX + 4, y: (minY + maxY) / 2 - 6, width: width, height: 12),
                LabelBox(x: minX - 4 - width, y: (minY + maxY) / 2 - 6, width: width, height: 12),
            ]
            guard
                let place = candidates.first(where: { box in
                    box.x >= 2 && box.y >= 2 && box.x + box.width <= Self.mapWidth - 2
                        && box.y + box.height <= Self.mapHeight - 2 && !taken.contains { $0.overlaps(box) }
                })
            else {
                omitted += 1
                continue
            }
            taken.append(place)
            nodes.append(
                label(
                    zone.label, x: place.x, y: place.y + 10, size: 11, fill: ChartPalette.zoneLine,
                    className: "halo zone-label"))
        }
        nodes += scaleBar(frame: frame)
        nodes += northArrow(x: Self.mapWidth - 28, y: 16)
        let legend = areaLegend(chart, omittedLabels: omitted, y: Self.mapHeight + 22)
        nodes += legend.nodes
        return root(
            width: Self.mapWidth, height: Self.mapHeight + 20 + 20 * Double(legend.rows), id: id, title: chart.title,
            nodes)
    }

    /// A label's box in pixels, for keeping labels apart.
    private struct LabelBox {
        let x: Double
        let y: Double
        let width: Double
        let height: Double

        func overlaps(_ other: LabelBox) -> Bool {
            x < other.x + other.width && other.x < x + width && y < other.y + other.height && other.y < y + height
        }
    }

    /// The legend under the map, wrapped onto more rows when it does not fit one; returns its nodes and rows.
    private func areaLegend(_ chart: AreaMapChart, omittedLabels: Int, y firstRow: Double)
        -> (nodes: [MarkupNode], rows: Int)
    {
        var nodes: [MarkupNode] = []
        var x = 12.0
        var y = firstRow
        var rows = 1
        /// Starts a new row when an entry of `text` would pass the right edge.
        func place(_ text: String) {
            let width = 22 + TextMetrics.width(text, fontSize: 12)
            if x > 12, x + width > Self.mapWidth - 12 {
                x = 12
                y += 20
                rows += 1
            }
        }
        func advance(_ text: String) { x += 22 + TextMetrics.width(text, fontSize: 12) + 20 }
        func swatch(opacity: String) -> MarkupNode {
            .element(
                "rect",
                [
                    "x": NumberFormat.svg(x + 2), "y": NumberFormat.svg(y - 7), "width": "12.00", "height": "12.00",
                    "fill": ChartPalette.accident, "fill-opacity": opacity, "stroke": ChartPalette.accident,
                ])
        }
        if chart.zones.contains(where: { $0.geometry.isAreal }) {
            place(strings.zoneArea)
            nodes.append(areaSwatch(x: x, y: y))
            nodes.append(label(strings.zoneArea, x: x + 22, y: y + 4, size: 12))
            advance(strings.zoneArea)
        }
        if chart.zones.contains(where: { !$0.geometry.isAreal }) {
            place(strings.routeLine)
            nodes.append(line(x1: x, y1: y - 1, x2: x + 16, y2: y - 1, stroke: ChartPalette.zoneLine, width: 2.5))
            nodes.append(label(strings.routeLine, x: x + 22, y: y + 4, size: 12))
            advance(strings.routeLine)
        }
        if !chart.cells.isEmpty {
            place(chart.cellLabel)
            nodes.append(swatch(opacity: "0.22"))
            nodes.append(label(chart.cellLabel, x: x + 22, y: y + 4, size: 12))
            advance(chart.cellLabel)
            if chart.cells.contains(where: \.isCandidate) {
                place(chart.candidateLabel)
                nodes.append(swatch(opacity: "0.55"))
                nodes.append(label(chart.candidateLabel, x: x + 22, y: y + 4, size: 12))
                advance(chart.candidateLabel)
            }
        }
        if omittedLabels > 0 {
            let text = strings.labelsOmitted(omittedLabels)
            place(text)
            nodes.append(label(text, x: x, y: y + 4, size: 12))
        }
        return (nodes, rows)
    }
}
