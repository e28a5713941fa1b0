import BikePDCACore

/// A plan row of one station and month before it is written.
struct NationalPlanRow {
    let department: Department
    let zoneIndex: Int?
    let operations: Int
    let officerHours: Double
    let warnings: Int?
    let citations: Int?
    let reductionPercent: Int?
}

/// Draws one station's month: its operations (Do), its stops, its accidents and its plan rows.
///
/// Each station-month has random streams of its own (keyed by the month and the station), so its records do not
/// depend on which other stations, prefectures or months a set includes. Operations follow the sample
/// prefecture's pattern (a concentrated day or two in every zone in force, street guidance, campaigns in April and
/// September, community patrols; a late-evening operation in December at the city-centre station's first
/// district); stops and accidents follow its rules through ``RiderModel`` and ``AccidentTraits``.
struct NationalDrafter {
    let geography: NationalGeography
    let seed: UInt64
    private let riders: RiderModel
    private let accidentTraits = AccidentTraits()
    private let zoneTables: [WeightedTable]

    init(geography: NationalGeography, seed: UInt64) {
        self.geography = geography
        self.seed = seed
        let riders = RiderModel()
        self.riders = riders
        zoneTables = geography.zones.map { riders.zoneTable(commonViolations: $0.commonViolations) }
    }

    /// The zones of a station in force all month.
    func activeZones(station: Int, month: YearMonth) -> [Int] {
        geography.stations[station].zoneIndices.filter { geography.zones[$0].isActive(in: month) }
    }

    // MARK: - Operations

    /// The station's operations of the month, by date, with ids `OP-13101-201604-001` ….
    func activities(station index: Int, month: NationalMonth, activeZones: [Int]) -> [ActivityDraft] {
        let station = geography.stations[index]
        let calendarMonth = month.month
        var random = SampleRandom(
            seed: seed, stream: "national-activities",
            index: NationalTimeline.streamIndex(month: calendarMonth, station: index))
        let monthDays = calendarMonth.firstDay.dayNumber...calendarMonth.lastDay.dayNumber
        let progress = NationalTimeline.progress(calendarMonth)
        let joint = ActivityPlanner.jointShare(progress: progress)
        let isCampaignMonth = calendarMonth.month == 4 || calendarMonth.month == 9
        var drafts: [ActivityDraft] = []
        for zone in activeZones {
            let count =
                random.chance(0.04)
                ? 0 : (random.chance(isCampaignMonth || calendarMonth.month == 5 ? 0.4 : 0.15) ? 2 : 1)
            for _ in 0..<count {
                drafts.append(
                    ActivityDraft(
                        date: ActivityPlanner.weekday(in: monthDays, random: &random),
                        start: random.element(of: [420, 450, 960, 990, 1020]),
                        duration: random.element(of: [90, 120, 120, 150]), stationIndex: index, zoneIndex: zone,
                        kind: .concentratedEnforcement, traffic: random.int(in: 3...7),
                        community: random.chance(joint) ? random.int(in: 2...5) : 0,
                        other: random.chance(0.05) ? 1 : 0, isNight: false))
            }
        }
        if calendarMonth.month == 12, station.rankInArea == 0,
            let district = activeZones.first(where: { geography.zones[$0].zone.kind == .district })
        {
            drafts.append(
                ActivityDraft(
                    date: LocalDate(dayNumber: calendarMonth.firstDay.dayNumber + random.int(in: 4...19)),
                    start: 1_350, duration: 120, stationIndex: index, zoneIndex: district,
                    kind: .concentratedEnforcement, traffic: 4, community: 3, other: 0, isNight: true))
        }
        for _ in 0..<random.int(in: 2...4) {
            let zone = !activeZones.isEmpty && random.chance(0.5) ? random.element(of: activeZones) : nil
            let (traffic, community) = ActivityPlanner.guidanceOfficers(progress: progress, random: &random)
            drafts.append(
                ActivityDraft(
                    date: ActivityPlanner.weekday(in: monthDays, random: &random),
                    start: random.element(of: [420, 450, 480, 930, 960, 990]),
                    duration: random.element(of: [60, 90, 120]), stationIndex: index, zoneIndex: zone,
                    kind: .streetGuidance, traffic: traffic, community: community, other: 0, isNight: false))
        }
        let campaigns: Int
        if isCampaignMonth {
            campaigns = random.int(in: 1...2)
        } else if [5, 10, 12].contains(calendarMonth.month) {
            campaigns = random.chance(0.5) ? 1 : 0
        } else {
            campaigns = random.chance(0.15) ? 1 : 0
        }
        for _ in 0..<campaigns {
            let zone = !activeZones.isEmpty && random.chance(0.3) ? random.element(of: activeZones) : nil
            drafts.append(
                ActivityDraft(
                    date: ActivityPlanner.weekday(in: monthDays, random: &random),
                    start: random.element(of: [600, 630, 900, 960]), duration: random.element(of: [90, 120, 180]),
                    stationIndex: index, zoneIndex: zone, kind: .awarenessCampaign, traffic: random.int(in: 2...4),
                    community: random.chance(joint) ? random.int(in: 1...2) : 0, other: random.int(in: 1...3),
                    isNight: false))
        }
        for _ in 0..<random.int(in: 3...6) {
            let zone = !activeZones.isEmpty && random.chance(0.6) ? random.element(of: activeZones) : nil
            drafts.append(
                ActivityDraft(
                    date: LocalDate(dayNumber: random.int(in: monthDays)), start: nil,
                    duration: random.element(of: [120, 150, 180, 240]), stationIndex: index, zoneIndex: zone,
                    kind: .patrol, traffic: 0, community: random.int(in: 1...2), other: 0, isNight: false))
        }
        let order = drafts.indices.sorted { lhs, rhs in
            let left = drafts[lhs]
            let right = drafts[rhs]
            if left.date != right.date { return left.date < right.date }
            if (left.start ?? 10_000) != (right.start ?? 10_000) {
                return (left.start ?? 10_000) < (right.start ?? 10_000)
            }
            return lhs < rhs
        }
        var prefix: [UInt8] = Array("OP-".utf8) + station.idBytes + [0x2D]
        prefix.appendDecimal(calendarMonth.year, width: 4)
        prefix.appendDecimal(calendarMonth.month, width: 2)
        prefix.append(0x2D)
        return order.enumerated().map { sequence, index in
            var draft = drafts[index]
            var bytes = prefix
            bytes.appendDecimal(sequence + 1, width: 3)
            draft.idBytes = bytes
            draft.id = String(decoding: bytes, as: UTF8.self)
            return draft
        }
    }

    // MARK: - Stops

    /// The station's stops of the month into `drafts` (emptied first), ordered by date and time.
    func enforcement(
        station index: Int, month: NationalMonth, activeZones: [Int], activities: [ActivityDraft],
        into drafts: inout [EnforcementDraft]
    ) {
        drafts.removeAll(keepingCapacity: true)
        let calendarMonth = month.month
        var random = SampleRandom(
            seed: seed, stream: "national-enforcement",
            index: NationalTimeline.streamIndex(month: calendarMonth, station: index))
        let progress = NationalTimeline.progress(calendarMonth)
        let located = 0.68 + 0.12 * progress
        let linked = 0.35 + 0.10 * progress
        let community = NationalTimeline.communityShare(calendarMonth)
        let activityTable = activities.isEmpty ? nil : WeightedTable(activities.map(\.stopWeight))
        let zoneTable =
            activeZones.isEmpty
            ? nil : WeightedTable(activeZones.map { geography.zones[$0].baselineAccidentsPerMonth })
        for _ in 0..<month.enforcementCounts[index] {
            if let activityTable, random.chance(linked) {
                drafts.append(
                    linkedDraft(
                        activities: activities, activity: activityTable.draw(&random), station: index,
                        located: located, random: &random))
                continue
            }
            var draft = EnforcementDraft(
                date: month.days[month.enforcementDays.draw(&random)], minute: 0, stationIndex: index,
                department: .traffic, zoneIndex: nil, location: nil, violationIndex: 0, outcome: .warning,
                vehicle: .bicycle, ageBand: nil, activityIndex: nil)
            draft.department = random.chance(community) ? .community : (random.chance(0.04) ? .other : .traffic)
            draft.minute = riders.hourTable.draw(&random) * 60 + random.int(below: 60)
            if random.chance(located) {
                if let zoneTable, random.chance(0.55) {
                    let zone = activeZones[zoneTable.draw(&random)]
                    draft.zoneIndex = zone
                    draft.location = point(inZone: zone, random: &random)
                } else {
                    draft.location = backgroundPoint(station: index, spread: 900, random: &random)
                }
            }
            riders.chooseRider(
                &draft, table: draft.zoneIndex.map { zoneTables[$0] } ?? riders.baseTable, fixedTime: false,
                random: &random)
            drafts.append(draft)
        }
        drafts = NationalDrafter.chronological(drafts) { ($0.date, $0.minute) }
    }

    private func linkedDraft(
        activities: [ActivityDraft], activity index: Int, station: Int, located: Double,
        random: inout SampleRandom
    ) -> EnforcementDraft {
        let activity = activities[index]
        var draft = activity.stop(activity: index, stationIndex: station, random: &random)
        if let zone = activity.zoneIndex {
            draft.zoneIndex = zone
            if random.chance(0.92) {
                draft.location = point(inZone: zone, random: &random)
            }
        } else if random.chance(located) {
            draft.location = backgroundPoint(station: station, spread: 900, random: &random)
        }
        let table =
            activity.isNight ? riders.nightTable : (draft.zoneIndex.map { zoneTables[$0] } ?? riders.baseTable)
        riders.chooseRider(&draft, table: table, fixedTime: activity.start != nil, random: &random)
        return draft
    }

    // MARK: - Accidents

    /// The station's accidents of the month into `drafts` (emptied first), ordered by date and time: Poisson draws
    /// inside each of its zones (before and after designation, each carrying its zone id) and the month's share of
    /// accidents elsewhere in its area.
    func accidents(station index: Int, month: NationalMonth, into drafts: inout [AccidentDraft]) {
        drafts.removeAll(keepingCapacity: true)
        var random = SampleRandom(
            seed: seed, stream: "national-accidents",
            index: NationalTimeline.streamIndex(month: month.month, station: index))
        for zone in geography.stations[index].zoneIndices {
            for _ in 0..<random.poisson(month.zoneAccidentRates[zone]) {
                let location = point(inZone: zone, random: &random)
                drafts.append(
                    accidentTraits.draft(
                        on: month.days[month.accidentDays.draw(&random)], stationIndex: index, zoneIndex: zone,
                        location: location, random: &random))
            }
        }
        for _ in 0..<month.backgroundAccidents[index] {
            let location = backgroundPoint(station: index, spread: 1_000, random: &random)
            drafts.append(
                accidentTraits.draft(
                    on: month.days[month.accidentDays.draw(&random)], stationIndex: index, zoneIndex: nil,
                    location: location, random: &random))
        }
        drafts = NationalDrafter.chronological(drafts) { ($0.date, $0.minute) }
    }

    // MARK: - Plans

    /// The station's plan rows of the month: each department's total, then each zone in force (traffic always,
    /// community from fiscal 2020, when joint zone operations became the rule).
    func plans(station index: Int, month: NationalMonth, activeZones: [Int]) -> [NationalPlanRow] {
        let calendarMonth = month.month
        let progress = NationalTimeline.progress(calendarMonth)
        let joint = ActivityPlanner.jointShare(progress: progress)
        let community = NationalTimeline.communityShare(calendarMonth)
        let isCampaignMonth = calendarMonth.month == 4 || calendarMonth.month == 9
        let citationsPlanned = calendarMonth >= blueTicketStartDate.yearMonth
        let expected = Double(month.enforcementCounts[index])
        let trafficWarnings = NationalDrafter.roundedToTen(expected * (1 - community) * 0.95)
        let communityWarnings = NationalDrafter.roundedToTen(expected * community * 0.95)
        let jointZones = Int((Double(activeZones.count) * joint).rounded())
        let campaign = isCampaignMonth ? 1 : 0
        var rows = [
            NationalPlanRow(
                department: .traffic, zoneIndex: nil, operations: activeZones.count + 2 + campaign,
                officerHours: Double(activeZones.count) * 10 + 9 + Double(campaign) * 6, warnings: trafficWarnings,
                citations: citationsPlanned ? Int((Double(trafficWarnings) * 0.12).rounded()) : nil,
                reductionPercent: nil),
            NationalPlanRow(
                department: .community, zoneIndex: nil, operations: 5 + jointZones,
                officerHours: 19.5 + Double(jointZones) * 6, warnings: communityWarnings,
                citations: citationsPlanned ? Int((Double(communityWarnings) * 0.08).rounded()) : nil,
                reductionPercent: nil),
        ]
        for zone in activeZones {
            let operations = 1 + campaign
            rows.append(
                NationalPlanRow(
                    department: .traffic, zoneIndex: zone, operations: operations,
                    officerHours: Double(operations) * 10,
                    warnings: Int(10 + 6 * geography.zones[zone].baselineAccidentsPerMonth) * operations,
                    citations: citationsPlanned ? 3 * operations : nil, reductionPercent: 20))
            if calendarMonth.fiscalYear >= 2020 {
                rows.append(
                    NationalPlanRow(
                        department: .community, zoneIndex: zone, operations: 1, officerHours: 6, warnings: 8,
                        citations: citationsPlanned ? 1 : nil, reductionPercent: nil))
            }
        }
        return rows
    }

    // MARK: - Places

    private func point(inZone zone: Int, random: inout SampleRandom) -> Coordinate {
        let model = geography.zones[zone]
        return geography.stations[model.stationIndex].frame.coordinate(model.shape.drawPoint(&random, margin: 10))
    }

    private func backgroundPoint(station: Int, spread: Double, random: inout SampleRandom) -> Coordinate {
        geography.stations[station].frame.coordinate(
            geography.backgroundPoint(station: station, spread: spread, random: &random))
    }

    /// The drafts ordered by date and minute; ties keep their drawing order.
    private static func chronological<Draft>(
        _ drafts: [Draft], key: (Draft) -> (LocalDate, Int)
    ) -> [Draft] {
        let keys = drafts.map(key)
        return drafts.indices.sorted { lhs, rhs in
            if keys[lhs].0 != keys[rhs].0 { return keys[lhs].0 < keys[rhs].0 }
            if keys[lhs].1 != keys[rhs].1 { return keys[lhs].1 < keys[rhs].1 }
            return lhs < rhs
        }.map { drafts[$0] }
    }

    private static func roundedToTen(_ value: Double) -> Int {
        max(10, Int((value / 10).rounded()) * 10)
    }
}
