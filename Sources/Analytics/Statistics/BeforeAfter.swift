import Foundation

/// Before–after evaluations (事前事後評価) of a treated zone, after Hauer (1997) and the Highway Safety Manual.
///
/// Counts are whole numbers of accidents (事故件数); K and L are the treated zone(s) before and after, M and N the
/// comparison group before and after. Every function throws ``StatisticsError`` instead of returning NaN when its
/// inputs leave the formula undefined.
public enum BeforeAfter {
    /// The normal quantile for a two-sided 95 % interval.
    static let z95 = 1.959964

    /// Naive before–after (単純比較): π = (d_a/d_b)·K; always carries the regression-to-the-mean warning.
    public static func naive(
        before: Int,
        after: Int,
        beforeLength: Double,
        afterLength: Double
    ) throws(StatisticsError) -> EffectivenessEstimate {
        try requireCount(before, "before (K)")
        try requireCount(after, "after (L)")
        try requirePositive(beforeLength, "beforeLength (d_b)")
        try requirePositive(afterLength, "afterLength (d_a)")
        guard before > 0 else {
            throw .zeroCount(name: "before (K)", consequence: "nothing was expected after and θ is undefined")
        }
        let k = Double(before)
        let durationRatio = afterLength / beforeLength
        let expected = durationRatio * k
        // Var(π)/π² = r_d²·K / (r_d·K)² = 1/K.
        return estimate(
            method: .naive,
            observedAfter: after,
            expected: expected,
            relativeVariance: 1 / k,
            notes: [Note.regressionToTheMean]
        )
    }

    /// Comparison-group before–after (比較群): π = K·(N/M)/(1 + 1/M); `comparisonVariance` is Var(ω), default 0.
    public static func comparisonGroup(
        before: Int,
        after: Int,
        comparisonBefore: Int,
        comparisonAfter: Int,
        comparisonVariance: Double = 0
    ) throws(StatisticsError) -> EffectivenessEstimate {
        try requireCount(before, "before (K)")
        try requireCount(after, "after (L)")
        try requireCount(comparisonBefore, "comparisonBefore (M)")
        try requireCount(comparisonAfter, "comparisonAfter (N)")
        guard comparisonVariance.isFinite, comparisonVariance >= 0 else {
            throw .invalidParameter(
                name: "comparisonVariance (Var(ω))", value: comparisonVariance, requirement: "finite and ≥ 0")
        }
        try requireNonZero(before, "before (K)")
        try requireNonZero(comparisonBefore, "comparisonBefore (M)")
        try requireNonZero(comparisonAfter, "comparisonAfter (N)")
        let k = Double(before)
        let m = Double(comparisonBefore)
        let n = Double(comparisonAfter)
        let comparisonRatio = (n / m) / (1 + 1 / m)
        let expected = comparisonRatio * k
        var notes: [String] = []
        if comparisonVariance == 0 {
            notes.append(Note.unknownComparisonVariance)
        }
        return estimate(
            method: .comparisonGroup,
            observedAfter: after,
            expected: expected,
            relativeVariance: 1 / k + 1 / m + 1 / n + comparisonVariance,
            notes: notes
        )
    }

    /// Ratio of ratios (difference-in-differences, 差の差): θ = (L/K)/(N/M) with a log-scale 95 % interval.
    public static func ratioOfRatios(
        before: Int,
        after: Int,
        comparisonBefore: Int,
        comparisonAfter: Int
    ) throws(StatisticsError) -> EffectivenessEstimate {
        try requireCount(before, "before (K)")
        try requireCount(after, "after (L)")
        try requireCount(comparisonBefore, "comparisonBefore (M)")
        try requireCount(comparisonAfter, "comparisonAfter (N)")
        try requireNonZero(before, "before (K)")
        try requireNonZero(after, "after (L)")
        try requireNonZero(comparisonBefore, "comparisonBefore (M)")
        try requireNonZero(comparisonAfter, "comparisonAfter (N)")
        let k = Double(before)
        let l = Double(after)
        let m = Double(comparisonBefore)
        let n = Double(comparisonAfter)
        let theta = (l / k) / (n / m)
        let logStandardError = (1 / k + 1 / l + 1 / m + 1 / n).squareRoot()
        let logTheta = log(theta)
        return EffectivenessEstimate(
            method: .ratioOfRatios,
            theta: theta,
            standardError: theta * logStandardError,
            lower95: exp(logTheta - z95 * logStandardError),
            upper95: exp(logTheta + z95 * logStandardError),
            expectedWithoutTreatment: nil,
            notes: [Note.logScaleInterval(logStandardError: logStandardError)]
        )
    }

    /// Empirical Bayes (経験ベイズ法): the before count shrunk toward predicted counts of a reference group.
    ///
    /// `predictedBefore` and `predictedAfter` are ΣP_b and ΣP_a, `overdispersion` is k (Var = μ + kμ²),
    /// `observedBefore` and `observedAfter` are ΣO_b and ΣO_a.
    public static func empiricalBayes(
        predictedBefore: Double,
        predictedAfter: Double,
        overdispersion: Double,
        observedBefore: Int,
        observedAfter: Int
    ) throws(StatisticsError) -> EffectivenessEstimate {
        try requirePositive(predictedBefore, "predictedBefore (ΣP_b)")
        try requirePositive(predictedAfter, "predictedAfter (ΣP_a)")
        guard overdispersion.isFinite, overdispersion >= 0 else {
            throw .invalidParameter(name: "overdispersion (k)", value: overdispersion, requirement: "finite and ≥ 0")
        }
        try requireCount(observedBefore, "observedBefore (ΣO_b)")
        try requireCount(observedAfter, "observedAfter (ΣO_a)")
        let weight = 1 / (1 + overdispersion * predictedBefore)
        let expectedBefore = weight * predictedBefore + (1 - weight) * Double(observedBefore)
        let trend = predictedAfter / predictedBefore
        // π > 0 here: the weight is positive and so are ΣP_b and ΣP_a.
        let expected = trend * expectedBefore
        let variance = trend * expected * (1 - weight)
        var notes: [String] = []
        if overdispersion == 0 {
            notes.append(Note.noOverdispersion)
        }
        return estimate(
            method: .empiricalBayes,
            observedAfter: observedAfter,
            expected: expected,
            relativeVariance: variance / (expected * expected),
            notes: notes
        )
    }

    /// θ and its normal-approximation interval from L, π and Var(π)/π² (Hauer's bias-corrected ratio).
    private static func estimate(
        method: EvaluationMethod,
        observedAfter: Int,
        expected: Double,
        relativeVariance: Double,
        notes: [String]
    ) -> EffectivenessEstimate {
        let l = Double(observedAfter)
        let correction = 1 + relativeVariance
        let theta = (l / expected) / correction
        // θ²·Var(λ)/λ² with Var(λ) = λ = L, rewritten as L/(π·(1 + c))² so that L = 0 gives 0 instead of 0/0.
        let afterTerm = l / ((expected * correction) * (expected * correction))
        let variance = (afterTerm + theta * theta * relativeVariance) / (correction * correction)
        let standardError = variance.squareRoot()
        let unclampedLower = theta - z95 * standardError
        var allNotes = notes
        if observedAfter == 0 {
            allNotes.append(Note.noAccidentsAfter)
        } else if unclampedLower < 0 {
            allNotes.append(Note.lowerBoundClamped)
        }
        return EffectivenessEstimate(
            method: method,
            theta: theta,
            standardError: standardError,
            lower95: max(0, unclampedLower),
            upper95: theta + z95 * standardError,
            expectedWithoutTreatment: expected,
            notes: allNotes
        )
    }

    private static func requireCount(_ count: Int, _ name: String) throws(StatisticsError) {
        guard count >= 0 else { throw .negativeCount(name: name, value: count) }
    }

    private static func requireNonZero(_ count: Int, _ name: String) throws(StatisticsError) {
        guard count != 0 else { throw .zeroCount(name: name, consequence: "θ is undefined for this method") }
    }

    private static func requirePositive(_ value: Double, _ name: String) throws(StatisticsError) {
        guard value.isFinite, value > 0 else {
            throw .invalidParameter(name: name, value: value, requirement: "finite and > 0")
        }
    }

    /// Caveats attached to estimates; reports print them verbatim.
    enum Note {
        static let regressionToTheMean =
            "Regression to the mean (平均への回帰): zones are designated because their counts were high, and high "
            + "counts fall back on their own, so this naive estimate overstates the effect. Prefer the "
            + "comparison-group or empirical Bayes estimate."
        static let unknownComparisonVariance =
            "Var(ω), the variability of the comparison odds ratio, was unknown and taken as 0: "
            + "the interval may be too narrow."
        static let noOverdispersion =
            "Over-dispersion k = 0: the expected count relies entirely on the prediction (w = 1) "
            + "and ignores the zone's own before count."
        static let noAccidentsAfter =
            "No accidents after (L = 0): θ = 0 and the standard error, which estimates Var(L) by L, "
            + "understates the uncertainty; use the exact Poisson rate ratio for an honest upper bound."
        static let lowerBoundClamped =
            "The normal-approximation interval extended below 0 and was cut at 0: counts are small, "
            + "so read the interval with caution."

        static func logScaleInterval(logStandardError: Double) -> String {
            "95 % interval computed on the log scale, exp(ln θ ± 1.959964·SE(ln θ)) with SE(ln θ) = "
                + "\(logStandardError); the standard error shown is θ·SE(ln θ)."
        }
    }
}
