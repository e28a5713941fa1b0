import BikePDCACore
import Foundation

/// A police station of the national data set.
struct NationalStation: Sendable {
    let station: Station
    let idBytes: [UInt8]
    /// Index into ``NationalPrefecture/all``.
    let prefectureIndex: Int
    /// The station's place in its area, 0 at the city centre.
    let rankInArea: Int
    /// Metres east and north of the station.
    let frame: PlaneFrame
    /// Its share of the nation's records (residents served, in thousands).
    let weight: Double
    /// Indices into ``NationalGeography/zones``.
    var zoneIndices: [Int]
}

/// A priority district or route of the national data set, with the accident effect built into the records.
struct NationalZone: Sendable {
    let zone: Zone
    let idBytes: [UInt8]
    let stationIndex: Int
    /// The shape in the station's frame.
    let shape: ZoneShape
    /// Accidents a month inside the zone before designation, at row scale 1.
    let baselineAccidentsPerMonth: Double
    /// The fall in the accident rate from designation on (0 where designation changed nothing).
    let accidentReduction: Double
    /// The published 主な違反 (main violations), which dominate the zone's enforcement.
    let commonViolations: [String]

    /// Whether the designation is in force for the whole of `month` (designations start on a month's first day
    /// and end on a month's last day).
    func isActive(in month: YearMonth) -> Bool {
        zone.designatedFrom.yearMonth <= month && (zone.designatedTo.map { month <= $0.yearMonth } ?? true)
    }

    /// Whether the designation had begun by `month` (its effect lasts after a designation ends).
    func isDesignated(by month: YearMonth) -> Bool {
        zone.designatedFrom.yearMonth <= month
    }
}

/// The stations and zones of all 47 prefectures: fixed, drawn once from a seed of their own, so that every national
/// set (whatever its seed, years or prefectures) has the same ones.
///
/// Stations are placed around their area's city on a sunflower spiral 2.2 km apart (at least 3.6 km from any other
/// station, of any prefecture), their weights falling from the centre outwards. Each station has one to four
/// zones, 1,900 in all, the extra ones going to the busiest stations; each zone lies within 1.5 km of its station
/// in a sector of its own, so zones never overlap and every background point (drawn within 1.8 km of a station)
/// keeps clear of other stations' zones.
struct NationalGeography: Sendable {
    /// The number of zones.
    static let zoneTotal = 1_900
    /// The spiral's step: the n-th station lies 2.2 km × √(n + ½) from the city centre.
    static let spiralStep = 2_200.0
    /// The least distance between two stations.
    static let stationSpacing = 3_600.0
    /// Background points lie within this distance of their station.
    static let backgroundRadius = 1_800.0

    let stations: [NationalStation]
    let zones: [NationalZone]

    /// The one geography, built on first use.
    static let shared = NationalGeography()

    private init() {
        var random = SampleRandom(seed: 0x4E41_5449_4F4E, stream: "national-geography")
        var stations = NationalGeography.placeStations(random: &random)
        let extra = Apportionment.split(
            Double(NationalGeography.zoneTotal - stations.count), weights: stations.map(\.weight))
        var zones: [NationalZone] = []
        for index in stations.indices {
            let count = min(4, 1 + extra[index])
            let base = random.double(in: 0...(2 * Double.pi))
            var districts = 0
            var routes = 0
            for slot in 0..<count {
                let angle = base + 2 * Double.pi * Double(slot) / Double(max(3, count))
                let isDistrict = slot == 0 ? random.chance(0.7) : random.chance(0.45)
                if isDistrict {
                    districts += 1
                } else {
                    routes += 1
                }
                zones.append(
                    NationalGeography.makeZone(
                        station: stations[index], stationIndex: index, isDistrict: isDistrict,
                        number: isDistrict ? districts : routes, angle: angle, random: &random))
                stations[index].zoneIndices.append(zones.count - 1)
            }
        }
        self.stations = stations
        self.zones = zones
    }

    /// Where each station lies, its id, name and weight.
    private static func placeStations(random: inout SampleRandom) -> [NationalStation] {
        let goldenAngle = Double.pi * (3 - 5.0.squareRoot())
        var placed: [Coordinate] = []
        var stations: [NationalStation] = []
        for (prefectureIndex, prefecture) in NationalPrefecture.all.enumerated() {
            for (areaIndex, area) in prefecture.areas.enumerated() {
                let centre = PlaneFrame(origin: area.centre)
                // Hokkaido's 方面 number their stations 101…, 201…, 301…; every other prefecture from 101.
                let firstCode = prefecture.areas.count > 1 ? 100 * (areaIndex + 1) + 1 : 101
                var urban: [Double] = []
                var spots: [Coordinate] = []
                var step = 0
                while spots.count < area.stationCount {
                    let radius = spiralStep * (Double(step) + 0.5).squareRoot()
                    let angle = Double(step) * goldenAngle
                    step += 1
                    let candidate = centre.coordinate(
                        PlanePoint(
                            x: radius * cos(angle) + random.double(in: -250...250),
                            y: radius * sin(angle) + random.double(in: -250...250)))
                    guard !placed.contains(where: { distance($0, candidate) < stationSpacing }) else { continue }
                    placed.append(candidate)
                    spots.append(candidate)
                    // Inner stations serve denser districts.
                    let rank = Double(spots.count - 1) / Double(max(1, area.stationCount - 1))
                    urban.append((1.5 - 0.9 * rank) * random.double(in: 0.8...1.2))
                }
                let urbanSum = urban.reduce(0, +)
                for (rank, spot) in spots.enumerated() {
                    let code = String(firstCode + rank)
                    let id = area.npaCode + code
                    let name = rank == 0 ? area.cityJA + "中央" : area.cityJA + placeName(rank - 1)
                    stations.append(
                        NationalStation(
                            station: Station(id: id, nameJA: name, nameEN: "\(area.cityEN) \(code)"),
                            idBytes: Array(id.utf8), prefectureIndex: prefectureIndex, rankInArea: rank,
                            frame: PlaneFrame(origin: spot),
                            weight: Double(area.populationThousands) * urban[rank] / urbanSum, zoneIndices: []))
                }
            }
        }
        return stations
    }

    private static let placeFirst = ["緑", "旭", "栄", "若葉", "桜", "青葉", "泉", "松", "梅", "富士見", "大", "高"]
    private static let placeSecond = ["町", "台", "丘", "原", "田", "野", "沢", "崎", "浜", "川"]

    /// The n-th of 120 distinct place names (緑町, 旭台, …): 12 × 10 pairs, the second part advanced by three each
    /// round so that neighbours differ in both parts.
    private static func placeName(_ index: Int) -> String {
        let first = index % placeFirst.count
        let round = index / placeFirst.count
        return placeFirst[first] + placeSecond[(first + 3 * round) % placeSecond.count]
    }

    private static let districtNames = ["駅前地区", "商店街地区", "学園地区", "本町地区"]
    private static let routeNames = ["大通り線", "通学路線", "駅前通り線", "環状線"]
    private static let commonCandidates = [
        "signal", "phone", "stop", "lane", "psc-rules", "no-light", "sidewalk-obstruction", "side-by-side",
        "two-riders",
    ]

    /// One zone in the sector of `angle`, 850–950 m from its station.
    private static func makeZone(
        station: NationalStation, stationIndex: Int, isDistrict: Bool, number: Int, angle: Double,
        random: inout SampleRandom
    ) -> NationalZone {
        let id = station.station.id + (isDistrict ? "-D" : "-R") + (number < 10 ? "0" : "") + String(number)
        let distance = random.double(in: 850...950)
        let centre = PlanePoint(x: distance * cos(angle), y: distance * sin(angle))
        let form: ZoneShape.Form
        let geometry: Geometry
        var buffer: Double?
        if isDistrict {
            let ring = octagon(
                around: centre, halfWidth: random.double(in: 250...400), halfHeight: random.double(in: 200...330),
                rotation: random.double(in: 0...Double.pi), random: &random)
            form = .areas([[ring]])
            geometry = .polygon([ring.map(station.frame.coordinate)])
        } else {
            // Across the sector: along the tangent, a kink or two on the way.
            let direction = angle + Double.pi / 2 + random.double(in: -0.15...0.15)
            let half = random.double(in: 450...650)
            let vertexCount = random.chance(0.5) ? 3 : 4
            var line: [PlanePoint] = []
            for vertex in 0..<vertexCount {
                let along = -half + 2 * half * Double(vertex) / Double(vertexCount - 1)
                let across = vertex == 0 || vertex == vertexCount - 1 ? 0 : random.double(in: -60...60)
                line.append(
                    PlanePoint(
                        x: centre.x + along * cos(direction) - across * sin(direction),
                        y: centre.y + along * sin(direction) + across * cos(direction)))
            }
            buffer = random.chance(0.3) ? nil : random.element(of: [20.0, 25, 35, 40, 50])
            form = .lines([line], halfWidth: buffer ?? Zone.defaultRouteBufferMetres)
            geometry = .lineString(line.map(station.frame.coordinate))
        }
        let baseline = random.double(in: 0.8...2.6)
        let reduction = random.chance(0.5) ? random.double(in: 0.3...0.5) : 0
        let (from, to) = designation(random: &random)
        var common = [random.element(of: commonCandidates)]
        while common.count < 2 {
            let code = random.element(of: commonCandidates)
            if !common.contains(code) {
                common.append(code)
            }
        }
        let names = isDistrict ? districtNames : routeNames
        let accidentsBefore = Int((baseline * 12 * random.double(in: 0.9...1.2)).rounded())
        let zone = Zone(
            id: id, kind: isDistrict ? .district : .route, stationID: station.station.id,
            name: station.station.nameJA + names[(number - 1) % names.count], designatedFrom: from,
            designatedTo: to,
            reason: "\(eraYear(from.year - 1))中 自転車関連事故 \(accidentsBefore)件",
            geometry: geometry, bufferMetres: buffer)
        return NationalZone(
            zone: zone, idBytes: Array(id.utf8), stationIndex: stationIndex,
            shape: ZoneShape(form: form), baselineAccidentsPerMonth: baseline, accidentReduction: reduction,
            commonViolations: common)
    }

    /// Designation dates, staggered: one zone in eight from before fiscal 2016 (2012-04 … 2015-10), the others on
    /// a 1 April or 1 October from 2016-10 to 2025-10; one in ten ended 3–6 years later (on 30 September or
    /// 31 March), if by 2026-03-31.
    private static func designation(random: inout SampleRandom) -> (LocalDate, LocalDate?) {
        let halfYear =
            random.chance(0.12) ? random.int(in: 0...7) : 9 + random.int(in: 0...18)  // 0 = 2012-04
        let from = YearMonth(year: 2012, month: 4).adding(months: 6 * halfYear)
        var to: LocalDate?
        if random.chance(0.1) {
            let end = from.adding(months: 6 * random.int(in: 6...12)).firstDay.adding(days: -1)
            if end <= lastEnd {
                to = end
            }
        }
        return (from.firstDay, to)
    }

    private static let lastEnd = YearMonth(year: 2026, month: 3).lastDay

    /// `令和6年`, `令和元年`, `平成30年`: how a zone's reason names the calendar year before its designation.
    private static func eraYear(_ year: Int) -> String {
        if year >= 2019 {
            return year == 2019 ? "令和元年" : "令和\(year - 2018)年"
        }
        return "平成\(year - 1988)年"
    }

    /// An irregular octagon, counter-clockwise (RFC 7946) and star-shaped, so always simple; closed.
    private static func octagon(
        around centre: PlanePoint, halfWidth: Double, halfHeight: Double, rotation: Double,
        random: inout SampleRandom
    ) -> [PlanePoint] {
        var ring: [PlanePoint] = []
        for vertex in 0..<8 {
            let angle = 2 * Double.pi * Double(vertex) / 8 + random.double(in: -0.15...0.15)
            let scale = random.double(in: 0.88...1.08)
            let x = cos(angle) * halfWidth * scale
            let y = sin(angle) * halfHeight * scale
            ring.append(
                PlanePoint(
                    x: centre.x + x * cos(rotation) - y * sin(rotation),
                    y: centre.y + x * sin(rotation) + y * cos(rotation)))
        }
        ring.append(ring[0])
        return ring
    }

    /// Metres between two coordinates (equirectangular at their mean latitude: exact enough below 100 km).
    static func distance(_ a: Coordinate, _ b: Coordinate) -> Double {
        let latitude = (a.latitude + b.latitude) / 2 * Double.pi / 180
        let dx = (a.longitude - b.longitude) * 111_320 * cos(latitude)
        let dy = (a.latitude - b.latitude) * 110_950
        return (dx * dx + dy * dy).squareRoot()
    }

    /// A point in the station's area outside its zones (with room to spare), within 1.8 km of it, in its frame.
    func backgroundPoint(station: Int, spread: Double, random: inout SampleRandom) -> PlanePoint {
        let limit = NationalGeography.backgroundRadius * NationalGeography.backgroundRadius
        let zoneIndices = stations[station].zoneIndices
        for _ in 0..<200 {
            let point = PlanePoint(x: random.normal() * spread, y: random.normal() * spread)
            guard point.x * point.x + point.y * point.y <= limit else { continue }
            if !zoneIndices.contains(where: { zones[$0].shape.isNear(point, margin: 15) }) {
                return point
            }
        }
        // Practically unreachable (the zones cover a few per cent of the disc); the station itself is always clear.
        return PlanePoint(x: 0, y: 0)
    }
}

/// Splitting a count in proportion to weights, exactly.
enum Apportionment {
    /// `total` (rounded) split over the weights by cumulative rounding: the parts sum to the rounded total and
    /// each is within 1 of its share. A part depends only on the total and the weights up to it.
    static func split(_ total: Double, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var running = 0.0
        var previous = 0
        return weights.map { weight in
            running += weight
            let cumulative = Int((total * running / sum).rounded())
            defer { previous = cumulative }
            return cumulative - previous
        }
    }
}
