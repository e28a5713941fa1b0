import Analytics
import BikePDCACore
import Rendering

/// The before–after evaluation as report sections, shared by the zone report and the compare report: the
/// caveats (data gaps, low counts, regression to the mean) come before the figures they qualify.
enum BeforeAfterSections {
    /// Caveats of an evaluation, in the order a reader needs them.
    static func caveats(_ result: BeforeAfterResult, w: Wording) -> [ReportCaveat] {
        var caveats: [ReportCaveat] = []
        for (name, gaps) in [(w("事前", "before"), result.beforeGaps), (w("事後", "after"), result.afterGaps)]
        where !gaps.isEmpty {
            let examples = gaps.prefix(4).map(\.description).joined(separator: ", ")
            caveats.append(
                ReportCaveat(
                    kind: .dataGap,
                    text: w(
                        "\(name)期間に事故データのない署月が\(gaps.count)あります (\(examples)\(gaps.count > 4 ? " など" : ""))。0件ではなく欠損のため、以下の推定は信頼できません。データのある期間で比較してください。",
                        "The \(name) window has \(w.counted(gaps.count, "station-month")) without accident records (\(examples)"
                            + "\(gaps.count > 4 ? "…" : "")): missing, not zero, so the estimates below are not "
                            + "reliable. Compare windows inside the loaded months.")))
        }
        let counts = result.counts
        let events = counts.before + counts.after
        if result.evaluation.reliability != CountReliability.adequate.rawValue {
            caveats.append(
                ReportCaveat(
                    kind: .lowCount,
                    text: w(
                        "事前・事後あわせて\(events)件しかありません (信頼性: \(w.reliability(result.evaluation.reliability)))。数件の差は偶然の範囲です。点推定ではなく信頼区間を見てください。",
                        "Only \(events) accidents before and after together (\(w.reliability(result.evaluation.reliability))): "
                            + "differences of a few accidents are noise; read the intervals, not the point values.")))
        }
        caveats.append(
            ReportCaveat(
                kind: .regressionToMean,
                text: w(
                    "重点地区・路線は事故が多いことを理由に指定されるため、対策をしなくても事故は減る傾向があります (平均への回帰)。単純比較はその分だけ効果を過大に見せます。比較群法・経験ベイズ法の結果と併せて判断してください。",
                    "Zones are designated because their counts were high, and high counts fall back on their own "
                        + "(regression to the mean), so the naive estimate overstates the effect; read it with the "
                        + "comparison-group and Empirical Bayes results.")))
        return caveats
    }

    /// The counts table (K, L, M, N, reference group, days).
    static func countsTable(_ result: BeforeAfterResult, w: Wording) -> ReportTable {
        let counts = result.counts
        let comparison =
            result.prefectureComparison
            ? w("比較群: 県内の重点外の道路", "Comparison group: the prefecture outside zones")
            : w("比較群: 同じ署の重点外の道路", "Comparison group: the station's roads outside zones")
        var rows: [[ReportCell]] = [
            [.text(w("期間", "Window")), .text(counts.beforeLabel), .text(counts.afterLabel)],
            [.text(w("日数", "Days")), .integer(counts.beforeDays), .integer(counts.afterDays)],
            [
                .text(w("対象の事故 (K / L)", "Accidents in the subject (K / L)")), .integer(counts.before),
                .integer(counts.after),
            ],
            [.text(comparison + " (M / N)"), .integer(counts.comparisonBefore), .integer(counts.comparisonAfter)],
        ]
        if !counts.referenceBefore.isEmpty {
            rows.append([
                .text(
                    w(
                        "参照群 (他の重点\(counts.referenceBefore.count)か所の合計)",
                        "Reference group (\(counts.referenceBefore.count) other units, total)")),
                .integer(counts.referenceBefore.reduce(0, +)), .integer(counts.referenceAfter.reduce(0, +)),
            ])
        }
        return ReportTable(
            caption: w("事前・事後の事故件数", "Accidents before and after"),
            columns: [
                ReportColumn(w("区分", "Item")), ReportColumn(w("事前", "Before"), alignment: .trailing),
                ReportColumn(w("事後", "After"), alignment: .trailing),
            ],
            rows: rows,
            denominatorNote: w(
                "件数: 自転車関連事故の記録 (事故日が各期間内のもの)。合計行なし (各行は別の地域)。",
                "Counts: bicycle accident records dated within each window. No totals row (each row is a different area)."
            ))
    }

    /// The per-method θ table.
    static func methodsTable(_ result: BeforeAfterResult, w: Wording) -> ReportTable {
        var rows: [[ReportCell]] = result.evaluation.results.map { method in
            let change: ReportCell = method.theta.map { .percent($0 - 1, digits: 1) } ?? .missing
            let note: String
            if let reason = method.unavailable {
                note = w(unavailableJA(method.method, result.counts), reason)
            } else {
                note = methodNote(method.method, w: w)
            }
            return [
                .text(w.method(method.method)), .number(method.theta, digits: 3), .number(method.lower95, digits: 3),
                .number(method.upper95, digits: 3), change, .number(method.expected, digits: 1), .text(note),
            ]
        }
        if let ratio = result.evaluation.rateRatio {
            rows.append([
                .text(w("率比 事後÷事前 (1日あたり, 正確法)", "Rate ratio after ÷ before (per day, exact)")),
                .number(ratio.ratio ?? .infinity, digits: 3), .decimal(ratio.lower, digits: 3),
                .number(ratio.upper, digits: 3), ratio.ratio.map { .percent($0 - 1, digits: 1) } ?? .missing, .missing,
                .text(w("Clopper–Pearson 法の95%信頼区間", "Clopper–Pearson 95% interval")),
            ])
        }
        return ReportTable(
            caption: w("方法別の効果指数 θ", "Index of effectiveness θ by method"),
            columns: [
                ReportColumn(w("方法", "Method")), ReportColumn("θ", alignment: .trailing),
                ReportColumn(w("95%下限", "95% lower"), alignment: .trailing),
                ReportColumn(w("95%上限", "95% upper"), alignment: .trailing),
                ReportColumn(w("推定変化率", "Estimated change"), alignment: .trailing),
                ReportColumn(w("対策なしの期待値 π", "Expected without (π)"), alignment: .trailing),
                ReportColumn(w("備考", "Note")),
            ],
            rows: rows,
            denominatorNote: w(
                "θ = 事後の実測 ÷ 対策がなかった場合の期待値 (1未満なら減少)。推定変化率 = θ − 1。算出元は上の事前・事後の件数。",
                "θ = observed after ÷ expected without the designation (below 1: fewer). Estimated change = θ − 1. "
                    + "Computed from the counts above."))
    }

    /// θ per method as bars with their intervals, and the line θ = 1.
    static func chart(_ result: BeforeAfterResult, w: Wording) -> BeforeAfterChart? {
        var bars: [BeforeAfterChart.Bar] = result.evaluation.results.compactMap { method in
            guard let theta = method.theta else { return nil }
            return BeforeAfterChart.Bar(
                label: w.method(method.method), value: theta, lower: method.lower95, upper: method.upper95)
        }
        if let ratio = result.evaluation.rateRatio, let value = ratio.ratio {
            bars.append(
                BeforeAfterChart.Bar(
                    label: w("率比 (事後÷事前)", "Rate ratio"), value: value, lower: ratio.lower,
                    upper: ratio.upper ?? .infinity))
        }
        guard !bars.isEmpty else { return nil }
        return BeforeAfterChart(
            title: w("効果指数 θ と95%信頼区間", "Index of effectiveness θ with 95% intervals"), bars: bars,
            referenceLine: 1, referenceLabel: w("変化なし (θ = 1)", "No change (θ = 1)"), digits: 2,
            note: w(
                "1より下なら対策がなかった場合より事故が少ない。区間が1をまたぐ場合は偶然と区別できません。",
                "Below 1: fewer accidents than expected without the designation. An interval across 1 cannot be told from chance."
            ))
    }

    /// The whole evaluation as one section (caveats first).
    static func section(_ result: BeforeAfterResult, title: String, w: Wording) -> ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph(
                w(
                    "\(result.subjectName) の事前 (\(result.counts.beforeLabel)) と事後 (\(result.counts.afterLabel)) の自転車事故を比較します。",
                    "Bicycle accidents of \(result.subjectName) before (\(result.counts.beforeLabel)) and after (\(result.counts.afterLabel)) designation."
                )),
            .table(countsTable(result, w: w)),
        ]
        if let chart = chart(result, w: w) { blocks.append(.chart(.beforeAfter(chart))) }
        blocks.append(.table(methodsTable(result, w: w)))
        return ReportSection(title: title, caveats: caveats(result, w: w), blocks: blocks)
    }

    private static func methodNote(_ method: String, w: Wording) -> String {
        switch EvaluationMethod(rawValue: method) {
        case .naive: w("平均への回帰を含む (過大評価)", "Includes regression to the mean (overstates)")
        case .comparisonGroup:
            w("比較群の変化で補正 (Var(ω)は0と仮定)", "Adjusted by the comparison group's change (Var(ω) taken as 0)")
        case .ratioOfRatios: w("比較群との比の比 (対数尺度の区間)", "Ratio of ratios (log-scale interval)")
        case .empiricalBayes:
            w("参照群 (他の重点) の平均で予測。参照群も指定済みのため効果を含む", "Predicted from the reference zones' mean; they are designated too")
        case nil: ""
        }
    }

    private static func unavailableJA(_ method: String, _ counts: BeforeAfterCounts) -> String {
        switch EvaluationMethod(rawValue: method) {
        case .empiricalBayes: return "算出不可: 参照群が2か所未満、または参照群の事故が0件"
        case .comparisonGroup, .ratioOfRatios:
            if counts.before == 0 { return "算出不可: 事前の事故が0件" }
            if counts.comparisonBefore == 0 || counts.comparisonAfter == 0 { return "算出不可: 比較群の事故が0件" }
            if counts.after == 0 { return "算出不可: 事後の事故が0件" }
            return "算出不可"
        case .naive: return counts.before == 0 ? "算出不可: 事前の事故が0件" : "算出不可"
        case nil: return "算出不可"
        }
    }
}
