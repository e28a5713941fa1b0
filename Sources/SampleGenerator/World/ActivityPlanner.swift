import BikePDCACore

/// Draws the operations (Do) of one month: concentrated days in every zone in force, street guidance,
/// campaigns and community patrols, with joint traffic + community operations growing over time.
enum ActivityPlanner {
    /// The share of concentrated days that community officers join, rising from 25 % to 85 %.
    static func jointShare(progress: Double) -> Double { 0.25 + 0.6 * progress }

    static func activities(
        month: YearMonth, monthIndex: Int, progress: Double, stations: [StationModel], zones: [ZoneModel], seed: UInt64
    ) -> [ActivityDraft] {
        var random = SampleRandom(seed: seed, stream: "activities", index: monthIndex)
        let monthDays = month.firstDay.dayNumber...month.lastDay.dayNumber
        let joint = jointShare(progress: progress)
        // Spring (April) and autumn (September) national traffic safety campaigns mean more operations.
        let isCampaignMonth = month.month == 4 || month.month == 9
        var result: [ActivityDraft] = []
        for stationIndex in stations.indices {
            var drafts: [ActivityDraft] = []
            let stationZones = zones.indices.filter { zones[$0].stationIndex == stationIndex }
            let active = stationZones.compactMap { index in zones[index].activeDays(in: month).map { (index, $0) } }
            for (zoneIndex, days) in active {
                // At least one concentrated day per zone per month, with the odd month missed.
                let count: Int
                if random.chance(0.04) {
                    count = 0
                } else {
                    count = random.chance(isCampaignMonth || month.month == 5 ? 0.4 : 0.15) ? 2 : 1
                }
                for _ in 0..<count {
                    drafts.append(
                        ActivityDraft(
                            date: weekday(in: days, random: &random),
                            start: random.element(of: [420, 450, 960, 990, 1020]),
                            duration: random.element(of: [90, 120, 120, 150]), stationIndex: stationIndex,
                            zoneIndex: zoneIndex, kind: .concentratedEnforcement, traffic: random.int(in: 3...7),
                            community: random.chance(joint) ? random.int(in: 2...5) : 0,
                            other: random.chance(0.05) ? 1 : 0, isNight: false))
                }
                // December: a late-evening drink-riding and lights operation at the busiest district.
                if month.month == 12, stationIndex == 0, zones[zoneIndex].zone.kind == .district,
                    zoneIndex == active.first?.0
                {
                    let day = month.firstDay.dayNumber + random.int(in: 4...19)
                    drafts.append(
                        ActivityDraft(
                            date: LocalDate(dayNumber: day), start: 1_350, duration: 120, stationIndex: stationIndex,
                            zoneIndex: zoneIndex, kind: .concentratedEnforcement, traffic: 4, community: 3, other: 0,
                            isNight: true))
                }
            }
            for _ in 0..<random.int(in: 2...4) {
                let zone = !active.isEmpty && random.chance(0.5) ? random.element(of: active) : nil
                let (traffic, community) = guidanceOfficers(progress: progress, random: &random)
                drafts.append(
                    ActivityDraft(
                        date: weekday(in: zone?.1 ?? monthDays, random: &random),
                        start: random.element(of: [420, 450, 480, 930, 960, 990]),
                        duration: random.element(of: [60, 90, 120]), stationIndex: stationIndex, zoneIndex: zone?.0,
                        kind: .streetGuidance, traffic: traffic, community: community, other: 0, isNight: false))
            }
            let campaigns: Int
            if isCampaignMonth {
                campaigns = random.int(in: 1...2)
            } else if [5, 10, 12].contains(month.month) {
                campaigns = random.chance(0.5) ? 1 : 0
            } else {
                campaigns = random.chance(0.15) ? 1 : 0
            }
            for _ in 0..<campaigns {
                let zone = !active.isEmpty && random.chance(0.3) ? random.element(of: active) : nil
                drafts.append(
                    ActivityDraft(
                        date: weekday(in: zone?.1 ?? monthDays, random: &random),
                        start: random.element(of: [600, 630, 900, 960]), duration: random.element(of: [90, 120, 180]),
                        stationIndex: stationIndex, zoneIndex: zone?.0, kind: .awarenessCampaign,
                        traffic: random.int(in: 2...4), community: random.chance(joint) ? random.int(in: 1...2) : 0,
                        other: random.int(in: 1...3), isNight: false))
            }
            for _ in 0..<random.int(in: 3...6) {
                let zone = !active.isEmpty && random.chance(0.6) ? random.element(of: active) : nil
                let days = zone?.1 ?? monthDays
                drafts.append(
                    ActivityDraft(
                        date: LocalDate(dayNumber: random.int(in: days)), start: nil,
                        duration: random.element(of: [120, 150, 180, 240]), stationIndex: stationIndex,
                        zoneIndex: zone?.0, kind: .patrol, traffic: 0, community: random.int(in: 1...2), other: 0,
                        isNight: false))
            }
            drafts.sort { lhs, rhs in
                if lhs.date != rhs.date { return lhs.date < rhs.date }
                return (lhs.start ?? 10_000) < (rhs.start ?? 10_000)
            }
            let prefix =
                "OP-" + stations[stationIndex].station.id + "-" + String(month.year)
                + (month.month < 10 ? "0" : "") + String(month.month) + "-"
            for index in drafts.indices {
                var bytes: [UInt8] = Array(prefix.utf8)
                bytes.appendDecimal(index + 1, width: 3)
                drafts[index].idBytes = bytes
                drafts[index].id = String(decoding: bytes, as: UTF8.self)
            }
            result.append(contentsOf: drafts)
        }
        return result
    }

    /// A Monday-to-Friday day in `days` (any day when the range holds no weekday).
    /// The officers of a street-guidance operation by department: joint traffic + community operations become
    /// more common as `progress` (0…1 over the data set's years) grows; the rest are one department's.
    static func guidanceOfficers(progress: Double, random: inout SampleRandom) -> (traffic: Int, community: Int) {
        let jointGuidance = 0.1 + 0.35 * progress
        let draw = random.unit()
        if draw < jointGuidance {
            let traffic = random.int(in: 2...3)
            return (traffic, random.int(in: 2...3))
        } else if draw < jointGuidance + (1 - jointGuidance) * 0.55 {
            return (random.int(in: 2...4), 0)
        } else {
            return (0, random.int(in: 2...4))
        }
    }

    static func weekday(in days: ClosedRange<Int>, random: inout SampleRandom) -> LocalDate {
        for _ in 0..<20 {
            let date = LocalDate(dayNumber: random.int(in: days))
            if date.isoWeekday <= 5 {
                return date
            }
        }
        return LocalDate(dayNumber: days.lowerBound)
    }
}
