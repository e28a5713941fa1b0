import BikePDCACore

/// Plan figures (計画) of one row: what was designated and planned for the period.
public struct PlanFigures: Sendable, Equatable, Encodable {
    /// Zones designated and in force on at least one day of the period.
    public var activeZones: Int = 0
    /// Planned operations, each plan row prorated by the share of its days that fall in the period.
    public var plannedOperations: Double = 0
    /// Planned officer-hours (計画人時間), prorated like ``plannedOperations``.
    public var plannedOfficerHours: Double = 0
    /// Target warnings (指導警告目標), prorated; `nil` when no plan row sets one.
    public var targetWarnings: Double?
    /// Target citations (検挙目標), prorated; `nil` when no plan row sets one.
    public var targetCitations: Double?
    /// The most ambitious accident-reduction target (%) among the plan rows; `nil` when none sets one.
    public var targetAccidentReductionPercent: Double?

    /// Creates empty figures.
    public init() {}
}

/// Do figures (実施): what was actually done in the period.
public struct DoFigures: Sendable, Equatable, Encodable {
    /// Operations held, by ``ActivityKind`` code (`concentrated`, `guidance`, `campaign`, `patrol`).
    public var operationsByKind: [String: Int] = [:]
    /// Operations counted once per department taking part (参加回数), departments without a planned operation left
    /// out: a joint operation (合同) counts for each of its departments, as each department's plan counts it. The
    /// numerator of operations attainment (``PlanAttainment``); 0 when departments are not broken down.
    public var operationParticipations: Int = 0
    /// Officer-hours of the departments with planned officer-hours: the numerator of officer-hours attainment
    /// (``PlanAttainment``); 0 when departments are not broken down.
    public var plannedDepartmentOfficerHours: Double = 0
    /// Concentrated-enforcement days (集中取締り日), summed over zone-months.
    public var concentratedDays: Int = 0
    /// Zone-months in force within the period.
    public var zoneMonths: Int = 0
    /// Zone-months with at least one concentrated-enforcement day (the national minimum).
    public var zoneMonthsMeetingMinimum: Int = 0
    /// Officer-hours (人時間) by department code.
    public var officerHoursByDepartment: [String: Double] = [:]
    /// Officer-hours, all departments, of joint traffic + community operations (合同).
    public var jointOfficerHours: Double = 0
    /// Officer-hours of all departments in the operations counted (the joint share's denominator).
    public var allDepartmentOfficerHours: Double = 0
    /// Warnings (指導警告).
    public var warnings: Int = 0
    /// Blue tickets (青切符).
    public var blueTickets: Int = 0
    /// Red tickets (赤切符).
    public var redTickets: Int = 0
    /// Records by violation code, then outcome code.
    public var byViolation: [String: [String: Int]] = [:]
    /// Enforcement records attributed to a zone.
    public var enforcementInZones: Int = 0
    /// Zone enforcement records with a time of day.
    public var zoneEnforcementWithTime: Int = 0
    /// Of those, records in an hour × weekday cell in which the zone had bicycle accidents.
    public var zoneEnforcementInAccidentHours: Int = 0

    /// Creates empty figures.
    public init() {}

    /// Operations of every kind.
    public var operations: Int { operationsByKind.values.reduce(0, +) }
    /// Officer-hours of the departments counted.
    public var officerHours: Double { officerHoursByDepartment.values.reduce(0, +) }
    /// Warnings and tickets.
    public var enforcement: Int { warnings + blueTickets + redTickets }
    /// Citations (検挙): blue plus red tickets.
    public var citations: Int { blueTickets + redTickets }
    /// Share of officer-hours done jointly by traffic and community officers (0…1); `nil` without hours.
    public var jointShare: Double? {
        allDepartmentOfficerHours > 0 ? jointOfficerHours / allDepartmentOfficerHours : nil
    }
    /// Share of enforcement inside zones (0…1); `nil` without enforcement.
    public var inZoneShare: Double? { enforcement > 0 ? Double(enforcementInZones) / Double(enforcement) : nil }
    /// Share of zone enforcement in the hours and weekdays of the zone's accidents (0…1); `nil` without data.
    public var accidentHoursShare: Double? {
        zoneEnforcementWithTime > 0 ? Double(zoneEnforcementInAccidentHours) / Double(zoneEnforcementWithTime) : nil
    }
    /// Warnings per citation (指導警告/検挙); `nil` without citations.
    public var warningsPerCitation: Double? { citations > 0 ? Double(warnings) / Double(citations) : nil }
}

/// Check figures (評価): bicycle accidents in the period against the same span last year and earlier years.
public struct CheckFigures: Sendable, Equatable, Encodable {
    /// Accidents in the period.
    public var accidents: Int = 0
    /// Accidents by severity code (`fatal`, `serious`, `slight`, `injury`).
    public var accidentsBySeverity: [String: Int] = [:]
    /// Accidents in the same span one year earlier.
    public var accidentsLastYear: Int = 0
    /// Mean of the same span one, two and three years earlier; `nil` when those years were not supplied.
    public var threeYearAverage: Double?
    /// Change against last year in percent ((now − last) / last × 100); `nil` when last year had none.
    public var changePercent: Double?
    /// The rate ratio now ÷ last year with its exact 95 % interval (days as exposure); `nil` when both are 0.
    public var rateRatio: RateRatioFigure?
    /// How far the counts can be trusted, from the events behind the rate ratio (now + last year).
    public var reliability: String = CountReliability.veryLow.rawValue
    /// Whether the fall met the plan's accident-reduction target; `nil` without a target or a baseline.
    public var targetMet: Bool?

    /// Creates empty figures.
    public init() {}
}

/// A rate ratio with its exact interval, in a form that encodes to JSON (∞ as `nil`).
public struct RateRatioFigure: Sendable, Equatable, Encodable {
    /// The ratio; `nil` for +∞.
    public var ratio: Double?
    /// The lower 95 % bound.
    public var lower: Double
    /// The upper 95 % bound; `nil` for +∞.
    public var upper: Double?

    /// Converts an exact rate ratio.
    public init(_ value: PoissonRateRatio) {
        ratio = value.ratio.isFinite ? value.ratio : nil
        lower = value.lower
        upper = value.upper.isFinite ? value.upper : nil
    }

    /// Whether the whole interval lies below 1: a fall that chance alone hardly explains.
    public var isSignificantFall: Bool { (upper ?? .infinity) < 1 }
    /// Whether the whole interval lies above 1.
    public var isSignificantRise: Bool { lower > 1 }
}

/// One row of the metrics table: a station × department × zone (or a subtotal) over the period.
public struct MetricsRow: Sendable, Equatable, Encodable {
    /// Which row this is.
    public var key: MetricKey
    /// Plan.
    public var plan = PlanFigures()
    /// Do.
    public var done = DoFigures()
    /// Check; `nil` on department rows (accidents have no department).
    public var check: CheckFigures?
    /// Station-months with no records in a dataset this row depends on (e.g. `enforcement 18101 2025-05`):
    /// the figures are incomplete, never silently zero.
    public var missing: [String] = []

    /// Creates an empty row for `key`.
    public init(key: MetricKey) { self.key = key }

    /// Operations attainment (活動回数の達成率): operations each department took part in as a percentage of those
    /// planned, the one definition of ``PlanAttainment`` (a joint operation once per department, as the plans
    /// count it); `nil` without a plan.
    public var operationsExecutionPercent: Double? {
        plan.plannedOperations > 0 ? Double(done.operationParticipations) / plan.plannedOperations * 100 : nil
    }
    /// Officer-hours attainment (人時間の達成率): officer-hours of the departments with a plan as a percentage of
    /// those planned (``PlanAttainment``); `nil` without a plan.
    public var officerHoursExecutionPercent: Double? {
        plan.plannedOfficerHours > 0 ? done.plannedDepartmentOfficerHours / plan.plannedOfficerHours * 100 : nil
    }
    /// Whether every station-month the row depends on was delivered.
    public var isComplete: Bool { missing.isEmpty }

    enum CodingKeys: String, CodingKey {
        case key, plan
        case done = "do"
        case check, missing, operationsExecutionPercent, officerHoursExecutionPercent
    }

    /// Encodes the row with its derived percentages.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(plan, forKey: .plan)
        try container.encode(done, forKey: .done)
        try container.encode(check, forKey: .check)
        try container.encode(missing, forKey: .missing)
        try container.encode(operationsExecutionPercent, forKey: .operationsExecutionPercent)
        try container.encode(officerHoursExecutionPercent, forKey: .officerHoursExecutionPercent)
    }
}

/// A station-month with no records in a monthly dataset: missing, never zero.
public struct MissingStationMonth: Hashable, Sendable, Comparable, Encodable, CustomStringConvertible {
    /// `enforcement`, `accidents` or `activities`.
    public var dataset: String
    /// The station id.
    public var stationID: String
    /// The month, `YYYY-MM`.
    public var month: String

    /// Creates an entry.
    public init(dataset: String, stationID: String, month: String) {
        self.dataset = dataset
        self.stationID = stationID
        self.month = month
    }

    /// `accidents 18101 2025-05`.
    public var description: String { "\(dataset) \(stationID) \(month)" }

    /// Orders by dataset, station and month.
    public static func < (lhs: MissingStationMonth, rhs: MissingStationMonth) -> Bool {
        (lhs.dataset, lhs.stationID, lhs.month) < (rhs.dataset, rhs.stationID, rhs.month)
    }
}

/// The Plan, Do and Check metrics of one reporting period, by the requested grouping and for the prefecture.
public struct MetricsReport: Sendable, Encodable {
    /// The period's label (`FY2025`).
    public var period: String
    /// First day, `YYYY-MM-DD`.
    public var start: String
    /// Last day, `YYYY-MM-DD`.
    public var end: String
    /// The comparison span (same span last year), e.g. `FY2024`.
    public var lastYearPeriod: String
    /// The rows, ordered by station, zone and department; the prefecture total last.
    public var rows: [MetricsRow]
    /// Every station-month missing in the period (and, for accidents, in the comparison span).
    public var missing: [MissingStationMonth]
    /// Caveats a reader must see beside the figures.
    public var notes: [String]

    /// Creates a report from its parts.
    public init(
        period: String, start: String, end: String, lastYearPeriod: String, rows: [MetricsRow],
        missing: [MissingStationMonth], notes: [String]
    ) {
        self.period = period
        self.start = start
        self.end = end
        self.lastYearPeriod = lastYearPeriod
        self.rows = rows
        self.missing = missing
        self.notes = notes
    }

    /// The prefecture total (県計) row.
    public var prefecture: MetricsRow? { rows.first { $0.key.isPrefecture } }

    /// The row of `key`, if present.
    public func row(_ key: MetricKey) -> MetricsRow? { rows.first { $0.key == key } }
}
