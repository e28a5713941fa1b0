/// One plan target (計画の目標) against what was done, with whether it was met (達成 / 未達).
public struct TargetCheck: Sendable, Equatable {
    /// The measure a plan row sets a target for.
    public enum Measure: String, Sendable, Equatable, CaseIterable {
        /// Warnings (指導警告): met when the period's warnings reach the prorated target.
        case warnings
        /// Citations (検挙, blue + red tickets): met when they reach the prorated target.
        case citations
        /// Fall in bicycle accidents against the same span last year, in percent (事故削減率): met when the fall
        /// reaches the target (the rule of ``CheckFigures/targetMet``).
        case accidentReduction
    }

    /// Which measure.
    public var measure: Measure
    /// The target: a count prorated to the period, or a percentage for ``Measure/accidentReduction``.
    public var target: Double
    /// What was done: a count, or the fall in percent (negative for a rise); `nil` when it cannot be measured
    /// (no accidents in the same span last year).
    public var actual: Double?
    /// Whether the target was met; `nil` when ``actual`` is `nil`.
    public var met: Bool?

    /// Creates a check.
    public init(measure: Measure, target: Double, actual: Double?, met: Bool?) {
        self.measure = measure
        self.target = target
        self.actual = actual
        self.met = met
    }

    /// The checks of every target the row's plan sets, in the order warnings, citations, accident reduction; none
    /// when the plan sets no target.
    public static func checks(_ row: MetricsRow) -> [TargetCheck] {
        var checks: [TargetCheck] = []
        if let target = row.plan.targetWarnings {
            let done = Double(row.done.warnings)
            checks.append(TargetCheck(measure: .warnings, target: target, actual: done, met: done >= target))
        }
        if let target = row.plan.targetCitations {
            let done = Double(row.done.citations)
            checks.append(TargetCheck(measure: .citations, target: target, actual: done, met: done >= target))
        }
        if let target = row.plan.targetAccidentReductionPercent {
            let fall = row.check?.changePercent.map { -$0 }
            checks.append(
                TargetCheck(measure: .accidentReduction, target: target, actual: fall, met: fall.map { $0 >= target }))
        }
        return checks
    }
}
