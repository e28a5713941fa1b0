import Analytics
import BikePDCACore
import Rendering

/// Builds one station's report (警察署別レポート): all its zones, its departments compared, plan attainment and the
/// station's Act recommendations.
public enum StationReportBuilder {
    /// The report of station `stationID` over `analytics.period`.
    public static func document(
        stationID: String, analytics: PeriodAnalytics, settings: ReportSettings
    ) -> ReportDocument {
        let w = Wording(language: settings.language)
        let period = analytics.period
        let stationName = w.station(analytics.station(stationID), id: stationID)
        let zones = analytics.zones(of: stationID)
        let rows = analytics.stationRows(stationID)
        let sums = RowSums(rows)
        let departmentSums = Department.allCases.map {
            ($0, RowSums(analytics.departmentRows(station: stationID, department: $0)))
        }
        let recommendations = analytics.recommendations.filter { $0.stationID == stationID }
        let attainment = analytics.planAttainment(station: stationID)
        let departmentAttainment = Department.allCases.map {
            ($0, analytics.planAttainment(station: stationID, department: $0))
        }
        let target = analytics.reductionTarget(station: stationID)
        let threshold = analytics.thresholds.underPlanPercent
        let urgent = recommendations.filter { $0.urgency == .high }.count

        var kpis = [
            ReportKPI(
                label: w("自転車事故 (署全体)", "Bicycle accidents (station)"), value: .integer(sums.accidents),
                unit: w("件", ""),
                note: w(
                    "前年同期 \(NumberFormat.grouped(sums.accidentsLastYear))件 (\(PlanSections.changeText(now: sums.accidents, before: sums.accidentsLastYear, w: w)))",
                    "\(NumberFormat.grouped(sums.accidentsLastYear)) in the same span last year (\(PlanSections.changeText(now: sums.accidents, before: sums.accidentsLastYear, w: w)))"
                )),
            PlanSections.fatalOrSeriousKPI(
                analytics.fatalOrSerious(station: stationID), scope: w("署全体", "station"), w: w),
        ]
        if let card = PlanSections.targetKPI(target, w: w) { kpis.append(card) }
        kpis += PlanSections.kpis(attainment, w: w)
        kpis += [
            ReportKPI(
                label: w("集中取締り日のあった月", "Zone-months with a concentrated day"),
                value: .integer(sums.zoneMonthsMeetingMinimum), unit: "/ \(sums.zoneMonths)",
                note: w("重点×月 (基準: 毎月1回以上)", "zone-months (minimum: one a month)")),
            ReportKPI(
                label: w("Act の提案", "Act recommendations"), value: .integer(recommendations.count), unit: w("件", ""),
                note: w("うち緊急度「高」 \(urgent)件", "\(urgent) of high urgency")),
        ]
        let caveats =
            dataGapCaveats(analytics.missing(stations: [stationID]), w: w).map {
                ReportCaveat(kind: .dataGap, text: $0)
            }

        // Zones table.
        var zoneRows: [[ReportCell]] = []
        for zone in zones {
            let row =
                analytics.zoneRow(station: stationID, zone: zone.id)
                ?? MetricsRow(
                    key: MetricKey(stationID: stationID, department: nil, zoneID: zone.id))
            // A lifted zone stays in the station's table (its area is part of the station total), marked.
            let kind =
                zone.isLifted(before: period) ? "\(w.zoneKind(zone.kind)) · \(w.lifted(zone))" : w.zoneKind(zone.kind)
            zoneRows.append(
                zoneCells(
                    w.zone(zone), kind, row, operations: analytics.planAttainment(station: stationID, zoneID: zone.id),
                    w: w))
            zoneRows[zoneRows.count - 1][0] = .link(w.zone(zone), fileName: ReportLinks.zone(zone.id))
        }
        if let outside = analytics.zoneRow(station: stationID, zone: MetricKey.outsideZones) {
            zoneRows.append(
                zoneCells(
                    w("重点外の道路", "Roads outside zones"), "—", outside,
                    operations: analytics.planAttainment(station: stationID, zoneID: MetricKey.outsideZones), w: w))
        }
        let zoneTable = ReportTable(
            caption: w("重点地区・路線別の実施と事故", "Zones: enforcement and accidents"),
            columns: [
                ReportColumn(w("重点地区・路線", "Zone")), ReportColumn(w("種別", "Kind"), alignment: .center),
                ReportColumn(w("取締り計", "Stops"), alignment: .trailing),
                ReportColumn(w("うち検挙", "Tickets"), alignment: .trailing),
                ReportColumn(w("活動の達成率", "Ops vs plan"), alignment: .trailing),
                ReportColumn(w("集中取締り月", "Conc. months"), alignment: .trailing),
                ReportColumn(w("事故", "Accidents"), alignment: .trailing),
                ReportColumn(w("前年同期", "Last year"), alignment: .trailing),
                ReportColumn(w("増減率", "Change"), alignment: .trailing),
                ReportColumn(w("信頼性", "Reliability"), alignment: .center),
            ],
            rows: zoneRows,
            totals: [
                .text(w("署計", "Station total")), .text(""), .integer(sums.enforcement), .integer(sums.citations),
                .share(attainment[.operations]?.percent.map { $0 / 100 }),
                .text(w.months(sums.zoneMonthsMeetingMinimum, of: sums.zoneMonths)), .integer(sums.accidents),
                .integer(sums.accidentsLastYear), .change(now: sums.accidents, before: sums.accidentsLastYear),
                .text(""),
            ],
            denominatorNote: w(
                "取締り: 取締り記録。事故: 自転車関連事故の記録 (前年同期と比較)。活動の達成率 = 各部門の参加回数 ÷ 計画回数 (合同活動は参加した部門ごとに1回)。集中取締り月 = 集中取締り日のあった月 / 指定中の月。署計 = 重点と重点外の合計。信頼性: 今期+前年の事故件数から (5件未満: ごく少ない、20件未満: 少ない)。\(w.explain("enforcement", period: period, station: stationID))",
                "Stops: enforcement records; accidents: bicycle accident records (vs the same span last year). Ops vs plan "
                    + "= operations each department took part in ÷ planned (a joint operation once per department). Conc. months = months with a concentrated day / months in force. Station total = "
                    + "zones plus roads outside. Reliability from accidents now + last year (<5 very low, <20 low). "
                    + w.explain("enforcement", period: period, station: stationID)))
        let stacked = StackedBarChart(
            title: w("重点別・部門別の取締り件数", "Stops by zone and department"),
            segmentNames: Department.allCases.map { w.department($0) },
            bars: zones.map { zone in
                StackedBarChart.Bar(
                    label: zone.name,
                    values: Department.allCases.map { department in
                        Double(
                            analytics.metrics.row(
                                MetricKey(stationID: stationID, department: department, zoneID: zone.id))?.done
                                .enforcement ?? 0)
                    })
            },
            note: w("件数。重点外の取締りは含まない。", "Counts; stops outside zones not included."))

        // Departments compared: enforcement and where it was done (attainment is in the first section).
        let departmentTable = ReportTable(
            caption: w("部門別の比較 (活動と取締り)", "Departments compared: operations and enforcement"),
            columns: [
                ReportColumn(w("部門", "Department")), ReportColumn(w("参加回数", "Ops joined"), alignment: .trailing),
                ReportColumn(w("実施人時間", "Officer-h"), alignment: .trailing),
                ReportColumn(w("指導警告", "Warnings"), alignment: .trailing),
                ReportColumn(w("検挙", "Tickets"), alignment: .trailing),
                ReportColumn(w("重点内の割合", "In zones"), alignment: .trailing),
            ],
            rows: departmentSums.map { department, figures in
                [
                    .text(w.department(department)), .integer(figures.operations),
                    .decimal(figures.officerHours, digits: 1), .integer(figures.warnings), .integer(figures.citations),
                    figures.enforcement > 0
                        ? .percent(Double(figures.enforcementInZones) / Double(figures.enforcement), digits: 1)
                        : .missing,
                ]
            },
            totals: [
                .text(w("計", "Total")), .integer(departmentSums.reduce(0) { $0 + $1.1.operations }),
                .decimal(departmentSums.reduce(0) { $0 + $1.1.officerHours }, digits: 1),
                .integer(departmentSums.reduce(0) { $0 + $1.1.warnings }),
                .integer(departmentSums.reduce(0) { $0 + $1.1.citations }),
                sums.enforcement > 0
                    ? .percent(Double(sums.enforcementInZones) / Double(sums.enforcement), digits: 1) : .missing,
            ],
            denominatorNote: w(
                "参加回数: 合同活動は参加した部門それぞれに1回 (計は部門の参加の合計で、署の活動の回数 \(NumberFormat.grouped(sums.operations))回とは異なります)。重点内の割合の分母: その部門の取締り件数。\(w.explain("activities", period: period, station: stationID))",
                "Ops joined: a joint operation counts once for each department taking part (the total sums the "
                    + "departments' participations; the station held \(NumberFormat.grouped(sums.operations)) operations). "
                    + "In zones: share of the department's stops. "
                    + w.explain("activities", period: period, station: stationID)))

        // First section: which department is behind plan on which measure, the targets, and what to do next.
        let subjects =
            departmentAttainment.filter { !$0.1.measures.isEmpty }.map {
                (name: w.department($0.0) + w("部門", ""), attainment: $0.1)
            } + [(name: w("署計", "Station total"), attainment: attainment)]
        var targets: [(name: String, target: ReductionTarget)] = []
        if let target { targets.append((w("署全体", "Whole station"), target)) }
        for zone in zones where zone.isInForce(during: period) {
            if let zoneTarget = analytics.reductionTarget(zone: zone) { targets.append((w.zone(zone), zoneTarget)) }
        }
        var firstBlocks: [ReportBlock] = [
            .paragraph(PlanSections.summary(subjects, threshold: threshold, w: w)),
            .table(
                PlanSections.attainmentTable(
                    subjects, caption: w("部門別・指標別の計画達成", "Plan attainment by department and measure"),
                    threshold: threshold, w: w)),
        ]
        if !targets.isEmpty {
            firstBlocks.append(
                .table(
                    PlanSections.targetTable(
                        targets, caption: w("事故削減目標と実績", "Accident-reduction targets and results"),
                        source: w(
                            "署全体は署の計画行 (重点の指定なし) から、重点は各重点の計画行から",
                            "the whole station's from the station's own plan rows (no zone), each zone's from its rows"),
                        w: w)))
        }
        firstBlocks.append(
            recommendations.isEmpty
                ? .paragraph(w("既定の基準では提案はありません。", "No recommendations at the default thresholds."))
                : .table(
                    RecommendationText.table(
                        Array(recommendations.prefix(RecommendationText.firstScreenItems)), analytics: analytics,
                        caption: w(
                            "来月の行動: 緊急度の高い提案 (上位\(RecommendationText.firstScreenItems)件、全\(recommendations.count)件は末尾)",
                            "Next month: the most urgent recommendations (top \(RecommendationText.firstScreenItems) of \(recommendations.count); all at the end)"
                        ), w: w)))

        let tallies = analytics.input.current.enforcement.filter { $0.stationID == stationID }
        var sections = [
            ReportSection(
                title: w("計画の達成と来月の行動", "Plan attainment and next month's actions"), blocks: firstBlocks),
            ReportSection(
                title: w("重点地区・路線の一覧", "The station's zones"),
                caveats: [
                    ReportCaveat(
                        kind: .regressionToMean,
                        text: w(
                            "前年同期との比較は単純比較です。事故の多い場所を選んで指定しているため、対策がなくても減る傾向があります (平均への回帰)。重点ごとの事前事後評価は各重点のレポートを参照。",
                            "Year-on-year changes are naive: zones are chosen for their high counts, which tend to fall anyway "
                                + "(regression to the mean). See each zone's report for its before–after evaluation."))
                ],
                blocks: [.table(zoneTable), .chart(.stackedBars(stacked))]),
        ]
        let parties = PartySections.blocks(stationID: stationID, analytics: analytics, w: w)
        if !parties.isEmpty {
            sections.append(
                ReportSection(
                    title: w("事故の当事者と取締りの対象", "Who is in the accidents, and who is stopped"), blocks: parties))
        }
        sections += [
            ReportSection(
                title: w("部門の比較", "Departments compared"),
                blocks: [.table(departmentTable)]),
            ReportSection(
                title: w("Do: 部門別・処理別の取締り (署全体)", "Do: enforcement by department and outcome (station)"),
                blocks: EnforcementTables.blocks(
                    tallies, period: period, explainStation: stationID, explainZone: nil, w: w)),
        ]
        sections.append(
            ReportSection(
                title: w("Act: この署への提案", "Act: recommendations for this station"),
                blocks: recommendations.isEmpty
                    ? [.paragraph(w("既定の基準では提案はありません。", "No recommendations at the default thresholds."))]
                    : [
                        .table(
                            RecommendationText.table(
                                recommendations, analytics: analytics, caption: w("この署への提案", "Recommendations"), w: w))
                    ]))
        sections.append(hotSpotSection(stationID: stationID, zones: zones, analytics: analytics, w: w))
        sections.append(TrendSections.section(analytics, stationID: stationID, w: w))
        return ReportDocument(
            title: w(
                "\(stationName) 自転車指導取締り PDCA レポート", "\(stationName): bicycle guidance and enforcement PDCA report"),
            subtitle: w(
                "署コード \(stationID) · 重点 \(zones.count)か所 · 期間 \(w.span(period)) (前年同期と比較)",
                "Station \(stationID) · \(w.counted(zones.count, "zone")) · \(w.span(period)) (against the same span last year)"
            ),
            language: settings.language, generatedAt: settings.generatedAt,
            kpis: kpis + [TrendSections.headline(analytics, stationID: stationID, w: w)], caveats: caveats,
            sections: sections)
    }

    static func zoneCells(
        _ name: String, _ kind: String, _ row: MetricsRow, operations: PlanAttainment, w: Wording
    ) -> [ReportCell] {
        let check = row.check ?? CheckFigures()
        return [
            .text(name), .text(kind), .integer(row.done.enforcement), .integer(row.done.citations),
            .share(operations[.operations]?.percent.map { $0 / 100 }),
            row.done.zoneMonths > 0
                ? .text(w.months(row.done.zoneMonthsMeetingMinimum, of: row.done.zoneMonths)) : .missing,
            .integer(check.accidents), .integer(check.accidentsLastYear),
            .change(now: check.accidents, before: check.accidentsLastYear), .text(w.reliability(check.reliability)),
        ]
    }

    /// At most this many hot-spot cells near the station's zones are listed.
    static let hotSpotRows = 10

    /// Where accidents gather outside the zones, near this station's: the cells of the prefecture's ranking whose
    /// nearest zone in force is one of the station's, and a map of its zones with those cells.
    private static func hotSpotSection(
        stationID: String, zones: [Zone], analytics: PeriodAnalytics, w: Wording
    ) -> ReportSection {
        let inForce = zones.filter { $0.isInForce(during: analytics.period) }
        let ranked = HotSpotSections.nearest(to: inForce, analytics: analytics, limit: hotSpotRows)
        var blocks: [ReportBlock] = []
        if ranked.isEmpty {
            blocks.append(
                .paragraph(
                    w(
                        "この署の重点の近くに、重点外の事故多発メッシュはありません (県の一覧で最寄りの重点がこの署の重点であるもの)。",
                        "No hot-spot cell outside zones lies nearest to this station's zones (of the prefecture's list)."
                    )))
        } else {
            blocks.append(
                .table(
                    HotSpotSections.table(
                        ranked,
                        caption: w("この署の重点の近くの事故多発地点", "Hot spots near this station's zones"), totals: nil,
                        note: w(
                            "順位: 県全体の重点外の事故多発メッシュ (2分の1地域メッシュ) の順位。最寄りの指定中の重点がこの署の重点であるものを上位\(hotSpotRows)件まで。場所: メッシュの中心が最寄りの重点からどの方位に何m か。候補: 中心が重点の外、事故3件以上、Gi* 1.96以上。",
                            "Rank: in the prefecture's list of hot-spot cells outside zones (half mesh). Cells whose nearest zone "
                                + "in force is one of this station's, at most \(hotSpotRows). Place: direction and distance of the "
                                + "cell's centre from that zone. Candidate: centre outside every zone, ≥ 3 accidents, Gi* ≥ 1.96."
                        ),
                        w: w)))
        }
        if let map = HotSpotSections.map(
            title: w("この署の重点地区・路線と近くの事故多発地点", "This station's zones and the hot spots near them"),
            zones: inForce, label: { $0.id.split(separator: "-").last.map(String.init) ?? $0.id }, ranked: ranked, w: w)
        {
            blocks.append(.chart(.areaMap(map)))
        }
        return ReportSection(
            title: w("Act: 重点外の事故多発地点と地図", "Act: hot spots outside zones, and the map"), blocks: blocks)
    }
}
