/// A chart of a report, drawn as inline SVG by ``HTMLRenderer``.
public enum ReportChart: Sendable, Hashable {
    /// Monthly trend lines with the designation date marked.
    case monthlyTrend(MonthlyTrendChart)
    /// Before/after bars with confidence-interval whiskers.
    case beforeAfter(BeforeAfterChart)
    /// Stacked horizontal bars, e.g. enforcement split by department (部門別).
    case stackedBars(StackedBarChart)
    /// Horizontal bars, e.g. the violation mix (違反種別).
    case horizontalBars(HorizontalBarChart)
    /// An hour-of-day × weekday heat map (24 × 7 cells).
    case hourWeekdayHeatMap(HourWeekdayHeatMap)
    /// A zone's map in a local projection, with a scale bar and a north arrow.
    case zoneMap(ZoneMapChart)
    /// A station's or a prefecture's zones and hot spots on one map.
    case areaMap(AreaMapChart)

    /// The chart's title, also its accessible name.
    public var title: String {
        switch self {
        case .monthlyTrend(let chart): chart.title
        case .beforeAfter(let chart): chart.title
        case .stackedBars(let chart): chart.title
        case .horizontalBars(let chart): chart.title
        case .hourWeekdayHeatMap(let chart): chart.title
        case .zoneMap(let chart): chart.title
        case .areaMap(let chart): chart.title
        }
    }
}
