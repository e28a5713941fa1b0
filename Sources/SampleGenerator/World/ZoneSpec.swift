import BikePDCACore
import Foundation

/// How one sample zone is drawn and how designation affects its accidents.
struct ZoneSpec: Sendable {
    /// One polygon: an irregular octagon around `east`/`north` (metres from the station) with the given half-axes.
    struct Block: Sendable {
        let east: Double
        let north: Double
        let halfWidth: Double
        let halfHeight: Double
        let rotationDegrees: Double
        let hasHole: Bool
    }

    enum Shape: Sendable {
        case district(Block)
        case districts([Block])
        case route([(Double, Double)])
        case routes([[(Double, Double)]])
    }

    let station: Int
    let number: String
    let name: String
    let from: (Int, Int, Int)
    let to: (Int, Int, Int)?
    let shape: Shape
    let buffer: Double?
    let baseline: Double
    let reduction: Double
    let common: [String]
    let reasonNote: String?

    var stationSpec: StationSpec { SamplePrefecture.stationSpecs[station] }

    func makeZone(index: Int) -> SampleZone {
        let id = SamplePrefecture.prefectureCode + stationSpec.code + "-" + number
        let from = date(self.from)
        let to = self.to.map(date)
        let geometry = makeGeometry(id: id)
        let reiwaYear = from.year - 1 - 2018
        let count = Int((baseline * 12 * (1.0 + 0.04 * Double(index % 5))).rounded())
        var reason = "令和\(reiwaYear)年中 自転車関連事故 \(count)件"
        if let reasonNote {
            reason += "、" + reasonNote
        }
        let zone = Zone(
            id: id, kind: geometry.isAreal ? .district : .route,
            stationID: SamplePrefecture.prefectureCode
                + stationSpec.code, name: name, designatedFrom: from, designatedTo: to, reason: reason,
            geometry: geometry, bufferMetres: buffer)
        return SampleZone(
            zone: zone, baselineAccidentsPerMonth: baseline, accidentReduction: reduction, commonViolations: common)
    }

    private func date(_ parts: (Int, Int, Int)) -> LocalDate {
        LocalDate(year: parts.0, month: parts.1, day: parts.2) ?? SamplePrefecture.firstMonth.firstDay
    }

    private func makeGeometry(id: String) -> Geometry {
        // Shapes come from a fixed seed so that they are the same whatever the configuration's seed.
        var random = SampleRandom(seed: 0x4D49_4E41_544F, stream: id)
        let origin = LocalFrame.point(stationSpec.centre)
        func coordinate(_ east: Double, _ north: Double) -> Coordinate {
            LocalFrame.coordinate(PlanePoint(x: origin.x + east, y: origin.y + north))
        }
        func polygon(_ block: Block) -> [[Coordinate]] {
            let vertexCount = 8
            let rotation = block.rotationDegrees * Double.pi / 180
            var outer: [Coordinate] = []
            for vertex in 0..<vertexCount {
                // Counter-clockwise (RFC 7946: exterior rings counter-clockwise), star-shaped so always simple.
                let angle = 2 * Double.pi * Double(vertex) / Double(vertexCount) + random.double(in: -0.15...0.15)
                let scale = random.double(in: 0.88...1.08)
                let x = cos(angle) * block.halfWidth * scale
                let y = sin(angle) * block.halfHeight * scale
                outer.append(
                    coordinate(
                        block.east + x * cos(rotation) - y * sin(rotation),
                        block.north + x * sin(rotation) + y * cos(rotation)))
            }
            outer.append(outer[0])
            guard block.hasHole else { return [outer] }
            // A hole (a pedestrian plaza or a park) at the centre, clockwise as RFC 7946 asks.
            let half = 0.22 * min(block.halfWidth, block.halfHeight)
            let hole = [
                coordinate(block.east - half, block.north - half), coordinate(block.east - half, block.north + half),
                coordinate(block.east + half, block.north + half), coordinate(block.east + half, block.north - half),
                coordinate(block.east - half, block.north - half),
            ]
            return [outer, hole]
        }
        switch shape {
        case .district(let block):
            return .polygon(polygon(block))
        case .districts(let blocks):
            return .multiPolygon(blocks.map(polygon))
        case .route(let points):
            return .lineString(points.map { coordinate($0.0, $0.1) })
        case .routes(let lines):
            return .multiLineString(lines.map { $0.map { coordinate($0.0, $0.1) } })
        }
    }
}

extension SamplePrefecture {
    /// The zones, by station. Offsets are metres east and north of the station; no two zones come within 200 m of
    /// each other (a test checks).
    static let zoneSpecs: [ZoneSpec] = [
        // 58101 中央
        ZoneSpec(
            station: 0, number: "D01", name: "中央駅前地区", from: (2022, 4, 1), to: nil,
            shape: .district(
                .init(east: 0, north: 300, halfWidth: 450, halfHeight: 350, rotationDegrees: 10, hasHole: true)),
            buffer: nil, baseline: 4.0, reduction: 0, common: ["signal", "phone"], reasonNote: "歩道の自転車通行多"),
        ZoneSpec(
            station: 0, number: "R01", name: "本町通り線", from: (2024, 4, 1), to: nil,
            shape: .route([(-1_200, -600), (-400, -650), (400, -700), (1_200, -800)]),
            buffer: nil, baseline: 3.0, reduction: 0.45, common: ["lane", "phone"], reasonNote: nil),
        ZoneSpec(
            station: 0, number: "D02", name: "栄町地区", from: (2024, 10, 1), to: nil,
            shape: .district(
                .init(east: 1_300, north: 900, halfWidth: 350, halfHeight: 300, rotationDegrees: -15, hasHole: false)),
            buffer: nil, baseline: 2.5, reduction: 0, common: ["psc-rules", "no-light"], reasonNote: nil),
        ZoneSpec(
            station: 0, number: "R02", name: "大通り線", from: (2025, 4, 1), to: nil,
            shape: .routes([
                [(-1_800, -200), (-1_700, 600), (-1_650, 1_600)], [(-1_700, 600), (-900, 1_300), (-300, 1_800)],
            ]),
            buffer: 40, baseline: 3.0, reduction: 0.35, common: ["signal", "stop"], reasonNote: nil),
        // 58102 港北
        ZoneSpec(
            station: 1, number: "D01", name: "港北駅周辺地区", from: (2023, 10, 1), to: nil,
            shape: .district(
                .init(east: -200, north: 400, halfWidth: 400, halfHeight: 300, rotationDegrees: 0, hasHole: false)),
            buffer: nil, baseline: 3.0, reduction: 0.40, common: ["stop", "sidewalk-obstruction"], reasonNote: nil),
        ZoneSpec(
            station: 1, number: "R01", name: "臨港道路線", from: (2022, 10, 1), to: (2024, 9, 30),
            shape: .route([(-1_500, -1_200), (-300, -1_300), (800, -1_100), (1_900, -1_400)]),
            buffer: 50, baseline: 2.5, reduction: 0, common: ["signal", "lane"], reasonNote: "大型車両の通行多"),
        ZoneSpec(
            station: 1, number: "D02", name: "築地口地区", from: (2025, 4, 1), to: nil,
            shape: .districts([
                .init(east: 1_200, north: 700, halfWidth: 250, halfHeight: 200, rotationDegrees: 20, hasHole: false),
                .init(east: 1_750, north: 350, halfWidth: 200, halfHeight: 180, rotationDegrees: 0, hasHole: false),
            ]),
            buffer: nil, baseline: 2.0, reduction: 0, common: ["stop", "two-riders"], reasonNote: nil),
        // 58103 北
        ZoneSpec(
            station: 2, number: "R01", name: "北高校通学路線", from: (2024, 4, 1), to: nil,
            shape: .route([(-900, -300), (-100, 200), (600, 900)]),
            buffer: 20, baseline: 2.0, reduction: 0.50, common: ["side-by-side", "psc-rules"], reasonNote: "通学路、住民要望"),
        ZoneSpec(
            station: 2, number: "D01", name: "北町商店街地区", from: (2022, 4, 1), to: nil,
            shape: .district(
                .init(east: 900, north: -700, halfWidth: 300, halfHeight: 250, rotationDegrees: 25, hasHole: false)),
            buffer: nil, baseline: 2.5, reduction: 0, common: ["sidewalk-obstruction", "stop"], reasonNote: nil),
        // 58104 東町
        ZoneSpec(
            station: 3, number: "D01", name: "東町一丁目地区", from: (2024, 4, 1), to: nil,
            shape: .district(
                .init(east: -300, north: -200, halfWidth: 500, halfHeight: 400, rotationDegrees: 5, hasHole: true)),
            buffer: nil, baseline: 3.0, reduction: 0, common: ["stop", "signal"], reasonNote: nil),
        ZoneSpec(
            station: 3, number: "R01", name: "東大通り線", from: (2023, 10, 1), to: nil,
            shape: .route([(-1_800, 700), (-600, 800), (600, 750), (1_800, 900)]),
            buffer: nil, baseline: 3.5, reduction: 0.35, common: ["signal", "phone"], reasonNote: nil),
        ZoneSpec(
            station: 3, number: "D02", name: "大学前地区", from: (2025, 10, 1), to: nil,
            shape: .district(
                .init(east: 1_200, north: -1_300, halfWidth: 400, halfHeight: 350, rotationDegrees: -20, hasHole: false)
            ),
            buffer: nil, baseline: 2.5, reduction: 0.45, common: ["phone", "psc-rules"], reasonNote: nil),
        // 58105 西浜
        ZoneSpec(
            station: 4, number: "D01", name: "西浜駅前地区", from: (2024, 10, 1), to: nil,
            shape: .district(
                .init(east: 200, north: 200, halfWidth: 350, halfHeight: 300, rotationDegrees: 0, hasHole: false)),
            buffer: nil, baseline: 2.5, reduction: 0.40, common: ["stop", "phone"], reasonNote: nil),
        ZoneSpec(
            station: 4, number: "R01", name: "西浜運河通り線", from: (2025, 4, 1), to: (2026, 3, 31),
            shape: .route([(-1_000, -1_500), (-900, -500), (-1_100, 700), (-1_000, 1_500)]),
            buffer: 35, baseline: 2.0, reduction: 0, common: ["lane", "no-light"], reasonNote: nil),
        // 58106 南台
        ZoneSpec(
            station: 5, number: "D01", name: "南台団地地区", from: (2022, 10, 1), to: nil,
            shape: .district(
                .init(east: -700, north: 600, halfWidth: 600, halfHeight: 500, rotationDegrees: 30, hasHole: false)),
            buffer: nil, baseline: 2.0, reduction: 0, common: ["two-riders", "stop"], reasonNote: nil),
        ZoneSpec(
            station: 5, number: "R01", name: "南台中央通り線", from: (2024, 10, 1), to: nil,
            shape: .route([(200, -1_600), (300, -600), (500, 400), (600, 1_400)]),
            buffer: 25, baseline: 3.0, reduction: 0.30, common: ["lane", "signal"], reasonNote: nil),
        ZoneSpec(
            station: 5, number: "D02", name: "南台駅南地区", from: (2025, 4, 1), to: nil,
            shape: .district(
                .init(east: 1_500, north: -900, halfWidth: 300, halfHeight: 250, rotationDegrees: 0, hasHole: false)),
            buffer: nil, baseline: 1.5, reduction: 0, common: ["stop", "no-light"], reasonNote: nil),
        // 58107 緑丘
        ZoneSpec(
            station: 6, number: "D01", name: "緑丘ニュータウン地区", from: (2023, 10, 1), to: nil,
            shape: .districts([
                .init(east: -500, north: 300, halfWidth: 500, halfHeight: 450, rotationDegrees: 0, hasHole: true),
                .init(east: 600, north: 900, halfWidth: 300, halfHeight: 250, rotationDegrees: 15, hasHole: false),
            ]),
            buffer: nil, baseline: 2.5, reduction: 0.40, common: ["stop", "side-by-side"], reasonNote: "住民要望"),
        ZoneSpec(
            station: 6, number: "R01", name: "緑丘坂下線", from: (2025, 10, 1), to: nil,
            shape: .route([(-200, -1_800), (-100, -800), (200, -300)]),
            buffer: nil, baseline: 1.5, reduction: 0, common: ["speeding", "brakes"], reasonNote: "下り坂"),
        // 58108 川原
        ZoneSpec(
            station: 7, number: "R01", name: "川原橋線", from: (2024, 4, 1), to: nil,
            shape: .route([(-600, -200), (600, -100)]),
            buffer: 30, baseline: 2.0, reduction: 0.40, common: ["lane", "sidewalk-obstruction"], reasonNote: nil),
        ZoneSpec(
            station: 7, number: "D01", name: "川原小学校周辺地区", from: (2023, 10, 1), to: nil,
            shape: .district(
                .init(east: 300, north: 900, halfWidth: 300, halfHeight: 300, rotationDegrees: 0, hasHole: false)),
            buffer: nil, baseline: 1.5, reduction: 0, common: ["stop", "lane"], reasonNote: "通学路"),
        ZoneSpec(
            station: 7, number: "R02", name: "堤防道路線", from: (2025, 4, 1), to: nil,
            shape: .routes([
                [(-1_800, -1_500), (-1_000, -1_200), (0, -1_300), (1_200, -1_600)],
                [(-1_000, -1_200), (-1_100, -2_200)],
            ]),
            buffer: 40, baseline: 2.5, reduction: 0.35, common: ["no-light", "side-by-side"], reasonNote: nil),
        // 58109 山手
        ZoneSpec(
            station: 8, number: "D01", name: "山手大学前地区", from: (2024, 10, 1), to: nil,
            shape: .district(
                .init(east: -400, north: -300, halfWidth: 450, halfHeight: 350, rotationDegrees: -10, hasHole: false)),
            buffer: nil, baseline: 2.5, reduction: 0.45, common: ["phone", "psc-rules"], reasonNote: nil),
        ZoneSpec(
            station: 8, number: "R01", name: "山手通り線", from: (2022, 4, 1), to: nil,
            shape: .route([(-1_500, 900), (-300, 1_000), (800, 700), (1_600, 1_100)]),
            buffer: nil, baseline: 2.5, reduction: 0, common: ["signal", "stop"], reasonNote: nil),
    ]
}
