import BikePDCACore

/// Breakdowns of the period's records that the tallies do not carry: accidents by the bicycle's role (第1 / 第2当事者)
/// and counterpart (相手), enforcement by vehicle (自転車 / 特定小型原付) and age band (年齢層).
public struct RecordBreakdowns: Sendable {
    /// Accidents: `first` the bicycle role code, `second` the counterpart code.
    public var accidentParties: [CategoryTally]
    /// Enforcement: `first` the vehicle code, `second` the age band code (empty when not recorded).
    public var enforcementRiders: [CategoryTally]

    /// Creates the breakdowns; none by default.
    public init(accidentParties: [CategoryTally] = [], enforcementRiders: [CategoryTally] = []) {
        self.accidentParties = accidentParties
        self.enforcementRiders = enforcementRiders
    }
}
