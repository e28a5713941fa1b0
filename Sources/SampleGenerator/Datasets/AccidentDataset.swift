import BikePDCACore
import Foundation

/// One accident before it is written.
struct AccidentDraft {
    let date: LocalDate
    let minute: Int
    let stationIndex: Int
    let zoneIndex: Int?
    let location: Coordinate
    let severity: Severity
    let role: BicycleRole
    let counterpart: Counterpart
    let deaths: Int
    let injuries: Int
}

/// Bicycle-related accidents with the effects built in: about half the zones see 30–50 % fewer accidents after
/// designation, the others none; two clusters lie outside every zone; a gentle prefecture-wide decline (3 % a
/// year) and a season pattern apply everywhere.
///
/// Every accident has coordinates; `zone_id` is filled whenever the point lies in a zone's shape, before or after
/// its designation, so each zone's accidents can be compared across its designation date.
enum AccidentDataset {
    static let header = [
        "record_id", "date", "time", "station", "zone_id", "latitude", "longitude", "severity", "bicycle_role",
        "counterpart", "deaths", "injuries",
    ]

    /// Season factors, January first: fewer in winter and August, more in early summer and autumn.
    static let season = [0.85, 0.85, 0.95, 1.0, 1.1, 1.1, 1.05, 0.9, 1.0, 1.1, 1.05, 0.95]

    /// The prefecture-wide factor of a month: season × a 3 % yearly decline.
    static func factor(world: SampleWorld, monthIndex: Int) -> Double {
        season[world.months[monthIndex].month - 1] * pow(0.97, Double(monthIndex) / 12)
    }

    /// Expected accidents a month in a zone (the model, not the draw).
    static func expectedRate(world: SampleWorld, zone: Int, monthIndex: Int) -> Double {
        let model = world.zones[zone]
        let scale = Double(world.configuration.accidentRows) / 6_000
        let designated = world.months[monthIndex] >= model.zone.designatedFrom.yearMonth
        let effect = designated ? 1 - model.sample.accidentReduction : 1
        return model.sample.baselineAccidentsPerMonth * scale * factor(world: world, monthIndex: monthIndex) * effect
    }

    static func draws(world: SampleWorld) -> [[AccidentDraft]] {
        let scale = Double(world.configuration.accidentRows) / 6_000
        let factors = world.months.indices.map { factor(world: world, monthIndex: $0) }
        var clustered = 0.0
        for index in world.months.indices {
            clustered += world.zones.indices.reduce(0) { $0 + expectedRate(world: world, zone: $1, monthIndex: index) }
            clustered += SamplePrefecture.hotSpots.reduce(0) { $0 + $1.accidentsPerMonth * scale * factors[index] }
        }
        let background = max(0, Double(world.configuration.accidentRows) - clustered)
        let factorSum = factors.reduce(0, +)
        let stationTable = WeightedTable(world.stations.map(\.spec.weight))
        let traits = AccidentTraits()
        return world.months.indices.map { monthIndex in
            var random = SampleRandom(seed: world.configuration.seed, stream: "accidents", index: monthIndex)
            let month = world.months[monthIndex]
            let days = (month.firstDay.dayNumber...month.lastDay.dayNumber).map(LocalDate.init(dayNumber:))
            let dayTable = WeightedTable(days.map { $0.isoWeekday == 7 ? 0.7 : ($0.isoWeekday == 6 ? 0.85 : 1.1) })
            var places: [(station: Int, zone: Int?, point: PlanePoint)] = []
            for zone in world.zones.indices {
                for _ in 0..<random.poisson(expectedRate(world: world, zone: zone, monthIndex: monthIndex)) {
                    places.append(
                        (world.zones[zone].stationIndex, zone, world.zones[zone].shape.drawPoint(&random, margin: 10)))
                }
            }
            for spot in SamplePrefecture.hotSpots {
                let station = world.stations.firstIndex { $0.station.id == spot.stationID } ?? 0
                let centre = LocalFrame.point(spot.centre)
                for _ in 0..<random.poisson(spot.accidentsPerMonth * scale * factors[monthIndex]) {
                    var point = centre
                    for _ in 0..<100 {
                        let dx = random.normal() * spot.radiusMetres / 2
                        let dy = random.normal() * spot.radiusMetres / 2
                        if dx * dx + dy * dy <= spot.radiusMetres * spot.radiusMetres {
                            point = PlanePoint(x: centre.x + dx, y: centre.y + dy)
                            break
                        }
                    }
                    places.append((station, nil, point))
                }
            }
            for _ in 0..<random.poisson(background * factors[monthIndex] / factorSum) {
                let station = stationTable.draw(&random)
                places.append((station, nil, world.backgroundPoint(station: station, spread: 1_300, random: &random)))
            }
            var drafts: [AccidentDraft] = places.map { place in
                traits.draft(
                    on: days[dayTable.draw(&random)], stationIndex: place.station, zoneIndex: place.zone,
                    location: LocalFrame.coordinate(place.point), random: &random)
            }
            drafts = drafts.enumerated().sorted { lhs, rhs in
                if lhs.element.date != rhs.element.date { return lhs.element.date < rhs.element.date }
                if lhs.element.minute != rhs.element.minute { return lhs.element.minute < rhs.element.minute }
                return lhs.offset < rhs.offset
            }.map(\.element)
            return drafts
        }
    }

    /// Writes `accidents/accidents_FY2023.csv` … `accidents_FY2026.csv`.
    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        let byMonth = draws(world: world)
        var files: [SampleSummary.File] = []
        for fiscalYear in fiscalYears(of: world) {
            let path = "accidents/accidents_FY\(fiscalYear).csv"
            let file = try SampleFiles.write(
                in: directory, path: path, encoding: .utf8, dataset: .accidents, role: .data
            ) { (output) throws(SampleGeneratorError) -> Int in
                try output.write(CSVRow(header))
                var row = CSVRow()
                var sequence = 0
                for (index, month) in world.months.enumerated() where month.fiscalYear == fiscalYear {
                    for accident in byMonth[index] {
                        sequence += 1
                        var id: [UInt8] = Array("A\(fiscalYear)-".utf8)
                        id.appendDecimal(sequence, width: 5)
                        fill(
                            &row, id: id, accident: accident, stationID: world.stations[accident.stationIndex].idBytes,
                            zoneID: accident.zoneIndex.map { world.zones[$0].zone.id })
                        try output.write(row)
                    }
                }
                return sequence
            }
            files.append(file)
        }
        return files
    }

    /// Fills `row` with one accident in the columns of ``header``.
    static func fill(
        _ row: inout CSVRow, id: [UInt8], accident: AccidentDraft, stationID: [UInt8], zoneID: String?
    ) {
        row.reset()
        row.append(raw: id)
        row.append(DateText.iso(accident.date))
        row.append(minuteOfDay: accident.minute)
        row.append(raw: stationID)
        row.append(zoneID)
        row.append(accident.location)
        row.append(accident.severity.rawValue)
        row.append(accident.role.rawValue)
        row.append(accident.counterpart.rawValue)
        row.append(accident.deaths)
        row.append(accident.injuries)
    }

    /// The fiscal years the months cover, in order.
    static func fiscalYears(of world: SampleWorld) -> [Int] {
        var years: [Int] = []
        for month in world.months where years.last != month.fiscalYear {
            years.append(month.fiscalYear)
        }
        return years
    }
}

/// What an accident was like once its day and place are known: the hour (a commuting pattern on weekdays, a flatter
/// one at weekends), the other party, which party the bicycle was, severity (fatal twice as likely at night),
/// deaths and injuries, kept consistent (a fatal accident has a death, no other one has).
struct AccidentTraits: Sendable {
    private let weekdayHours = WeightedTable([
        0.3, 0.2, 0.15, 0.1, 0.1, 0.3, 1.0, 3.5, 4.5, 2.5, 2.0, 2.0, 2.0, 2.1, 2.1, 2.4, 3.0, 4.0, 4.2, 3.0, 1.8,
        1.2, 0.8, 0.5,
    ])
    private let weekendHours = WeightedTable([
        0.4, 0.3, 0.2, 0.1, 0.1, 0.2, 0.5, 1.0, 1.6, 2.2, 2.6, 2.7, 2.6, 2.6, 2.6, 2.7, 2.8, 2.8, 2.5, 1.8, 1.3,
        1.0, 0.7, 0.5,
    ])
    private let counterparts: [Counterpart] = [.car, .motorcycle, .bicycle, .pedestrian, .single, .other]
    private let counterpartTable = WeightedTable([74, 5, 6, 5, 8, 2])

    func draft(
        on date: LocalDate, stationIndex: Int, zoneIndex: Int?, location: Coordinate, random: inout SampleRandom
    ) -> AccidentDraft {
        let hours = date.isoWeekday >= 6 ? weekendHours : weekdayHours
        let minute = hours.draw(&random) * 60 + random.int(below: 60)
        let counterpart = counterparts[counterpartTable.draw(&random)]
        let role: BicycleRole
        switch counterpart {
        case .single: role = .partyA
        case .pedestrian: role = random.chance(0.9) ? .partyA : .partyB
        case .bicycle: role = random.chance(0.5) ? .partyA : .partyB
        case .car, .motorcycle:
            let draw = random.unit()
            role = draw < 0.28 ? .partyA : (draw < 0.98 ? .partyB : .otherParty)
        case .other:
            let draw = random.unit()
            role = draw < 0.35 ? .partyA : (draw < 0.7 ? .partyB : .otherParty)
        }
        let isNight = minute < 360 || minute >= 1_140
        let severityDraw = random.unit()
        let fatalShare = isNight ? 0.007 : 0.0035
        let severity: Severity =
            severityDraw < fatalShare ? .fatal : (severityDraw < fatalShare + 0.08 ? .serious : .slight)
        let deaths = severity == .fatal ? (counterpart != .single && random.chance(0.03) ? 2 : 1) : 0
        let injuries: Int
        switch severity {
        case .fatal: injuries = counterpart != .single && random.chance(0.3) ? 1 : 0
        case .serious: injuries = random.chance(0.88) ? 1 : 2
        default:
            let draw = random.unit()
            injuries = draw < 0.82 ? 1 : (draw < 0.97 ? 2 : 3)
        }
        return AccidentDraft(
            date: date, minute: minute, stationIndex: stationIndex, zoneIndex: zoneIndex, location: location,
            severity: severity, role: role, counterpart: counterpart, deaths: deaths, injuries: injuries)
    }
}
