import Analytics
import BikePDCACore
import Rendering

/// The Act recommendations as a table, their reasons worded in the report's language from their figures.
enum RecommendationText {
    /// The most urgent items shown in a report's first section.
    static let firstScreenItems = 5

    static func kind(_ kind: Recommendation.Kind, w: Wording) -> String {
        switch kind {
        case .changeTactics: w("戦術の見直し", "Change tactics")
        case .considerMaintenance: w("維持・解除の検討", "Consider maintenance")
        case .candidateDesignation: w("新規指定の候補", "Candidate designation")
        case .underPlan: w("計画未達", "Under plan")
        case .missingConcentratedDay: w("集中取締り日なし", "No concentrated day")
        }
    }

    static func subject(_ item: Recommendation, analytics: PeriodAnalytics, w: Wording) -> String {
        switch item.kind {
        case .candidateDesignation:
            return w("メッシュ \(item.mesh ?? "")", "Mesh \(item.mesh ?? "")")
        case .underPlan:
            let station = w.station(analytics.station(item.stationID ?? ""), id: item.stationID ?? "")
            return "\(station) \(item.department.map { w.department($0) } ?? "")\(w("部門", ""))"
        default:
            guard let id = item.zoneID, let zone = analytics.zones.first(where: { $0.id == id }) else {
                return item.subject
            }
            return w.zone(zone)
        }
    }

    static func reason(_ item: Recommendation, analytics: PeriodAnalytics, w: Wording) -> String {
        let f = item.figures
        func n(_ key: String) -> String { NumberFormat.grouped(Int((f[key] ?? 0).rounded())) }
        guard w.isJapanese else {
            switch item.kind {
            case .changeTactics:
                var text =
                    "Accidents did not fall (\(n("accidents")) vs \(n("accidents_last_year")) the same span last year) "
                    + "despite \(n("enforcement")) warnings and tickets"
                if let share = f["enforcement_in_accident_hours_share"] {
                    text +=
                        "; only \(NumberFormat.fixed(share * 100, digits: 0))% of them in the weekday and hours of "
                        + "the zone's accidents"
                }
                return text + ". " + move(item.timing, w: w)
            case .underPlan:
                let measures = item.measuresBelow.map { measure in
                    "\(PlanSections.name(measure.measure, w: w)) \(NumberFormat.fixed(measure.percent ?? 0, digits: 1))% "
                        + "(\(PlanSections.figures(measure, w: w)))"
                }
                var text =
                    "Below \(NumberFormat.fixed(analytics.thresholds.underPlanPercent, digits: 0))% of plan: "
                    + measures.joined(separator: "; ") + "."
                if let id = item.zoneID, let zone = analytics.zones.first(where: { $0.id == id }) {
                    let accidents = analytics.zoneRow(station: zone.stationID, zone: id)?.check?.accidents ?? 0
                    text +=
                        " Send the missing operations first to \(w.zone(zone)), the zone with the most accidents "
                        + "(\(NumberFormat.grouped(accidents))). " + move(item.timing, w: w)
                }
                return text
            default: return item.reason
            }
        }
        switch item.kind {
        case .changeTactics:
            var text =
                "事故が減っていません (今期 \(n("accidents"))件、前年同期 \(n("accidents_last_year"))件)。指導警告・検挙は \(n("enforcement"))件"
            if let share = f["enforcement_in_accident_hours_share"] {
                text += "ですが、事故のあった曜日・時間帯に行ったのは \(NumberFormat.fixed(share * 100, digits: 0))% のみです"
            }
            return text + "。" + move(item.timing, w: w)
        case .considerMaintenance:
            return
                "事故が2年続けて減少 (\(NumberFormat.signedPercent(f["previous_change_percent"] ?? 0)) → \(NumberFormat.signedPercent(f["change_percent"] ?? 0)))。維持段階への移行や指定解除を検討 (平均への回帰でないことを経験ベイズ法で確認のうえ)。"
        case .candidateDesignation:
            return
                "重点外の事故 \(n("accidents"))件 (うち死亡・重傷 \(n("fatal_or_serious"))件)、Gi* = \(NumberFormat.fixed(f["gi_star"] ?? 0)): 新規指定の候補。"
        case .underPlan:
            let measures = item.measuresBelow.map { measure in
                "\(PlanSections.name(measure.measure, w: w)) \(NumberFormat.fixed(measure.percent ?? 0, digits: 1))% (\(PlanSections.figures(measure, w: w)))"
            }
            var text =
                "計画の\(NumberFormat.fixed(analytics.thresholds.underPlanPercent, digits: 0))%未満: \(measures.joined(separator: "、"))。"
            if let id = item.zoneID, let zone = analytics.zones.first(where: { $0.id == id }) {
                let accidents = analytics.zoneRow(station: zone.stationID, zone: id)?.check?.accidents ?? 0
                text +=
                    "不足分はまず事故の最も多い \(w.zone(zone)) (事故\(NumberFormat.grouped(accidents))件) へ。" + move(item.timing, w: w)
            }
            return text
        case .missingConcentratedDay:
            return "指定中の\(n("zone_months"))か月のうち\(n("months_without"))か月は集中取締り日がありません (基準: 毎月1回以上)。"
        }
    }

    /// 「火 15–18時 (3件)、金 6–9時 (2件) へ活動を移す」, or why the cells cannot be told.
    static func move(_ timing: AccidentTiming?, w: Wording) -> String {
        guard let timing else { return "" }
        guard timing.isConclusive else {
            return w(
                "事故の発生時刻がある事故は \(NumberFormat.grouped(timing.accidentsWithTime))件で少なく、どの曜日・時間帯へ移すべきかは判断できません。",
                "The zone has \(NumberFormat.grouped(timing.accidentsWithTime)) accidents with a time of day, too few to tell "
                    + "which weekday and hour to move operations to.")
        }
        let days =
            w.isJapanese ? ["月", "火", "水", "木", "金", "土", "日"] : ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let cells = timing.cells.map { cell in
            w(
                "\(days[cell.weekday - 1]) \(cell.startHour)–\(cell.endHour)時 (\(cell.accidents)件)",
                "\(days[cell.weekday - 1]) \(cell.startHour):00–\(cell.endHour):00 (\(cell.accidents))")
        }
        return w(
            "活動を事故の多い曜日・時間帯へ: \(cells.joined(separator: "、")) (発生時刻のある事故 \(NumberFormat.grouped(timing.accidentsWithTime))件)。",
            "Move operations to the weekday and hours of the zone's accidents: \(cells.joined(separator: ", ")) (of "
                + "\(NumberFormat.grouped(timing.accidentsWithTime)) accidents with a time).")
    }

    /// 「高」 / "High", with the reason.
    static func urgency(_ item: Recommendation, w: Wording) -> String {
        let level =
            switch item.urgency {
            case .high: w("高", "High")
            case .medium: w("中", "Medium")
            case .low: w("低", "Low")
            }
        let reason =
            switch (item.kind, item.urgency) {
            case (.changeTactics, _): w("取締りを続けても事故が減らない重点", item.urgencyReason)
            case (.candidateDesignation, .high): w("重点外の多発地点で死亡・重傷事故あり", item.urgencyReason)
            case (.candidateDesignation, _): w("重点外の多発地点", item.urgencyReason)
            case (.underPlan, .high): w("計画の半分未満の指標あり", item.urgencyReason)
            case (.underPlan, _): w("計画を下回る指標あり", item.urgencyReason)
            case (.missingConcentratedDay, _): w("集中取締り日の全国基準 (毎月1回) を下回る", item.urgencyReason)
            case (.considerMaintenance, _): w("2年続けて減少、急ぐ必要なし", item.urgencyReason)
            }
        return w("\(level): \(reason)", "\(level): \(reason)")
    }

    static func table(_ items: [Recommendation], analytics: PeriodAnalytics, caption: String, w: Wording) -> ReportTable
    {
        ReportTable(
            caption: caption,
            columns: [
                ReportColumn(w("番号", "No."), alignment: .trailing), ReportColumn(w("緊急度", "Urgency")),
                ReportColumn(w("種別", "Kind")), ReportColumn(w("対象", "Subject")),
                ReportColumn(w("理由と数値", "Reason and figures")),
            ],
            rows: items.enumerated().map { index, item in
                [
                    .integer(index + 1), .text(urgency(item, w: w)), .text(kind(item.kind, w: w)),
                    .text(subject(item, analytics: analytics, w: w)), .text(reason(item, analytics: analytics, w: w)),
                ]
            },
            denominatorNote: w(
                "提案の件数: \(items.count)件。緊急度の順 (高: 取締りをしても事故が減らない重点、死亡・重傷のある重点外の多発地点、計画の\(NumberFormat.fixed(analytics.thresholds.urgentUnderPlanPercent, digits: 0))%未満の指標; 中: その他の計画未達・多発地点・集中取締り日なし; 低: 維持・解除の検討)、同じ緊急度では問題の大きい順。計画未達 = 活動回数・人時間・指導警告・検挙のいずれかが計画・目標の\(NumberFormat.fixed(analytics.thresholds.underPlanPercent, digits: 0))%未満。活動を移す曜日・時間帯は、重点の事故 (今期と前年) を曜日×3時間帯に数え、発生時刻のある事故が\(analytics.thresholds.minimumAccidentsForTiming)件以上のとき\(analytics.thresholds.minimumAccidentsPerTimeCell)件以上の枠を多い順に最大\(analytics.thresholds.maximumTimeCells)つ示します。基準は bikepdca act の既定値 (取締り30件以上、事故5件以上で判定)。",
                "\(w.counted(items.count, "recommendation")), by urgency (high: a zone whose accidents did not fall despite enforcement, a "
                    + "hot spot with a fatal or serious accident, a measure below \(NumberFormat.fixed(analytics.thresholds.urgentUnderPlanPercent, digits: 0))% "
                    + "of plan; medium: other under-plan items, hot spots and months without a concentrated day; low: "
                    + "maintenance or lifting), then by the size of the problem. Under plan = operations, officer-hours, "
                    + "warnings or citations below \(NumberFormat.fixed(analytics.thresholds.underPlanPercent, digits: 0))% of plan or target. "
                    + "Weekday and hours to move to: the zone's accidents (this year and last) counted in weekday × 3-hour "
                    + "cells; named only with \(analytics.thresholds.minimumAccidentsForTiming) or more accidents with a time, cells with "
                    + "\(analytics.thresholds.minimumAccidentsPerTimeCell) or more, at most \(analytics.thresholds.maximumTimeCells), most first. Defaults of "
                    + "bikepdca act (30 stops, 5 accidents for a verdict)."))
    }
}
