import Foundation

/// The regularised incomplete beta function I_x(a, b) and its inverse, used for exact binomial and Poisson intervals.
public enum Beta {
    /// I_x(a, b) = B(x; a, b) / B(a, b), by the continued fraction of Numerical Recipes §6.4.
    ///
    /// Requires a > 0, b > 0 and 0 ≤ x ≤ 1 (a precondition: callers validate user input first).
    public static func regularizedIncomplete(x: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && a.isFinite && b > 0 && b.isFinite, "Beta: a and b must be finite and > 0")
        precondition(x >= 0 && x <= 1, "Beta: x must lie in [0, 1]")
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        let front = exp(logPrefactor(x: x, a: a, b: b))
        // The continued fraction converges fast only below the mean; above it, use I_x(a,b) = 1 − I_{1−x}(b,a).
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The x in [0, 1] with I_x(a, b) = p, by safeguarded Newton iteration inside a shrinking bracket.
    ///
    /// Requires a > 0, b > 0 and 0 ≤ p ≤ 1 (a precondition); returns 0 for p = 0 and 1 for p = 1.
    public static func inverseRegularizedIncomplete(p: Double, a: Double, b: Double) -> Double {
        precondition(a > 0 && a.isFinite && b > 0 && b.isFinite, "Beta: a and b must be finite and > 0")
        precondition(p >= 0 && p <= 1, "Beta: p must lie in [0, 1]")
        if p == 0 { return 0 }
        if p == 1 { return 1 }
        let logBeta = lgamma(a) + lgamma(b) - lgamma(a + b)
        var low = 0.0
        var high = 1.0
        var x = initialGuess(p: p, a: a, b: b)
        if !(x > 0 && x < 1) { x = 0.5 }
        var previousStep = 1.0
        for _ in 0..<maximumInversionSteps {
            let residual = regularizedIncomplete(x: x, a: a, b: b) - p
            if residual == 0 { return x }
            // I_x is increasing in x, so the sign of the residual tells which side of the root x lies on.
            if residual < 0 { low = x } else { high = x }
            let density = exp((a - 1) * log(x) + (b - 1) * log1p(-x) - logBeta)
            var next = x - residual / density
            let newtonIsUsable = density > 0 && density.isFinite && next > low && next < high
            // As in Numerical Recipes `rtsafe`: bisect when Newton leaves the bracket or stops halving its step.
            if !newtonIsUsable || abs(next - x) > previousStep / 2 {
                // Geometric midpoint when the bracket spans decades, so that tiny roots are reached in a few dozen
                // steps rather than hundreds.
                next = low > 0 && high > 1e3 * low ? (low * high).squareRoot() : (low + high) / 2
            }
            previousStep = abs(next - x)
            if previousStep <= 4 * Double.ulpOfOne * next || high - low <= 4 * Double.ulpOfOne * high {
                return next
            }
            x = next
        }
        return x
    }

    /// ln[x^a (1−x)^b / B(a, b)], the factor in front of the continued fraction.
    private static func logPrefactor(x: Double, a: Double, b: Double) -> Double {
        lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
    }

    /// The continued fraction for I_x(a, b) by the modified Lentz method (Numerical Recipes `betacf`).
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = Double.leastNormalMagnitude / Double.ulpOfOne
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        // Convergence takes O(√max(a, b)) steps; the cap only guards against a pathological input.
        let maximumSteps = 10_000 + Int(min(1e6, 10 * max(a, b).squareRoot()))
        for m in 1...maximumSteps {
            let mm = Double(m)
            let m2 = 2 * mm
            var aa = mm * (b - mm) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + mm) * (qab + mm) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= Double.ulpOfOne { break }
        }
        return h
    }

    /// A starting point for the inversion (Numerical Recipes `invbetai`), usually within a few per cent.
    private static func initialGuess(p: Double, a: Double, b: Double) -> Double {
        if a >= 1 && b >= 1 {
            let tail = p < 0.5 ? p : 1 - p
            let t = (-2 * log(tail)).squareRoot()
            var z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t
            if p < 0.5 { z = -z }
            let al = (z * z - 3) / 6
            let h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1))
            let w = z * (al + h).squareRoot() / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5.0 / 6 - 2 / (3 * h))
            return a / (a + b * exp(2 * w))
        }
        let lna = log(a / (a + b))
        let lnb = log(b / (a + b))
        let t = exp(a * lna) / a
        let u = exp(b * lnb) / b
        let w = t + u
        if p < t / w {
            return pow(a * w * p, 1 / a)
        }
        return 1 - pow(b * w * (1 - p), 1 / b)
    }

    private static let maximumInversionSteps = 2_000
}
