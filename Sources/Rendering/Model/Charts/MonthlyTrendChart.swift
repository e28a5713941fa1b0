import BikePDCACore

/// Month-by-month lines (e.g. bicycle accidents in the zone, this year and last) on one count axis, with
/// vertical markers such as the zone's designation date (指定日).
public struct MonthlyTrendChart: Sendable, Hashable {
    /// The chart's title and accessible name.
    public var title: String
    /// The lines, drawn in order in the palette's colours.
    public var series: [Series]
    /// Dates marked with a dashed vertical line and a label; a date outside the months shown is left out.
    public var markers: [Marker]
    /// What the y axis counts, e.g. 「件数」; empty for the localised default (「件数」/ "count").
    public var valueLabel: String
    /// A line under the chart (source, denominator); empty for none.
    public var note: String
    /// Whether a chart whose months run across 2026-04-01 marks the start of blue tickets (青切符制度開始), so a
    /// jump in tickets reads as the new system, not as a change in enforcement. Default `true`.
    public var marksBlueTicketStart: Bool = true

    /// Creates a trend chart; `markers` default to none, `valueLabel` and `note` to empty.
    public init(
        title: String, series: [Series], markers: [Marker] = [], valueLabel: String = "", note: String = ""
    ) {
        self.title = title
        self.series = series
        self.markers = markers
        self.valueLabel = valueLabel
        self.note = note
    }

    /// One line: a value per month; `nil` is a month with no data, drawn as a gap, never as 0.
    public struct Series: Sendable, Hashable {
        /// The legend name, e.g. 「自転車事故 (2025年度)」.
        public var name: String
        /// The months and their values, in any order (drawn in month order).
        public var points: [Point]

        /// Creates a series.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// A month's value.
    public struct Point: Sendable, Hashable {
        /// The month.
        public var month: YearMonth
        /// The value, or `nil` when the month has no data (a data gap).
        public var value: Double?

        /// Creates a point.
        public init(month: YearMonth, value: Double?) {
            self.month = month
            self.value = value
        }
    }

    /// A marked date, e.g. the designation (指定) of the zone.
    public struct Marker: Sendable, Hashable {
        /// The date marked, placed within its month by day.
        public var date: LocalDate
        /// The label beside the line, e.g. 「重点路線指定」.
        public var label: String

        /// Creates a marker.
        public init(date: LocalDate, label: String) {
            self.date = date
            self.label = label
        }
    }
}
