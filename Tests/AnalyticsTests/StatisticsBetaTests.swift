import Analytics
import Foundation
import Testing

/// P(X ≥ k) for X ~ Binomial(n, p), summed term by term in log space; equals I_p(k, n − k + 1).
///
/// An independent check on the continued fraction: it uses only the binomial recurrence
/// P(X = j + 1) = P(X = j)·(n − j)/(j + 1)·p/(1 − p), starting from P(X = 0) = (1 − p)^n.
private func binomialUpperTail(n: Int, k: Int, p: Double) -> Double {
    var logTerm = Double(n) * log1p(-p)
    var total = 0.0
    for j in 0...n {
        if j >= k { total += exp(logTerm) }
        logTerm += log(Double(n - j) / Double(j + 1)) + log(p) - log1p(-p)
    }
    return total
}

@Suite("Regularised incomplete beta I_x(a, b)")
struct StatisticsBetaTests {
    @Test("I_x(1, 1) = x (the uniform distribution function)", arguments: [0.1, 0.37, 0.5, 0.9])
    func uniform(x: Double) {
        #expect(StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: x, a: 1, b: 1), x, relative: 1e-12))
    }

    @Test("I_x(a, 1) = x^a", arguments: [(0.3, 2.5), (0.8, 7.0), (0.05, 0.5), (0.6, 40.0)])
    func powerLaw(x: Double, a: Double) {
        #expect(StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: x, a: a, b: 1), pow(x, a), relative: 1e-10))
    }

    @Test("I_x(1, b) = 1 − (1 − x)^b", arguments: [(0.3, 2.5), (0.02, 30.0), (0.9, 0.5)])
    func complementaryPowerLaw(x: Double, b: Double) {
        let expected = 1 - pow(1 - x, b)
        #expect(StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: x, a: 1, b: b), expected, relative: 1e-10))
    }

    @Test("Closed forms: I_0.3(2, 2) = 3x² − 2x³ = 0.216; I_0.5(2, 4) = P(Bin(5, ½) ≥ 2) = 26/32")
    func closedForms() {
        #expect(StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: 0.3, a: 2, b: 2), 0.216, relative: 1e-12))
        #expect(StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: 0.5, a: 2, b: 4), 0.8125, relative: 1e-12))
    }

    @Test(
        "I_x(½, ½) = (2/π)·arcsin √x: 1/3 at x = ¼, ½ at x = ½, 2/3 at x = ¾",
        arguments: [(0.25, 1.0 / 3.0), (0.5, 0.5), (0.75, 2.0 / 3.0)]
    )
    func arcsine(x: Double, expected: Double) {
        #expect(
            StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: x, a: 0.5, b: 0.5), expected, relative: 1e-10))
    }

    @Test(
        "I_p(k, n − k + 1) equals the binomial upper tail P(X ≥ k) summed by hand",
        arguments: [(14, 10, 0.3), (109, 50, 0.45), (400, 380, 0.93), (400, 20, 0.02), (1000, 10, 0.002)]
    )
    func binomialTail(n: Int, k: Int, p: Double) {
        let actual = Beta.regularizedIncomplete(x: p, a: Double(k), b: Double(n - k + 1))
        #expect(StatisticsTolerance.isClose(actual, binomialUpperTail(n: n, k: k, p: p), relative: 1e-9))
    }

    @Test(
        "Symmetry I_x(a, b) = 1 − I_{1−x}(b, a)",
        arguments: [(0.2, 3.0, 7.0), (0.7, 0.4, 2.5), (0.5, 30.0, 31.0), (0.95, 200.0, 12.0)]
    )
    func symmetry(x: Double, a: Double, b: Double) {
        let direct = Beta.regularizedIncomplete(x: x, a: a, b: b)
        let mirrored = 1 - Beta.regularizedIncomplete(x: 1 - x, a: b, b: a)
        #expect(abs(direct - mirrored) <= 1e-13)
    }

    @Test("The ends of [0, 1] give exactly 0 and 1")
    func ends() {
        #expect(Beta.regularizedIncomplete(x: 0, a: 2, b: 3) == 0)
        #expect(Beta.regularizedIncomplete(x: 1, a: 2, b: 3) == 1)
    }
}

@Suite("Inverse of the regularised incomplete beta")
struct StatisticsInverseBetaTests {
    @Test("Inverse of x^a is p^(1/a)", arguments: [(0.025, 2.0), (0.975, 9.0), (0.5, 0.3), (1e-30, 3.0)])
    func inversePowerLaw(p: Double, a: Double) {
        let expected = pow(p, 1 / a)
        #expect(
            StatisticsTolerance.isClose(Beta.inverseRegularizedIncomplete(p: p, a: a, b: 1), expected, relative: 1e-10))
    }

    @Test(
        "Inverse of 1 − (1 − x)^b is −expm1(log1p(−p)/b), including roots near 1e-15",
        arguments: [(0.025, 5.0), (0.975, 2.0), (1e-12, 1000.0)]
    )
    func inverseComplementaryPowerLaw(p: Double, b: Double) {
        let expected = -expm1(log1p(-p) / b)
        #expect(
            StatisticsTolerance.isClose(Beta.inverseRegularizedIncomplete(p: p, a: 1, b: b), expected, relative: 1e-9))
    }

    @Test("Closed forms: I_x(2, 2) = 0.216 at x = 0.3; I_x(½, ½) = 1/3 at x = sin²(π/6) = ¼")
    func closedForms() {
        #expect(
            StatisticsTolerance.isClose(Beta.inverseRegularizedIncomplete(p: 0.216, a: 2, b: 2), 0.3, relative: 1e-10))
        #expect(
            StatisticsTolerance.isClose(
                Beta.inverseRegularizedIncomplete(p: 1.0 / 3.0, a: 0.5, b: 0.5), 0.25, relative: 1e-10))
    }

    @Test(
        "Round trip I(inverse(p)) = p, for small and large shape parameters",
        arguments: [
            (0.025, 2.0, 10.0), (0.975, 3.0, 9.0), (0.5, 0.2, 0.7), (0.025, 380.0, 21.0),
            (0.975, 1000.0, 2.0), (1e-8, 4.0, 50.0), (0.999999, 6.0, 3.0), (0.3, 5000.0, 4000.0),
        ]
    )
    func roundTrip(p: Double, a: Double, b: Double) {
        let x = Beta.inverseRegularizedIncomplete(p: p, a: a, b: b)
        #expect(x > 0 && x < 1)
        #expect(StatisticsTolerance.isClose(Beta.regularizedIncomplete(x: x, a: a, b: b), p, relative: 1e-9))
    }

    @Test("p = 0 and p = 1 give the ends of [0, 1]")
    func ends() {
        #expect(Beta.inverseRegularizedIncomplete(p: 0, a: 2, b: 3) == 0)
        #expect(Beta.inverseRegularizedIncomplete(p: 1, a: 2, b: 3) == 1)
    }
}
