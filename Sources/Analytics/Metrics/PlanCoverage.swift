import BikePDCACore

/// Which part of each plan row counts in a period.
///
/// A station's department may write its plan at several granularities at once: a fiscal-year row (令和7年度)
/// beside its twelve month rows, or a quarter beside some of its months. Adding them all would count the plan
/// twice. A row therefore counts only for the months of the period that no finer row of the same
/// station × department × zone covers, prorated by days: a year row with month rows for April–June counts for
/// July–March only.
enum PlanCoverage {
    /// Each plan row with the share of it (0…1) that counts in `period`; rows with no share are left out.
    static func shares(of plans: [Plan], in period: ReportingPeriod) -> [(plan: Plan, share: Double)] {
        var groups: [String: [Plan]] = [:]
        for plan in plans {
            groups["\(plan.stationID)|\(plan.department.rawValue)|\(plan.zoneID ?? "")", default: []].append(plan)
        }
        var result: [(plan: Plan, share: Double)] = []
        for plan in plans {
            let first = max(plan.period.start, period.start)
            let last = min(plan.period.end, period.end)
            guard first <= last else { continue }
            let siblings = groups["\(plan.stationID)|\(plan.department.rawValue)|\(plan.zoneID ?? "")"] ?? []
            var countedDays = 0
            var month = first.yearMonth
            while month <= last.yearMonth {
                let pieceStart = max(month.firstDay, first)
                let pieceEnd = min(month.lastDay, last)
                let coveredByFiner = siblings.contains { other in
                    other.period.monthCount < plan.period.monthCount && other.period.start <= pieceStart
                        && other.period.end >= pieceEnd
                }
                if !coveredByFiner { countedDays += pieceEnd.dayNumber - pieceStart.dayNumber + 1 }
                month = month.adding(months: 1)
            }
            guard countedDays > 0 else { continue }
            let planDays = plan.period.end.dayNumber - plan.period.start.dayNumber + 1
            result.append((plan, Double(countedDays) / Double(planDays)))
        }
        return result
    }
}
