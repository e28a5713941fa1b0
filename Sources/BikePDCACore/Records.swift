/// A police station (警察署), keyed by NPA prefecture code + station code.
public struct Station: Hashable, Sendable, Identifiable {
    /// Five digits: the NPA prefecture code (2, not JIS) followed by the station code (3), e.g. `58101`.
    public let id: String
    /// Japanese name, e.g. 福井警察署 or 福井.
    public let nameJA: String
    /// English name, if given.
    public let nameEN: String?

    /// The NPA prefecture code (first two digits of ``id``).
    public var prefectureCode: String { String(id.prefix(2)) }
    /// The station code within the prefecture (last three digits of ``id``).
    public var stationCode: String { String(id.suffix(3)) }

    /// Creates a station.
    public init(id: String, nameJA: String, nameEN: String?) {
        self.id = id
        self.nameJA = nameJA
        self.nameEN = nameEN
    }
}

/// A priority district or route (自転車指導啓発重点地区・路線).
public struct Zone: Hashable, Sendable, Identifiable {
    public let id: String
    public let kind: ZoneKind
    public let stationID: String
    public let name: String
    /// First day of the designation.
    public let designatedFrom: LocalDate
    /// Last day of the designation, or `nil` while it is in force.
    public let designatedTo: LocalDate?
    /// Why it was selected, as published (e.g. 令和6年中 自転車関連事故 12件).
    public let reason: String?
    public let geometry: Geometry?
    /// For routes: the width of the road stretch around the centre line, in metres (default 30).
    public let bufferMetres: Double?

    /// Creates a zone.
    public init(
        id: String, kind: ZoneKind, stationID: String, name: String, designatedFrom: LocalDate,
        designatedTo: LocalDate?, reason: String?, geometry: Geometry?, bufferMetres: Double?
    ) {
        self.id = id
        self.kind = kind
        self.stationID = stationID
        self.name = name
        self.designatedFrom = designatedFrom
        self.designatedTo = designatedTo
        self.reason = reason
        self.geometry = geometry
        self.bufferMetres = bufferMetres
    }

    /// Default buffer width for routes, in metres.
    public static let defaultRouteBufferMetres = 30.0

    /// Whether the designation is in force on `date`.
    public func isActive(on date: LocalDate) -> Bool {
        date >= designatedFrom && (designatedTo.map { date <= $0 } ?? true)
    }

    /// The days of `start`…`end` on which the designation is in force (指定期間との重なり), or `nil` when none.
    ///
    /// The one definition of a zone's designation interval: metrics, reports, hot spots and evaluations all ask it.
    public func daysInForce(from start: LocalDate, to end: LocalDate) -> ClosedRange<LocalDate>? {
        let first = max(start, designatedFrom)
        let last = designatedTo.map { min(end, $0) } ?? end
        return first <= last ? first...last : nil
    }

    /// Whether the designation is in force on at least one day of `period` (期間中に指定あり).
    public func isInForce(during period: ReportingPeriod) -> Bool {
        daysInForce(from: period.start, to: period.end) != nil
    }

    /// Whether the designation ended before `period` began (指定終了): such a zone is left out of the period's
    /// totals and rankings and listed as lifted.
    public func isLifted(before period: ReportingPeriod) -> Bool {
        designatedTo.map { $0 < period.start } ?? false
    }
}

/// One enforcement record: a warning or a ticket given to a rider.
public struct EnforcementRecord: Hashable, Sendable, Identifiable {
    public let id: String
    public let date: LocalDate
    public let time: LocalTime?
    public let stationID: String
    public let department: Department
    public let zoneID: String?
    public let location: Coordinate?
    /// Code of a ``ViolationType``.
    public let violation: String
    public let outcome: Outcome
    public let vehicle: VehicleClass
    public let ageBand: AgeBand?
    /// The activity (operation) this stop was made during, if recorded.
    public let operationID: String?

    /// Creates a record.
    public init(
        id: String, date: LocalDate, time: LocalTime?, stationID: String, department: Department, zoneID: String?,
        location: Coordinate?, violation: String, outcome: Outcome, vehicle: VehicleClass, ageBand: AgeBand?,
        operationID: String?
    ) {
        self.id = id
        self.date = date
        self.time = time
        self.stationID = stationID
        self.department = department
        self.zoneID = zoneID
        self.location = location
        self.violation = violation
        self.outcome = outcome
        self.vehicle = vehicle
        self.ageBand = ageBand
        self.operationID = operationID
    }
}

/// One traffic accident in which a bicycle was involved.
public struct Accident: Hashable, Sendable, Identifiable {
    public let id: String
    public let date: LocalDate
    public let time: LocalTime?
    public let stationID: String
    public let zoneID: String?
    public let location: Coordinate?
    public let severity: Severity
    public let bicycleRole: BicycleRole
    public let counterpart: Counterpart
    public let deaths: Int
    public let injuries: Int

    /// Creates an accident record.
    public init(
        id: String, date: LocalDate, time: LocalTime?, stationID: String, zoneID: String?, location: Coordinate?,
        severity: Severity, bicycleRole: BicycleRole, counterpart: Counterpart, deaths: Int, injuries: Int
    ) {
        self.id = id
        self.date = date
        self.time = time
        self.stationID = stationID
        self.zoneID = zoneID
        self.location = location
        self.severity = severity
        self.bicycleRole = bicycleRole
        self.counterpart = counterpart
        self.deaths = deaths
        self.injuries = injuries
    }
}

/// An operation held (Do): a concentrated enforcement day, street guidance, a campaign or a patrol.
public struct Activity: Hashable, Sendable, Identifiable {
    /// The operation id that enforcement records link to.
    public let id: String
    public let date: LocalDate
    public let start: LocalTime?
    public let end: LocalTime?
    /// Duration in hours (from start/end, or as given).
    public let hours: Double
    public let stationID: String
    public let zoneID: String?
    public let kind: ActivityKind
    /// Officers taking part, by department. Two or more departments make it a joint operation.
    public let officers: [Department: Int]

    /// Creates an activity.
    public init(
        id: String, date: LocalDate, start: LocalTime?, end: LocalTime?, hours: Double, stationID: String,
        zoneID: String?, kind: ActivityKind, officers: [Department: Int]
    ) {
        self.id = id
        self.date = date
        self.start = start
        self.end = end
        self.hours = hours
        self.stationID = stationID
        self.zoneID = zoneID
        self.kind = kind
        self.officers = officers
    }

    /// Whether traffic and community officers both took part (合同).
    public var isJointTrafficCommunity: Bool {
        (officers[.traffic] ?? 0) > 0 && (officers[.community] ?? 0) > 0
    }

    /// Officer-hours of one department.
    public func officerHours(_ department: Department) -> Double {
        Double(officers[department] ?? 0) * hours
    }
}

/// A plan row (Plan): what a station's department means to do in a period, optionally in one zone.
public struct Plan: Hashable, Sendable {
    public let period: PlanPeriod
    public let stationID: String
    public let department: Department
    public let zoneID: String?
    public let plannedOperations: Int
    public let plannedOfficerHours: Double
    public let targetWarnings: Int?
    public let targetCitations: Int?
    /// Target fall in bicycle accidents, in percent (e.g. 10 means 10 % fewer).
    public let targetAccidentReductionPercent: Double?

    /// Creates a plan row.
    public init(
        period: PlanPeriod, stationID: String, department: Department, zoneID: String?, plannedOperations: Int,
        plannedOfficerHours: Double, targetWarnings: Int?, targetCitations: Int?,
        targetAccidentReductionPercent: Double?
    ) {
        self.period = period
        self.stationID = stationID
        self.department = department
        self.zoneID = zoneID
        self.plannedOperations = plannedOperations
        self.plannedOfficerHours = plannedOfficerHours
        self.targetWarnings = targetWarnings
        self.targetCitations = targetCitations
        self.targetAccidentReductionPercent = targetAccidentReductionPercent
    }
}

/// The period a plan covers: a month, a fiscal quarter or a fiscal year (年度, April–March).
public enum PlanPeriod: Hashable, Sendable, CustomStringConvertible {
    case month(YearMonth)
    /// Fiscal quarter: quarter 1 is April–June of fiscal year `fiscalYear`.
    case fiscalQuarter(fiscalYear: Int, quarter: Int)
    case fiscalYear(Int)

    /// First day covered.
    public var start: LocalDate { firstMonth.firstDay }
    /// Last day covered.
    public var end: LocalDate { firstMonth.adding(months: monthCount - 1).lastDay }

    /// The first month covered.
    public var firstMonth: YearMonth {
        switch self {
        case .month(let month): month
        case .fiscalQuarter(let year, let quarter): YearMonth(year: year, month: 4).adding(months: (quarter - 1) * 3)
        case .fiscalYear(let year): YearMonth(year: year, month: 4)
        }
    }

    /// How many months the period covers.
    public var monthCount: Int {
        switch self {
        case .month: 1
        case .fiscalQuarter: 3
        case .fiscalYear: 12
        }
    }

    /// Canonical text: `2025-04`, `FY2025Q1`, `FY2025`.
    public var description: String {
        switch self {
        case .month(let month): month.description
        case .fiscalQuarter(let year, let quarter): "FY\(LocalDate.pad(year, 4))Q\(quarter)"
        case .fiscalYear(let year): "FY\(LocalDate.pad(year, 4))"
        }
    }
}
