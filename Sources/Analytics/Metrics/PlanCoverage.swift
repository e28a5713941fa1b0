import BikePDCACore

/// Which part of each plan row counts in a period.
///
/// A station's department may write its plan at several granularities at once: a fiscal-year row (令和7年度)
/// beside its twelve month rows, or a quarter beside some of its months. Adding them all would count the plan
/// twice. A row therefore counts only for the months of the period that no finer row of the same
/// station × department × zone covers, prorated by days: a year row with month rows for April–June counts for
/// July–March only.
///
/// The one rule for a plan's share of a period: the metrics, the station report and the zone report's monthly
/// columns all use it.
public enum PlanCoverage {
    /// Each plan row with the share of it (0…1) that counts in `period`; rows with no share are left out.
    public static func shares(of plans: [Plan], in period: ReportingPeriod) -> [(plan: Plan, share: Double)] {
        // Each row's span worked out once (a national year has 50,000 plan rows, each looked at by its siblings).
        let spans = plans.map(Span.init)
        var groups: [Owner: [Span]] = [:]
        for (plan, span) in zip(plans, spans) { groups[Owner(plan), default: []].append(span) }
        var result: [(plan: Plan, share: Double)] = []
        for (plan, span) in zip(plans, spans) {
            let first = max(plan.period.start, period.start)
            let last = min(plan.period.end, period.end)
            guard first <= last else { continue }
            let siblings = groups[Owner(plan)] ?? []
            var countedDays = 0
            var month = first.yearMonth
            while month <= last.yearMonth {
                let pieceStart = max(month.firstDay, first).dayNumber
                let pieceEnd = min(month.lastDay, last).dayNumber
                let coveredByFiner = siblings.contains { other in
                    other.months < span.months && other.start <= pieceStart && other.end >= pieceEnd
                }
                if !coveredByFiner { countedDays += pieceEnd - pieceStart + 1 }
                month = month.adding(months: 1)
            }
            guard countedDays > 0 else { continue }
            result.append((plan, Double(countedDays) / Double(span.end - span.start + 1)))
        }
        return result
    }

    /// Whether a row of `plans` counts only in part in `period` (按分): its planned figures are then a share of the
    /// row's, not a whole number of operations.
    public static func hasProratedRows(_ plans: [Plan], in period: ReportingPeriod) -> Bool {
        shares(of: plans, in: period).contains { $0.share < 1 - 1e-9 }
    }

    /// The station × department × zone a plan row belongs to.
    private struct Owner: Hashable {
        let stationID: String
        let department: Department
        /// Empty for the station department's total.
        let zoneID: String

        init(_ plan: Plan) {
            stationID = plan.stationID
            department = plan.department
            zoneID = plan.zoneID ?? ""
        }
    }

    /// A plan row's months and its first and last day numbers.
    private struct Span {
        let months: Int
        let start: Int
        let end: Int

        init(_ plan: Plan) {
            months = plan.period.monthCount
            start = plan.period.start.dayNumber
            end = plan.period.end.dayNumber
        }
    }
}
