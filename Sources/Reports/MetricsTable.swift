import Analytics
import Rendering

/// The metrics report as a table of text cells (`metrics --format table` and `--format csv`).
public enum MetricsTable {
    /// The column names (snake case, as in the CSV and JSON output).
    public static let header = [
        "station", "department", "zone", "active_zones", "planned_operations", "operations",
        "operation_participations", "operations_exec_pct",
        "planned_officer_hours", "officer_hours", "officer_hours_exec_pct", "joint_share_pct", "concentrated_days",
        "zone_months_with_concentrated_day", "warnings", "blue", "red", "warnings_per_citation", "in_zone_pct",
        "in_accident_hours_pct", "accidents", "accidents_last_year", "change_pct", "rate_ratio", "rr_lower95",
        "rr_upper95", "reliability", "three_year_average", "target_reduction_pct", "target_met", "complete",
    ]

    /// The header and one row per metrics row.
    public static func rows(_ report: MetricsReport) -> [[String]] {
        var rows = [header]
        for row in report.rows {
            let check = row.check
            rows.append([
                row.key.stationID ?? "*", row.key.department?.rawValue ?? "*", row.key.zoneID ?? "*",
                String(row.plan.activeZones), number(row.plan.plannedOperations), String(row.done.operations),
                String(row.done.operationParticipations), number(row.operationsExecutionPercent),
                number(row.plan.plannedOfficerHours),
                number(row.done.officerHours), number(row.officerHoursExecutionPercent),
                number(row.done.jointShare.map { $0 * 100 }), String(row.done.concentratedDays),
                row.done.zoneMonths > 0 ? "\(row.done.zoneMonthsMeetingMinimum)/\(row.done.zoneMonths)" : "",
                String(row.done.warnings), String(row.done.blueTickets), String(row.done.redTickets),
                number(row.done.warningsPerCitation), number(row.done.inZoneShare.map { $0 * 100 }),
                number(row.done.accidentHoursShare.map { $0 * 100 }),
                check.map { String($0.accidents) } ?? "", check.map { String($0.accidentsLastYear) } ?? "",
                number(check?.changePercent), ratio(check?.rateRatio.map { $0.ratio ?? .infinity }),
                ratio(check?.rateRatio?.lower), ratio(check?.rateRatio.map { $0.upper ?? .infinity }),
                check?.reliability ?? "", number(check?.threeYearAverage),
                number(row.plan.targetAccidentReductionPercent), check?.targetMet.map { $0 ? "yes" : "no" } ?? "",
                row.isComplete ? "yes" : "no (\(row.missing.count) missing)",
            ])
        }
        return rows
    }

    /// A figure with one decimal (`12.5`), empty when there is none.
    public static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return NumberFormat.fixed(value, digits: 1, grouping: false)
    }

    /// A ratio with three decimals (`0.812`), `inf` when unbounded, empty when there is none.
    public static func ratio(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.isFinite ? NumberFormat.fixed(value, digits: 3, grouping: false) : "inf"
    }
}
