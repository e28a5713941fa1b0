import Analytics
import BikePDCACore
import Geo
import Rendering

/// Hot spots outside the zones (重点外の事故多発地点) as the station and prefecture reports show them: a table
/// with each cell's place in words, and a map of the zones with the cells numbered by the same rank.
enum HotSpotSections {
    /// A cell with its rank in the prefecture's list (1 = most accidents) and its place
    /// (``PeriodAnalytics/hotSpotPlace(_:)``).
    typealias Ranked = (rank: Int, cell: HotSpotCell, place: PlaceReference?)

    /// The prefecture's top `limit` cells.
    static func top(_ analytics: PeriodAnalytics, limit: Int) -> [Ranked] {
        analytics.hotSpots.indices.prefix(limit).map {
            (rank: $0 + 1, cell: analytics.hotSpots[$0], place: analytics.hotSpotPlace($0))
        }
    }

    /// The cells, of the prefecture's ranking, whose nearest zone in force is one of `stationZones` (the place a
    /// reader of the station report knows them by), at most `limit`.
    static func nearest(to stationZones: [Zone], analytics: PeriodAnalytics, limit: Int) -> [Ranked] {
        let own = Set(stationZones.map(\.id))
        var found: [Ranked] = []
        for index in analytics.hotSpots.indices where found.count < limit {
            if let place = analytics.hotSpotPlace(index), own.contains(place.zone.id) {
                found.append((rank: index + 1, cell: analytics.hotSpots[index], place: place))
            }
        }
        return found
    }

    /// The table of `ranked` cells; `totals` (every cell's accidents, of which fatal or serious) closes it when
    /// given.
    static func table(
        _ ranked: [Ranked], caption: String, totals: (accidents: Int, severe: Int)?, note: String, w: Wording
    ) -> ReportTable {
        ReportTable(
            caption: caption,
            columns: [
                ReportColumn(w("順位", "Rank"), alignment: .trailing), ReportColumn(w("メッシュコード", "Mesh code")),
                ReportColumn(w("場所 (最寄りの重点から)", "Place (from the nearest zone)")),
                ReportColumn(w("事故", "Accidents"), alignment: .trailing),
                ReportColumn(w("うち死亡・重傷", "Fatal or serious"), alignment: .trailing),
                ReportColumn("Gi*", alignment: .trailing), ReportColumn(w("中心の緯度", "Latitude"), alignment: .trailing),
                ReportColumn(w("中心の経度", "Longitude"), alignment: .trailing),
                ReportColumn(w("新規指定の候補", "Candidate"), alignment: .center),
            ],
            rows: ranked.map { rank, cell, place in
                [
                    .integer(rank), .text(cell.mesh), .text(Self.place(place, w: w)),
                    .integer(cell.count), .integer(cell.fatalOrSerious),
                    .decimal(cell.giStar, digits: 2), .decimal(cell.latitude, digits: 5),
                    .decimal(cell.longitude, digits: 5),
                    .text(cell.isCandidate ? w("候補", "yes") : (cell.overlapsZone ? w("重点内", "in a zone") : "—")),
                ]
            },
            totals: totals.map { totals in
                [
                    .missing, .text(w("全メッシュ計", "All cells")), .text(""), .integer(totals.accidents),
                    .integer(totals.severe), .missing, .missing, .missing, .missing,
                ]
            },
            denominatorNote: note)
    }

    /// 「中央駅前地区の北東 600 m」 / "600 m north-east of 中央駅前地区"; 「—」 without a place (no zone shape).
    static func place(_ reference: PlaceReference?, w: Wording) -> String {
        guard let reference else { return "—" }
        let metres = NumberFormat.grouped(reference.roundedMetres)
        guard reference.roundedMetres > 0 else {
            return w("\(reference.zone.name)の中心付近", "near the centre of \(reference.zone.name)")
        }
        return w(
            "\(reference.zone.name)の\(reference.direction.labelJA) \(metres) m",
            "\(metres) m \(reference.direction.labelEN) of \(reference.zone.name)")
    }

    /// The map of `zones` (labelled by `label`) and the `ranked` cells; `nil` when nothing has a position.
    static func map(
        title: String, zones: [Zone], label: (Zone) -> String, ranked: [Ranked], w: Wording
    ) -> AreaMapChart? {
        let shapes = zones.compactMap { zone in
            zone.geometry.map {
                AreaMapChart.Zone(
                    label: label(zone), geometry: $0, bufferMetres: zone.bufferMetres ?? Zone.defaultRouteBufferMetres)
            }
        }
        let cells = ranked.compactMap { rank, cell, _ in
            MeshCode(code: cell.mesh).map {
                AreaMapChart.Cell(rank: rank, bounds: $0.bounds, isCandidate: cell.isCandidate)
            }
        }
        guard !shapes.isEmpty || !cells.isEmpty else { return nil }
        let unplaced = zones.count - shapes.count
        return AreaMapChart(
            title: title, zones: shapes, cells: cells,
            cellLabel: w("事故多発メッシュ (数字は表の順位)", "Hot-spot cell (number: rank in the table)"),
            candidateLabel: w("うち新規指定の候補", "of which candidates"),
            note: w(
                "重点の形と、重点外の事故多発メッシュ (2分の1地域メッシュ、約500m四方) の位置。背景の地図はありません。",
                "Zone shapes and hot-spot cells outside zones (half mesh, about 500 m square); no background map.")
                + (unplaced > 0
                    ? w(
                        "形の登録がない重点 \(unplaced)か所は描いていません。", " \(w.counted(unplaced, "zone")) without a shape not drawn."
                    )
                    : ""))
    }
}
