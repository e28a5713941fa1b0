import BikePDCACore

/// The accident counts a before–after evaluation (事前事後評価) of a zone, or a set of zones, needs.
public struct BeforeAfterCounts: Sendable, Equatable, Encodable {
    /// What is evaluated, e.g. `zone Z01` or `station 18101 zones`.
    public var subject: String
    /// The before period's label.
    public var beforeLabel: String
    /// The after period's label.
    public var afterLabel: String
    /// Days in the before period (d_b).
    public var beforeDays: Int
    /// Days in the after period (d_a).
    public var afterDays: Int
    /// Accidents in the treated zone(s) before (K).
    public var before: Int
    /// Accidents in the treated zone(s) after (L).
    public var after: Int
    /// The comparison group's name, e.g. `the station's roads outside zones`.
    public var comparisonName: String
    /// Comparison-group accidents before (M).
    public var comparisonBefore: Int
    /// Comparison-group accidents after (N).
    public var comparisonAfter: Int
    /// The reference group's before counts, one per comparable zone (for Empirical Bayes).
    public var referenceBefore: [Int]
    /// The reference group's after counts, in the same order.
    public var referenceAfter: [Int]

    /// Creates the counts.
    public init(
        subject: String, beforeLabel: String, afterLabel: String, beforeDays: Int, afterDays: Int, before: Int,
        after: Int, comparisonName: String, comparisonBefore: Int, comparisonAfter: Int, referenceBefore: [Int],
        referenceAfter: [Int]
    ) {
        self.subject = subject
        self.beforeLabel = beforeLabel
        self.afterLabel = afterLabel
        self.beforeDays = beforeDays
        self.afterDays = afterDays
        self.before = before
        self.after = after
        self.comparisonName = comparisonName
        self.comparisonBefore = comparisonBefore
        self.comparisonAfter = comparisonAfter
        self.referenceBefore = referenceBefore
        self.referenceAfter = referenceAfter
    }
}

/// One method's index of effectiveness θ, or why it could not be computed.
public struct MethodResult: Sendable, Equatable, Encodable {
    /// `naive`, `comparison`, `did` or `eb`.
    public var method: String
    /// θ (< 1: fewer accidents than expected without the designation).
    public var theta: Double?
    /// Standard error of θ.
    public var standardError: Double?
    /// Lower 95 % bound.
    public var lower95: Double?
    /// Upper 95 % bound.
    public var upper95: Double?
    /// Accidents expected after without the designation (π), where the method defines it.
    public var expected: Double?
    /// Caveats to print beside the figure (the naive one always carries the regression-to-the-mean warning).
    public var notes: [String]
    /// Why θ is missing, when it is.
    public var unavailable: String?

    /// The estimated reduction 1 − θ in percent; `nil` without θ.
    public var reductionPercent: Double? { theta.map { (1 - $0) * 100 } }
}

/// The before–after evaluation of a zone: each method's θ, the exact rate ratio and how far to trust them.
public struct ZoneEvaluation: Sendable, Equatable, Encodable {
    /// The counts evaluated.
    public var counts: BeforeAfterCounts
    /// Results, in the order naive, comparison, did, eb (or only the method asked for).
    public var results: [MethodResult]
    /// After ÷ before accident rate (per day) with its exact 95 % interval; `nil` when both counts are 0.
    public var rateRatio: RateRatioFigure?
    /// How far the counts can be trusted, from K + L (``CountReliability``).
    public var reliability: String
    /// The Empirical Bayes over-dispersion k estimated from the reference group (method of moments), if any.
    public var overdispersion: Double?
    /// General caveats.
    public var notes: [String]
}

extension ZoneEvaluation {
    /// The caveat of every naive before–after result (平均への回帰).
    public static let regressionToTheMeanNote =
        "Regression to the mean (平均への回帰): zones are designated because their counts were high, and high counts "
        + "fall back on their own, so the naive estimate overstates the effect."

    /// Evaluates `counts` with `methods` (default: all four).
    ///
    /// Empirical Bayes takes the reference group's mean before and after counts as the predictions P_b and P_a
    /// (the reference zones share the treated zone's calendar windows, so no further scaling is needed) and the
    /// over-dispersion k from the before counts by the method of moments: k = max(0, (s² − m)/m²) with m the mean
    /// and s² the sample variance; it needs at least two reference zones and m > 0.
    public static func evaluate(
        _ counts: BeforeAfterCounts, methods: [EvaluationMethod] = EvaluationMethod.allCases
    ) -> ZoneEvaluation {
        var results: [MethodResult] = []
        var overdispersion: Double?
        for method in methods {
            let outcome: Result<EffectivenessEstimate, StatisticsError>
            switch method {
            case .naive:
                outcome = Result { () throws(StatisticsError) in
                    try BeforeAfter.naive(
                        before: counts.before, after: counts.after, beforeLength: Double(counts.beforeDays),
                        afterLength: Double(counts.afterDays))
                }
            case .comparisonGroup:
                outcome = Result { () throws(StatisticsError) in
                    try BeforeAfter.comparisonGroup(
                        before: counts.before, after: counts.after, comparisonBefore: counts.comparisonBefore,
                        comparisonAfter: counts.comparisonAfter)
                }
            case .ratioOfRatios:
                outcome = Result { () throws(StatisticsError) in
                    try BeforeAfter.ratioOfRatios(
                        before: counts.before, after: counts.after, comparisonBefore: counts.comparisonBefore,
                        comparisonAfter: counts.comparisonAfter)
                }
            case .empiricalBayes:
                guard let reference = referencePrediction(counts) else {
                    results.append(
                        MethodResult(
                            method: method.rawValue, notes: [],
                            unavailable:
                                "Empirical Bayes needs at least two reference zones with accidents before and after"))
                    continue
                }
                overdispersion = reference.k
                outcome = Result { () throws(StatisticsError) in
                    try BeforeAfter.empiricalBayes(
                        predictedBefore: reference.before, predictedAfter: reference.after, overdispersion: reference.k,
                        observedBefore: counts.before, observedAfter: counts.after)
                }
            }
            switch outcome {
            case .success(let estimate):
                var notes = estimate.notes
                if method == .naive, !notes.contains(where: { $0.hasPrefix("Regression to the mean") }) {
                    notes.insert(regressionToTheMeanNote, at: 0)
                }
                if method == .empiricalBayes {
                    notes.append(
                        "Reference group: the other zones' mean count in the same windows (they are designated "
                            + "too, so their trend includes their own designation's effect).")
                }
                results.append(
                    MethodResult(
                        method: method.rawValue, theta: estimate.theta, standardError: estimate.standardError,
                        lower95: estimate.lower95, upper95: estimate.upper95,
                        expected: estimate.expectedWithoutTreatment, notes: notes, unavailable: nil))
            case .failure(let error):
                var notes: [String] = []
                if method == .naive { notes.append(regressionToTheMeanNote) }
                results.append(
                    MethodResult(method: method.rawValue, notes: notes, unavailable: error.description))
            }
        }
        let ratio = try? PoissonRateRatio.exact(
            events1: counts.after, exposure1: Double(counts.afterDays), events2: counts.before,
            exposure2: Double(counts.beforeDays))
        let reliability = CountReliability.classify(events: counts.before + counts.after)
        var notes: [String] = []
        if reliability != .adequate {
            notes.append(
                "Only \(counts.before + counts.after) accidents before and after together (\(reliability.rawValue)): "
                    + "differences of a few accidents are noise; read the intervals, not the point values.")
        }
        return ZoneEvaluation(
            counts: counts, results: results, rateRatio: ratio.map(RateRatioFigure.init),
            reliability: reliability.rawValue,
            overdispersion: overdispersion, notes: notes)
    }

    /// P_b, P_a and k from the reference group, or `nil` when it cannot give them.
    static func referencePrediction(_ counts: BeforeAfterCounts) -> (before: Double, after: Double, k: Double)? {
        let n = counts.referenceBefore.count
        guard n >= 2, counts.referenceAfter.count == n else { return nil }
        let meanBefore = Double(counts.referenceBefore.reduce(0, +)) / Double(n)
        let meanAfter = Double(counts.referenceAfter.reduce(0, +)) / Double(n)
        guard meanBefore > 0, meanAfter > 0 else { return nil }
        let variance =
            counts.referenceBefore.reduce(0.0) { $0 + (Double($1) - meanBefore) * (Double($1) - meanBefore) }
            / Double(n - 1)
        let k = max(0, (variance - meanBefore) / (meanBefore * meanBefore))
        return (meanBefore, meanAfter, k)
    }

    /// The default windows around a designation date: `months` whole months before the designation month and
    /// `months` months from it, the after window cut at `dataEnd`; `nil` when the after window would be empty.
    public static func defaultWindows(designatedFrom: LocalDate, months: Int = 12, dataEnd: LocalDate)
        -> (before: ReportingPeriod, after: ReportingPeriod)?
    {
        let first = designatedFrom.yearMonth
        let beforeStart = first.adding(months: -months).firstDay
        let beforeEnd = designatedFrom.adding(days: -1)
        let afterEnd = min(first.adding(months: months - 1).lastDay, dataEnd)
        guard designatedFrom <= afterEnd, beforeStart <= beforeEnd else { return nil }
        return (
            ReportingPeriod(start: beforeStart, end: beforeEnd, label: "\(beforeStart)..\(beforeEnd)"),
            ReportingPeriod(start: designatedFrom, end: afterEnd, label: "\(designatedFrom)..\(afterEnd)")
        )
    }
}
