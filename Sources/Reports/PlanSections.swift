import Analytics
import BikePDCACore
import Rendering

/// Plan attainment (計画達成) and targets (目標) as KPI cards and tables, shared by the station and prefecture
/// reports (and open to the zone report): one definition per measure (``PlanAttainment``), each measure named.
enum PlanSections {
    /// 「活動回数」 / "Operations".
    static func name(_ measure: AttainmentMeasure, w: Wording) -> String {
        switch measure {
        case .operations: w("活動回数", "Operations")
        case .officerHours: w("人時間", "Officer-hours")
        case .warnings: w("指導警告", "Warnings")
        case .citations: w("検挙", "Citations")
        }
    }

    /// 「計画」 for planned amounts, 「目標」 for targets.
    static func plannedWord(_ measure: AttainmentMeasure, w: Wording) -> String {
        switch measure {
        case .operations, .officerHours: w("計画", "planned")
        case .warnings, .citations: w("目標", "target")
        }
    }

    /// A count of `measure` with its unit: 「26回」, 「438人時間」, 「4,270件」 / "26", "438 officer-hours".
    static func amount(_ value: Double, _ measure: AttainmentMeasure, prorated: Bool, w: Wording) -> String {
        // Planned counts are whole numbers unless a plan row counted only in part (按分).
        let number = prorated ? NumberFormat.fixed(value, digits: 1) : NumberFormat.fixed(value, digits: 0)
        switch measure {
        case .operations: return w("\(number)回", number)
        case .officerHours: return w("\(number)人時間", "\(number) officer-hours")
        case .warnings, .citations: return w("\(number)件", number)
        }
    }

    /// 「実施 189回 / 計画 168回」 (with 「(按分)」 when prorated) / "189 of 168 planned".
    static func figures(_ item: Attainment, w: Wording) -> String {
        let planned = amount(item.planned, item.measure, prorated: item.isProrated, w: w)
        let hoursDone = item.measure == .officerHours
        let actual = amount(item.actual, item.measure, prorated: hoursDone, w: w)
        let prorated = item.isProrated ? w(" (按分)", " (prorated)") : ""
        return w(
            "実績 \(actual) / \(plannedWord(item.measure, w: w)) \(planned)\(prorated)",
            "\(actual) of \(planned) \(plannedWord(item.measure, w: w))\(prorated)")
    }

    /// 「達成」, 「未達」 or 「計画未達」 (below the Act threshold).
    static func verdict(_ item: Attainment, threshold: Double, w: Wording) -> String {
        if item.isMet { return w("達成", "met") }
        if item.isBelow(percent: threshold) {
            return w(
                "計画未達 (\(NumberFormat.fixed(threshold, digits: 0))%未満)",
                "under plan (below \(NumberFormat.fixed(threshold, digits: 0))%)")
        }
        return w("未達", "not met")
    }

    /// One KPI card per measure with a plan: 「活動回数の達成率 112.5%」, the figures under it.
    static func kpis(_ attainment: PlanAttainment, w: Wording) -> [ReportKPI] {
        attainment.measures.map { item in
            ReportKPI(
                label: w(
                    "\(name(item.measure, w: w))の\(plannedWord(item.measure, w: w))達成率",
                    "\(name(item.measure, w: w)) vs \(plannedWord(item.measure, w: w))"),
                value: .share(item.percent.map { $0 / 100 }), note: figures(item, w: w))
        }
    }

    /// The accident-reduction target as a KPI card, or `nil` without one.
    static func targetKPI(_ target: ReductionTarget?, w: Wording) -> ReportKPI? {
        guard let target else { return nil }
        let change = target.changePercent.map { NumberFormat.signedPercent($0) } ?? w("前年0件", "none last year")
        return ReportKPI(
            label: w("事故削減目標", "Accident-reduction target"),
            value: .text(targetVerdict(target, w: w)),
            note: w(
                "目標 -\(NumberFormat.fixed(target.targetPercent, digits: 0))% · 実績 \(change) (\(NumberFormat.grouped(target.accidents))件 / 前年同期 \(NumberFormat.grouped(target.accidentsLastYear))件)",
                "target -\(NumberFormat.fixed(target.targetPercent, digits: 0))% · actual \(change) (\(NumberFormat.grouped(target.accidents)) vs \(NumberFormat.grouped(target.accidentsLastYear)))"
            ))
    }

    /// 「達成」 / 「未達」 / 「判定不能」 for a reduction target.
    static func targetVerdict(_ target: ReductionTarget, w: Wording) -> String {
        switch target.isMet {
        case true?: w("達成", "met")
        case false?: w("未達", "not met")
        case nil: w("判定不能", "no baseline")
        }
    }

    /// Fatal and serious accidents (死亡・重傷) against last year as a KPI card.
    static func fatalOrSeriousKPI(_ counts: (now: Int, lastYear: Int), scope: String, w: Wording) -> ReportKPI {
        ReportKPI(
            label: w("死亡・重傷事故 (\(scope))", "Fatal or serious accidents (\(scope))"), value: .integer(counts.now),
            unit: w("件", ""),
            note: w(
                "前年同期 \(NumberFormat.grouped(counts.lastYear))件 (\(changeText(now: counts.now, before: counts.lastYear, w: w)))",
                "\(NumberFormat.grouped(counts.lastYear)) in the same span last year (\(changeText(now: counts.now, before: counts.lastYear, w: w)))"
            ))
    }

    /// 「-10.9%」, or 「前年0件」 when there is no baseline.
    static func changeText(now: Int, before: Int, w: Wording) -> String {
        before > 0
            ? NumberFormat.signedPercent(Double(now - before) / Double(before) * 100) : w("前年0件", "none last year")
    }

    /// The attainment table: one row per subject (department, station) and measure, with figures and verdict.
    static func attainmentTable(
        _ subjects: [(name: String, attainment: PlanAttainment)], caption: String, threshold: Double, w: Wording
    ) -> ReportTable {
        var rows: [[ReportCell]] = []
        for (subject, attainment) in subjects {
            if attainment.measures.isEmpty {
                rows.append([.text(subject), .text(w("計画なし", "no plan")), .missing, .missing, .missing, .text("")])
            }
            for item in attainment.measures {
                rows.append([
                    .text(subject), .text(name(item.measure, w: w)),
                    .text(
                        amount(item.planned, item.measure, prorated: item.isProrated, w: w)
                            + (item.isProrated ? w(" (按分)", " (prorated)") : "")),
                    .text(amount(item.actual, item.measure, prorated: item.measure == .officerHours, w: w)),
                    .share(item.percent.map { $0 / 100 }), .text(verdict(item, threshold: threshold, w: w)),
                ])
            }
        }
        return ReportTable(
            caption: caption,
            columns: [
                ReportColumn(w("対象", "Subject")), ReportColumn(w("指標", "Measure")),
                ReportColumn(w("計画・目標", "Planned or target"), alignment: .trailing),
                ReportColumn(w("実績", "Actual"), alignment: .trailing),
                ReportColumn(w("達成率", "Attainment"), alignment: .trailing),
                ReportColumn(w("判定", "Verdict"), alignment: .center),
            ],
            rows: rows,
            denominatorNote: w(
                "達成率 = 実績 ÷ 計画 (指標ごと)。活動回数: 各部門が参加した回数 ÷ 計画回数 (合同活動は参加した部門それぞれに1回、各部門の計画がそれを数えるため); 署・県の値は部門の合計で、部門の値の間に入ります。人時間: 実施人時間 ÷ 計画人時間。指導警告・検挙: 件数 ÷ 目標。計画は期間の日数で按分した場合のみ小数で「按分」と表示。判定: 達成 = 100%以上、未達 = 100%未満、計画未達 = \(NumberFormat.fixed(threshold, digits: 0))%未満 (Act の一覧に載ります)。",
                "Attainment = actual ÷ planned, per measure. Operations: operations each department took part in ÷ planned "
                    + "(a joint operation counts once for each department taking part, as each department's plan counts "
                    + "it); station and prefecture figures sum their departments and so lie between them. Officer-hours: "
                    + "worked ÷ planned. Warnings, citations: count ÷ target. Plans show decimals only when prorated by "
                    + "days (marked prorated). Verdict: met = 100% or more; not met = below 100%; under plan = below "
                    + "\(NumberFormat.fixed(threshold, digits: 0))% (listed under Act)."))
    }

    /// The reduction-target table: one row per subject with a target.
    static func targetTable(
        _ subjects: [(name: String, target: ReductionTarget)], caption: String, source: String, w: Wording
    ) -> ReportTable {
        ReportTable(
            caption: caption,
            columns: [
                ReportColumn(w("対象", "Subject")), ReportColumn(w("削減目標", "Target"), alignment: .trailing),
                ReportColumn(w("事故", "Accidents"), alignment: .trailing),
                ReportColumn(w("前年同期", "Last year"), alignment: .trailing),
                ReportColumn(w("増減率", "Change"), alignment: .trailing),
                ReportColumn(w("判定", "Verdict"), alignment: .center),
            ],
            rows: subjects.map { subject, target in
                [
                    .text(subject), .percent(-target.targetPercent / 100, digits: 0),
                    .integer(target.accidents), .integer(target.accidentsLastYear),
                    .change(now: target.accidents, before: target.accidentsLastYear),
                    .text(targetVerdict(target, w: w)),
                ]
            },
            denominatorNote: w(
                "削減目標: \(source)。達成 = 前年同期からの減少率が目標以上。前年同期が0件なら判定不能。前年比は単純比較で、平均への回帰を含みます。",
                "Target: \(source). Met = accidents fell at least by the target against the same span last year; no "
                    + "baseline when last year had none. A naive comparison that includes regression to the mean."))
    }

    /// One sentence naming what is behind plan: 「計画未達 (80%未満): 地域部門の指導警告 72.3%」, or that nothing is.
    static func summary(
        _ subjects: [(name: String, attainment: PlanAttainment)], threshold: Double, w: Wording
    ) -> String {
        var behind: [String] = []
        for (subject, attainment) in subjects {
            for item in attainment.below(percent: threshold) {
                behind.append(
                    "\(subject) \(name(item.measure, w: w)) \(NumberFormat.fixed(item.percent ?? 0, digits: 1))%")
            }
        }
        let limit = NumberFormat.fixed(threshold, digits: 0)
        guard !behind.isEmpty else {
            return w(
                "計画未達 (\(limit)%未満) の指標はありません。", "No measure is under plan (below \(limit)%).")
        }
        return w(
            "計画未達 (\(limit)%未満): \(behind.joined(separator: "、"))。",
            "Under plan (below \(limit)%): \(behind.joined(separator: "; ")).")
    }

    /// One row per station: attainment on each measure, the departments and measures under plan, and the
    /// station's reduction target (the prefecture report's answer to "which stations are behind plan").
    static func stationTable(
        _ stations: [StationPlanLine], total: PlanAttainment, threshold: Double, w: Wording
    ) -> ReportTable {
        let measures: [AttainmentMeasure] = AttainmentMeasure.allCases.filter { measure in
            total[measure] != nil
        }
        func percentCell(_ attainment: PlanAttainment, _ measure: AttainmentMeasure) -> ReportCell {
            .share(attainment[measure]?.percent.map { $0 / 100 })
        }
        let limit = NumberFormat.fixed(threshold, digits: 0)
        return ReportTable(
            caption: w(
                "警察署別・指標別の計画達成と事故削減目標", "Plan attainment by station and measure, and accident-reduction targets"),
            columns: [ReportColumn(w("警察署", "Station"))]
                + measures.map { ReportColumn(name($0, w: w), alignment: .trailing) } + [
                    ReportColumn(w("計画未達 (\(limit)%未満)", "Under plan (below \(limit)%)")),
                    ReportColumn(w("削減目標", "Reduction target"), alignment: .trailing),
                    ReportColumn(w("事故の増減率", "Accident change"), alignment: .trailing),
                    ReportColumn(w("目標の判定", "Target"), alignment: .center),
                ],
            rows: stations.map { line in
                let behind = line.departments.flatMap { department, attainment in
                    attainment.below(percent: threshold).map {
                        "\(w.department(department))\(w("部門", "")) \(name($0.measure, w: w)) \(NumberFormat.fixed($0.percent ?? 0, digits: 1))%"
                    }
                }
                return [.text(line.name)] + measures.map { percentCell(line.attainment, $0) } + [
                    .text(behind.isEmpty ? w("なし", "none") : behind.joined(separator: w("、", "; "))),
                    line.target.map { .percent(-$0.targetPercent / 100, digits: 0) } ?? .missing,
                    .change(now: line.accidents.now, before: line.accidents.lastYear),
                    line.target.map { .text(targetVerdict($0, w: w)) } ?? .text(w("目標なし", "no target")),
                ]
            },
            totals: [.text(w("県計", "Prefecture"))] + measures.map { percentCell(total, $0) } + [
                .text(""), .missing, .missing,
                .text(
                    w(
                        "達成 \(stations.filter { $0.target?.isMet == true }.count) / \(stations.filter { $0.target != nil }.count)署",
                        "met at \(stations.filter { $0.target?.isMet == true }.count) of \(stations.filter { $0.target != nil }.count)"
                    )),
            ],
            denominatorNote: w(
                "達成率 = 実績 ÷ 計画 (活動回数は各部門の参加回数 ÷ 計画回数、人時間は実施 ÷ 計画、指導警告は件数 ÷ 目標)。署・県の値は部門の合計。計画未達: 部門の指標が計画の\(limit)%未満。削減目標: 署の計画行 (重点の指定なし) の事故削減目標、判定は前年同期からの減少率 (単純比較) が目標以上なら達成。",
                "Attainment = actual ÷ planned (operations: each department's participations ÷ planned; officer-hours: "
                    + "worked ÷ planned; warnings: count ÷ target); station and prefecture figures sum their departments. "
                    + "Under plan: a department's measure below \(limit)% of plan. Reduction target: from the station's own "
                    + "plan rows (no zone); met when accidents fell at least that much against the same span last year "
                    + "(a naive comparison)."))
    }
}

/// One station's line in the prefecture's attainment table.
struct StationPlanLine {
    /// The station's name.
    var name: String
    /// The station's attainment, its departments summed.
    var attainment: PlanAttainment
    /// Each department's attainment.
    var departments: [(Department, PlanAttainment)]
    /// The station's reduction target, if its plan sets one.
    var target: ReductionTarget?
    /// The station's accidents now and last year.
    var accidents: (now: Int, lastYear: Int)
}
