import BikePDCACore

/// What the metrics of one reporting period are computed from: reference data and tallies from the store.
public struct MetricsInput: Sendable {
    /// The reporting period.
    public var period: ReportingPeriod
    /// Every registered station: a station with no records in a month is reported missing.
    public var stations: [Station]
    /// Every registered zone.
    public var zones: [Zone]
    /// Plan rows overlapping the period.
    public var plans: [Plan]
    /// The period's tallies.
    public var current: PeriodTallies
    /// Accidents in the same span one year earlier (``ReportingPeriod/sameSpanPreviousYear()``).
    public var lastYearAccidents: [AccidentTally]
    /// Records delivered in that span, so its missing accident months are flagged too.
    public var lastYearCoverage: [StationMonthCount]
    /// Accidents in the same span two and three years earlier, for the 3-year average; empty to skip it.
    public var earlierYearsAccidents: [[AccidentTally]]
    /// The accident station-months delivered in those two spans, in the same order; where a span's is not given,
    /// a station-month with an accident tally counts as delivered.
    public var earlierYearsCoverage: [[StationMonthCount]]
    /// Zone accidents by hour and weekday over the reference window (default: the period and the year before),
    /// to tell whether zone enforcement fell in the hours when accidents happen.
    public var zoneAccidentTimes: [HourWeekdayTally]

    /// Creates an input bundle.
    public init(
        period: ReportingPeriod, stations: [Station], zones: [Zone], plans: [Plan], current: PeriodTallies,
        lastYearAccidents: [AccidentTally], lastYearCoverage: [StationMonthCount],
        earlierYearsAccidents: [[AccidentTally]] = [], earlierYearsCoverage: [[StationMonthCount]] = [],
        zoneAccidentTimes: [HourWeekdayTally] = []
    ) {
        self.period = period
        self.stations = stations
        self.zones = zones
        self.plans = plans
        self.current = current
        self.lastYearAccidents = lastYearAccidents
        self.lastYearCoverage = lastYearCoverage
        self.earlierYearsAccidents = earlierYearsAccidents
        self.earlierYearsCoverage = earlierYearsCoverage
        self.zoneAccidentTimes = zoneAccidentTimes
    }
}

/// Computes the Plan, Do and Check metrics (PDCAの指標) of a period, by station × department × zone and for the
/// prefecture. Pure: it sees only values, never the database.
public enum PDCAMetrics {
    /// The caveat printed with every year-on-year accident comparison.
    public static let yearOnYearNote =
        "Year-on-year accident changes in designated zones are naive comparisons: zones are chosen because their "
        + "counts were high, and high counts tend to fall back on their own (regression to the mean). Use "
        + "`bikepdca compare --method eb` before crediting a fall to the enforcement."

    /// Builds the report for `input`, broken down by `grouping` (default: station × department × zone).
    public static func report(_ input: MetricsInput, grouping: MetricsGrouping = .all) -> MetricsReport {
        let period = input.period
        let lastYear = period.sameSpanPreviousYear()
        var rows: [MetricKey: MetricsRow] = [:]
        func update(_ keys: [MetricKey], _ body: (inout MetricsRow) -> Void) {
            for key in keys { body(&rows[key, default: MetricsRow(key: key)]) }
        }
        func departmentKeys(station: String, zone: String?) -> [MetricKey] {
            guard grouping.contains(.department) else { return [] }
            return Department.allCases.map { department in
                MetricKey(
                    stationID: grouping.contains(.station) ? station : nil, department: department,
                    zoneID: grouping.contains(.zone) ? (zone ?? MetricKey.outsideZones) : nil)
            }
        }

        // Every station has its rows, even with no record at all (its months are then reported missing).
        for station in input.stations {
            update(grouping.keys(stationID: station.id, department: nil, zoneID: nil)) { _ in }
            update(departmentKeys(station: station.id, zone: nil)) { _ in }
        }

        // Plan: active zones and zone-months, then prorated plan rows.
        let concentratedDays = Dictionary(
            input.current.activities.filter { $0.kind == .concentratedEnforcement && $0.zoneID != nil }
                .map { (ZoneMonth(zoneID: $0.zoneID ?? "", month: $0.month), $0.days) }, uniquingKeysWith: +)
        for zone in input.zones where zone.isInForce(during: period) {
            var zoneMonths = 0
            var meeting = 0
            for month in period.months {
                guard
                    zone.daysInForce(from: max(month.firstDay, period.start), to: min(month.lastDay, period.end)) != nil
                else { continue }
                zoneMonths += 1
                if (concentratedDays[ZoneMonth(zoneID: zone.id, month: month)] ?? 0) >= 1 { meeting += 1 }
            }
            update(grouping.keys(stationID: zone.stationID, department: nil, zoneID: zone.id)) { row in
                row.plan.activeZones += 1
                row.done.zoneMonths += zoneMonths
                row.done.zoneMonthsMeetingMinimum += meeting
            }
            update(departmentKeys(station: zone.stationID, zone: zone.id)) { row in row.plan.activeZones += 1 }
        }
        // A plan row without a zone is the station department's total, its zone rows included (docs/DATASETS.md).
        // Zone rows count for their zones; the total counts only for what it plans beyond them (the roads outside
        // the zones), so that the station's and the prefecture's totals add every plan once.
        var stationTotals: [PlanOwner: PlanAmounts] = [:]
        var zoneSums: [PlanOwner: PlanAmounts] = [:]
        for (plan, share) in PlanCoverage.shares(of: input.plans, in: period) {
            let owner = PlanOwner(stationID: plan.stationID, department: plan.department)
            let amounts = PlanAmounts(plan, share: share)
            guard let zoneID = plan.zoneID else {
                stationTotals[owner, default: PlanAmounts()].add(amounts)
                continue
            }
            zoneSums[owner, default: PlanAmounts()].add(amounts)
            update(grouping.keys(stationID: plan.stationID, department: plan.department, zoneID: zoneID)) { row in
                amounts.apply(to: &row.plan)
            }
        }
        for (owner, total) in stationTotals.sorted(by: {
            ($0.key.stationID, $0.key.department.rawValue) < ($1.key.stationID, $1.key.department.rawValue)
        }) {
            let remainder = total.subtracting(zoneSums[owner] ?? PlanAmounts())
            update(grouping.keys(stationID: owner.stationID, department: owner.department, zoneID: nil)) { row in
                remainder.apply(to: &row.plan)
            }
        }

        // Do: operations and officer-hours, then enforcement. Each loop sums its tallies over a run of the same
        // station and zone (the store lists them that way) and updates the run's rows once: a national year has
        // 81,000 activity and 165,000 zone-time tallies for 2,900 station × zone pairs.
        forEachRun(of: input.current.activities, stationID: \.stationID, zoneID: \.zoneID) { station, zone, run in
            var sums = ActivityRunSums()
            for tally in run { sums.add(tally) }
            update(grouping.keys(stationID: station, department: nil, zoneID: zone)) { row in
                sums.addTotal(to: &row.done)
            }
            for key in departmentKeys(station: station, zone: zone) {
                guard let department = key.department else { continue }
                update([key]) { row in sums.add(department, to: &row.done) }
            }
        }
        // The tallies come month by month: counted per row (station × department × zone) first, in cells of
        // violation × outcome, then each row's counts are added to its keys (a national year: 544,000 tallies for
        // 8,800 such rows and 12,000 keys).
        var violations = ViolationCells()
        var enforcement: [EnforcementRow: EnforcementCounts] = [:]
        for tally in input.current.enforcement {
            let row = EnforcementRow(stationID: tally.stationID, department: tally.department, zoneID: tally.zoneID)
            enforcement[row, default: EnforcementCounts()].add(
                tally.count, cell: violations.cell(tally.violation, tally.outcome), inZone: tally.zoneID != nil)
        }
        var enforcementByKey: [MetricKey: EnforcementCounts] = [:]
        for (group, counts) in enforcement {
            for key in grouping.keys(stationID: group.stationID, department: group.department, zoneID: group.zoneID) {
                enforcementByKey[key, default: EnforcementCounts()].add(counts)
            }
        }
        for (key, counts) in enforcementByKey {
            update([key]) { row in violations.add(counts, to: &row.done) }
        }
        var accidentCells: [StationZone: Set<Int>] = [:]
        for tally in input.zoneAccidentTimes where tally.count > 0 {
            guard let hour = tally.hour else { continue }
            accidentCells[StationZone(tally), default: []].insert(tally.weekday * 24 + hour)
        }
        forEachRun(of: input.current.zoneEnforcementTimes, stationID: \.stationID, zoneID: \.zoneID) {
            station, zone, run in
            let cells = accidentCells[StationZone(stationID: station, zoneID: zone)] ?? []
            var withTime = 0
            var inAccidentHours = 0
            for tally in run {
                guard let hour = tally.hour else { continue }
                withTime += tally.count
                if cells.contains(tally.weekday * 24 + hour) { inAccidentHours += tally.count }
            }
            guard withTime > 0 else { return }
            update(grouping.keys(stationID: station, department: nil, zoneID: zone)) { row in
                row.done.zoneEnforcementWithTime += withTime
                row.done.zoneEnforcementInAccidentHours += inAccidentHours
            }
        }

        // Attainment: each row's operations and officer-hours as ``PlanAttainment`` counts them (a department's
        // participations, departments without a plan left out), from its department rows.
        if grouping.contains(.department) {
            var departmentRowsByKey: [MetricKey: [MetricsRow]] = [:]
            for row in rows.values where row.key.department != nil {
                departmentRowsByKey[
                    MetricKey(stationID: row.key.stationID, department: nil, zoneID: row.key.zoneID),
                    default: []
                ].append(row)
                if !row.key.isPrefecture { departmentRowsByKey[.prefecture, default: []].append(row) }
            }
            for key in Array(rows.keys) {
                let own = key.department == nil ? departmentRowsByKey[key] ?? [] : rows[key].map { [$0] } ?? []
                let attainment = PlanAttainment(departmentRows: own, isProrated: false)
                rows[key]?.done.operationParticipations = Int(attainment[.operations]?.actual ?? 0)
                rows[key]?.done.plannedDepartmentOfficerHours = attainment[.officerHours]?.actual ?? 0
            }
        }

        // Check: accidents now, last year and in the earlier years, on every row without a department.
        for key in rows.keys where key.department == nil { rows[key]?.check = CheckFigures() }
        // The accidents of a list of tallies by the department-less keys they count for, each station and zone's
        // run summed first.
        func accidentSums(_ tallies: [AccidentTally]) -> [MetricKey: CheckFigures] {
            var sums: [MetricKey: CheckFigures] = [:]
            forEachRun(of: tallies, stationID: \.stationID, zoneID: \.zoneID) { station, zone, run in
                var sum = CheckFigures()
                for tally in run {
                    sum.accidents += tally.count
                    sum.accidentsBySeverity[tally.severity.rawValue, default: 0] += tally.count
                }
                for key in grouping.keys(stationID: station, department: nil, zoneID: zone)
                where key.department == nil {
                    sums[key, default: CheckFigures()].accidents += sum.accidents
                    sums[key, default: CheckFigures()].accidentsBySeverity.merge(
                        sum.accidentsBySeverity, uniquingKeysWith: +)
                }
            }
            return sums
        }
        // Changes the check figures of `key`'s row in place (a row first met here gets empty ones).
        func updateCheck(_ key: MetricKey, _ body: (inout CheckFigures) -> Void) {
            update([key]) { row in
                if row.check == nil { row.check = CheckFigures() }
                body(&row.check!)
            }
        }
        for (key, sum) in accidentSums(input.current.accidents) {
            updateCheck(key) { check in
                check.accidents += sum.accidents
                check.accidentsBySeverity.merge(sum.accidentsBySeverity, uniquingKeysWith: +)
            }
        }
        for (key, sum) in accidentSums(input.lastYearAccidents) {
            updateCheck(key) { check in check.accidentsLastYear += sum.accidents }
        }
        // The 3-year average (3年平均): a year counts only for the months it delivered. Each station's month of the
        // span is averaged over the years that delivered it, and the months are summed; a month no year delivered
        // adds nothing and is named in a note.
        let average = ThreeYearAverage(input, lastYear: lastYear)
        if let average {
            for key in rows.keys where key.department == nil {
                let delivered = key.stationID.map(average.stationsDelivered.contains) ?? average.anyDelivered
                if delivered { rows[key]?.check?.threeYearAverage = 0 }
            }
            var sums: [MetricKey: Double] = [:]
            for (station, zones) in average.sums {
                for (zone, sum) in zones {
                    for key in grouping.keys(stationID: station, department: nil, zoneID: zone)
                    where key.department == nil {
                        sums[key, default: 0] += sum
                    }
                }
            }
            for (key, sum) in sums {
                updateCheck(key) { check in check.threeYearAverage = sum }
            }
        }
        let days = Double(period.dayCount)
        let lastYearDays = Double(lastYear.dayCount)
        for key in rows.keys {
            guard var check = rows[key]?.check else { continue }
            let now = check.accidents
            let before = check.accidentsLastYear
            check.changePercent = before > 0 ? Double(now - before) / Double(before) * 100 : nil
            if let ratio = try? PoissonRateRatio.exact(
                events1: now, exposure1: days, events2: before, exposure2: lastYearDays)
            {
                check.rateRatio = RateRatioFigure(ratio)
            }
            check.reliability = CountReliability.classify(events: now + before).rawValue
            if let target = rows[key]?.plan.targetAccidentReductionPercent, let change = check.changePercent {
                check.targetMet = change <= -target
            }
            rows[key]?.check = check
        }

        // Completeness: a station-month not delivered is missing, never zero.
        var missing: [MissingStationMonth] = []
        let delivered = DeliveredMonths(input.current.coverage)
        let deliveredLastYear = DeliveredMonths(input.lastYearCoverage)
        for station in input.stations {
            for dataset in [DatasetKind.enforcement, .accidents, .activities] {
                for month in period.months
                where !delivered.contains(dataset, StationMonth(stationID: station.id, month: month)) {
                    missing.append(
                        MissingStationMonth(dataset: dataset.rawValue, stationID: station.id, month: month.description))
                }
            }
            for month in lastYear.months
            where !deliveredLastYear.contains(.accidents, StationMonth(stationID: station.id, month: month)) {
                missing.append(
                    MissingStationMonth(
                        dataset: "accidents (last year)", stationID: station.id, month: month.description))
            }
        }
        missing.sort()
        let allMissing = missing.map(\.description)
        var missingByStation: [String: [String]] = [:]
        for item in missing { missingByStation[item.stationID, default: []].append(item.description) }
        for key in rows.keys {
            rows[key]?.missing = key.stationID.map { missingByStation[$0] ?? [] } ?? allMissing
        }

        var notes = [yearOnYearNote]
        if !missing.isEmpty {
            notes.append(
                "\(missing.count) station-month\(missing.count == 1 ? " was" : "s were") not delivered and are reported missing, not counted as zero: "
                    + "figures that depend on them are incomplete.")
        }
        if let average, average.undelivered > 0 {
            notes.append(
                "The 3-year average takes each station's month from the years that delivered it: "
                    + "\(average.undelivered) station-month\(average.undelivered == 1 ? " of the three years was" : "s of the three years were") not delivered and are left out "
                    + "rather than counted as zero"
                    + (average.neverDelivered > 0
                        ? "; \(average.neverDelivered) station-month\(average.neverDelivered == 1 ? " was" : "s were") delivered in none of them, so the average "
                            + "leaves them out and is incomplete." : "."))
        }
        if grouping.contains(.department) {
            notes.append(
                "Department rows carry no accident figures (accidents have no department) and no joint share; "
                    + "see the all-department (*) rows.")
        }
        return MetricsReport(
            period: period.label, start: period.start.description, end: period.end.description,
            lastYearPeriod: lastYear.label, rows: rows.values.sorted { $0.key < $1.key }, missing: missing,
            notes: notes)
    }
}

/// The 3-year average of accidents (3年平均) of a period's station × zone, over the same span one, two and three
/// years earlier, each year counted only for the station-months it delivered.
///
/// For a station's k-th month of the span, the accidents of the years that delivered it are summed and divided by
/// how many years did; the months are then summed. With every month delivered in every year this is the plain
/// mean of the three years' counts; a year with only October–December delivered counts for those three months
/// and never as a whole year of zeros.
struct ThreeYearAverage {
    /// Station id → zone id (`nil`: outside the zones) → average.
    var sums: [String: [String?: Double]] = [:]
    /// The stations with at least one month delivered in one of the years.
    var stationsDelivered: Set<String> = []
    /// Whether any station-month was delivered.
    var anyDelivered: Bool { !stationsDelivered.isEmpty }
    /// Registered stations' months of the three spans not delivered.
    var undelivered = 0
    /// Registered stations' months of the span delivered in none of the years.
    var neverDelivered = 0

    /// The average of `input`'s earlier years (`nil` when it asks for none).
    init?(_ input: MetricsInput, lastYear: ReportingPeriod) {
        guard !input.earlierYearsAccidents.isEmpty else { return nil }
        var spans = [lastYear]
        for _ in input.earlierYearsAccidents { spans.append((spans.last ?? lastYear).sameSpanPreviousYear()) }
        let tallies = [input.lastYearAccidents] + input.earlierYearsAccidents
        let coverage: [[StationMonthCount]?] =
            [input.lastYearCoverage]
            + input.earlierYearsAccidents.indices.map { index in
                index < input.earlierYearsCoverage.count ? input.earlierYearsCoverage[index] : nil
            }
        // Each year's delivered station × month of the span, as (station, offset from the span's first month).
        var deliveringYears: [StationOffset: Int] = [:]
        var delivered: [Set<StationMonth>] = []
        for (index, span) in spans.enumerated() {
            let months = Set(span.months)
            let keys: Set<StationMonth>
            if let given = coverage[index] {
                keys = Set(given.filter { $0.dataset == .accidents && months.contains($0.month) }.map(\.key))
            } else {
                keys = Set(tallies[index].filter { months.contains($0.month) }.map(\.stationMonth))
            }
            delivered.append(keys)
            for key in keys {
                deliveringYears[StationOffset(key, from: span), default: 0] += 1
                stationsDelivered.insert(key.stationID)
            }
        }
        for (index, span) in spans.enumerated() {
            for tally in tallies[index] where delivered[index].contains(tally.stationMonth) {
                let years = deliveringYears[StationOffset(tally.stationMonth, from: span)] ?? 1
                sums[tally.stationID, default: [:]][tally.zoneID, default: 0] += Double(tally.count) / Double(years)
            }
        }
        for station in input.stations {
            for (index, span) in spans.enumerated() {
                for month in span.months
                where !delivered[index].contains(StationMonth(stationID: station.id, month: month)) {
                    undelivered += 1
                    if index == 0
                        && deliveringYears[StationOffset(StationMonth(stationID: station.id, month: month), from: span)]
                            == nil
                    {
                        neverDelivered += 1
                    }
                }
            }
        }
    }

    /// A station and a month's place in its span (0 for the span's first month).
    private struct StationOffset: Hashable {
        let stationID: String
        let offset: Int

        init(_ key: StationMonth, from span: ReportingPeriod) {
            stationID = key.stationID
            offset = span.start.yearMonth.months(to: key.month)
        }
    }
}

/// A zone in a month.
struct ZoneMonth: Hashable {
    let zoneID: String
    let month: YearMonth
}

/// A station and zone (outside every zone when `nil`).
struct StationZone: Hashable {
    let stationID: String
    let zoneID: String?

    init(stationID: String, zoneID: String?) {
        self.stationID = stationID
        self.zoneID = zoneID
    }

    init(_ tally: HourWeekdayTally) {
        self.init(stationID: tally.stationID, zoneID: tally.zoneID)
    }
}

/// Calls `body` with each run of consecutive `items` of the same station and zone. Sums over runs equal sums
/// over the items in any order; sorted items (as the store lists them) give one run per station and zone.
func forEachRun<Item>(
    of items: [Item], stationID: (Item) -> String, zoneID: (Item) -> String?,
    _ body: (String, String?, ArraySlice<Item>) -> Void
) {
    for run in items.runRanges({ stationID($0) == stationID($1) && zoneID($0) == zoneID($1) }) {
        let first = items[run.lowerBound]
        body(stationID(first), zoneID(first), items[run])
    }
}

/// A station's department, the owner of plan rows.
private struct PlanOwner: Hashable {
    let stationID: String
    let department: Department
}

/// The planned amounts of plan rows, prorated to the period.
private struct PlanAmounts {
    var operations = 0.0
    var officerHours = 0.0
    var warnings: Double?
    var citations: Double?
    var reductionPercent: Double?

    init() {}

    init(_ plan: Plan, share: Double) {
        operations = Double(plan.plannedOperations) * share
        officerHours = plan.plannedOfficerHours * share
        warnings = plan.targetWarnings.map { Double($0) * share }
        citations = plan.targetCitations.map { Double($0) * share }
        reductionPercent = plan.targetAccidentReductionPercent
    }

    mutating func add(_ other: PlanAmounts) {
        operations += other.operations
        officerHours += other.officerHours
        if let value = other.warnings { warnings = (warnings ?? 0) + value }
        if let value = other.citations { citations = (citations ?? 0) + value }
        if let value = other.reductionPercent { reductionPercent = max(reductionPercent ?? value, value) }
    }

    /// What a station total plans beyond its zone rows (never below zero).
    func subtracting(_ zones: PlanAmounts) -> PlanAmounts {
        var result = self
        result.operations = max(0, operations - zones.operations)
        result.officerHours = max(0, officerHours - zones.officerHours)
        result.warnings = warnings.map { max(0, $0 - (zones.warnings ?? 0)) }
        result.citations = citations.map { max(0, $0 - (zones.citations ?? 0)) }
        return result
    }

    func apply(to plan: inout PlanFigures) {
        plan.plannedOperations += operations
        plan.plannedOfficerHours += officerHours
        if let warnings { plan.targetWarnings = (plan.targetWarnings ?? 0) + warnings }
        if let citations { plan.targetCitations = (plan.targetCitations ?? 0) + citations }
        if let reductionPercent {
            plan.targetAccidentReductionPercent = max(
                plan.targetAccidentReductionPercent ?? reductionPercent, reductionPercent)
        }
    }
}

/// The enforcement of one station × department × zone, whatever the month.
private struct EnforcementRow: Hashable {
    let stationID: String
    let department: Department
    let zoneID: String?
}

/// The violation × outcome pairs met so far, each numbered as a cell of ``EnforcementCounts``.
private struct ViolationCells {
    private var numbers: [String: Int] = [:]
    private var violations: [String] = []

    /// The cell of `violation` with `outcome`, numbering the violation if it is new.
    mutating func cell(_ violation: String, _ outcome: Outcome) -> Int {
        let number: Int
        if let known = numbers[violation] {
            number = known
        } else {
            number = violations.count
            numbers[violation] = number
            violations.append(violation)
        }
        return number * Outcome.allCases.count + Self.index(outcome)
    }

    /// Adds `counts` to the enforcement figures of `done` (a cell holding 0 is left out, as no record made it).
    func add(_ counts: EnforcementCounts, to done: inout DoFigures) {
        let outcomes = Outcome.allCases
        for (cell, count) in counts.cells.enumerated() where count > 0 {
            let outcome = outcomes[cell % outcomes.count]
            switch outcome {
            case .warning: done.warnings += count
            case .blueTicket: done.blueTickets += count
            case .redTicket: done.redTickets += count
            }
            done.byViolation[violations[cell / outcomes.count], default: [:]][outcome.rawValue, default: 0] += count
        }
        done.enforcementInZones += counts.inZones
    }

    private static func index(_ outcome: Outcome) -> Int {
        switch outcome {
        case .warning: 0
        case .blueTicket: 1
        case .redTicket: 2
        }
    }
}

/// Enforcement counted per cell of ``ViolationCells`` (violation × outcome), and how much of it was in zones.
private struct EnforcementCounts {
    var cells: [Int] = []
    var inZones = 0

    mutating func add(_ count: Int, cell: Int, inZone: Bool) {
        if cell >= cells.count { cells.append(contentsOf: repeatElement(0, count: cell + 1 - cells.count)) }
        cells[cell] += count
        if inZone { inZones += count }
    }

    mutating func add(_ other: EnforcementCounts) {
        if other.cells.count > cells.count {
            cells.append(contentsOf: repeatElement(0, count: other.cells.count - cells.count))
        }
        for (cell, count) in other.cells.enumerated() { cells[cell] += count }
        inZones += other.inZones
    }
}

/// The operations and officer-hours of a run of activity tallies (one station and zone), by kind and department.
private struct ActivityRunSums {
    private static let kinds = ActivityKind.allCases
    private static let departments = Department.allCases
    /// Operations by kind; `nil` for a kind no tally of the run had.
    private var operations: [Int?] = Array(repeating: nil, count: kinds.count)
    /// Operations each department took part in, by department then kind.
    private var departmentOperations: [[Int]] = Array(
        repeating: Array(repeating: 0, count: kinds.count), count: departments.count)
    /// Officer-hours by department; `nil` for a department no tally listed.
    private var officerHours: [Double?] = Array(repeating: nil, count: departments.count)
    /// Officer-hours by department, every department listed or not (for the department rows).
    private var departmentHours: [Double] = Array(repeating: 0, count: departments.count)
    private var concentratedDays = 0
    private var jointOfficerHours = 0.0
    private var allDepartmentOfficerHours = 0.0

    mutating func add(_ tally: ActivityTally) {
        let kind = Self.kinds.firstIndex(of: tally.kind) ?? 0
        operations[kind] = (operations[kind] ?? 0) + tally.operations
        if tally.kind == .concentratedEnforcement, tally.zoneID != nil { concentratedDays += tally.days }
        for (index, department) in Self.departments.enumerated() {
            departmentOperations[index][kind] += tally.operationsByDepartment[department] ?? 0
            let hours = tally.officerHours[department]
            if let hours { officerHours[index] = (officerHours[index] ?? 0) + hours }
            departmentHours[index] += hours ?? 0
        }
        jointOfficerHours += tally.jointOfficerHours
        allDepartmentOfficerHours += tally.totalOfficerHours
    }

    /// Adds the run's figures, all departments, to `done`.
    func addTotal(to done: inout DoFigures) {
        for (index, kind) in Self.kinds.enumerated() {
            if let count = operations[index] { done.operationsByKind[kind.rawValue, default: 0] += count }
        }
        for (index, department) in Self.departments.enumerated() {
            if let hours = officerHours[index] {
                done.officerHoursByDepartment[department.rawValue, default: 0] += hours
            }
        }
        // Every department's participations and hours; replaced by those of the planned departments when the
        // report breaks departments down (the attainment pass).
        for index in Self.departments.indices {
            done.operationParticipations += departmentOperations[index].reduce(0, +)
            done.plannedDepartmentOfficerHours += departmentHours[index]
        }
        done.concentratedDays += concentratedDays
        done.jointOfficerHours += jointOfficerHours
        done.allDepartmentOfficerHours += allDepartmentOfficerHours
    }

    /// Adds `department`'s part of the run (its operations by kind, its officer-hours) to `done`.
    func add(_ department: Department, to done: inout DoFigures) {
        guard let index = Self.departments.firstIndex(of: department) else { return }
        for (kindIndex, kind) in Self.kinds.enumerated() where operations[kindIndex] != nil {
            done.operationsByKind[kind.rawValue, default: 0] += departmentOperations[index][kindIndex]
        }
        done.officerHoursByDepartment[department.rawValue, default: 0] += departmentHours[index]
    }
}
