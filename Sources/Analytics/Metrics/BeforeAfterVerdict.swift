/// The one before–after verdict (事前事後評価の判定) a report headlines for a zone, chosen by a stated rule.
///
/// The rule (after Hauer 1997, which ranks the naive estimate last because it keeps regression to the mean):
/// 1. Empirical Bayes (経験ベイズ法) when the reference group has at least ``minimumReferenceUnits`` units and the
///    estimate could be computed. The over-dispersion k is estimated from the reference group's sample variance;
///    with n units that variance has n − 1 degrees of freedom and its relative standard error is about
///    √(2/(n − 1)), which first drops below one half at n = 10: with fewer units k, and with it the shrinkage
///    toward the reference mean, is mostly noise.
/// 2. Otherwise the comparison-group estimate (比較群法) when the comparison group has at least
///    ``minimumComparisonCount`` accidents in each window (so its before → after trend is not itself mostly
///    noise: a Poisson count of 20 has a relative standard error of about 22 %).
/// 3. Otherwise no verdict (件数が少なく判断できない).
///
/// The reading comes from the chosen estimate's 95 % interval only, never from the point value: the upper bound
/// below 1 is ``Reading/likelyFewer``, the lower bound above 1 ``Reading/possiblyMore``, anything else (an
/// interval that contains 1, including a bound exactly at 1) ``Reading/cannotTell``.
public struct BeforeAfterVerdict: Sendable, Equatable {
    /// What the interval says.
    public enum Reading: String, Sendable, Equatable, CaseIterable {
        /// The whole 95 % interval lies below 1: fewer accidents than expected (減少の可能性が高い).
        case likelyFewer
        /// The interval contains 1: the change cannot be told from chance (判断できない).
        case cannotTell
        /// The whole 95 % interval lies above 1: more accidents than expected (増加の可能性).
        case possiblyMore
        /// No estimate meets the rule: too few accidents (判断できない: 件数不足).
        case noEstimate
        /// A window has months without accident data for the evaluated station(s), so its counts are incomplete
        /// (判断できない: データ欠損).
        case incompleteData
    }

    /// Default minimum reference-group size for the Empirical Bayes headline: 10 units.
    public static let minimumReferenceUnits = 10
    /// Default minimum comparison-group count in each window for the comparison-group headline: 20 accidents.
    public static let minimumComparisonCount = 20

    /// The method whose estimate is headlined; `nil` for ``Reading/noEstimate``.
    public var method: EvaluationMethod?
    /// That method's result (θ and its interval); `nil` for ``Reading/noEstimate``.
    public var estimate: MethodResult?
    /// What the interval says.
    public var reading: Reading
    /// The naive estimate's θ, for the sentence on why the methods differ; `nil` when it was not computed.
    public var naiveTheta: Double?

    /// Creates a verdict from its parts.
    public init(method: EvaluationMethod?, estimate: MethodResult?, reading: Reading, naiveTheta: Double?) {
        self.method = method
        self.estimate = estimate
        self.reading = reading
        self.naiveTheta = naiveTheta
    }

    /// The reading of a 95 % interval for θ: below 1, above 1, or across it.
    public static func reading(lower: Double, upper: Double) -> Reading {
        if upper < 1 { return .likelyFewer }
        if lower > 1 { return .possiblyMore }
        return .cannotTell
    }

    /// The verdict on `evaluation` by the rule above; `windowsCovered` false (a window with months without
    /// accident data) gives ``Reading/incompleteData`` whatever the counts say, since they are incomplete.
    public static func decide(
        _ evaluation: ZoneEvaluation, windowsCovered: Bool = true,
        minimumReferenceUnits: Int = minimumReferenceUnits, minimumComparisonCount: Int = minimumComparisonCount
    ) -> BeforeAfterVerdict {
        let naive = evaluation.results.first { $0.method == EvaluationMethod.naive.rawValue }?.theta
        let none = BeforeAfterVerdict(method: nil, estimate: nil, reading: .noEstimate, naiveTheta: naive)
        guard windowsCovered else {
            return BeforeAfterVerdict(method: nil, estimate: nil, reading: .incompleteData, naiveTheta: naive)
        }
        func usable(_ method: EvaluationMethod) -> MethodResult? {
            guard let result = evaluation.results.first(where: { $0.method == method.rawValue }),
                result.theta != nil, result.lower95 != nil, result.upper95 != nil
            else { return nil }
            return result
        }
        let counts = evaluation.counts
        let chosen: (EvaluationMethod, MethodResult)?
        if counts.referenceBefore.count >= minimumReferenceUnits, let eb = usable(.empiricalBayes) {
            chosen = (.empiricalBayes, eb)
        } else if counts.comparisonBefore >= minimumComparisonCount, counts.comparisonAfter >= minimumComparisonCount,
            let comparison = usable(.comparisonGroup)
        {
            chosen = (.comparisonGroup, comparison)
        } else {
            chosen = nil
        }
        guard let (method, result) = chosen, let lower = result.lower95, let upper = result.upper95 else {
            return none
        }
        return BeforeAfterVerdict(
            method: method, estimate: result, reading: reading(lower: lower, upper: upper), naiveTheta: naive)
    }
}

extension BeforeAfterResult {
    /// Whether a window misses accident months of the evaluated stations (of any station when the comparison
    /// group is the prefecture, or when the stations are not known).
    public var hasGapsInEvaluatedStations: Bool {
        let gaps = beforeGaps + afterGaps
        if prefectureComparison || stationIDs.isEmpty { return !gaps.isEmpty }
        return gaps.contains { stationIDs.contains($0.stationID) }
    }

    /// The headline verdict of this evaluation (``BeforeAfterVerdict/decide(_:windowsCovered:minimumReferenceUnits:minimumComparisonCount:)``),
    /// withheld when a window misses months of the evaluated stations.
    public var verdict: BeforeAfterVerdict {
        BeforeAfterVerdict.decide(evaluation, windowsCovered: !hasGapsInEvaluatedStations)
    }
}
