// Aggregated counts of records, as the store computes them in SQL and the analytics consume them.
//
// Every tally is keyed by station and month (and, where it applies, department, zone and codes): the unit a
// station delivers its records in, so that a month a station has not delivered can be told from a zero.
// `zoneID` is `nil` for records outside every zone (or not attributed to one).

/// Warnings and tickets (指導取締り) counted by station × department × zone × month × outcome × violation.
public struct EnforcementTally: Hashable, Sendable {
    /// The station (警察署) id.
    public let stationID: String
    /// The department (部門) that made the stops.
    public let department: Department
    /// The zone the stops were made in, or `nil` outside every zone.
    public let zoneID: String?
    /// The month of the stops.
    public let month: YearMonth
    /// Warning (指導警告), blue ticket (青切符) or red ticket (赤切符).
    public let outcome: Outcome
    /// The ``ViolationType`` code.
    public let violation: String
    /// The number of records.
    public let count: Int

    /// Creates a tally.
    public init(
        stationID: String, department: Department, zoneID: String?, month: YearMonth, outcome: Outcome,
        violation: String, count: Int
    ) {
        self.stationID = stationID
        self.department = department
        self.zoneID = zoneID
        self.month = month
        self.outcome = outcome
        self.violation = violation
        self.count = count
    }
}

/// Bicycle accidents (自転車関連事故) counted by station × zone × month × severity.
public struct AccidentTally: Hashable, Sendable {
    /// The station (警察署) id.
    public let stationID: String
    /// The zone the accident happened in, or `nil` outside every zone.
    public let zoneID: String?
    /// The month of the accidents.
    public let month: YearMonth
    /// Fatal, serious, slight or injury of unknown degree.
    public let severity: Severity
    /// The number of accidents.
    public let count: Int

    /// Creates a tally.
    public init(stationID: String, zoneID: String?, month: YearMonth, severity: Severity, count: Int) {
        self.stationID = stationID
        self.zoneID = zoneID
        self.month = month
        self.severity = severity
        self.count = count
    }

    /// The station and month counted.
    public var stationMonth: StationMonth { StationMonth(stationID: stationID, month: month) }
}

/// Records counted by hour of the day and ISO weekday, for one station and zone (the "when" of accidents and
/// of enforcement).
public struct HourWeekdayTally: Hashable, Sendable {
    /// The station (警察署) id.
    public let stationID: String
    /// The zone, or `nil` outside every zone.
    public let zoneID: String?
    /// Hour of the day 0…23, or `nil` when the record has no time.
    public let hour: Int?
    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public let weekday: Int
    /// The number of records.
    public let count: Int

    /// Creates a tally.
    public init(stationID: String, zoneID: String?, hour: Int?, weekday: Int, count: Int) {
        self.stationID = stationID
        self.zoneID = zoneID
        self.hour = hour
        self.weekday = weekday
        self.count = count
    }
}

/// Operations held (活動実績) summed by station × zone × month × kind.
public struct ActivityTally: Hashable, Sendable {
    /// The station (警察署) id.
    public let stationID: String
    /// The zone, or `nil` for operations outside every zone.
    public let zoneID: String?
    /// The month of the operations.
    public let month: YearMonth
    /// Concentrated enforcement, street guidance, campaign or patrol.
    public let kind: ActivityKind
    /// Operations held.
    public let operations: Int
    /// Operations with both traffic and community officers (合同).
    public let jointOperations: Int
    /// Operations each department took part in (an operation counts for every department present).
    public let operationsByDepartment: [Department: Int]
    /// Officer-hours (人時間) by department: officers × hours.
    public let officerHours: [Department: Double]
    /// Officer-hours, all departments, of the joint operations.
    public let jointOfficerHours: Double
    /// Distinct days with at least one operation of this kind.
    public let days: Int

    /// Creates a tally.
    public init(
        stationID: String, zoneID: String?, month: YearMonth, kind: ActivityKind, operations: Int,
        jointOperations: Int, operationsByDepartment: [Department: Int], officerHours: [Department: Double],
        jointOfficerHours: Double, days: Int
    ) {
        self.stationID = stationID
        self.zoneID = zoneID
        self.month = month
        self.kind = kind
        self.operations = operations
        self.jointOperations = jointOperations
        self.operationsByDepartment = operationsByDepartment
        self.officerHours = officerHours
        self.jointOfficerHours = jointOfficerHours
        self.days = days
    }

    /// Officer-hours of all departments.
    public var totalOfficerHours: Double { officerHours.values.reduce(0, +) }
}

/// A station and a month (署 × 月): the unit in which stations deliver their records. A pair absent from a
/// delivery is missing data, never zero.
public struct StationMonth: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The station (警察署) id.
    public let stationID: String
    /// The month.
    public let month: YearMonth

    /// Creates the key.
    public init(stationID: String, month: YearMonth) {
        self.stationID = stationID
        self.month = month
    }

    /// `58101 2025-04`.
    public var description: String { "\(stationID) \(month)" }

    public static func < (lhs: StationMonth, rhs: StationMonth) -> Bool {
        (lhs.stationID, lhs.month) < (rhs.stationID, rhs.month)
    }
}

/// The station-months delivered, per dataset: what a period's figures can be trusted for.
public struct DeliveredMonths: Sendable {
    private var keys: [DatasetKind: Set<StationMonth>] = [:]

    /// The station-months of `coverage` (every count, even of zero records, is a delivery).
    public init(_ coverage: [StationMonthCount]) {
        for count in coverage { keys[count.dataset, default: []].insert(count.key) }
    }

    /// Whether `dataset` has records for `key`.
    public func contains(_ dataset: DatasetKind, _ key: StationMonth) -> Bool {
        keys[dataset]?.contains(key) ?? false
    }
}

/// How many records a station delivered for one month of a monthly dataset (0 never appears: a station-month
/// without records has no tally and is missing).
public struct StationMonthCount: Hashable, Sendable {
    /// Enforcement, accidents or activities.
    public let dataset: DatasetKind
    /// The station (警察署) id.
    public let stationID: String
    /// The month.
    public let month: YearMonth
    /// Records delivered.
    public let records: Int

    /// Creates a count.
    public init(dataset: DatasetKind, stationID: String, month: YearMonth, records: Int) {
        self.dataset = dataset
        self.stationID = stationID
        self.month = month
        self.records = records
    }

    /// The station and month counted.
    public var key: StationMonth { StationMonth(stationID: stationID, month: month) }
}

/// Located accidents counted per quarter-mesh cell (4分の1地域メッシュ, JIS X 0410), for hot-spot analysis.
///
/// `row` and `column` count quarter-mesh steps (7.5″ of latitude, 11.25″ of longitude) north of the equator and
/// east of 100° E: the cell's south-west corner is (row / 480°, 100° + column / 320°).
public struct GridCellTally: Hashable, Sendable {
    /// Quarter-mesh row: ⌊latitude × 480⌋.
    public let row: Int
    /// Quarter-mesh column: ⌊(longitude − 100) × 320⌋.
    public let column: Int
    /// Accidents in the cell.
    public let count: Int
    /// Of which fatal or serious (死亡・重傷).
    public let fatalOrSerious: Int

    /// Creates a tally.
    public init(row: Int, column: Int, count: Int, fatalOrSerious: Int) {
        self.row = row
        self.column = column
        self.count = count
        self.fatalOrSerious = fatalOrSerious
    }
}

/// Everything the Plan, Do and Check metrics of one reporting period need, aggregated.
public struct PeriodTallies: Sendable {
    /// The first day covered.
    public let start: LocalDate
    /// The last day covered.
    public let end: LocalDate
    /// Enforcement in the period.
    public var enforcement: [EnforcementTally]
    /// Accidents in the period.
    public var accidents: [AccidentTally]
    /// Operations in the period.
    public var activities: [ActivityTally]
    /// Records delivered per dataset × station × month.
    public var coverage: [StationMonthCount]
    /// Enforcement inside zones by hour and weekday.
    public var zoneEnforcementTimes: [HourWeekdayTally]

    /// Creates a bundle of tallies for the period `start`…`end`.
    public init(
        start: LocalDate, end: LocalDate, enforcement: [EnforcementTally], accidents: [AccidentTally],
        activities: [ActivityTally], coverage: [StationMonthCount],
        zoneEnforcementTimes: [HourWeekdayTally]
    ) {
        self.start = start
        self.end = end
        self.enforcement = enforcement
        self.accidents = accidents
        self.activities = activities
        self.coverage = coverage
        self.zoneEnforcementTimes = zoneEnforcementTimes
    }

    /// Creates a bundle whose ``coverage`` is counted from the tallies themselves: a station-month with a
    /// tally in a dataset was delivered (activities count operations).
    public init(
        start: LocalDate, end: LocalDate, enforcement: [EnforcementTally], accidents: [AccidentTally],
        activities: [ActivityTally], zoneEnforcementTimes: [HourWeekdayTally]
    ) {
        var delivered: [StationMonthCount] = []
        func add(_ dataset: DatasetKind, _ items: [(String, YearMonth, Int)]) {
            var sums: [String: [YearMonth: Int]] = [:]
            for (station, month, count) in items { sums[station, default: [:]][month, default: 0] += count }
            for (station, months) in sums.sorted(by: { $0.key < $1.key }) {
                for (month, count) in months.sorted(by: { $0.key < $1.key }) {
                    delivered.append(
                        StationMonthCount(dataset: dataset, stationID: station, month: month, records: count))
                }
            }
        }
        add(.enforcement, enforcement.map { ($0.stationID, $0.month, $0.count) })
        add(.accidents, accidents.map { ($0.stationID, $0.month, $0.count) })
        add(.activities, activities.map { ($0.stationID, $0.month, $0.operations) })
        self.init(
            start: start, end: end, enforcement: enforcement, accidents: accidents, activities: activities,
            coverage: delivered, zoneEnforcementTimes: zoneEnforcementTimes)
    }
}
