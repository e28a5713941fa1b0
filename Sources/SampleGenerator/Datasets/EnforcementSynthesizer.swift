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
/// Shared by the sample set and the benchmark so both follow the same rules: blue tickets only from 2026-04-01,
/// to riders aged 16 and over, never for drink riding; e-scooters only from 2023-07-01 (the class began then).
struct EnforcementSynthesizer {
    let world: SampleWorld
    let locations: LocationSource

    private let baseTable: WeightedTable
    private let zoneTables: [WeightedTable]
    private let nightTable: WeightedTable
    private let scooterTable: WeightedTable
    private let hourTable = WeightedTable([
        0.2, 0.1, 0.05, 0.05, 0.05, 0.2, 1.5, 9, 12, 4, 2.5, 2.5, 2.5, 2.5, 3, 4.5, 8, 11, 9, 5, 3, 2, 1, 0.5,
    ])
    /// Hours after dark, for riding without lights.
    private let eveningHours = [17, 18, 19, 20, 21, 22, 23, 0, 5]
    private let eveningTable = WeightedTable([3, 8, 10, 8, 6, 4, 2, 1, 0.5])
    /// Hours of drink riding.
    private let drinkHours = [19, 20, 21, 22, 23, 0, 1, 2]
    private let drinkTable = WeightedTable([3, 5, 6, 6, 5, 4, 3, 1])
    private let stationTable: WeightedTable
    private let ageTable = WeightedTable([12, 22, 18, 12, 12, 13, 11])
    private let adultAgeTable = WeightedTable([0, 0, 20, 22, 22, 22, 14])
    private let scooterAgeTable = WeightedTable([0, 10, 35, 25, 15, 10, 5])
    private let blueShare: [Double]
    private let stopIndex: Int
    private let signalIndex: Int
    private let phoneIndex: Int
    private let drinkIndex: Int
    private let noLightIndex: Int

    init(world: SampleWorld, locations: LocationSource) {
        self.world = world
        self.locations = locations
        func weights(_ pairs: [String: Double]) -> [Double] {
            ViolationType.catalogue.map { pairs[$0.code] ?? 0 }
        }
        let base: [String: Double] = [
            "phone": 14, "crossing": 0.4, "crossing-stop": 0.4, "signal": 18, "lane": 12, "speeding": 0.3,
            "stop": 22, "brakes": 1.5, "psc-rules": 10, "no-light": 12, "child-obstruction": 0.2,
            "sidewalk-obstruction": 2.5, "side-by-side": 3, "two-riders": 3, "drink": 0.35, "other": 1.2,
        ]
        baseTable = WeightedTable(weights(base))
        zoneTables = world.zones.map { zone in
            var boosted = base
            for code in zone.sample.commonViolations {
                boosted[code, default: 0] += 25
            }
            return WeightedTable(weights(boosted))
        }
        nightTable = WeightedTable(
            weights([
                "no-light": 40, "drink": 8, "signal": 15, "phone": 8, "lane": 8, "psc-rules": 5, "stop": 6,
                "two-riders": 2, "other": 1,
            ]))
        scooterTable = WeightedTable(
            weights([
                "lane": 30, "signal": 20, "sidewalk-obstruction": 15, "speeding": 10, "phone": 10, "stop": 10,
                "drink": 2, "other": 3,
            ]))
        stationTable = WeightedTable(world.stations.map(\.spec.weight))
        // Share of riders aged 16+ given a blue ticket rather than a warning, from 2026-04-01.
        let blue: [String: Double] = [
            "phone": 0.45, "crossing": 0.5, "crossing-stop": 0.3, "signal": 0.35, "lane": 0.15, "speeding": 0.3,
            "stop": 0.25, "brakes": 0.2, "psc-rules": 0.12, "no-light": 0.12, "child-obstruction": 0.2,
            "sidewalk-obstruction": 0.1, "side-by-side": 0.08, "two-riders": 0.1,
        ]
        blueShare = ViolationType.catalogue.map { $0.bluePenaltyYen == nil ? 0 : blue[$0.code] ?? 0 }
        let codes = ViolationType.catalogue.map(\.code)
        stopIndex = codes.firstIndex(of: "stop") ?? 0
        signalIndex = codes.firstIndex(of: "signal") ?? 0
        phoneIndex = codes.firstIndex(of: "phone") ?? 0
        drinkIndex = codes.firstIndex(of: "drink") ?? 0
        noLightIndex = codes.firstIndex(of: "no-light") ?? 0
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
        let hour = hourTable.draw(&random)
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
        chooseRider(
            &draft, table: draft.zoneIndex.map { zoneTables[$0] } ?? baseTable, fixedTime: false,
            random: &random)
        return draft
    }

    private func linkedDraft(
        month: EnforcementMonth, activity index: Int, locatedShare: Double,
        random: inout SampleRandom
    ) -> EnforcementDraft {
        let activity = world.activities[index]
        var date = activity.date
        var minute: Int
        if let start = activity.start {
            minute = start + random.int(below: activity.duration)
            if minute >= 1_440 {
                // Stops after midnight belong to the next day.
                minute -= 1_440
                date = date.adding(days: 1)
            }
        } else {
            minute = (9 + random.int(below: 10)) * 60 + random.int(below: 60)
        }
        let traffic = Double(activity.traffic)
        let community = Double(activity.community)
        let other = Double(activity.other) * 0.3
        let draw = random.unit() * (traffic + community + other)
        let department: Department = draw < traffic ? .traffic : (draw < traffic + community ? .community : .other)
        var draft = EnforcementDraft(
            date: date, minute: minute, stationIndex: activity.stationIndex, department: department, zoneIndex: nil,
            location: nil, violationIndex: 0, outcome: .warning, vehicle: .bicycle, ageBand: nil,
            activityIndex: index)
        if let zone = activity.zoneIndex, world.zones[zone].zone.isActive(on: date) {
            draft.zoneIndex = zone
            if random.chance(0.92) {
                draft.location = locations.point(inZone: zone, random: &random)
            }
        } else if random.chance(locatedShare) {
            draft.location = locations.point(nearStation: activity.stationIndex, random: &random)
        }
        let table = activity.isNight ? nightTable : (draft.zoneIndex.map { zoneTables[$0] } ?? baseTable)
        chooseRider(&draft, table: table, fixedTime: activity.start != nil, random: &random)
        return draft
    }

    /// Vehicle, violation, age band and outcome, keeping them consistent with each other and with the time.
    private func chooseRider(
        _ draft: inout EnforcementDraft, table: WeightedTable, fixedTime: Bool,
        random: inout SampleRandom
    ) {
        // The e-scooter class (特定小型原付) began on 2023-07-01; its share grows from 1.5 % to about 7 %.
        let scooterStart = 19_539  // 2023-07-01
        let daysSinceStart = draft.date.dayNumber - scooterStart
        let scooterShare = daysSinceStart < 0 ? 0 : 0.015 + 0.055 * min(1, Double(daysSinceStart) / 1_000)
        draft.vehicle = random.chance(scooterShare) ? .specifiedSmallMotorised : .bicycle
        var violation = draft.vehicle == .bicycle ? table.draw(&random) : scooterTable.draw(&random)
        let hour = draft.minute / 60
        let isDark = hour >= 17 || hour < 6
        let isDrinkHour = hour >= 19 || hour < 3
        if violation == noLightIndex && !isDark {
            if fixedTime {
                violation = stopIndex
            } else {
                draft.minute = eveningHours[eveningTable.draw(&random)] * 60 + random.int(below: 60)
            }
        }
        if violation == drinkIndex && !isDrinkHour {
            if fixedTime {
                violation = signalIndex
            } else {
                draft.minute = drinkHours[drinkTable.draw(&random)] * 60 + random.int(below: 60)
            }
        }
        draft.violationIndex = violation
        let ageIndex: Int
        if violation == drinkIndex {
            ageIndex = adultAgeTable.draw(&random)
        } else if draft.vehicle == .specifiedSmallMotorised {
            ageIndex = scooterAgeTable.draw(&random)
        } else {
            ageIndex = ageTable.draw(&random)
        }
        let age = AgeBand.allCases[ageIndex]
        draft.outcome = outcome(violation: violation, age: age, date: draft.date, random: &random)
        // Ages go unrecorded now and then, but never on a citation.
        draft.ageBand = draft.outcome == .warning && random.chance(0.04) ? nil : age
    }

    private func outcome(violation: Int, age: AgeBand, date: LocalDate, random: inout SampleRandom) -> Outcome {
        if violation == drinkIndex {
            return .redTicket
        }
        if age == .under16 {
            return .warning
        }
        if violation == signalIndex && random.chance(date >= blueTicketStartDate ? 0.005 : 0.015) {
            return .redTicket
        }
        if violation == phoneIndex && date < blueTicketStartDate && random.chance(0.003) {
            return .redTicket
        }
        if date >= blueTicketStartDate && random.chance(blueShare[violation]) {
            return .blueTicket
        }
        return .warning
    }
}
