import Analytics
import BikePDCACore
import Rendering

/// Builds the before–after comparison (事前事後評価) of a zone or a station's zones as a document.
public enum CompareReportBuilder {
    /// The comparison report of `result`.
    public static func document(_ result: BeforeAfterResult, settings: ReportSettings) -> ReportDocument {
        let w = Wording(language: settings.language)
        let counts = result.counts
        var kpis = [
            ReportKPI(
                label: w("事前の事故", "Accidents before"), value: .integer(counts.before), unit: w("件", ""),
                note: w("\(counts.beforeDays)日間", "\(counts.beforeDays) days")),
            ReportKPI(
                label: w("事後の事故", "Accidents after"), value: .integer(counts.after), unit: w("件", ""),
                note: w("\(counts.afterDays)日間", "\(counts.afterDays) days")),
        ]
        if let ratio = result.evaluation.rateRatio, let value = ratio.ratio {
            kpis.append(
                ReportKPI(
                    label: w("率比 (事後÷事前, 1日あたり)", "Rate ratio after ÷ before (per day)"),
                    value: .decimal(value, digits: 2),
                    note: w(
                        "95%信頼区間 \(NumberFormat.fixed(ratio.lower))–\(ratio.upper.map { NumberFormat.fixed($0) } ?? "∞")",
                        "95% CI \(NumberFormat.fixed(ratio.lower))–\(ratio.upper.map { NumberFormat.fixed($0) } ?? "∞")"
                    )))
        }
        // The headline is the verdict of the documented rule and the method it came from, never a bare θ.
        let verdict = result.verdict
        kpis.insert(VerdictWording.kpi(verdict, noDataWindow: nil, w: w), at: 0)
        kpis.append(
            ReportKPI(
                label: w("件数の信頼性", "Count reliability"), value: .text(w.reliability(result.evaluation.reliability)),
                note: w("事前+事後 \(counts.before + counts.after)件", "\(counts.before + counts.after) accidents in all")))
        return ReportDocument(
            title: w("\(result.subjectName) 事前事後評価", "\(result.subjectName): before–after evaluation"),
            subtitle: w(
                "事前 \(counts.beforeLabel) · 事後 \(counts.afterLabel)",
                "Before \(counts.beforeLabel) · after \(counts.afterLabel)"),
            language: settings.language, generatedAt: settings.generatedAt, kpis: kpis,
            sections: [
                ReportSection(
                    title: w("判定", "Verdict"),
                    caveats: BeforeAfterSections.caveats(result, w: w).filter { $0.kind == .dataGap },
                    blocks: VerdictWording.paragraphs(verdict, result: result, w: w).map(ReportBlock.paragraph)),
                BeforeAfterSections.section(result, title: w("事前事後評価", "Before–after evaluation"), w: w),
                ReportSection(
                    title: w("方法について", "About the methods"),
                    blocks: [
                        .paragraph(
                            w(
                                "単純比較は事前の件数をそのまま事後の期待値とします。比較群法は比較群 (重点外の道路) の事前→事後の変化で期待値を補正し、比の比は対象と比較群の比の比を取ります。経験ベイズ法は参照群 (他の重点) の平均と過分散 k (積率法) で平均への回帰を補正します。",
                                "Naive: the before count is the expectation after. Comparison group: the expectation is scaled by "
                                    + "the comparison group's change (roads outside zones); ratio of ratios divides the two ratios. "
                                    + "Empirical Bayes corrects for regression to the mean with the reference group's mean "
                                    + "(the other zones) and over-dispersion k (method of moments)."
                            ))
                    ]),
                VerdictWording.glossary(w: w),
            ])
    }
}
