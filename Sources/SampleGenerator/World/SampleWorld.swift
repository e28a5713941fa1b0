import BikePDCACore
import Foundation

/// A station as the generator uses it.
struct StationModel: Sendable {
    let station: Station
    let spec: StationSpec
    let origin: PlanePoint
    let idBytes: [UInt8]
}

/// A zone as the generator uses it.
struct ZoneModel: Sendable {
    let sample: SampleZone
    let stationIndex: Int
    let shape: ZoneShape
    let idBytes: [UInt8]

    var zone: Zone { sample.zone }

    /// The days of `month` on which the zone is in force, or `nil` when none is.
    func activeDays(in month: YearMonth) -> ClosedRange<Int>? {
        let first = max(month.firstDay, zone.designatedFrom)
        let last = min(month.lastDay, zone.designatedTo ?? month.lastDay)
        guard first <= last else { return nil }
        return first.dayNumber...last.dayNumber
    }
}

/// An operation (Do) before it is written.
struct ActivityDraft: Sendable {
    var id = ""
    var idBytes: [UInt8] = []
    let date: LocalDate
    /// Start as minutes after midnight, or `nil` for a patrol recorded with hours only.
    let start: Int?
    /// Duration in minutes.
    let duration: Int
    let stationIndex: Int
    let zoneIndex: Int?
    let kind: ActivityKind
    let traffic: Int
    let community: Int
    let other: Int
    /// A late-evening operation (drink riding and lights), which runs past midnight.
    let isNight: Bool

    /// How many stops an operation of this kind and size tends to make, relative to others.
    var stopWeight: Double {
        let perOfficerHour: Double
        switch kind {
        case .concentratedEnforcement: perOfficerHour = 3.0
        case .streetGuidance: perOfficerHour = 1.2
        case .awarenessCampaign: perOfficerHour = 0.3
        case .patrol: perOfficerHour = 0.6
        }
        return perOfficerHour * Double(traffic + community + other) * Double(duration) / 60
    }

    /// A stop made during this operation (record `index` of its month's operations), before its zone, location
    /// and rider are chosen: a minute within the operation (a stop past midnight belongs to the next day; an
    /// operation without a start time stops in the daytime) and the department of the officer, in proportion to
    /// the officers (other departments weighted 0.3).
    func stop(activity index: Int, stationIndex: Int, random: inout SampleRandom) -> EnforcementDraft {
        var date = self.date
        var minute: Int
        if let start {
            minute = start + random.int(below: duration)
            if minute >= 1_440 {
                // Stops after midnight belong to the next day.
                minute -= 1_440
                date = date.adding(days: 1)
            }
        } else {
            minute = (9 + random.int(below: 10)) * 60 + random.int(below: 60)
        }
        let traffic = Double(traffic)
        let community = Double(community)
        let other = Double(other) * 0.3
        let draw = random.unit() * (traffic + community + other)
        let department: Department = draw < traffic ? .traffic : (draw < traffic + community ? .community : .other)
        return EnforcementDraft(
            date: date, minute: minute, stationIndex: stationIndex, department: department, zoneIndex: nil,
            location: nil, violationIndex: 0, outcome: .warning, vehicle: .bicycle, ageBand: nil,
            activityIndex: index)
    }
}

/// Everything the datasets are drawn from: the fixed prefecture and the seeded activities.
struct SampleWorld: Sendable {
    let configuration: SampleConfiguration
    let stations: [StationModel]
    let zones: [ZoneModel]
    let months: [YearMonth]
    let activities: [ActivityDraft]
    /// Indices into ``activities`` for each month index.
    let activitiesByMonth: [[Int]]

    init(configuration: SampleConfiguration) {
        self.configuration = configuration
        stations = zip(SamplePrefecture.stations, SamplePrefecture.stationSpecs).map { station, spec in
            StationModel(
                station: station, spec: spec, origin: LocalFrame.point(spec.centre), idBytes: Array(station.id.utf8))
        }
        let stationIDs = SamplePrefecture.stations.map(\.id)
        zones = SamplePrefecture.zones.map { sample in
            ZoneModel(
                sample: sample, stationIndex: stationIDs.firstIndex(of: sample.zone.stationID) ?? 0,
                shape: ZoneShape(
                    geometry: sample.zone.geometry ?? .polygon([]), bufferMetres: sample.zone.bufferMetres),
                idBytes: Array(sample.zone.id.utf8))
        }
        let monthCount = SamplePrefecture.firstMonth.months(to: SamplePrefecture.lastMonth) + 1
        months = (0..<monthCount).map { SamplePrefecture.firstMonth.adding(months: $0) }
        var all: [ActivityDraft] = []
        var byMonth: [[Int]] = []
        for (index, month) in months.enumerated() {
            let drafts = ActivityPlanner.activities(
                month: month, monthIndex: index, progress: SampleWorld.progress(index, of: monthCount),
                stations: stations, zones: zones, seed: configuration.seed)
            byMonth.append(Array(all.count..<(all.count + drafts.count)))
            all.append(contentsOf: drafts)
        }
        activities = all
        activitiesByMonth = byMonth
    }

    /// 0 in the first month, 1 in the last: drives the trends (community share, joint operations, locations).
    func progress(_ monthIndex: Int) -> Double {
        SampleWorld.progress(monthIndex, of: months.count)
    }

    static func progress(_ monthIndex: Int, of monthCount: Int) -> Double {
        monthCount > 1 ? Double(monthIndex) / Double(monthCount - 1) : 0
    }

    /// Zones of a station in force on a date.
    func activeZones(station: Int, on date: LocalDate) -> [Int] {
        zones.indices.filter { zones[$0].stationIndex == station && zones[$0].zone.isActive(on: date) }
    }

    /// A point in a station's area, outside every zone and hot spot with room to spare.
    func backgroundPoint(station: Int, spread: Double, random: inout SampleRandom) -> PlanePoint {
        let origin = stations[station].origin
        var candidate = origin
        for _ in 0..<500 {
            let dx = random.normal() * spread
            let dy = random.normal() * spread
            guard dx * dx + dy * dy <= 4 * spread * spread else { continue }
            candidate = PlanePoint(x: origin.x + dx, y: origin.y + dy)
            if isClear(candidate) {
                return candidate
            }
        }
        return candidate
    }

    /// Whether a point is at least 15 m from every zone and well away from every hot spot.
    func isClear(_ point: PlanePoint) -> Bool {
        for zone in zones where zone.shape.isNear(point, margin: 15) {
            return false
        }
        for spot in hotSpotCentres where ZoneShape.distance(point, spot.centre) < spot.radius + 150 {
            return false
        }
        return true
    }

    let hotSpotCentres: [(centre: PlanePoint, radius: Double)] = SamplePrefecture.hotSpots.map {
        (LocalFrame.point($0.centre), $0.radiusMetres)
    }
}
