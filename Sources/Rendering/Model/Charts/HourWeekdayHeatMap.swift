/// A 24 × 7 grid of counts by hour of day (0–23) and ISO weekday (Monday–Sunday), e.g. when the zone's
/// accidents happen, to set beside when its enforcement happens.
public struct HourWeekdayHeatMap: Sendable, Hashable {
    /// The chart's title and accessible name.
    public var title: String
    /// `values[weekday][hour]`: 7 rows Monday…Sunday, 24 hours each; missing entries count 0.
    public var values: [[Double]]
    /// A line under the chart (what is counted, how many records had no time); empty for none.
    public var note: String

    /// Creates the heat map from 7 rows of 24 values.
    public init(title: String, values: [[Double]], note: String = "") {
        self.title = title
        self.values = values
        self.note = note
    }

    /// The value for an ISO weekday index 0 (Monday) … 6 (Sunday) and an hour 0…23; 0 when missing.
    public func value(weekday: Int, hour: Int) -> Double {
        guard values.indices.contains(weekday), values[weekday].indices.contains(hour) else { return 0 }
        let value = values[weekday][hour]
        return value.isFinite ? max(0, value) : 0
    }
}
