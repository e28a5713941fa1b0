import BikePDCACore
import Geo

extension SVGChartRenderer {
    /// Map size in pixels, without the legend strip under it.
    static let mapWidth = 640.0
    static let mapHeight = 480.0

    /// The zone's polygon (filled, holes kept) or route (the buffer drawn as a wide translucent stroke round the
    /// centre line, which is exactly the set of points within the buffer), accidents as circles over
    /// enforcement as squares, a scale bar and a north arrow, in a ``LocalProjection`` centred on what is drawn.
    func zoneMap(_ chart: ZoneMapChart, id: String) -> MarkupNode {
        guard let frame = ZoneMapFrame(chart: chart, width: Self.mapWidth, height: Self.mapHeight) else {
            return noData(width: Self.mapWidth, height: 160, id: id, title: chart.title)
        }
        var nodes: [MarkupNode] = [
            .element(
                "rect",
                [
                    "x": "0.50", "y": "0.50", "width": NumberFormat.svg(Self.mapWidth - 1),
                    "height": NumberFormat.svg(Self.mapHeight - 1), "fill": "#F7F7F4", "stroke": "#999999",
                ])
        ]
        if let ring = chart.ring, let geometry = chart.geometry, ring.metres.isFinite, ring.metres > 0 {
            nodes += ringBand(geometry, ringMetres: ring.metres, buffer: chart.bufferMetres, frame: frame)
        }
        let cells = enforcementCells(chart, frame: frame)
        if let cells {
            nodes += cells.nodes
        }
        var legendEntries: [(name: String, kind: String)] = []
        if let geometry = chart.geometry {
            switch geometry {
            case .polygon(let rings):
                nodes.append(polygonPath([rings], frame: frame))
                legendEntries.append((strings.zoneArea, "area"))
            case .multiPolygon(let polygons):
                nodes.append(polygonPath(polygons, frame: frame))
                legendEntries.append((strings.zoneArea, "area"))
            case .lineString(let line):
                nodes += routeLines([line], buffer: chart.bufferMetres, frame: frame)
                legendEntries.append((strings.routeLine, "route"))
            case .multiLineString(let lines):
                nodes += routeLines(lines, buffer: chart.bufferMetres, frame: frame)
                legendEntries.append((strings.routeLine, "route"))
            }
        }
        for coordinate in cells == nil ? chart.enforcement : [] {
            let point = frame.pixel(coordinate)
            nodes.append(
                .element(
                    "rect",
                    [
                        "x": NumberFormat.svg(point.x - 3), "y": NumberFormat.svg(point.y - 3),
                        "width": "6.00", "height": "6.00", "fill": ChartPalette.enforcement, "fill-opacity": "0.75",
                        "class": "enforcement",
                    ]))
        }
        for coordinate in chart.accidents {
            let point = frame.pixel(coordinate)
            nodes.append(
                .element(
                    "circle",
                    [
                        "cx": NumberFormat.svg(point.x), "cy": NumberFormat.svg(point.y), "r": "4.50",
                        "fill": ChartPalette.accident, "stroke": "#FFFFFF", "stroke-width": "1", "class": "accident",
                    ]))
        }
        if let ring = chart.ring {
            for coordinate in ring.before {
                let point = frame.pixel(coordinate)
                nodes.append(
                    .element(
                        "circle",
                        [
                            "cx": NumberFormat.svg(point.x), "cy": NumberFormat.svg(point.y), "r": "4.00",
                            "fill": "none", "stroke": Self.ringAccident, "stroke-width": "1.5", "class": "ring-before",
                        ]))
            }
            for coordinate in ring.after {
                let point = frame.pixel(coordinate)
                nodes.append(
                    .element(
                        "circle",
                        [
                            "cx": NumberFormat.svg(point.x), "cy": NumberFormat.svg(point.y), "r": "4.00",
                            "fill": Self.ringAccident, "stroke": "#FFFFFF", "stroke-width": "1", "class": "ring-after",
                        ]))
            }
        }
        nodes += scaleBar(frame: frame)
        nodes += northArrow(x: Self.mapWidth - 28, y: 16)
        nodes += mapLegend(
            geometry: legendEntries, chart: chart, cellMetres: cells?.cellMetres, y: Self.mapHeight + 22)
        var height = Self.mapHeight + 40
        if let ring = chart.ring {
            nodes += ringLegend(ring, y: Self.mapHeight + 44)
            height += 22
        }
        return root(width: Self.mapWidth, height: height, id: id, title: chart.title, nodes)
    }

    /// Ring accidents (reddish purple, apart from the zone's vermillion).
    static let ringAccident = "#CC79A7"
    /// The ring band's grey.
    static let ringFill = "#8C8C8C"
    /// The map's background, also drawn over the ring's inner part so the band reads as a ring.
    static let mapBackground = "#F7F7F4"

    /// The band within `ringMetres` of the zone's edge: the zone's outline stroked twice as wide as the ring (for
    /// a route, the line stroked as wide as buffer and ring), then the zone itself painted over in the background.
    private func ringBand(_ geometry: Geometry, ringMetres: Double, buffer: Double, frame: ZoneMapFrame)
        -> [MarkupNode]
    {
        let ringPixels = ringMetres * frame.pixelsPerMetre
        switch geometry {
        case .polygon(let rings):
            return areaRing([rings], ringPixels: ringPixels, frame: frame)
        case .multiPolygon(let polygons):
            return areaRing(polygons, ringPixels: ringPixels, frame: frame)
        case .lineString(let line):
            return routeRing([line], ringPixels: ringPixels, buffer: buffer, frame: frame)
        case .multiLineString(let lines):
            return routeRing(lines, ringPixels: ringPixels, buffer: buffer, frame: frame)
        }
    }

    private func areaRing(_ polygons: [[[Coordinate]]], ringPixels: Double, frame: ZoneMapFrame) -> [MarkupNode] {
        let d = polygonData(polygons, frame: frame)
        return [
            .element(
                "path",
                [
                    "d": d, "fill": Self.ringFill, "stroke": Self.ringFill,
                    "stroke-width": NumberFormat.svg(2 * ringPixels),
                    "stroke-linejoin": "round", "opacity": "0.20", "class": "ring",
                ]),
            .element("path", ["d": d, "fill": Self.mapBackground, "fill-rule": "evenodd", "class": "ring-inside"]),
        ]
    }

    private func routeRing(_ lines: [[Coordinate]], ringPixels: Double, buffer: Double, frame: ZoneMapFrame)
        -> [MarkupNode]
    {
        let bufferPixels = max(buffer.isFinite ? buffer : 0, 0) * frame.pixelsPerMetre
        var nodes: [MarkupNode] = []
        for line in lines where !line.isEmpty {
            let points = line.map { frame.pixel($0) }.map { "\(NumberFormat.svg($0.x)),\(NumberFormat.svg($0.y))" }
            let pointList = (points.count == 1 ? points + points : points).joined(separator: " ")
            nodes.append(
                .element(
                    "polyline",
                    [
                        "points": pointList, "fill": "none", "stroke": Self.ringFill, "opacity": "0.20",
                        "stroke-width": NumberFormat.svg(2 * (bufferPixels + ringPixels)), "stroke-linecap": "round",
                        "stroke-linejoin": "round", "class": "ring",
                    ]))
        }
        for line in lines where !line.isEmpty && bufferPixels > 0 {
            let points = line.map { frame.pixel($0) }.map { "\(NumberFormat.svg($0.x)),\(NumberFormat.svg($0.y))" }
            let pointList = (points.count == 1 ? points + points : points).joined(separator: " ")
            nodes.append(
                .element(
                    "polyline",
                    [
                        "points": pointList, "fill": "none", "stroke": Self.mapBackground,
                        "stroke-width": NumberFormat.svg(2 * bufferPixels), "stroke-linecap": "round",
                        "stroke-linejoin": "round", "class": "ring-inside",
                    ]))
        }
        return nodes
    }

    /// Enforcement points counted in square cells of a round size (at least 8 px), each drawn shaded by its count;
    /// `nil` when the points are few enough to draw one by one (or no cell label was given).
    private func enforcementCells(_ chart: ZoneMapChart, frame: ZoneMapFrame)
        -> (nodes: [MarkupNode], cellMetres: Double)?
    {
        guard chart.enforcement.count > chart.enforcementCellThreshold, !chart.enforcementCellLabel.isEmpty,
            frame.pixelsPerMetre > 0
        else { return nil }
        let cellMetres = [10.0, 20, 25, 50, 100, 200, 250, 500, 1000].first { $0 * frame.pixelsPerMetre >= 8 } ?? 1000
        let size = cellMetres * frame.pixelsPerMetre
        var counts: [CellKey: Int] = [:]
        for coordinate in chart.enforcement {
            let point = frame.projection.project(coordinate)
            counts[
                CellKey(x: Int((point.x / cellMetres).rounded(.down)), y: Int((point.y / cellMetres).rounded(.down))),
                default: 0] += 1
        }
        let largest = Double(counts.values.max() ?? 1)
        let nodes: [MarkupNode] = counts.keys.sorted().map { key in
            // The cell's north-west corner: x of its west edge, y of its north edge.
            let corner = frame.pixel(
                frame.projection.unproject(x: Double(key.x) * cellMetres, y: Double(key.y + 1) * cellMetres))
            let share = Double(counts[key] ?? 0) / largest
            return .element(
                "rect",
                [
                    "x": NumberFormat.svg(corner.x), "y": NumberFormat.svg(corner.y), "width": NumberFormat.svg(size),
                    "height": NumberFormat.svg(size), "fill": ChartPalette.enforcement,
                    "fill-opacity": NumberFormat.svg(0.2 + 0.7 * share), "class": "enforcement-cell",
                ])
        }
        return (nodes, cellMetres)
    }

    /// A grid cell's index east (x) and north (y) of the projection's origin.
    private struct CellKey: Hashable, Comparable {
        let x: Int
        let y: Int

        static func < (lhs: CellKey, rhs: CellKey) -> Bool { (lhs.y, lhs.x) > (rhs.y, rhs.x) }
    }

    private func ringLegend(_ ring: ZoneMapChart.Ring, y: Double) -> [MarkupNode] {
        var nodes: [MarkupNode] = []
        var x = 12.0
        func advance(_ text: String) { x += 22 + TextMetrics.width(text, fontSize: 12) + 20 }
        nodes.append(
            .element(
                "rect",
                [
                    "x": NumberFormat.svg(x), "y": NumberFormat.svg(y - 7), "width": "16.00", "height": "12.00",
                    "fill": Self.ringFill, "opacity": "0.35",
                ]))
        nodes.append(label(ring.label, x: x + 22, y: y + 4, size: 12))
        advance(ring.label)
        let before = "\(ring.beforeLabel) \(NumberFormat.grouped(ring.before.count))"
        nodes.append(
            .element(
                "circle",
                [
                    "cx": NumberFormat.svg(x + 8), "cy": NumberFormat.svg(y - 1), "r": "4.00", "fill": "none",
                    "stroke": Self.ringAccident, "stroke-width": "1.5",
                ]))
        nodes.append(label(before, x: x + 22, y: y + 4, size: 12))
        advance(before)
        let after = "\(ring.afterLabel) \(NumberFormat.grouped(ring.after.count))"
        nodes.append(
            .element(
                "circle",
                ["cx": NumberFormat.svg(x + 8), "cy": NumberFormat.svg(y - 1), "r": "4.00", "fill": Self.ringAccident]))
        nodes.append(label(after, x: x + 22, y: y + 4, size: 12))
        return nodes
    }

    func polygonData(_ polygons: [[[Coordinate]]], frame: ZoneMapFrame) -> String {
        var path: [String] = []
        for rings in polygons {
            for ring in rings where !ring.isEmpty {
                let points = ring.map { frame.pixel($0) }
                path.append(
                    points.enumerated().map { index, point in
                        "\(index == 0 ? "M" : "L")\(NumberFormat.svg(point.x)) \(NumberFormat.svg(point.y))"
                    }.joined(separator: " ") + " Z")
            }
        }
        return path.joined(separator: " ")
    }

    func polygonPath(_ polygons: [[[Coordinate]]], frame: ZoneMapFrame) -> MarkupNode {
        .element(
            "path",
            [
                "d": polygonData(polygons, frame: frame), "fill": ChartPalette.zone, "fill-opacity": "0.15",
                "fill-rule": "evenodd", "stroke": ChartPalette.zoneLine, "stroke-width": "2", "class": "zone",
            ])
    }

    func routeLines(_ lines: [[Coordinate]], buffer: Double, frame: ZoneMapFrame) -> [MarkupNode] {
        let bufferPixels = 2 * max(buffer.isFinite ? buffer : 0, 0) * frame.pixelsPerMetre
        var nodes: [MarkupNode] = []
        for line in lines where !line.isEmpty {
            let points = line.map { frame.pixel($0) }
                .map { "\(NumberFormat.svg($0.x)),\(NumberFormat.svg($0.y))" }
            let pointList = (points.count == 1 ? points + points : points).joined(separator: " ")
            if bufferPixels > 0 {
                nodes.append(
                    .element(
                        "polyline",
                        [
                            "points": pointList, "fill": "none", "stroke": ChartPalette.zone, "stroke-opacity": "0.22",
                            "stroke-width": NumberFormat.svg(bufferPixels), "stroke-linecap": "round",
                            "stroke-linejoin": "round", "class": "route-buffer",
                        ]))
            }
            nodes.append(
                .element(
                    "polyline",
                    [
                        "points": pointList, "fill": "none", "stroke": ChartPalette.zoneLine, "stroke-width": "2.50",
                        "stroke-linecap": "round", "stroke-linejoin": "round", "class": "route",
                    ]))
        }
        return nodes
    }

    func scaleBar(frame: ZoneMapFrame) -> [MarkupNode] {
        let metres = frame.scaleBarMetres
        let length = metres * frame.pixelsPerMetre
        let x0 = 20.0
        let y0 = Self.mapHeight - 22
        return [
            rect(x: x0 - 6, y: y0 - 22, width: length + 12 + 0, height: 32, fill: "#FFFFFF", className: "scale-box"),
            line(x1: x0, y1: y0, x2: x0 + length, y2: y0, stroke: "#000000", width: 3, className: "scale-bar"),
            line(x1: x0, y1: y0 - 6, x2: x0, y2: y0 + 4, stroke: "#000000", width: 1.5),
            line(x1: x0 + length, y1: y0 - 6, x2: x0 + length, y2: y0 + 4, stroke: "#000000", width: 1.5),
            label(
                strings.distance(metres: metres), x: x0 + length / 2, y: y0 - 8, anchor: "middle", size: 12,
                className: "scale-label"),
        ]
    }

    func northArrow(x: Double, y: Double) -> [MarkupNode] {
        let points =
            "\(NumberFormat.svg(x)),\(NumberFormat.svg(y + 14)) "
            + "\(NumberFormat.svg(x - 8)),\(NumberFormat.svg(y + 40)) "
            + "\(NumberFormat.svg(x)),\(NumberFormat.svg(y + 33)) "
            + "\(NumberFormat.svg(x + 8)),\(NumberFormat.svg(y + 40))"
        return [
            .element("polygon", ["points": points, "fill": "#000000", "class": "north-arrow"]),
            label(strings.north, x: x, y: y + 10, anchor: "middle", size: 13, bold: true),
        ]
    }

    /// A district's legend swatch, its left edge at `x`, beside a label whose baseline is `y + 4`.
    func areaSwatch(x: Double, y: Double) -> MarkupNode {
        .element(
            "rect",
            [
                "x": NumberFormat.svg(x), "y": NumberFormat.svg(y - 7), "width": "16.00", "height": "12.00",
                "fill": ChartPalette.zone, "fill-opacity": "0.15", "stroke": ChartPalette.zoneLine,
                "stroke-width": "1.5",
            ])
    }

    private func mapLegend(
        geometry: [(name: String, kind: String)], chart: ZoneMapChart, cellMetres: Double?, y: Double
    ) -> [MarkupNode] {
        var nodes: [MarkupNode] = []
        var x = 12.0
        func advance(_ text: String) { x += 22 + TextMetrics.width(text, fontSize: 12) + 20 }
        for entry in geometry {
            if entry.kind == "area" {
                nodes.append(areaSwatch(x: x, y: y))
            } else {
                nodes.append(line(x1: x, y1: y - 1, x2: x + 16, y2: y - 1, stroke: ChartPalette.zone, width: 10))
                nodes.append(line(x1: x, y1: y - 1, x2: x + 16, y2: y - 1, stroke: ChartPalette.zoneLine, width: 2.5))
            }
            var text = entry.name
            if entry.kind == "route" {
                text += " (\(strings.routeBuffer) ±\(NumberFormat.fixed(chart.bufferMetres, digits: 0)) m)"
            }
            nodes.append(label(text, x: x + 22, y: y + 4, size: 12))
            advance(text)
        }
        let accidents = "\(strings.accidents) \(NumberFormat.grouped(chart.accidents.count))"
        nodes.append(
            .element(
                "circle",
                [
                    "cx": NumberFormat.svg(x + 8), "cy": NumberFormat.svg(y - 1), "r": "4.50",
                    "fill": ChartPalette.accident,
                ]))
        nodes.append(label(accidents, x: x + 22, y: y + 4, size: 12))
        advance(accidents)
        var enforcement = "\(strings.enforcement) \(NumberFormat.grouped(chart.enforcement.count))"
        if let cellMetres {
            enforcement +=
                " (" + chart.enforcementCellLabel.replacing("{m}", with: NumberFormat.fixed(cellMetres, digits: 0))
                + ")"
            nodes.append(rect(x: x + 2, y: y - 7, width: 12, height: 12, fill: ChartPalette.enforcement))
        } else {
            nodes.append(rect(x: x + 5, y: y - 4, width: 6, height: 6, fill: ChartPalette.enforcement))
        }
        nodes.append(label(enforcement, x: x + 22, y: y + 4, size: 12))
        return nodes
    }
}

/// How a zone map fits its content into the picture: a local projection centred on the content's box, and a
/// uniform scale (the same in x and y, so shapes and distances are true) with a margin.
struct ZoneMapFrame: Sendable {
    /// The projection, centred on the middle of everything drawn.
    let projection: LocalProjection
    /// Pixels per metre on the ground.
    let pixelsPerMetre: Double
    /// The round length of the scale bar (1, 2 or 5 × 10ⁿ metres), at most a quarter of the map's width.
    let scaleBarMetres: Double
    private let centreX: Double
    private let centreY: Double
    private let width: Double
    private let height: Double

    /// The frame for `chart`, or `nil` when it has nothing to draw.
    init?(chart: ZoneMapChart, width: Double, height: Double) {
        let coordinates =
            (chart.geometry?.allCoordinates ?? []) + chart.accidents + chart.enforcement
            + (chart.ring.map { $0.before + $0.after } ?? [])
        guard var box = ProjectedBox(coordinates) else { return nil }
        let isRoute = chart.geometry.map { !$0.isAreal } ?? false
        let buffer = isRoute && chart.bufferMetres.isFinite ? max(chart.bufferMetres, 0) : 0
        box.pad(buffer)
        // The ring around the shape is drawn whole: the shape's box widened by buffer and ring joins the box.
        let ring = chart.ring.map { $0.metres.isFinite ? max($0.metres, 0) : 0 } ?? 0
        if ring > 0, let shape = chart.geometry?.allCoordinates, !shape.isEmpty {
            box.include(shape, padding: buffer + ring)
        }
        // At least 200 m across, so one point or a short route is not blown up to fill the map.
        self.init(box: box, minimumSpan: 200, width: width, height: height)
    }

    /// The frame holding `coordinates` with `padding` metres round them and at least `minimumSpan` metres
    /// across, or `nil` when none is finite.
    init?(coordinates: [Coordinate], padding: Double, minimumSpan: Double, width: Double, height: Double) {
        guard var box = ProjectedBox(coordinates) else { return nil }
        box.pad(padding)
        self.init(box: box, minimumSpan: minimumSpan, width: width, height: height)
    }

    private init(box: ProjectedBox, minimumSpan: Double, width: Double, height: Double) {
        let spanX = max(box.maxX - box.minX, minimumSpan)
        let spanY = max(box.maxY - box.minY, minimumSpan)
        let margin = 36.0
        let scale = min((width - 2 * margin) / spanX, (height - 2 * margin - 20) / spanY)
        self.projection = box.projection
        self.pixelsPerMetre = scale
        self.centreX = (box.minX + box.maxX) / 2
        self.centreY = (box.minY + box.maxY) / 2
        self.width = width
        self.height = height
        let longest = width / 4 / scale
        var unit = 1.0
        while unit * 10 <= longest { unit *= 10 }
        self.scaleBarMetres = [5.0, 2.0, 1.0].map { $0 * unit }.first { $0 <= longest } ?? unit
    }

    /// Where `coordinate` is drawn: x to the right (east), y down (south), the content centred.
    func pixel(_ coordinate: Coordinate) -> (x: Double, y: Double) {
        let point = projection.project(coordinate)
        return (
            x: width / 2 + (point.x - centreX) * pixelsPerMetre,
            y: (height - 20) / 2 - (point.y - centreY) * pixelsPerMetre
        )
    }
}

/// The box, in metres of a local projection centred on them, of the finite ones among some coordinates.
struct ProjectedBox: Sendable {
    let projection: LocalProjection
    private(set) var minX = Double.infinity
    private(set) var maxX = -Double.infinity
    private(set) var minY = Double.infinity
    private(set) var maxY = -Double.infinity

    /// The box of `coordinates`, or `nil` when none is finite.
    init?(_ coordinates: [Coordinate]) {
        let finite = coordinates.filter { $0.latitude.isFinite && $0.longitude.isFinite }
        guard let first = finite.first else { return nil }
        var bounds = BoundingBox(
            minLatitude: first.latitude, minLongitude: first.longitude, maxLatitude: first.latitude,
            maxLongitude: first.longitude)
        for coordinate in finite {
            bounds.minLatitude = min(bounds.minLatitude, coordinate.latitude)
            bounds.maxLatitude = max(bounds.maxLatitude, coordinate.latitude)
            bounds.minLongitude = min(bounds.minLongitude, coordinate.longitude)
            bounds.maxLongitude = max(bounds.maxLongitude, coordinate.longitude)
        }
        projection = LocalProjection(
            reference: Coordinate(
                latitude: (bounds.minLatitude + bounds.maxLatitude) / 2,
                longitude: (bounds.minLongitude + bounds.maxLongitude) / 2))
        include(finite, padding: 0)
    }

    /// Widens the box by `metres` on every side.
    mutating func pad(_ metres: Double) {
        (minX, maxX, minY, maxY) = (minX - metres, maxX + metres, minY - metres, maxY + metres)
    }

    /// Widens the box to hold `coordinates` with `padding` metres round them.
    mutating func include(_ coordinates: [Coordinate], padding: Double) {
        for coordinate in coordinates where coordinate.latitude.isFinite && coordinate.longitude.isFinite {
            let point = projection.project(coordinate)
            minX = min(minX, point.x - padding)
            maxX = max(maxX, point.x + padding)
            minY = min(minY, point.y - padding)
            maxY = max(maxY, point.y + padding)
        }
    }
}
