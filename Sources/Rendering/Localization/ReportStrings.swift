import BikePDCACore

/// The fixed wording of a report (axis labels, legends, headings) in Japanese and English; everything else
/// comes from the ``ReportDocument``.
struct ReportStrings: Sendable {
    let language: ReportLanguage

    private func pick(_ japanese: String, _ english: String) -> String {
        language == .ja ? japanese : english
    }

    var generatedAt: String { pick("作成日時", "Generated") }
    var keyFigures: String { pick("主要指標", "Key figures") }
    var caveatsHeading: String { pick("注意事項", "Caveats") }
    var count: String { pick("件数", "Count") }
    var month: String { pick("月", "Month") }
    var hour: String { pick("時", "h") }
    var hourAxis: String { pick("時台 (0〜23時)", "Hour of day (0–23)") }
    var noData: String { pick("データなし", "No data") }
    var north: String { "N" }
    var legend: String { pick("凡例", "Legend") }
    var zoneArea: String { pick("重点地区", "Priority district") }
    var routeLine: String { pick("重点路線", "Priority route") }
    var routeBuffer: String { pick("路線の範囲", "Route buffer") }
    /// Under a map whose labels did not all fit: 「重なる名前 2 件は省略」 / "2 overlapping names left out".
    func labelsOmitted(_ count: Int) -> String {
        pick("重なる名前 \(count) 件は省略", "\(count) overlapping name\(count == 1 ? "" : "s") left out")
    }
    var accidents: String { pick("事故", "Accidents") }
    var enforcement: String { pick("取締り", "Enforcement") }
    var scale: String { pick("縮尺", "Scale") }
    var total: String { pick("計", "Total") }
    var interval: String { pick("95%信頼区間", "95% CI") }
    /// An interval without upper bound: `95%信頼区間 0.36 以上` / `95% CI ≥ 0.36`.
    func openInterval(lower: String) -> String { pick("\(interval) \(lower) 以上", "\(interval) ≥ \(lower)") }
    var fewer: String { pick("少", "Fewer") }
    var more: String { pick("多", "More") }
    var footer: String {
        pick(
            "BikePDCA により作成。外部への通信はありません。",
            "Made with BikePDCA. This file makes no network requests.")
    }
    var reportsHeading: String { pick("レポート一覧", "Reports") }
    var backToIndex: String { pick("レポート一覧へ", "All reports") }
    var dataThrough: String { pick("データ最終日", "Data through") }
    var provisional: String {
        pick(
            "直近の数値は速報値です (後から届く記録や訂正で変わることがあります)。",
            "Recent figures are provisional: late or corrected records can change them.")
    }
    /// The label of the blue-ticket system's start (青切符制度開始) on charts that cross it.
    var blueTicketStart: String { pick("青切符制度開始", "Blue tickets begin") }

    /// The heading of a caveat box.
    func caveatKind(_ kind: ReportCaveat.Kind) -> String {
        switch kind {
        case .dataGap: pick("データ欠損", "Data gap")
        case .lowCount: pick("件数僅少", "Low counts")
        case .regressionToMean: pick("平均への回帰", "Regression to the mean")
        case .other: pick("注意", "Note")
        }
    }

    /// Weekday names, Monday first (ISO order).
    var weekdays: [String] {
        language == .ja
            ? ["月", "火", "水", "木", "金", "土", "日"]
            : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    }

    /// A month's tick label: `4月` / `Apr`.
    func monthTick(_ month: YearMonth) -> String {
        let english = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return language == .ja ? "\(month.month)月" : english[month.month - 1]
    }

    /// A year label under the month ticks: `2025年` / `2025`.
    func yearTick(_ year: Int) -> String { pick("\(year)年", "\(year)") }

    /// A distance for the scale bar: `100 m`, `1 km`, `2.5 km`.
    func distance(metres: Double) -> String {
        if metres >= 1000 {
            let kilometres = metres / 1000
            let digits = kilometres == kilometres.rounded() ? 0 : 1
            return NumberFormat.fixed(kilometres, digits: digits) + " km"
        }
        return NumberFormat.fixed(metres, digits: 0) + " m"
    }
}
