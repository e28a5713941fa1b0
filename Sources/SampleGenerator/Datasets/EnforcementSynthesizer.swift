import BikePDCACore
import Foundation

/// One enforcement record before it is written.
struct EnforcementDraft {
    var date: LocalDate
    var minute: Int
    var stationIndex: Int
    var department: Department
    var zoneIndex: Int?
    var location: Coordinate?
    var violationIndex: Int
    var outcome: Outcome
    var vehicle: VehicleClass
    var ageBand: AgeBand?
    var activityIndex: Int?
}

/// Where record locations come from: fresh draws (the sample set) or fixed pools (the benchmark, for speed).
struct LocationSource {
    private let zonePools: [[Coordinate]]
    private let stationPools: [[Coordinate]]
    private let world: SampleWorld

    /// Fresh draws for every record.
    init(world: SampleWorld) {
        self.world = world
        zonePools = []
        stationPools = []
    }

    /// Pools of `size` points per zone and per station, drawn once.
    init(world: SampleWorld, poolSize: Int, random: inout SampleRandom) {
        self.world = world
        zonePools = world.zones.map { zone in
            (0..<poolSize).map { _ in LocalFrame.coordinate(zone.shape.drawPoint(&random, margin: 10)) }
        }
        stationPools = world.stations.indices.map { station in
            (0..<poolSize).map { _ in
                LocalFrame.coordinate(world.backgroundPoint(station: station, spread: 1_200, random: &random))
            }
        }
    }

    func point(inZone zone: Int, random: inout SampleRandom) -> Coordinate {
        if zonePools.isEmpty {
            return LocalFrame.coordinate(world.zones[zone].shape.drawPoint(&random, margin: 10))
        }
        return random.element(of: zonePools[zone])
    }

    func point(nearStation station: Int, random: inout SampleRandom) -> Coordinate {
        if stationPools.isEmpty {
            return LocalFrame.coordinate(world.backgroundPoint(station: station, spread: 1_200, random: &random))
        }
        return random.element(of: stationPools[station])
    }
}

/// The month's circumstances that shape its records.
struct EnforcementMonth {
    let index: Int
    let month: YearMonth
    let progress: Double
    let days: [LocalDate]
    let dayTable: WeightedTable
    let activityIndices: [Int]
    let activityTable: WeightedTable?
    /// Zones of each station in force all month (designations start on the 1st and end on a month's last day).
    let activeZones: [[Int]]
    let activeZoneTables: [WeightedTable?]
}

/// Draws enforcement records: who stopped whom, where, when, for what, with which outcome.
///
/// Shared by the sample set and the benchmark; the rules every record keeps (blue tickets only from 2026-04-01,
/// e-scooters only from 2023-07-01, …) are ``RiderModel``'s.
struct EnforcementSynthesizer {
    let world: SampleWorld
    let locations: LocationSource

    private let riders: RiderModel
    private let zoneTables: [WeightedTable]
    private let stationTable: WeightedTable

    init(world: SampleWorld, locations: LocationSource) {
        self.world = world
        self.locations = locations
        let riders = RiderModel()
        self.riders = riders
        zoneTables = world.zones.map { riders.zoneTable(commonViolations: $0.sample.commonViolations) }
        stationTable = WeightedTable(world.stations.map(\.spec.weight))
    }

    /// Relative enforcement volume of each month: rising after the directive, seasonal, and a jump when blue
    /// tickets start.
    func monthWeights() -> [Double] {
        world.months.enumerated().map { index, month in
            let season: Double
            switch month.month {
            case 4, 5, 9, 10: season = 1.15
            case 12: season = 1.1
            case 1, 2, 8: season = 0.85
            default: season = 1.0
            }
            let blueStart = month >= blueTicketStartDate.yearMonth ? 1.15 : 1.0
            return (1 + 0.5 * world.progress(index)) * season * blueStart
        }
    }

    /// Splits `total` records over the months in proportion to ``monthWeights()``, summing exactly to `total`.
    func monthCounts(total: Int) -> [Int] {
        let weights = monthWeights()
        let sum = weights.reduce(0, +)
        var running = 0.0
        var previous = 0
        return weights.map { weight in
            running += weight
            let cumulative = Int((Double(total) * running / sum).rounded())
            defer { previous = cumulative }
            return cumulative - previous
        }
    }

    func context(monthIndex: Int) -> EnforcementMonth {
        let month = world.months[monthIndex]
        let days = (month.firstDay.dayNumber...month.lastDay.dayNumber).map(LocalDate.init(dayNumber:))
        let dayWeights = days.map { day -> Double in
            switch day.isoWeekday {
            case 6: 0.8
            case 7: 0.6
            default: 1.1
            }
        }
        let activityIndices = world.activitiesByMonth[monthIndex]
        let activityWeights = activityIndices.map { world.activities[$0].stopWeight }
        let activeZones = world.stations.indices.map { station in
            world.zones.indices.filter {
                world.zones[$0].stationIndex == station && world.zones[$0].activeDays(in: month) != nil
            }
        }
        return EnforcementMonth(
            index: monthIndex, month: month, progress: world.progress(monthIndex), days: days,
            dayTable: WeightedTable(dayWeights), activityIndices: activityIndices,
            activityTable: activityWeights.isEmpty ? nil : WeightedTable(activityWeights), activeZones: activeZones,
            activeZoneTables: activeZones.map { zones in
                zones.isEmpty ? nil : WeightedTable(zones.map { world.zones[$0].sample.baselineAccidentsPerMonth })
            })
    }

    /// Draws one record of the month.
    func draft(in month: EnforcementMonth, random: inout SampleRandom) -> EnforcementDraft {
        let progress = month.progress
        let locatedShare = 0.68 + 0.12 * progress
        let linkedShare = 0.35 + 0.10 * progress
        if let activityTable = month.activityTable, random.chance(linkedShare) {
            return linkedDraft(
                month: month, activity: month.activityIndices[activityTable.draw(&random)],
                locatedShare: locatedShare, random: &random)
        }
        var draft = EnforcementDraft(
            date: month.days[month.dayTable.draw(&random)], minute: 0, stationIndex: stationTable.draw(&random),
            department: .traffic, zoneIndex: nil, location: nil, violationIndex: 0, outcome: .warning,
            vehicle: .bicycle, ageBand: nil, activityIndex: nil)
        let communityShare = 0.22 + 0.28 * progress
        draft.department = random.chance(communityShare) ? .community : (random.chance(0.04) ? .other : .traffic)
        let hour = riders.hourTable.draw(&random)
        draft.minute = hour * 60 + random.int(below: 60)
        if random.chance(locatedShare) {
            if let table = month.activeZoneTables[draft.stationIndex], random.chance(0.55) {
                let zone = month.activeZones[draft.stationIndex][table.draw(&random)]
                // Designations start on a month's first day and end on its last, so this always holds for the
                // sample's zones; the check keeps a mid-month designation from producing a stop in a zone not in force.
                if world.zones[zone].zone.isActive(on: draft.date) {
                    draft.zoneIndex = zone
                    draft.location = locations.point(inZone: zone, random: &random)
                } else {
                    draft.location = locations.point(nearStation: draft.stationIndex, random: &random)
                }
            } else {
                draft.location = locations.point(nearStation: draft.stationIndex, random: &random)
            }
        }
        riders.chooseRider(
            &draft, table: draft.zoneIndex.map { zoneTables[$0] } ?? riders.baseTable, fixedTime: false,
            random: &random)
        return draft
    }

    private func linkedDraft(
        month: EnforcementMonth, activity index: Int, locatedShare: Double,
        random: inout SampleRandom
    ) -> EnforcementDraft {
        let activity = world.activities[index]
        var draft = activity.stop(activity: index, stationIndex: activity.stationIndex, random: &random)
        if let zone = activity.zoneIndex, world.zones[zone].zone.isActive(on: draft.date) {
            draft.zoneIndex = zone
            if random.chance(0.92) {
                draft.location = locations.point(inZone: zone, random: &random)
            }
        } else if random.chance(locatedShare) {
            draft.location = locations.point(nearStation: activity.stationIndex, random: &random)
        }
        let table =
            activity.isNight ? riders.nightTable : (draft.zoneIndex.map { zoneTables[$0] } ?? riders.baseTable)
        riders.chooseRider(&draft, table: table, fixedTime: activity.start != nil, random: &random)
        return draft
    }
}
