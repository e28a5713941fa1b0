/// Horizontal bars with their values printed at the end, e.g. the violation mix (違反種別の内訳).
public struct HorizontalBarChart: Sendable, Hashable {
    /// The chart's title and accessible name.
    public var title: String
    /// The bars, top to bottom (sort them before: the renderer keeps the order).
    public var bars: [Bar]
    /// Decimals printed for the values. Default 0.
    public var digits: Int
    /// A line under the chart (denominator, source); empty for none.
    public var note: String

    /// Creates the chart; values printed without decimals by default.
    public init(title: String, bars: [Bar], digits: Int = 0, note: String = "") {
        self.title = title
        self.bars = bars
        self.digits = digits
        self.note = note
    }

    /// A labelled value.
    public struct Bar: Sendable, Hashable {
        /// The label left of the bar, e.g. 「信号無視」.
        public var label: String
        /// The bar's length; negative values are drawn as 0.
        public var value: Double

        /// Creates a bar.
        public init(label: String, value: Double) {
            self.label = label
            self.value = value
        }
    }
}
