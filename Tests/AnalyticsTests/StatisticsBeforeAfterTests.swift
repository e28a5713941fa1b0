import Analytics
import Testing

/// Shorthand for the relative-tolerance check (1e-6, as STATISTICS.md).
private func close(_ actual: Double?, _ expected: Double, relative: Double = 1e-6) -> Bool {
    guard let actual else { return false }
    return StatisticsTolerance.isClose(actual, expected, relative: relative)
}

@Suite("Naive before–after (STATISTICS.md §1)")
struct StatisticsNaiveTests {
    @Test("K = 40, L = 20, d_a = d_b reproduces the document's θ and SE")
    func documentVector() throws {
        let estimate = try BeforeAfter.naive(before: 40, after: 20, beforeLength: 12, afterLength: 12)
        #expect(estimate.method == .naive)
        #expect(close(estimate.theta, 0.487804878))
        #expect(close(estimate.standardError, 0.130332554))
        // π = r_d·K = 1·40.
        #expect(close(estimate.expectedWithoutTreatment, 40))
        // 95 % interval θ ± 1.959964·SE from the document's θ and SE.
        #expect(close(estimate.lower95, 0.487804878 - 1.959964 * 0.130332554))
        #expect(close(estimate.upper95, 0.487804878 + 1.959964 * 0.130332554))
    }

    @Test("Every naive result carries the regression-to-the-mean warning")
    func regressionToTheMeanWarning() throws {
        let estimate = try BeforeAfter.naive(before: 40, after: 20, beforeLength: 1, afterLength: 1)
        #expect(estimate.notes.contains { $0.contains("Regression to the mean") })
    }

    @Test("Period lengths scale the expectation: d_b = 2, d_a = 1 halves π")
    func periodScaling() throws {
        // By hand: r_d = 1/2, π = 20, Var(π) = r_d²·K = 10, Var(π)/π² = 10/400 = 0.025,
        // θ = (20/20)/1.025 = 0.975609756..., Var(θ) = θ²·(1/20 + 0.025)/1.025² → SE = 0.260665108.
        let estimate = try BeforeAfter.naive(before: 40, after: 20, beforeLength: 2, afterLength: 1)
        #expect(close(estimate.expectedWithoutTreatment, 20))
        #expect(close(estimate.theta, 1 / 1.025))
        #expect(close(estimate.standardError, 0.260665108))
    }

    @Test("A normal interval reaching below 0 is clamped at 0 and says so")
    func lowerBoundClamped() throws {
        // By hand: K = 4, L = 2: π = 4, Var(π)/π² = 1/4, θ = 0.5/1.25 = 0.4,
        // Var(θ) = 0.16·(1/2 + 1/4)/1.25² = 0.0768, SE = 0.277128129; θ − 1.96·SE < 0.
        let estimate = try BeforeAfter.naive(before: 4, after: 2, beforeLength: 1, afterLength: 1)
        #expect(close(estimate.theta, 0.4))
        #expect(close(estimate.standardError, 0.0768.squareRoot()))
        #expect(estimate.lower95 == 0)
        #expect(close(estimate.upper95, 0.4 + 1.959964 * 0.0768.squareRoot()))
        #expect(estimate.notes.contains { $0.contains("cut at 0") })
    }

    @Test("L = 0 gives θ = 0 (not NaN) and warns that the interval understates the uncertainty")
    func noAccidentsAfter() throws {
        let estimate = try BeforeAfter.naive(before: 10, after: 0, beforeLength: 1, afterLength: 1)
        #expect(estimate.theta == 0)
        #expect(estimate.standardError == 0)
        #expect(estimate.lower95 == 0 && estimate.upper95 == 0)
        #expect(estimate.notes.contains { $0.contains("L = 0") })
    }

    @Test("K = 0 leaves θ undefined and throws instead of returning NaN")
    func zeroBefore() {
        #expect(
            throws: StatisticsError.zeroCount(
                name: "before (K)", consequence: "nothing was expected after and θ is undefined")
        ) {
            try BeforeAfter.naive(before: 0, after: 3, beforeLength: 1, afterLength: 1)
        }
    }

    @Test("Negative counts and non-positive period lengths are rejected")
    func invalidInputs() {
        #expect(throws: StatisticsError.negativeCount(name: "after (L)", value: -1)) {
            try BeforeAfter.naive(before: 4, after: -1, beforeLength: 1, afterLength: 1)
        }
        #expect(
            throws: StatisticsError.invalidParameter(
                name: "beforeLength (d_b)", value: 0, requirement: "finite and > 0")
        ) {
            try BeforeAfter.naive(before: 4, after: 1, beforeLength: 0, afterLength: 1)
        }
        #expect(throws: StatisticsError.self) {
            try BeforeAfter.naive(before: 4, after: 1, beforeLength: 1, afterLength: .infinity)
        }
    }
}

@Suite("Comparison group (STATISTICS.md §2)")
struct StatisticsComparisonGroupTests {
    @Test("K = 40, L = 20, M = 400, N = 380, Var(ω) = 0 reproduces the document's r_c, π, θ and SE")
    func documentVector() throws {
        let estimate = try BeforeAfter.comparisonGroup(
            before: 40, after: 20, comparisonBefore: 400, comparisonAfter: 380)
        #expect(estimate.method == .comparisonGroup)
        #expect(close(estimate.expectedWithoutTreatment, 37.905236908))
        // r_c = π/K.
        #expect(close((estimate.expectedWithoutTreatment ?? 0) / 40, 0.947630923))
        #expect(close(estimate.theta, 0.512198237))
        #expect(close(estimate.standardError, 0.140749619))
        #expect(close(estimate.lower95, 0.512198237 - 1.959964 * 0.140749619))
        #expect(close(estimate.upper95, 0.512198237 + 1.959964 * 0.140749619))
    }

    @Test("With Var(ω) left at its default 0 the estimate says Var(ω) was unknown")
    func unknownComparisonVarianceNote() throws {
        let unknown = try BeforeAfter.comparisonGroup(
            before: 40, after: 20, comparisonBefore: 400, comparisonAfter: 380)
        #expect(unknown.notes.contains { $0.contains("Var(ω)") && $0.contains("unknown") })
        let known = try BeforeAfter.comparisonGroup(
            before: 40, after: 20, comparisonBefore: 400, comparisonAfter: 380, comparisonVariance: 0.01)
        #expect(!known.notes.contains { $0.contains("Var(ω)") })
    }

    @Test("A known Var(ω) widens the relative variance and lowers θ")
    func knownComparisonVariance() throws {
        // By hand: Var(π)/π² = 1/40 + 1/400 + 1/380 + 0.01 = 0.040131579, π = 37.905236908,
        // θ = (20/π)/1.040131579 = 0.507273877, Var(θ) = θ²·(1/20 + 0.040131579)/1.040131579² → SE = 0.146417405.
        let estimate = try BeforeAfter.comparisonGroup(
            before: 40, after: 20, comparisonBefore: 400, comparisonAfter: 380, comparisonVariance: 0.01)
        #expect(close(estimate.theta, 0.507273877))
        #expect(close(estimate.standardError, 0.146417405))
    }

    @Test(
        "Zero K, M or N leaves θ undefined and throws",
        arguments: [
            (0, 400, 380, "before (K)"),
            (40, 0, 380, "comparisonBefore (M)"),
            (40, 400, 0, "comparisonAfter (N)"),
        ])
    func zeroCounts(before: Int, comparisonBefore: Int, comparisonAfter: Int, name: String) {
        #expect(throws: StatisticsError.zeroCount(name: name, consequence: "θ is undefined for this method")) {
            try BeforeAfter.comparisonGroup(
                before: before, after: 20, comparisonBefore: comparisonBefore, comparisonAfter: comparisonAfter)
        }
    }

    @Test("A negative Var(ω) is rejected")
    func negativeVariance() {
        #expect(
            throws: StatisticsError.invalidParameter(
                name: "comparisonVariance (Var(ω))", value: -0.1, requirement: "finite and ≥ 0")
        ) {
            try BeforeAfter.comparisonGroup(
                before: 40, after: 20, comparisonBefore: 400, comparisonAfter: 380, comparisonVariance: -0.1)
        }
    }
}

@Suite("Ratio of ratios (STATISTICS.md §3)")
struct StatisticsRatioOfRatiosTests {
    @Test("K = 40, L = 20, M = 400, N = 380 reproduces the document's θ and log-scale interval")
    func documentVector() throws {
        let estimate = try BeforeAfter.ratioOfRatios(
            before: 40, after: 20, comparisonBefore: 400, comparisonAfter: 380)
        #expect(estimate.method == .ratioOfRatios)
        #expect(close(estimate.theta, 0.526315789))
        #expect(close(estimate.lower95, 0.302198521))
        #expect(close(estimate.upper95, 0.916643500))
        // By hand: SE(θ) = θ·√(1/40 + 1/20 + 1/400 + 1/380) = 0.526315789·0.283075218 = 0.148986957.
        #expect(close(estimate.standardError, 0.148986957))
        #expect(estimate.expectedWithoutTreatment == nil)
        #expect(estimate.notes.contains { $0.contains("log scale") })
    }

    @Test(
        "A zero count makes ln θ undefined and throws",
        arguments: [
            (0, 20, 400, 380, "before (K)"),
            (40, 0, 400, 380, "after (L)"),
            (40, 20, 0, 380, "comparisonBefore (M)"),
            (40, 20, 400, 0, "comparisonAfter (N)"),
        ])
    func zeroCounts(before: Int, after: Int, comparisonBefore: Int, comparisonAfter: Int, name: String) {
        #expect(throws: StatisticsError.zeroCount(name: name, consequence: "θ is undefined for this method")) {
            try BeforeAfter.ratioOfRatios(
                before: before, after: after, comparisonBefore: comparisonBefore, comparisonAfter: comparisonAfter)
        }
    }
}

@Suite("Empirical Bayes (STATISTICS.md §4)")
struct StatisticsEmpiricalBayesTests {
    @Test("ΣP_b = 25, ΣP_a = 24, k = 0.5, ΣO_b = 40, ΣO_a = 20 reproduces the document's π, θ and SE")
    func documentVector() throws {
        let estimate = try BeforeAfter.empiricalBayes(
            predictedBefore: 25, predictedAfter: 24, overdispersion: 0.5, observedBefore: 40, observedAfter: 20)
        #expect(estimate.method == .empiricalBayes)
        #expect(close(estimate.expectedWithoutTreatment, 37.333333333))
        // expected before = π/r with r = 24/25.
        #expect(close((estimate.expectedWithoutTreatment ?? 0) / (24.0 / 25.0), 38.888888889))
        #expect(close(estimate.theta, 0.523255814))
        #expect(close(estimate.standardError, 0.138851667))
        #expect(close(estimate.lower95, 0.523255814 - 1.959964 * 0.138851667))
        #expect(close(estimate.upper95, 0.523255814 + 1.959964 * 0.138851667))
    }

    @Test("k = 0 trusts the prediction alone and says so")
    func noOverdispersion() throws {
        // By hand: w = 1, expected before = ΣP_b = 25, π = 24, Var(π) = 0,
        // θ = 20/24 = 0.833333333, SE = θ·√(1/20) = 0.186338998.
        let estimate = try BeforeAfter.empiricalBayes(
            predictedBefore: 25, predictedAfter: 24, overdispersion: 0, observedBefore: 40, observedAfter: 20)
        #expect(close(estimate.expectedWithoutTreatment, 24))
        #expect(close(estimate.theta, 20.0 / 24.0))
        #expect(close(estimate.standardError, 0.186338998))
        #expect(estimate.notes.contains { $0.contains("k = 0") })
    }

    @Test("Non-positive predictions and negative over-dispersion are rejected")
    func invalidInputs() {
        #expect(
            throws: StatisticsError.invalidParameter(
                name: "predictedBefore (ΣP_b)", value: 0, requirement: "finite and > 0")
        ) {
            try BeforeAfter.empiricalBayes(
                predictedBefore: 0, predictedAfter: 24, overdispersion: 0.5, observedBefore: 40, observedAfter: 20)
        }
        #expect(
            throws: StatisticsError.invalidParameter(
                name: "overdispersion (k)", value: -1, requirement: "finite and ≥ 0")
        ) {
            try BeforeAfter.empiricalBayes(
                predictedBefore: 25, predictedAfter: 24, overdispersion: -1, observedBefore: 40, observedAfter: 20)
        }
        #expect(throws: StatisticsError.negativeCount(name: "observedAfter (ΣO_a)", value: -2)) {
            try BeforeAfter.empiricalBayes(
                predictedBefore: 25, predictedAfter: 24, overdispersion: 0.5, observedBefore: 40, observedAfter: -2)
        }
    }
}

@Suite("Evaluation method names and error messages")
struct StatisticsVocabularyTests {
    @Test(
        "Method raw values are the short names reports and flags use",
        arguments: [
            (EvaluationMethod.naive, "naive"),
            (.comparisonGroup, "comparison"),
            (.ratioOfRatios, "did"),
            (.empiricalBayes, "eb"),
        ])
    func rawValues(method: EvaluationMethod, rawValue: String) {
        #expect(method.rawValue == rawValue)
        #expect(EvaluationMethod(rawValue: rawValue) == method)
    }

    @Test("Error messages name the offending input")
    func errorMessages() {
        #expect(StatisticsError.negativeCount(name: "after (L)", value: -1).description.contains("after (L) = -1"))
        #expect(StatisticsError.noEvents.description.contains("no events"))
        #expect(StatisticsError.invalidConfidence(1.5).description.contains("1.5"))
    }
}
