import Analytics
import BikePDCACore
import Rendering

/// The before–after verdict (事前事後評価の判定) in words, and the glossary of its terms: what the zone and compare
/// reports put on their first screen. The rule itself is ``BeforeAfterVerdict`` in Analytics.
enum VerdictWording {
    /// The verdict as a short headline: 「減少の可能性が高い」, 「判断できない」, 「増加の可能性」.
    static func headline(_ reading: BeforeAfterVerdict.Reading, w: Wording) -> String {
        switch reading {
        case .likelyFewer: w("減少の可能性が高い", "Likely fewer accidents")
        case .cannotTell: w("判断できない", "Cannot tell")
        case .possiblyMore: w("増加の可能性", "Possibly more accidents")
        case .noEstimate: w("判断できない (件数不足)", "Cannot tell (too few accidents)")
        case .incompleteData: w("判断できない (データ欠損)", "Cannot tell (data missing)")
        }
    }

    /// The headline for a window without data: 「データなし」.
    static func noData(w: Wording) -> String { w("データなし", "No data") }

    /// The method the verdict came from, e.g. 「経験ベイズ法」.
    static func methodName(_ method: EvaluationMethod, w: Wording) -> String {
        switch method {
        case .naive: w("単純比較", "naive before–after")
        case .comparisonGroup: w("比較群法", "comparison group")
        case .ratioOfRatios: w("比の比", "ratio of ratios")
        case .empiricalBayes: w("経験ベイズ法", "Empirical Bayes")
        }
    }

    /// θ and its interval as a short line: 「経験ベイズ法 θ 0.85 (95%信頼区間 0.70–0.99)」.
    static func estimateLine(_ verdict: BeforeAfterVerdict, w: Wording) -> String {
        if verdict.reading == .incompleteData {
            return w("事前・事後の期間に事故データのない月があります", "Months without accident data in a window")
        }
        guard let method = verdict.method, let result = verdict.estimate, let theta = result.theta,
            let lower = result.lower95, let upper = result.upper95
        else { return w("採用できる推定がありません", "No estimate meets the rule") }
        let interval = "\(NumberFormat.fixed(lower))–\(NumberFormat.fixed(upper))"
        return w(
            "\(methodName(method, w: w)) θ \(NumberFormat.fixed(theta)) (95%信頼区間 \(interval))",
            "\(methodName(method, w: w)) θ \(NumberFormat.fixed(theta)) (95% interval \(interval))")
    }

    /// The verdict card shown first among the KPI cards.
    static func kpi(_ verdict: BeforeAfterVerdict?, noDataWindow: String?, w: Wording) -> ReportKPI {
        let label = w("指定の効果 (事前事後の判定)", "Effect of the designation (verdict)")
        if let noDataWindow {
            return ReportKPI(
                label: label, value: .text(noData(w: w)),
                note: w("\(noDataWindow) に事故データがありません", "No accident data in \(noDataWindow)"))
        }
        guard let verdict else {
            return ReportKPI(
                label: label, value: .text(w("判断できない", "Cannot tell")),
                note: w("指定後の事故データがありません", "No accident data after the designation"))
        }
        return ReportKPI(
            label: label, value: .text(headline(verdict.reading, w: w)), note: estimateLine(verdict, w: w))
    }

    /// The verdict in sentences: what the chosen estimate says, why it differs from the naive one, and the rule.
    static func paragraphs(_ verdict: BeforeAfterVerdict, result: BeforeAfterResult, w: Wording) -> [String] {
        var sentences: [String] = []
        let counts = result.counts
        switch verdict.reading {
        case .likelyFewer:
            sentences.append(
                w(
                    "判定: 減少の可能性が高い。\(estimateLine(verdict, w: w)) で、区間全体が1を下回るため、指定がなかった場合より事故が少なかった可能性が高いと判断します。",
                    "Verdict: likely fewer accidents. \(estimateLine(verdict, w: w)): the whole interval lies below 1, so "
                        + "accidents were probably fewer than expected without the designation."))
        case .cannotTell:
            sentences.append(
                w(
                    "判定: 判断できない。\(estimateLine(verdict, w: w)) で、区間が1をまたぐため、事故の増減は偶然と区別できません。",
                    "Verdict: cannot tell. \(estimateLine(verdict, w: w)): the interval contains 1, so the change cannot be "
                        + "told from chance."))
        case .possiblyMore:
            sentences.append(
                w(
                    "判定: 増加の可能性。\(estimateLine(verdict, w: w)) で、区間全体が1を上回るため、指定がなかった場合より事故が多かった可能性があります。",
                    "Verdict: possibly more accidents. \(estimateLine(verdict, w: w)): the whole interval lies above 1, so "
                        + "accidents were probably more than expected without the designation."))
        case .incompleteData:
            sentences.append(
                w(
                    "判定: 判断できない (データ欠損)。事前または事後の期間に、この署の事故データがない月があります。欠けた月は0件ではなく不明のため、件数も推定も不完全で、判定しません (方法別の値は参考として下に示します)。",
                    "Verdict: cannot tell (data missing). The before or after window has months without accident records "
                        + "for this station; they are unknown, not zero, so the counts and estimates are incomplete and no "
                        + "verdict is given (the estimates below are for reference only)."))
        case .noEstimate:
            sentences.append(
                w(
                    "判定: 判断できない (件数不足)。参照群が\(BeforeAfterVerdict.minimumReferenceUnits)か所未満で、比較群の事故も各期間\(BeforeAfterVerdict.minimumComparisonCount)件に届かない (または推定が算出できない) ため、判定に使える推定がありません。",
                    "Verdict: cannot tell (too few accidents). The reference group has fewer than "
                        + "\(BeforeAfterVerdict.minimumReferenceUnits) units and the comparison group fewer than "
                        + "\(BeforeAfterVerdict.minimumComparisonCount) accidents in a window (or no estimate could be "
                        + "computed), so no estimate meets the rule."))
        }
        if let why = whyMethodsDiffer(verdict, w: w) { sentences.append(why) }
        if verdict.method == .empiricalBayes {
            sentences.append(
                w(
                    "参照群 (他の重点\(counts.referenceBefore.count)か所) も指定を受けているため、その傾向には各重点自身の効果も含まれます。中立な参照群ではない点に注意してください。",
                    "The reference group (\(counts.referenceBefore.count) other zones) is designated too, so its trend "
                        + "includes their own designations' effect: it is not a neutral reference."))
        }
        sentences.append(rule(w: w))
        return sentences
    }

    /// One sentence on why the chosen estimate and the naive one differ; `nil` without both.
    static func whyMethodsDiffer(_ verdict: BeforeAfterVerdict, w: Wording) -> String? {
        guard let naive = verdict.naiveTheta, let method = verdict.method, let theta = verdict.estimate?.theta else {
            return nil
        }
        let values = w(
            "単純比較の θ は \(NumberFormat.fixed(naive))、\(methodName(method, w: w))は \(NumberFormat.fixed(theta)) です。",
            "The naive θ is \(NumberFormat.fixed(naive)), the \(methodName(method, w: w)) θ \(NumberFormat.fixed(theta)). "
        )
        switch method {
        case .empiricalBayes:
            return values
                + w(
                    "単純比較は事前の件数をそのまま期待値にするため、事故が多くて指定された場所が対策なしでも減る分 (平均への回帰) まで効果に数えます。経験ベイズ法は事前の件数を参照群の平均に寄せて補正し、参照群の事前→事後の変化 (全体の傾向) も除くため、値が異なります。",
                    "The naive estimate takes the before count as the expectation and so counts as effect the fall a "
                        + "high-count place shows anyway (regression to the mean); Empirical Bayes pulls the before count "
                        + "toward the reference group's mean and removes that group's trend, hence the difference.")
        case .comparisonGroup:
            return values
                + w(
                    "単純比較は事前の件数をそのまま期待値にしますが、比較群法は同じ期間の比較群 (重点外の道路) の増減 (全体の傾向) で期待値を補正するため、値が異なります。",
                    "The naive estimate takes the before count as the expectation; the comparison group scales it by "
                        + "the change on the roads outside zones over the same windows (the general trend), hence the "
                        + "difference.")
        case .naive, .ratioOfRatios:
            return values
        }
    }

    /// The rule, stated where the verdict is shown.
    static func rule(w: Wording) -> String {
        w(
            "判定の規則: 参照群が\(BeforeAfterVerdict.minimumReferenceUnits)か所以上あれば経験ベイズ法、なければ比較群の事故が各期間\(BeforeAfterVerdict.minimumComparisonCount)件以上のとき比較群法の θ を使い、その95%信頼区間が1より下なら「減少の可能性が高い」、1をまたげば「判断できない」、1より上なら「増加の可能性」とします。点推定だけでは判定しません (\(BeforeAfterVerdict.minimumReferenceUnits)か所未満では過分散 k の推定が不安定なため)。",
            "The rule: Empirical Bayes when the reference group has at least \(BeforeAfterVerdict.minimumReferenceUnits) "
                + "units, otherwise the comparison group when it has at least "
                + "\(BeforeAfterVerdict.minimumComparisonCount) accidents in each window; the verdict comes from that "
                + "estimate's 95% interval: below 1 \"likely fewer\", across 1 \"cannot tell\", above 1 \"possibly "
                + "more\". A point value alone never decides (with fewer than "
                + "\(BeforeAfterVerdict.minimumReferenceUnits) units the over-dispersion k is too unstable).")
    }

    /// The glossary section: θ, π, K/L, M/N, the reference group and the 95% interval in words.
    static func glossary(w: Wording) -> ReportSection {
        let entries: [(String, String)] = [
            (
                w("効果指数 θ", "Index of effectiveness θ"),
                w(
                    "指定後の事故件数 ÷ 指定がなかった場合に見込まれる件数。1未満なら見込みより少なく (0.8なら約2割減)、1を超えれば多いことを表します。",
                    "Accidents after the designation ÷ accidents expected without it. Below 1: fewer than expected "
                        + "(0.8 is about 20% fewer); above 1: more.")
            ),
            (
                w("期待値 π", "Expected count π"),
                w(
                    "指定がなかった場合に事後期間に見込まれる事故件数。方法ごとに見込み方が違います。",
                    "The accidents expected in the after window had the zone not been designated; each method "
                        + "estimates it differently.")
            ),
            (
                "K / L",
                w(
                    "この重点の事故件数。K が指定前 (事前)、L が指定後 (事後) の期間。",
                    "Accidents in this zone: K in the window before the designation, L in the window after.")
            ),
            (
                "M / N",
                w(
                    "比較群 (重点外の道路) の事故件数。M が事前、N が事後。地域全体の増減 (傾向) を測るために使います。",
                    "Accidents in the comparison group (roads outside zones): M before, N after. They measure the "
                        + "general trend.")
            ),
            (
                w("参照群", "Reference group"),
                w(
                    "経験ベイズ法で比べる他の重点。その平均件数とばらつきから、この重点の事前の件数のうち偶然に多かった分を割り引きます。",
                    "The other zones Empirical Bayes compares with: their mean and spread discount the part of this "
                        + "zone's before count that was high by chance.")
            ),
            (
                w("95%信頼区間", "95% interval"),
                w(
                    "θ が偶然のばらつきを考えてもこの範囲にあると見込める幅。区間が1をまたぐときは増減を偶然と区別できません。",
                    "The range θ lies in once chance variation is allowed for. An interval across 1 cannot be told "
                        + "from chance.")
            ),
            (
                w("平均への回帰", "Regression to the mean"),
                w(
                    "たまたま事故が多かった年の翌年は、対策をしなくても件数が平均に近づく (減る) 傾向。単純比較はこれを効果と取り違えます。",
                    "A year with unusually many accidents tends to be followed by fewer, with or without a measure; "
                        + "the naive comparison mistakes this for an effect.")
            ),
        ]
        return ReportSection(
            title: w("用語", "Glossary"),
            blocks: entries.map { .paragraph("\($0.0): \($0.1)") })
    }
}
