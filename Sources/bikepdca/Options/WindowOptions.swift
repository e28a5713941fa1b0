import ArgumentParser
import BikePDCACore
import Workflows

/// The before–after windows and comparison group shared by `compare` and `report compare`.
struct WindowOptions: ParsableArguments {
    @Option(help: "The before window (a period or range, e.g. 2023-04..2024-03).")
    var before: String?

    @Option(help: "The after window (a period or range).")
    var after: String?

    @Option(help: "Months each side of the designation date when --before/--after are not given.")
    var window: Int = 12

    @Option(help: "The comparison group: station (its roads outside zones) or prefecture.")
    var comparison: String = "station"

    func validate() throws {
        guard (before == nil) == (after == nil) else {
            throw ValidationError("give both --before and --after, or neither")
        }
        guard window > 0 else { throw ValidationError("--window must be a positive number of months") }
        guard comparison == "station" || comparison == "prefecture" else {
            throw ValidationError("--comparison must be station or prefecture (got \"\(comparison)\")")
        }
    }

    /// The windows asked for.
    func windows() throws -> EvaluationWindows {
        guard let before, let after else { return .aroundDesignation(months: window) }
        return .given(before: try ReportingPeriod.argument(before), after: try ReportingPeriod.argument(after))
    }
}
