import BikePDCACore

/// A measure of plan attainment (計画達成の指標): what was done against what was planned or targeted.
public enum AttainmentMeasure: String, Sendable, CaseIterable, Encodable {
    /// Operations (活動回数): operations taken part in ÷ planned operations (計画回数).
    case operations
    /// Officer-hours (人時間): officer-hours worked ÷ planned officer-hours (計画人時間).
    case officerHours = "officer_hours"
    /// Warnings (指導警告): warnings given ÷ the warning target (指導警告目標).
    case warnings
    /// Citations (検挙): blue and red tickets ÷ the citation target (検挙目標).
    case citations
}

/// One measure's attainment (達成率): the actual figure against the planned one.
public struct Attainment: Sendable, Equatable, Encodable {
    /// The measure.
    public var measure: AttainmentMeasure
    /// Planned or targeted (計画・目標), prorated to the period when ``isProrated``.
    public var planned: Double
    /// Done (実施・実績).
    public var actual: Double
    /// Whether a plan row counted only in part (按分): the planned figure is then not a whole number of the plan.
    public var isProrated: Bool

    /// Creates an attainment.
    public init(measure: AttainmentMeasure, planned: Double, actual: Double, isProrated: Bool) {
        self.measure = measure
        self.planned = planned
        self.actual = actual
        self.isProrated = isProrated
    }

    /// Actual ÷ planned × 100; `nil` without a plan.
    public var percent: Double? { planned > 0 ? actual / planned * 100 : nil }
    /// Whether the plan or target was reached (達成): actual ≥ planned.
    public var isMet: Bool { actual >= planned }

    /// Whether the measure falls below `threshold` percent of its plan (計画未達 at the Act threshold).
    public func isBelow(percent threshold: Double) -> Bool { (percent ?? .infinity) < threshold }
}

/// The attainment of a station, a department, a zone or the prefecture on every measure it has a plan for: the one
/// definition every KPI card, table and Act item uses.
///
/// It is computed from department rows (station × department × zone). Operations are counted as department
/// participations: a joint operation (合同) counts once for each department that took part, because each
/// department's plan counts it. A station's, zone's or the prefecture's operations attainment is then the sum of its
/// departments' participations ÷ the sum of their plans, so it always lies between its departments' figures; the
/// count of distinct operations (an operation held jointly counts once) is not compared with the plans. A department
/// counts for a measure only where it has a plan for it among the rows given.
public struct PlanAttainment: Sendable, Equatable {
    /// The measures with a plan or target, in the order operations, officer-hours, warnings, citations.
    public var measures: [Attainment]

    /// The attainment of `departmentRows` (rows with a department; others are ignored). `isProrated` says whether a
    /// plan row behind them counted only in part (``PlanCoverage/hasProratedRows(_:in:)``).
    public init(departmentRows: [MetricsRow], isProrated: Bool) {
        var sums: [Department: Sums] = [:]
        for row in departmentRows {
            guard let department = row.key.department else { continue }
            sums[department, default: Sums()].add(row)
        }
        // A department counts for a measure only where it has a plan for it: work of a department without one
        // (生活安全 officers joining a patrol) is shown as done but planned by no one.
        var total = Sums()
        var hasWarningTarget = false
        var hasCitationTarget = false
        for department in Department.allCases {
            guard let sum = sums[department] else { continue }
            if sum.plannedOperations > 0 {
                total.plannedOperations += sum.plannedOperations
                total.operations += sum.operations
            }
            if sum.plannedHours > 0 {
                total.plannedHours += sum.plannedHours
                total.hours += sum.hours
            }
            if let target = sum.targetWarnings {
                hasWarningTarget = true
                total.targetWarnings = (total.targetWarnings ?? 0) + target
                total.warnings += sum.warnings
            }
            if let target = sum.targetCitations {
                hasCitationTarget = true
                total.targetCitations = (total.targetCitations ?? 0) + target
                total.citations += sum.citations
            }
        }
        var measures: [Attainment] = []
        func add(_ measure: AttainmentMeasure, _ planned: Double?, _ actual: Double) {
            guard let planned, planned > 0 else { return }
            measures.append(Attainment(measure: measure, planned: planned, actual: actual, isProrated: isProrated))
        }
        add(.operations, total.plannedOperations, Double(total.operations))
        add(.officerHours, total.plannedHours, total.hours)
        if hasWarningTarget { add(.warnings, total.targetWarnings, Double(total.warnings)) }
        if hasCitationTarget { add(.citations, total.targetCitations, Double(total.citations)) }
        self.measures = measures
    }

    /// One department's planned and done figures.
    private struct Sums {
        var plannedOperations = 0.0
        var operations = 0
        var plannedHours = 0.0
        var hours = 0.0
        var targetWarnings: Double?
        var warnings = 0
        var targetCitations: Double?
        var citations = 0

        mutating func add(_ row: MetricsRow) {
            plannedOperations += row.plan.plannedOperations
            operations += row.done.operations
            plannedHours += row.plan.plannedOfficerHours
            hours += row.done.officerHours
            if let target = row.plan.targetWarnings { targetWarnings = (targetWarnings ?? 0) + target }
            warnings += row.done.warnings
            if let target = row.plan.targetCitations { targetCitations = (targetCitations ?? 0) + target }
            citations += row.done.citations
        }
    }

    /// The attainment of `measure`; `nil` when nothing was planned for it.
    public subscript(_ measure: AttainmentMeasure) -> Attainment? { measures.first { $0.measure == measure } }

    /// The measures below `threshold` percent of plan (計画未達), lowest first.
    public func below(percent threshold: Double) -> [Attainment] {
        measures.filter { $0.isBelow(percent: threshold) }.sorted { ($0.percent ?? 0) < ($1.percent ?? 0) }
    }
}

/// An accident-reduction target (事故削減目標) against the change in accidents on the same span last year.
public struct ReductionTarget: Sendable, Equatable, Encodable {
    /// The target, in percent fewer accidents (10 = 10 % fewer).
    public var targetPercent: Double
    /// Accidents in the period.
    public var accidents: Int
    /// Accidents in the same span last year.
    public var accidentsLastYear: Int

    /// Creates a target with its accidents.
    public init(targetPercent: Double, accidents: Int, accidentsLastYear: Int) {
        self.targetPercent = targetPercent
        self.accidents = accidents
        self.accidentsLastYear = accidentsLastYear
    }

    /// Change against last year in percent; `nil` when last year had none.
    public var changePercent: Double? {
        accidentsLastYear > 0 ? Double(accidents - accidentsLastYear) / Double(accidentsLastYear) * 100 : nil
    }
    /// Whether accidents fell by at least the target (達成); `nil` without a baseline.
    public var isMet: Bool? { changePercent.map { $0 <= -targetPercent } }

    /// The target of the plan rows given: the most ambitious one among them; `nil` when none sets one.
    public static func percent(of plans: [Plan]) -> Double? {
        plans.compactMap(\.targetAccidentReductionPercent).max()
    }
}
