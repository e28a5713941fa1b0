/// How far a count of events can be trusted (件数の信頼性), judged from the Poisson relative standard error 1/√n.
///
/// Default rule: fewer than 5 events is ``veryLow`` (relative standard error above 45 %: a difference of a few
/// accidents is noise); fewer than 20 is ``low`` (above 22 %, the threshold below which the US National Center for
/// Health Statistics calls a rate unreliable); 20 or more is ``adequate``.
public enum CountReliability: String, Sendable, Hashable, CaseIterable {
    /// Enough events (default 20 or more) for an estimate to be read at face value.
    case adequate
    /// Few events (default 5–19): show the estimate, but flag it as imprecise.
    case low
    /// Very few events (default fewer than 5, including 0): too few to support a conclusion.
    case veryLow

    /// Classifies a total event count; defaults: `low` below 20 events, `veryLow` below 5 (negative counts too).
    public static func classify(events: Int, lowBelow: Int = 20, veryLowBelow: Int = 5) -> CountReliability {
        if events < veryLowBelow { return .veryLow }
        if events < lowBelow { return .low }
        return .adequate
    }
}
