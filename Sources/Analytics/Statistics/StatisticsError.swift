/// Why a statistic could not be computed from its inputs.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A count of events (accidents, violations) was negative.
    case negativeCount(name: String, value: Int)
    /// A real-valued input (a period length, an exposure, a variance) was out of its allowed range.
    case invalidParameter(name: String, value: Double, requirement: String)
    /// A count that the formula divides by, or takes the logarithm of, was 0.
    case zeroCount(name: String, consequence: String)
    /// Both Poisson counts were 0, so the rate ratio is undefined (any value from 0 to ∞ fits the data).
    case noEvents
    /// A confidence level outside the open interval (0, 1).
    case invalidConfidence(Double)

    /// A one-line message suitable for `Error: ...` output.
    public var description: String {
        switch self {
        case .negativeCount(let name, let value):
            "\(name) = \(value) is negative: counts cannot be negative"
        case .invalidParameter(let name, let value, let requirement):
            "\(name) = \(value) is invalid: it must be \(requirement)"
        case .zeroCount(let name, let consequence):
            "\(name) is 0, so \(consequence)"
        case .noEvents:
            "no events in either group, so the rate ratio is undefined (any value from 0 to infinity fits the data)"
        case .invalidConfidence(let level):
            "confidence level \(level) is invalid: it must lie strictly between 0 and 1 (e.g. 0.95)"
        }
    }
}
