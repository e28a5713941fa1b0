/// The before–after method (事前事後比較の手法) that produced an ``EffectivenessEstimate``.
public enum EvaluationMethod: String, Sendable, Hashable, CaseIterable {
    /// Naive before–after: the zone's own before count, scaled by period length; biased by regression to the mean.
    case naive
    /// Comparison group (比較群): the before count scaled by the trend on comparable non-zone roads.
    case comparisonGroup = "comparison"
    /// Ratio of ratios (difference-in-differences on the log scale) against a comparison group.
    case ratioOfRatios = "did"
    /// Empirical Bayes (経験ベイズ法): the before count shrunk toward a reference-group prediction.
    case empiricalBayes = "eb"
}
