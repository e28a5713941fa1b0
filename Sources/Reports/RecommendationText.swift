import Analytics
import BikePDCACore
import Rendering

/// The Act recommendations as a table, their reasons worded in the report's language from their figures.
enum RecommendationText {
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
        guard w.isJapanese else { return item.reason }
        let f = item.figures
        func n(_ key: String) -> String { NumberFormat.grouped(Int((f[key] ?? 0).rounded())) }
        switch item.kind {
        case .changeTactics:
            var text =
                "事故が減っていません (今期 \(n("accidents"))件、前年同期 \(n("accidents_last_year"))件)。指導警告・検挙は \(n("enforcement"))件"
            if let share = f["enforcement_in_accident_hours_share"] {
                text += "ですが、事故のあった曜日・時間帯に行ったのは \(NumberFormat.fixed(share * 100, digits: 0))% のみです"
            }
            return text + "。時間帯・場所・対象違反の見直しを。"
        case .considerMaintenance:
            return
                "事故が2年続けて減少 (\(NumberFormat.signedPercent(f["previous_change_percent"] ?? 0)) → \(NumberFormat.signedPercent(f["change_percent"] ?? 0)))。維持段階への移行や指定解除を検討 (平均への回帰でないことを経験ベイズ法で確認のうえ)。"
        case .candidateDesignation:
            return
                "重点外の事故 \(n("accidents"))件 (うち死亡・重傷 \(n("fatal_or_serious"))件)、Gi* = \(NumberFormat.fixed(f["gi_star"] ?? 0)): 新規指定の候補。"
        case .underPlan:
            var text =
                "実施 \(NumberFormat.fixed(f["officer_hours"] ?? 0, digits: 1))人時間 / 計画 \(NumberFormat.fixed(f["planned_officer_hours"] ?? 0, digits: 1))人時間 (\(NumberFormat.fixed(f["execution_percent"] ?? 0, digits: 1))%)。"
            if let id = item.zoneID, let zone = analytics.zones.first(where: { $0.id == id }) {
                let accidents = analytics.zoneRow(station: zone.stationID, zone: id)?.check?.accidents ?? 0
                text += "まず事故の最も多い \(w.zone(zone)) (事故\(NumberFormat.grouped(accidents))件) へ配置を。"
            }
            return text
        case .missingConcentratedDay:
            return "指定中の\(n("zone_months"))か月のうち\(n("months_without"))か月は集中取締り日がありません (基準: 毎月1回以上)。"
        }
    }

    static func table(_ items: [Recommendation], analytics: PeriodAnalytics, caption: String, w: Wording) -> ReportTable
    {
        ReportTable(
            caption: caption,
            columns: [
                ReportColumn(w("番号", "No."), alignment: .trailing), ReportColumn(w("種別", "Kind")),
                ReportColumn(w("対象", "Subject")), ReportColumn(w("理由と数値", "Reason and figures")),
            ],
            rows: items.enumerated().map { index, item in
                [
                    .integer(index + 1), .text(kind(item.kind, w: w)), .text(subject(item, analytics: analytics, w: w)),
                    .text(reason(item, analytics: analytics, w: w)),
                ]
            },
            denominatorNote: w(
                "提案の件数: \(items.count)件。基準は bikepdca act の既定値 (取締り30件以上、事故5件以上で判定、計画の80%未満で計画未達など; docs/ANALYTICS.md)。",
                "\(w.counted(items.count, "recommendation")), at the defaults of bikepdca act (30 stops, 5 accidents for a verdict, "
                    + "under 80% of plan…; docs/ANALYTICS.md)."))
    }
}
