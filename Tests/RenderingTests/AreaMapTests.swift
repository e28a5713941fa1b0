import BikePDCACore
import Foundation
import Testing

@testable import Rendering

/// The map of a station's or a prefecture's zones with the hot-spot cells numbered by rank.
@Suite struct AreaMapTests {
    /// A square district about `size` degrees across, south-west corner at (`latitude`, `longitude`).
    static func district(_ latitude: Double, _ longitude: Double, size: Double = 0.004) -> Geometry {
        .polygon([
            [
                Coordinate(latitude: latitude, longitude: longitude),
                Coordinate(latitude: latitude, longitude: longitude + size),
                Coordinate(latitude: latitude + size, longitude: longitude + size),
                Coordinate(latitude: latitude + size, longitude: longitude),
                Coordinate(latitude: latitude, longitude: longitude),
            ]
        ])
    }

    /// A district and a route a few kilometres long beside it.
    static let districtAndRoute: [AreaMapChart.Zone] = [
        .init(label: "D01", geometry: district(35.17, 136.90)),
        .init(
            label: "R01",
            geometry: .lineString([
                Coordinate(latitude: 35.15, longitude: 136.88), Coordinate(latitude: 35.16, longitude: 136.93),
            ])),
    ]

    static func cell(_ rank: Int, _ latitude: Double, _ longitude: Double, candidate: Bool) -> AreaMapChart.Cell {
        // A half mesh: 1/240° of latitude by 1/160° of longitude.
        AreaMapChart.Cell(
            rank: rank,
            bounds: BoundingBox(
                minLatitude: latitude, minLongitude: longitude, maxLatitude: latitude + 1.0 / 240,
                maxLongitude: longitude + 1.0 / 160), isCandidate: candidate)
    }

    static func render(_ chart: AreaMapChart, language: ReportLanguage = .ja) -> String {
        let document = ReportDocument(
            title: "t", language: language, generatedAt: "g",
            sections: [ReportSection(title: "s", blocks: [.chart(.areaMap(chart))])])
        return HTMLRenderer().render(document)
    }

    @Test func drawsEveryZoneAndEveryCellWithItsRank() {
        let chart = AreaMapChart(
            title: "map",
            zones: Self.districtAndRoute,
            cells: [Self.cell(1, 35.18, 136.92, candidate: true), Self.cell(4, 35.14, 136.90, candidate: false)],
            cellLabel: "hot spot", candidateLabel: "candidate")
        let scan = MarkupScan(Self.render(chart))
        #expect(scan.values(of: "class", in: "path").filter { $0 == "zone" }.count == 1)
        #expect(scan.values(of: "class", in: "polyline").contains("route"))
        #expect(
            scan.values(of: "class", in: "rect").filter { $0.hasPrefix("hot-spot") } == [
                "hot-spot candidate", "hot-spot",
            ])
        let texts = scan.texts
        for label in ["1", "4", "D01", "R01", "hot spot", "candidate", "重点地区", "重点路線"] {
            #expect(texts.contains(label), "missing \(label)")
        }
        // No label was left out, so the legend says nothing about it.
        #expect(!texts.contains { $0.contains("省略") })
    }

    @Test func aLabelThatWouldCoverAnotherIsLeftOutAndCounted() {
        // Five zones on one spot: their labels have four places to go, the fifth finds none.
        let zones = (1...5).map { AreaMapChart.Zone(label: "58101-D0\($0)", geometry: Self.district(35.17, 136.90)) }
        let chart = AreaMapChart(title: "map", zones: zones, cells: [], cellLabel: "c", candidateLabel: "k")
        let texts = MarkupScan(Self.render(chart)).texts
        #expect(texts.filter { $0.hasPrefix("58101-D0") }.count == 4)
        #expect(texts.contains("重なる名前 1 件は省略"))
        let english = MarkupScan(Self.render(chart, language: .en)).texts
        #expect(english.contains("1 overlapping name left out"))
    }

    @Test func aLongLegendWrapsInsideTheMapsWidth() throws {
        let chart = AreaMapChart(
            title: "map",
            zones: Self.districtAndRoute,
            cells: [Self.cell(1, 35.18, 136.92, candidate: true)],
            cellLabel: String(repeating: "事故多発メッシュ", count: 3), candidateLabel: String(repeating: "候補", count: 10))
        let html = Self.render(chart)
        let svg = try #require(html.components(separatedBy: "<svg ").dropFirst().first)
        let height = try #require(Double(svg.components(separatedBy: "height=\"")[1].prefix { $0 != "\"" }))
        #expect(height > 520, "the legend took more than one row: \(height)")
        let legend = try #require(
            html.components(separatedBy: "<text ").first { $0.contains(">" + chart.candidateLabel + "<") })
        let x = try #require(Double(legend.components(separatedBy: "x=\"")[1].prefix { $0 != "\"" }))
        #expect(x + TextMetrics.width(chart.candidateLabel, fontSize: 12) <= 640)
    }

    @Test func nothingWithAPositionSaysNoData() {
        let chart = AreaMapChart(title: "map", zones: [], cells: [], cellLabel: "c", candidateLabel: "k")
        #expect(Self.render(chart).contains(">データなし</text>"))
    }
}
