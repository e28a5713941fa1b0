import BikePDCACore
import Foundation

/// Writes one fiscal year of the national set: `enforcement/enforcement_FY2016.csv`, `accidents/…`,
/// `activities/…` and `plans/…`, month by month and station by station, row by row (memory holds one
/// station-month at a time, whatever the year's size).
struct NationalFiscalYearWriter {
    let geography: NationalGeography
    let configuration: NationalConfiguration
    /// The stations written, in order (indices into the geography).
    let stations: [Int]
    private let drafter: NationalDrafter
    private let firstDay: Int
    private let dateBytes: [[UInt8]]
    private let violationBytes: [[UInt8]]

    init(geography: NationalGeography, configuration: NationalConfiguration, stations: [Int]) {
        self.geography = geography
        self.configuration = configuration
        self.stations = stations
        drafter = NationalDrafter(geography: geography, seed: configuration.seed)
        let first = YearMonth(year: configuration.fiscalYears.lowerBound, month: 4).firstDay.dayNumber
        // One day past the last month: late-evening stops can fall on the next day.
        let last = YearMonth(year: configuration.fiscalYears.upperBound + 1, month: 3).lastDay.dayNumber + 1
        firstDay = first
        dateBytes = (first...last).map { Array(LocalDate(dayNumber: $0).description.utf8) }
        violationBytes = ViolationType.catalogue.map { Array($0.code.utf8) }
    }

    func write(fiscalYear: Int, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        let suffix = "_FY\(fiscalYear).csv"
        let paths = [
            "enforcement/enforcement" + suffix, "accidents/accidents" + suffix, "activities/activities" + suffix,
            "plans/plans" + suffix,
        ]
        let enforcementFile = try OutputFile(url: directory.appendingPathComponent(paths[0]), encoding: .utf8)
        let accidentFile = try OutputFile(url: directory.appendingPathComponent(paths[1]), encoding: .utf8)
        let activityFile = try OutputFile(url: directory.appendingPathComponent(paths[2]), encoding: .utf8)
        let planFile = try OutputFile(url: directory.appendingPathComponent(paths[3]), encoding: .utf8)
        try enforcementFile.write(CSVRow(EnforcementFileFormat.canonicalHeader))
        try accidentFile.write(CSVRow(AccidentDataset.header))
        try activityFile.write(CSVRow(ActivityDataset.header))
        try planFile.write(CSVRow(PlanDataset.header))

        var row = CSVRow()
        var id: [UInt8] = []
        var stops: [EnforcementDraft] = []
        var accidents: [AccidentDraft] = []
        for offset in 0..<12 {
            let month = NationalMonth(
                month: YearMonth(year: fiscalYear, month: 4).adding(months: offset), geography: geography,
                configuration: configuration)
            for station in stations {
                let stationID = geography.stations[station].idBytes
                let active = drafter.activeZones(station: station, month: month.month)

                let activities = drafter.activities(station: station, month: month, activeZones: active)
                for activity in activities {
                    ActivityDataset.fill(
                        &row, activity: activity, stationID: stationID,
                        zoneID: activity.zoneIndex.map { geography.zones[$0].zone.id })
                    try activityFile.write(row)
                }

                drafter.enforcement(
                    station: station, month: month, activeZones: active, activities: activities, into: &stops)
                for (sequence, stop) in stops.enumerated() {
                    recordID(&id, letter: 0x45, month: month.month, station: stationID, sequence: sequence + 1)
                    fill(&row, id: id, stop: stop, activities: activities)
                    try enforcementFile.write(row)
                }

                drafter.accidents(station: station, month: month, into: &accidents)
                for (sequence, accident) in accidents.enumerated() {
                    recordID(&id, letter: 0x41, month: month.month, station: stationID, sequence: sequence + 1)
                    AccidentDataset.fill(
                        &row, id: id, accident: accident, stationID: stationID,
                        zoneID: accident.zoneIndex.map { geography.zones[$0].zone.id })
                    try accidentFile.write(row)
                }

                for plan in drafter.plans(station: station, month: month, activeZones: active) {
                    fill(&row, plan: plan, month: month.month, stationID: stationID)
                    try planFile.write(row)
                }
            }
        }
        var files: [SampleSummary.File] = []
        for (index, (file, dataset)) in [
            (enforcementFile, SampleDataset.enforcement), (accidentFile, .accidents), (activityFile, .activities),
            (planFile, .plans),
        ].enumerated() {
            try file.close()
            files.append(
                SampleSummary.File(
                    path: paths[index], dataset: dataset, rows: file.lineCount - 1, encoding: .utf8, role: .data))
        }
        return files
    }

    /// `E201604-13101-00001`: the letter, the month, the station and the record's number in that station-month,
    /// so a record keeps its id in every set that holds it.
    private func recordID(_ id: inout [UInt8], letter: UInt8, month: YearMonth, station: [UInt8], sequence: Int) {
        id.removeAll(keepingCapacity: true)
        id.append(letter)
        id.appendDecimal(month.year, width: 4)
        id.appendDecimal(month.month, width: 2)
        id.append(0x2D)
        id.append(contentsOf: station)
        id.append(0x2D)
        id.appendDecimal(sequence, width: 5)
    }

    /// One enforcement row in the canonical columns (``EnforcementFileFormat/canonicalHeader``).
    private func fill(_ row: inout CSVRow, id: [UInt8], stop: EnforcementDraft, activities: [ActivityDraft]) {
        row.reset()
        row.append(raw: id)
        row.append(raw: dateBytes[stop.date.dayNumber - firstDay])
        row.append(minuteOfDay: stop.minute)
        row.append(raw: geography.stations[stop.stationIndex].idBytes)
        row.append(raw: NationalFiscalYearWriter.departmentBytes[stop.department] ?? [])
        row.append(raw: stop.zoneIndex.map { geography.zones[$0].idBytes })
        row.append(stop.location)
        row.append(raw: violationBytes[stop.violationIndex])
        row.append(raw: NationalFiscalYearWriter.outcomeBytes[stop.outcome] ?? [])
        row.append(raw: NationalFiscalYearWriter.vehicleBytes[stop.vehicle] ?? [])
        row.append(raw: stop.ageBand.map { NationalFiscalYearWriter.ageBytes[$0] ?? [] })
        row.append(raw: stop.activityIndex.map { activities[$0].idBytes })
    }

    /// One plan row (``PlanDataset/header``), its period the month (`2016-04`).
    private func fill(_ row: inout CSVRow, plan: NationalPlanRow, month: YearMonth, stationID: [UInt8]) {
        row.reset()
        row.append(month.description)
        row.append(raw: stationID)
        row.append(plan.department.rawValue)
        row.append(raw: plan.zoneIndex.map { geography.zones[$0].idBytes })
        row.append(plan.operations)
        row.append(ReferenceDataset.number(plan.officerHours))
        row.append(plan.warnings)
        row.append(plan.citations)
        row.append(plan.reductionPercent)
    }

    private static let departmentBytes = Dictionary(
        uniqueKeysWithValues: Department.allCases.map { ($0, Array($0.rawValue.utf8)) })
    private static let outcomeBytes = Dictionary(
        uniqueKeysWithValues: Outcome.allCases.map { ($0, Array($0.rawValue.utf8)) })
    private static let vehicleBytes = Dictionary(
        uniqueKeysWithValues: VehicleClass.allCases.map { ($0, Array($0.rawValue.utf8)) })
    private static let ageBytes = Dictionary(
        uniqueKeysWithValues: AgeBand.allCases.map { ($0, Array($0.rawValue.utf8)) })
}
