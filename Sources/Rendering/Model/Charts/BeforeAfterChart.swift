/// Vertical bars with 95 % confidence-interval whiskers: a before/after comparison.
///
/// Map an `EffectivenessEstimate` as two bars, 「事前 (期待値 π)」 = `expectedWithoutTreatment` and 「事後 (実測)」 =
/// the observed count, or as one bar θ with `lower95`/`upper95` and a reference line at 1 (「変化なし」);
/// a `PoissonRateRatio` as one bar `ratio` with `lower`/`upper` and the reference line at 1. An upper bound of
/// +∞ (no events in the comparison) is drawn as an open whisker with an arrow.
public struct BeforeAfterChart: Sendable, Hashable {
    /// The chart's title and accessible name.
    public var title: String
    /// The bars, left to right.
    public var bars: [Bar]
    /// A horizontal dashed line, e.g. 1.0 for a ratio (no change); `nil` for none.
    public var referenceLine: Double?
    /// The label of ``referenceLine``, e.g. 「変化なし (θ = 1)」.
    public var referenceLabel: String
    /// Decimals printed for values and bounds. Default 2.
    public var digits: Int
    /// A line under the chart (method, confidence level); empty for none.
    public var note: String

    /// Creates the chart; no reference line and 2 decimals by default.
    public init(
        title: String, bars: [Bar], referenceLine: Double? = nil, referenceLabel: String = "", digits: Int = 2,
        note: String = ""
    ) {
        self.title = title
        self.bars = bars
        self.referenceLine = referenceLine
        self.referenceLabel = referenceLabel
        self.digits = digits
        self.note = note
    }

    /// A bar and its interval.
    public struct Bar: Sendable, Hashable {
        /// The label under the bar, e.g. 「事前」.
        public var label: String
        /// The bar's height.
        public var value: Double
        /// The interval's lower bound; `nil` with ``upper`` for a bar without whisker.
        public var lower: Double?
        /// The interval's upper bound; may be `.infinity`.
        public var upper: Double?

        /// Creates a bar; without bounds it has no whisker.
        public init(label: String, value: Double, lower: Double? = nil, upper: Double? = nil) {
            self.label = label
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }
}
