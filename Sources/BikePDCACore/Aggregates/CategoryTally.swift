/// Records of one station × zone counted by one recorded category: an accident's bicycle role (第1 / 第2当事者) and
/// counterpart (相手), or an enforcement record's vehicle (自転車 / 特定小型原付) and age band (年齢層).
public struct CategoryTally: Hashable, Sendable {
    /// The station (警察署) id.
    public let stationID: String
    /// The zone, or `nil` outside every zone.
    public let zoneID: String?
    /// The first category's code (bicycle role, or vehicle class).
    public let first: String
    /// The second category's code (counterpart, or age band; empty when not recorded).
    public let second: String
    /// The number of records.
    public let count: Int

    /// Creates a tally.
    public init(stationID: String, zoneID: String?, first: String, second: String, count: Int) {
        self.stationID = stationID
        self.zoneID = zoneID
        self.first = first
        self.second = second
        self.count = count
    }
}
