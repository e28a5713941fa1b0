import BikePDCACore
import Rendering

/// Enforcement by department and outcome, and the violation mix, as tables and charts: shared by the zone and
/// station reports.
enum EnforcementTables {
    static func blocks(
        _ tallies: [EnforcementTally], period: ReportingPeriod, explainStation: String?, explainZone: String?,
        w: Wording
    ) -> [ReportBlock] {
        let total = tallies.reduce(0) { $0 + $1.count }
        var byDepartment: [Department: [Outcome: Int]] = [:]
        var byViolation: [String: [Outcome: Int]] = [:]
        for tally in tallies {
            byDepartment[tally.department, default: [:]][tally.outcome, default: 0] += tally.count
            byViolation[tally.violation, default: [:]][tally.outcome, default: 0] += tally.count
        }
        func row(_ label: String, _ counts: [Outcome: Int]) -> [ReportCell] {
            let sum = counts.values.reduce(0, +)
            return [.text(label)]
                + Outcome.allCases.map { w.outcomeCell($0, count: counts[$0] ?? 0, spanEnd: period.end) }
                + [.integer(sum), total > 0 ? .percent(Double(sum) / Double(total), digits: 1) : .missing]
        }
        var outcomeTotals: [Outcome: Int] = [:]
        for counts in byDepartment.values {
            for (outcome, count) in counts { outcomeTotals[outcome, default: 0] += count }
        }
        let columns =
            Outcome.allCases.map { ReportColumn(w.outcome($0), alignment: .trailing) } + [
                ReportColumn(w("計", "Total"), alignment: .trailing),
                ReportColumn(w("構成比", "Share"), alignment: .trailing),
            ]
        let explain = w.explain("enforcement", period: period, station: explainStation, zone: explainZone)
        let departmentTable = ReportTable(
            caption: w("部門別・処理別の取締件数", "Enforcement by department and outcome"),
            columns: [ReportColumn(w("部門", "Department"))] + columns,
            rows: Department.allCases.map { row(w.department($0), byDepartment[$0] ?? [:]) },
            totals: row(w("計", "Total"), outcomeTotals),
            denominatorNote: w(
                "件数: 取締り記録 (指導警告・青切符・赤切符)。構成比の分母: 当該期間の取締り件数の計 (\(NumberFormat.grouped(total))件)。\(explain)",
                "Counts: enforcement records. Share of all \(NumberFormat.grouped(total)) stops in the period. \(explain)"
            ))
        let stacked = StackedBarChart(
            title: w("部門別の取締り (処理別)", "Stops by department and outcome"),
            segmentNames: Outcome.allCases.map { w.outcome($0) },
            bars: Department.allCases.map { department in
                StackedBarChart.Bar(
                    label: w.department(department),
                    values: Outcome.allCases.map { Double(byDepartment[department]?[$0] ?? 0) })
            },
            note: w("件数 (分母なし)。", "Counts."))
        let violations = byViolation.map { (code: $0.key, counts: $0.value, sum: $0.value.values.reduce(0, +)) }
            .sorted { ($0.sum, $1.code) > ($1.sum, $0.code) }
        let violationTable = ReportTable(
            caption: w("違反種別の内訳", "Stops by violation"),
            columns: [ReportColumn(w("違反種別", "Violation"))] + columns,
            rows: violations.map { row(w.violation($0.code), $0.counts) },
            totals: row(w("計", "Total"), outcomeTotals),
            denominatorNote: w(
                "件数: 取締り記録。構成比の分母: 当該期間の取締り件数の計 (\(NumberFormat.grouped(total))件)。\(explain)",
                "Counts: enforcement records. Share of all \(NumberFormat.grouped(total)) stops. \(explain)"))
        let bars = HorizontalBarChart(
            title: w("違反種別 (上位10)", "Top 10 violations"),
            bars: violations.prefix(10).map { .init(label: w.violation($0.code), value: Double($0.sum)) },
            note: w("取締り件数。", "Stops."))
        return [
            .table(departmentTable), .chart(.stackedBars(stacked), restatesTable: true),
            .chart(.horizontalBars(bars), restatesTable: true),
            .table(violationTable),
        ]
    }
}
