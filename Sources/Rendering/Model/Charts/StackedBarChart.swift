/// Horizontal bars cut into coloured segments, e.g. each zone's enforcement split by department
/// (交通 / 地域 / その他).
public struct StackedBarChart: Sendable, Hashable {
    /// The chart's title and accessible name.
    public var title: String
    /// The segment names in stacking order, e.g. 「交通」「地域」「その他」; they make the legend.
    public var segmentNames: [String]
    /// The bars, top to bottom.
    public var bars: [Bar]
    /// A line under the chart (denominator, source); empty for none.
    public var note: String

    /// Creates the chart.
    public init(title: String, segmentNames: [String], bars: [Bar], note: String = "") {
        self.title = title
        self.segmentNames = segmentNames
        self.bars = bars
        self.note = note
    }

    /// One bar: a value per segment, in ``StackedBarChart/segmentNames`` order (missing ones count 0).
    public struct Bar: Sendable, Hashable {
        /// The label left of the bar, e.g. a zone name.
        public var label: String
        /// The segment values; negative values are drawn as 0.
        public var values: [Double]

        /// Creates a bar.
        public init(label: String, values: [Double]) {
            self.label = label
            self.values = values
        }
    }
}
