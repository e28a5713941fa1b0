/// A linear value axis from 0 to a round maximum, with round tick steps (1, 2, 2.5 or 5 × 10ⁿ).
struct ChartScale: Sendable, Equatable {
    /// The top of the axis.
    let maximum: Double
    /// The distance between ticks.
    let step: Double
    /// Decimals needed to print the ticks.
    let digits: Int

    /// An axis that holds `largest` (at least 1 for counts) in about `targetTicks` steps.
    init(largest: Double, targetTicks: Int = 5, minimum: Double = 1) {
        let top = largest.isFinite ? max(largest, minimum) : minimum
        let raw = top / Double(max(targetTicks, 1))
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        var step = magnitude * 10
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * magnitude >= raw {
            step = factor * magnitude
            break
        }
        var steps = (top / step).rounded(.up)
        if steps < 1 { steps = 1 }
        self.maximum = steps * step
        self.step = step
        var digits = 0
        var scaled = step
        while digits < 6, (scaled - scaled.rounded()).magnitude > 1e-9 {
            digits += 1
            scaled *= 10
        }
        self.digits = digits
    }

    /// The tick values from 0 to ``maximum``.
    var ticks: [Double] {
        let count = Int((maximum / step).rounded())
        return (0...count).map { Double($0) * step }
    }

    /// `value` as a fraction of the axis, clamped to 0…1.
    func fraction(_ value: Double) -> Double {
        guard value.isFinite, maximum > 0 else { return value > 0 ? 1 : 0 }
        return min(max(value / maximum, 0), 1)
    }
}
