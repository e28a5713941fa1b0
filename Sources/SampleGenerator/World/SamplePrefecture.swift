import BikePDCACore
import Foundation

/// The fictional prefecture the sample data describes: みなと県 (Minato Prefecture).
///
/// Its NPA prefecture code is `58`, which the NPA does not use (its codes run 50 富山 … 55 三重, then 60 滋賀), so
/// sample records can never be mistaken for a real force's. The stations lie around a fictional port city centred
/// near 35.17° N, 136.94° E. Stations, zones and hot spots are fixed: they do not depend on the seed.
public enum SamplePrefecture {
    /// The NPA prefecture code of みなと県, unused by the NPA.
    public static let prefectureCode = "58"
    /// The prefecture's Japanese name.
    public static let nameJA = "みなと県"
    /// The prefecture's English name.
    public static let nameEN = "Minato Prefecture"
    /// The first month with records (April 2023, the start of fiscal 2023).
    public static let firstMonth = YearMonth(year: 2023, month: 4)
    /// The last month with records (September 2026: half of fiscal 2026, the first half-year of blue tickets).
    public static let lastMonth = YearMonth(year: 2026, month: 9)

    /// The nine police stations (警察署), ids `58101` … `58109`.
    public static let stations: [Station] = stationSpecs.map {
        Station(id: prefectureCode + $0.code, nameJA: $0.nameJA, nameEN: $0.nameEN)
    }

    /// The 24 priority districts and routes (重点地区・路線), with the accident effect built into the data.
    public static let zones: [SampleZone] = zoneSpecs.enumerated().map { index, spec in spec.makeZone(index: index) }

    /// Accident clusters lying outside every zone: candidates a hot-spot analysis should find.
    public static let hotSpots: [SampleHotSpot] = [
        SampleHotSpot(
            name: "港北 臨港三丁目交差点付近", stationID: "58102",
            centre: stationSpecs[1].offset(east: -1_800, north: 600), radiusMetres: 120, accidentsPerMonth: 2.0),
        SampleHotSpot(
            name: "中央 南大橋西詰付近", stationID: "58101",
            centre: stationSpecs[0].offset(east: 2_000, north: -1_600), radiusMetres: 120, accidentsPerMonth: 1.8),
    ]

    /// Station facts the generator needs beyond ``Station``.
    static let stationSpecs: [StationSpec] = [
        StationSpec(code: "101", nameJA: "中央", nameEN: "Chuo", latitude: 35.1700, longitude: 136.9080, weight: 1.6),
        StationSpec(code: "102", nameJA: "港北", nameEN: "Kohoku", latitude: 35.1180, longitude: 136.8950, weight: 1.2),
        StationSpec(code: "103", nameJA: "北", nameEN: "Kita", latitude: 35.2350, longitude: 136.9150, weight: 0.9),
        StationSpec(
            code: "104", nameJA: "東町", nameEN: "Higashimachi", latitude: 35.1750, longitude: 136.9750, weight: 1.2),
        StationSpec(
            code: "105", nameJA: "西浜", nameEN: "Nishihama", latitude: 35.1550, longitude: 136.8450, weight: 0.9),
        StationSpec(
            code: "106", nameJA: "南台", nameEN: "Minamidai", latitude: 35.0950, longitude: 136.9600, weight: 1.0),
        StationSpec(
            code: "107", nameJA: "緑丘", nameEN: "Midorigaoka", latitude: 35.1350, longitude: 137.0400, weight: 0.8),
        StationSpec(code: "108", nameJA: "川原", nameEN: "Kawahara", latitude: 35.2150, longitude: 136.8600, weight: 0.9),
        StationSpec(code: "109", nameJA: "山手", nameEN: "Yamate", latitude: 35.2100, longitude: 137.0200, weight: 0.8),
    ]
}

/// A priority zone of the sample prefecture, with the accident effect built into the generated data.
public struct SampleZone: Hashable, Sendable, Identifiable {
    /// The zone as the zones files describe it.
    public let zone: Zone
    /// Bicycle accidents a month inside the zone before designation, at the standard configuration (6,000
    /// accidents); other configurations scale it.
    public let baselineAccidentsPerMonth: Double
    /// The fall in the zone's accident rate from its designation on (0.4 = 40 % fewer); 0 where designation
    /// changed nothing.
    public let accidentReduction: Double
    /// Violation codes most often seen in the zone (the published 主な違反); they dominate its enforcement.
    public let commonViolations: [String]

    /// The zone id.
    public var id: String { zone.id }
    /// Whether designation really lowered the zone's accident rate in the generated data.
    public var hasEffect: Bool { accidentReduction > 0 }
}

/// An accident cluster outside every zone (a candidate for designation).
public struct SampleHotSpot: Hashable, Sendable {
    /// A Japanese description of the place.
    public let name: String
    /// The station whose area it lies in.
    public let stationID: String
    /// The cluster's centre.
    public let centre: Coordinate
    /// Accidents fall within this distance of the centre, in metres.
    public let radiusMetres: Double
    /// Accidents a month at the standard configuration.
    public let accidentsPerMonth: Double
}

/// A station's location and relative size (its share of accidents and enforcement).
struct StationSpec: Sendable {
    let code: String
    let nameJA: String
    let nameEN: String
    let latitude: Double
    let longitude: Double
    let weight: Double

    var centre: Coordinate { Coordinate(latitude: latitude, longitude: longitude) }

    /// The coordinate `east` and `north` metres from the station.
    func offset(east: Double, north: Double) -> Coordinate {
        let origin = LocalFrame.point(centre)
        return LocalFrame.coordinate(PlanePoint(x: origin.x + east, y: origin.y + north))
    }
}
