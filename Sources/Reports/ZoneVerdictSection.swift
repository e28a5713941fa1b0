import Analytics
import BikePDCACore
import Rendering

/// The zone report's first section (did the designation reduce accidents, and were the plan's targets met) and
/// its displacement check (転移・効果の波及).
enum ZoneVerdictSection {
    /// The verdict in words, the targets against what was done, and the displacement check in one sentence.
    static func section(
        _ detail: ZoneDetail, verdict: BeforeAfterVerdict?, noDataWindow: String?, row: MetricsRow,
        period: ReportingPeriod, w: Wording
    ) -> ReportSection {
        var caveats: [ReportCaveat] = []
        var blocks: [ReportBlock] = []
        if let evaluation = detail.evaluation, let verdict {
            caveats += BeforeAfterSections.caveats(evaluation, w: w).filter { $0.kind == .dataGap }
            blocks += VerdictWording.paragraphs(verdict, result: evaluation, w: w).map(ReportBlock.paragraph)
        } else {
            caveats.append(noEvaluationCaveat(detail, noDataWindow: noDataWindow, w: w))
        }
        if let displacement = detail.displacement {
            blocks.append(.paragraph(displacementSentence(displacement, w: w)))
        }
        let checks = TargetCheck.checks(row)
        if checks.isEmpty {
            blocks.append(
                .paragraph(
                    w(
                        "この重点の計画には目標 (指導警告・検挙・事故削減率) が設定されていません。",
                        "The plan rows of this zone set no target (warnings, tickets, accident reduction).")))
        } else {
            blocks.append(.table(targetsTable(checks, period: period, w: w)))
        }
        return ReportSection(
            title: w("判定: 指定の効果と計画の目標", "Verdict: the designation's effect and the plan's targets"),
            caveats: caveats, blocks: blocks)
    }

    /// Why there is no before–after evaluation, as the warning printed above the figures.
    static func noEvaluationCaveat(_ detail: ZoneDetail, noDataWindow: String?, w: Wording) -> ReportCaveat {
        if let noDataWindow {
            return ReportCaveat(
                kind: .dataGap,
                text: w(
                    "データなし: \(noDataWindow) の事故データが取り込まれていません (0件ではなく未取込)。指定前後の比較はできないため、判定も件数も示しません。",
                    "No data: no accident records are loaded for \(noDataWindow) (missing, not zero). There is no "
                        + "before–after comparison, so neither a verdict nor counts are shown."))
        }
        return ReportCaveat(
            kind: .dataGap,
            text: w(
                "指定日 (\(detail.zone.designatedFrom)) 以降の事故データがないため、指定前後の比較はできません。",
                "No accident data after the designation date (\(detail.zone.designatedFrom)), so no before–after "
                    + "comparison."))
    }

    /// The targets table: target, actual, 達成 / 未達.
    static func targetsTable(_ checks: [TargetCheck], period: ReportingPeriod, w: Wording) -> ReportTable {
        let rows: [[ReportCell]] = checks.map { check in
            let met: ReportCell =
                switch check.met {
                case true?: .text(w("達成", "Met"))
                case false?: .text(w("未達", "Not met"))
                case nil: .text(w("判定不可 (前年同期0件)", "Cannot tell (none last year)"))
                }
            switch check.measure {
            case .warnings, .citations:
                let whole = check.target.rounded() == check.target
                return [
                    .text(
                        check.measure == .warnings
                            ? w("指導警告 (件)", "Warnings") : w("検挙 (青・赤切符, 件)", "Tickets (blue + red)")),
                    .decimal(check.target, digits: whole ? 0 : 1),
                    check.actual.map { .integer(Int($0)) } ?? .missing, met,
                ]
            case .accidentReduction:
                return [
                    .text(w("事故削減率 (前年同期比)", "Fall in accidents vs last year")),
                    .percent(check.target / 100, digits: 1),
                    check.actual.map { .percent($0 / 100, digits: 1) } ?? .missing, met,
                ]
            }
        }
        return ReportTable(
            caption: w("計画の目標と実績 (\(w.span(period)))", "Plan targets against results (\(w.span(period)))"),
            columns: [
                ReportColumn(w("目標", "Target")), ReportColumn(w("目標値", "Target value"), alignment: .trailing),
                ReportColumn(w("実績", "Result"), alignment: .trailing), ReportColumn(w("判定", "Met?")),
            ],
            rows: rows,
            denominatorNote: w(
                "目標値: この重点を対象とする計画の目標 (件数は期間の日数で按分した合計、削減率は最も高い目標)。事故削減率 = (前年同期 − 今期) ÷ 前年同期。件数は実績 ≥ 目標値、削減率は実績 ≥ 目標で達成。",
                "Target: the targets of the plan rows for this zone (counts summed and prorated by days; the highest "
                    + "reduction target). Fall = (last year − this period) ÷ last year. A count is met when the result "
                    + "reaches the target, the fall when it reaches the target percentage."))
    }

    /// The displacement check's reading in one sentence.
    static func displacementSentence(_ displacement: ZoneDisplacement, w: Wording) -> String {
        let ring = NumberFormat.grouped(Int(displacement.ringMetres))
        let quotient = displacement.quotient
        let value = quotient.quotient.map { NumberFormat.fixed($0) } ?? "—"
        let reading: String
        switch quotient.reading {
        case .diffusion:
            reading = w(
                "周辺 \(ring) m でも事故が減っており、効果が周辺に波及した可能性があります (WDQ \(value))。",
                "the \(ring) m ring improved as well: the benefit may have spread around the zone (WDQ \(value)).")
        case .displacement:
            reading = w(
                "周辺 \(ring) m で事故が相対的に増えており、一部が周辺に移った (転移) 可能性があります。ただし増加は重点内の減少より小さい (WDQ \(value))。",
                "accidents rose relatively in the \(ring) m ring: some may have moved there (displacement), less "
                    + "than the zone gained (WDQ \(value)).")
        case .netHarm:
            reading = w(
                "周辺 \(ring) m での相対的な増加が重点内の減少を上回っており、事故が周辺に移った (転移) 可能性があります (WDQ \(value))。",
                "the relative rise in the \(ring) m ring exceeds the zone's fall: accidents may have moved there "
                    + "(displacement, WDQ \(value)).")
        case .noChangeInRing:
            reading = w(
                "周辺 \(ring) m は対照地域と同じ動きで、転移も波及も見られません (WDQ \(value))。",
                "the \(ring) m ring moved with the control area: neither displacement nor diffusion (WDQ \(value)).")
        case .undefined:
            reading = w(
                "重点内の事故が対照地域に比べて減っていないため、転移・波及は判定できません (効果がはっきりしない)。",
                "the zone did not improve against the control area, so there is nothing to displace: no clear effect.")
        }
        let noise =
            quotient.hasSmallCounts
            ? w(
                "重点か周辺の件数が各期間\(DisplacementQuotient.smallCount)件未満のため、この指数は偶然に大きく左右されます。",
                " With fewer than \(DisplacementQuotient.smallCount) accidents in the zone or the ring in a window, "
                    + "the quotient is mostly chance.") : ""
        return w("転移の確認: ", "Displacement check: ") + reading + noise
    }

    /// The displacement check as a section: the counts of zone, ring and control, and the reading.
    static func displacementSection(_ displacement: ZoneDisplacement, w: Wording) -> ReportSection {
        let quotient = displacement.quotient
        let ring = NumberFormat.grouped(Int(displacement.ringMetres))
        let rows: [[ReportCell]] = [
            [.text(w("重点 (A)", "Zone (A)")), .integer(quotient.zone.before), .integer(quotient.zone.after)],
            [
                .text(w("周辺 \(ring) m (B)", "Ring of \(ring) m (B)")), .integer(quotient.ring.before),
                .integer(quotient.ring.after),
            ],
            [
                .text(w("対照: 署内の他の重点外の道路 (C)", "Control: the station's other roads outside zones (C)")),
                .integer(quotient.control.before), .integer(quotient.control.after),
            ],
        ]
        let table = ReportTable(
            caption: w("重点・周辺・対照の事故件数", "Accidents in the zone, the ring and the control area"),
            columns: [
                ReportColumn(w("地域", "Area")),
                ReportColumn(
                    w("事前 \(displacement.beforeLabel)", "Before \(displacement.beforeLabel)"), alignment: .trailing),
                ReportColumn(
                    w("事後 \(displacement.afterLabel)", "After \(displacement.afterLabel)"), alignment: .trailing),
            ],
            rows: rows,
            denominatorNote: w(
                "周辺: 重点の境界 (路線は帯の端) から \(ring) m 以内で、どの重点にも入らないこの署の事故。対照: この署の重点外の事故のうち周辺以外。WDQ = (B1/C1 − B0/C0) ÷ (A1/C1 − A0/C0) (Bowers & Johnson 2003): 正なら効果の波及、負なら転移、−1未満なら転移が効果を上回る。重点内が対照より改善したときだけ定義されます。位置のない事故は対照に含めます。",
                "Ring: this station's accidents outside every zone within \(ring) m of the zone's edge (of a route's "
                    + "band). Control: the station's other accidents outside zones. WDQ = (B1/C1 − B0/C0) ÷ "
                    + "(A1/C1 − A0/C0) (Bowers & Johnson 2003): positive, diffusion of benefits; negative, "
                    + "displacement; below −1, more displaced than gained. Defined only when the zone improved against "
                    + "the control. Accidents without a location count in the control."))
        var blocks: [ReportBlock] = [.paragraph(displacementSentence(displacement, w: w)), .table(table)]
        if let tne = quotient.totalNetEffect {
            blocks.append(
                .paragraph(
                    w(
                        "対照地域の傾向を除いた、重点と周辺を合わせた事故の減少 (純効果) は \(NumberFormat.fixed(tne, digits: 1))件です (負なら増加)。",
                        "Accidents avoided in zone and ring together, after the control's trend (total net effect): "
                            + "\(NumberFormat.fixed(tne, digits: 1)) (negative: more).")))
        }
        return ReportSection(
            title: w("Check: 周辺への転移・効果の波及", "Check: displacement to the surroundings"), blocks: blocks)
    }
}
