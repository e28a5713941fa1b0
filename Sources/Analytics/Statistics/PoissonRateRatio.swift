/// The ratio of two Poisson rates (事故率の比) with an exact confidence interval, as R's two-sample `poisson.test`.
///
/// Compares, for example, a zone with its comparison roads, or this month with the same month last year:
/// ratio = (events1/exposure1) / (events2/exposure2).
public struct PoissonRateRatio: Sendable, Equatable {
    /// The estimated rate ratio; 0 when events1 = 0 and +∞ when events2 = 0.
    public var ratio: Double
    /// The lower confidence bound; 0 when events1 = 0.
    public var lower: Double
    /// The upper confidence bound; +∞ when events2 = 0.
    public var upper: Double
    /// The confidence level of the interval, e.g. 0.95.
    public var confidence: Double

    /// Creates a rate ratio from its parts.
    public init(ratio: Double, lower: Double, upper: Double, confidence: Double) {
        self.ratio = ratio
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }

    /// The exact (conditional, Clopper–Pearson) interval for the rate ratio; confidence defaults to 0.95.
    ///
    /// Given n = events1 + events2, events1 ~ Binomial(n, p) with p = RR·t1/(RR·t1 + t2); the Clopper–Pearson
    /// bounds for p map back to RR = p/(1 − p)·t2/t1. Throws ``StatisticsError/noEvents`` when both counts are 0,
    /// because the data then say nothing about the ratio (R's `poisson.test` stops with an error there too).
    public static func exact(
        events1: Int,
        exposure1: Double,
        events2: Int,
        exposure2: Double,
        confidence: Double = 0.95
    ) throws(StatisticsError) -> PoissonRateRatio {
        guard events1 >= 0 else { throw .negativeCount(name: "events1", value: events1) }
        guard events2 >= 0 else { throw .negativeCount(name: "events2", value: events2) }
        guard exposure1.isFinite, exposure1 > 0 else {
            throw .invalidParameter(name: "exposure1", value: exposure1, requirement: "finite and > 0")
        }
        guard exposure2.isFinite, exposure2 > 0 else {
            throw .invalidParameter(name: "exposure2", value: exposure2, requirement: "finite and > 0")
        }
        guard confidence > 0, confidence < 1 else { throw .invalidConfidence(confidence) }
        guard events1 + events2 > 0 else { throw .noEvents }

        let x1 = Double(events1)
        let x2 = Double(events2)
        let exposureRatio = exposure2 / exposure1
        let tail = (1 - confidence) / 2
        let ratio = events2 == 0 ? Double.infinity : (x1 / exposure1) / (x2 / exposure2)

        // p_L = BetaInv(α/2; x1, x2 + 1); 0 when x1 = 0.
        var lower = 0.0
        if events1 > 0 {
            let pLower = Beta.inverseRegularizedIncomplete(p: tail, a: x1, b: x2 + 1)
            lower = pLower / (1 - pLower) * exposureRatio
        }
        // p_U = BetaInv(1 − α/2; x1 + 1, x2); ∞ when x2 = 0. By symmetry 1 − p_U = BetaInv(α/2; x2, x1 + 1),
        // which keeps full relative precision in 1 − p_U when p_U is close to 1.
        var upper = Double.infinity
        if events2 > 0 {
            let qUpper = Beta.inverseRegularizedIncomplete(p: tail, a: x2, b: x1 + 1)
            upper = (1 - qUpper) / qUpper * exposureRatio
        }
        return PoissonRateRatio(ratio: ratio, lower: lower, upper: upper, confidence: confidence)
    }
}
