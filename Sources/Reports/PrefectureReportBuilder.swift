import Analytics
import BikePDCACore
import Rendering

/// Builds the prefecture report (県全体レポート): stations and zones ranked, hot spots outside every zone, and the
/// Act list.
public enum PrefectureReportBuilder {
    /// At most this many hot-spot cells are listed.
    public static let hotSpotRows = 15

    /// The prefecture report over `analytics.period`.
    public static func document(analytics: PeriodAnalytics, settings: ReportSettings) -> ReportDocument {
        let w = Wording(language: settings.language)
        let period = analytics.period
        let total = analytics.metrics.prefecture ?? MetricsRow(key: .prefecture)
        let check = total.check ?? CheckFigures()
        let activeZones = analytics.zonesInForce
        let attainment = analytics.prefectureAttainment
        let threshold = analytics.thresholds.underPlanPercent
        let lines = analytics.stations.map { station in
            let sums = RowSums(analytics.stationRows(station.id))
            return StationPlanLine(
                name: w.station(station, id: station.id), attainment: analytics.planAttainment(station: station.id),
                departments: Department.allCases.map {
                    ($0, analytics.planAttainment(station: station.id, department: $0))
                },
                target: analytics.reductionTarget(station: station.id),
                accidents: (sums.accidents, sums.accidentsLastYear))
        }
        let withTarget = lines.filter { $0.target != nil }
        let urgent = analytics.recommendations.filter { $0.urgency == .high }.count
        var kpis = [
            ReportKPI(
                label: w("自転車事故 (県全体)", "Bicycle accidents (prefecture)"), value: .integer(check.accidents),
                unit: w("件", ""),
                note: w(
                    "前年同期 \(NumberFormat.grouped(check.accidentsLastYear))件 (\(PlanSections.changeText(now: check.accidents, before: check.accidentsLastYear, w: w)))",
                    "\(NumberFormat.grouped(check.accidentsLastYear)) in the same span last year (\(PlanSections.changeText(now: check.accidents, before: check.accidentsLastYear, w: w)))"
                )),
            PlanSections.fatalOrSeriousKPI(analytics.fatalOrSerious(station: nil), scope: w("県全体", "prefecture"), w: w),
        ]
        if !withTarget.isEmpty {
            kpis.append(
                ReportKPI(
                    label: w("事故削減目標を達成した署", "Stations meeting their reduction target"),
                    value: .integer(withTarget.filter { $0.target?.isMet == true }.count),
                    unit: "/ \(withTarget.count)",
                    note: w("署の計画行の目標 (前年同期比)", "the stations' own targets (vs last year)")))
        }
        kpis += PlanSections.kpis(attainment, w: w)
        kpis += [
            ReportKPI(
                label: w("指導警告・検挙", "Warnings and tickets"), value: .integer(total.done.enforcement), unit: w("件", ""),
                note: w(
                    "うち検挙 \(NumberFormat.grouped(total.done.citations))件",
                    "\(NumberFormat.grouped(total.done.citations)) tickets")),
            ReportKPI(
                label: w("重点内の取締り割合", "Stops inside zones"), value: .share(total.done.inZoneShare),
                note: w("重点 \(activeZones.count)か所 (指定中)", "\(activeZones.count) zones in force")),
            ReportKPI(
                label: w("Act の提案", "Act recommendations"), value: .integer(analytics.recommendations.count),
                unit: w("件", ""), note: w("うち緊急度「高」 \(urgent)件", "\(urgent) of high urgency")),
        ]
        let caveats = dataGapCaveats(analytics.metrics.missing, w: w).map { ReportCaveat(kind: .dataGap, text: $0) }
        let explainEnforcement = w.explain("enforcement", period: period)
        let explainAccidents = w.explain("accidents", period: period)

        // Stations ranked by accidents.
        let stations = analytics.stations.map { station -> (Station, RowSums, PlanAttainment) in
            (station, RowSums(analytics.stationRows(station.id)), analytics.planAttainment(station: station.id))
        }.sorted { ($0.1.accidents, $1.0.id) > ($1.1.accidents, $0.0.id) }
        let stationTable = ReportTable(
            caption: w("警察署別の順位 (事故件数の多い順)", "Stations ranked by accidents"),
            columns: [
                ReportColumn(w("順位", "Rank"), alignment: .trailing), ReportColumn(w("警察署", "Station")),
                ReportColumn(w("重点数", "Zones"), alignment: .trailing),
                ReportColumn(w("事故", "Accidents"), alignment: .trailing),
                ReportColumn(w("前年同期", "Last year"), alignment: .trailing),
                ReportColumn(w("増減率", "Change"), alignment: .trailing),
                ReportColumn(w("取締り計", "Stops"), alignment: .trailing),
                ReportColumn(w("重点内の割合", "In zones"), alignment: .trailing),
                ReportColumn(w("人時間の達成率", "Officer-h %"), alignment: .trailing),
            ],
            rows: stations.enumerated().map { index, item in
                let (station, sums, stationAttainment) = item
                return [
                    .integer(index + 1),
                    .link(w.station(station, id: station.id), fileName: ReportLinks.station(station.id)),
                    .integer(analytics.zones(of: station.id).filter { $0.isInForce(during: analytics.period) }.count),
                    .integer(sums.accidents),
                    .integer(sums.accidentsLastYear), .change(now: sums.accidents, before: sums.accidentsLastYear),
                    .integer(sums.enforcement),
                    sums.enforcement > 0
                        ? .percent(Double(sums.enforcementInZones) / Double(sums.enforcement), digits: 1) : .missing,
                    .share(stationAttainment[.officerHours]?.percent.map { $0 / 100 }),
                ]
            },
            totals: [
                .missing, .text(w("県計", "Prefecture")), .integer(activeZones.count), .integer(check.accidents),
                .integer(check.accidentsLastYear), .change(now: check.accidents, before: check.accidentsLastYear),
                .integer(total.done.enforcement), .share(total.done.inZoneShare),
                .share(attainment[.officerHours]?.percent.map { $0 / 100 }),
            ],
            denominatorNote: w(
                "事故: 自転車関連事故の記録 (署の全域)。取締り: 取締り記録。重点内の割合の分母: その署の取締り件数。人時間の達成率 = 実施人時間 ÷ 計画人時間。重点数: 期間中に指定されていた重点。\(explainAccidents) / \(explainEnforcement)",
                "Accidents: bicycle accident records (whole station area); stops: enforcement records. In zones: share of "
                    + "the station's stops. Officer-h % = officer-hours ÷ planned. Zones: in force during the period. "
                    + explainAccidents + " / " + explainEnforcement))

        // Zones in force ranked by accidents; zones lifted before the period are named under the table only.
        let zoneRows = activeZones.compactMap { zone -> (Zone, MetricsRow)? in
            analytics.zoneRow(station: zone.stationID, zone: zone.id).map { (zone, $0) }
        }.sorted { (($0.1.check?.accidents ?? 0), $1.0.id) > (($1.1.check?.accidents ?? 0), $0.0.id) }
        let zoneTable = ReportTable(
            caption: w("重点地区・路線の順位 (事故件数の多い順)", "Zones ranked by accidents"),
            columns: [
                ReportColumn(w("順位", "Rank"), alignment: .trailing), ReportColumn(w("重点地区・路線", "Zone")),
                ReportColumn(w("警察署", "Station")), ReportColumn(w("事故", "Accidents"), alignment: .trailing),
                ReportColumn(w("前年同期", "Last year"), alignment: .trailing),
                ReportColumn(w("率比", "Rate ratio"), alignment: .trailing),
                ReportColumn(w("95%信頼区間", "95% CI"), alignment: .center),
                ReportColumn(w("前年との差", "Difference"), alignment: .center),
                ReportColumn(w("件数僅少", "Few"), alignment: .center),
                ReportColumn(w("取締り計", "Stops"), alignment: .trailing),
            ],
            rows: zoneRows.enumerated().map { index, item in
                let (zone, row) = item
                let check = row.check ?? CheckFigures()
                let interval: ReportCell =
                    check.rateRatio.map {
                        .text("\(NumberFormat.fixed($0.lower))–\($0.upper.map { NumberFormat.fixed($0) } ?? "∞")")
                    } ?? .missing
                return [
                    .integer(index + 1), .link(w.zone(zone), fileName: ReportLinks.zone(zone.id)),
                    .link(
                        w.station(analytics.station(zone.stationID), id: zone.stationID),
                        fileName: ReportLinks.station(zone.stationID)),
                    .integer(check.accidents), .integer(check.accidentsLastYear),
                    .number(check.rateRatio.map { $0.ratio ?? .infinity }, digits: 2), interval,
                    .text(significance(check.rateRatio, w: w)),
                    .text(check.reliability == CountReliability.adequate.rawValue ? "" : w("※ 少数", "※ few")),
                    .integer(row.done.enforcement),
                ]
            },
            totals: [
                .missing, .text(w("重点の計", "All zones")), .text(""),
                .integer(zoneRows.reduce(0) { $0 + ($1.1.check?.accidents ?? 0) }),
                .integer(zoneRows.reduce(0) { $0 + ($1.1.check?.accidentsLastYear ?? 0) }), .missing, .missing,
                .missing, .missing,
                .integer(zoneRows.reduce(0) { $0 + $1.1.done.enforcement }),
            ],
            denominatorNote: liftedNote(analytics, w: w)
                + w(
                    "事故: その重点に帰属する自転車関連事故の記録。率比 = 今期 ÷ 前年同期 (1日あたり) と正確法の95%信頼区間。前年との差: 区間の上限が1未満なら「統計的に有意な減少」、下限が1超なら「統計的に有意な増加」、1をまたげば「差は不明」(偶然と区別できない)。※ 少数: 今期+前年の事故が20件未満で、率比も区間も大きく揺れます。\(explainAccidents) --zone <重点ID>",
                    "Accidents: bicycle accident records attributed to the zone. Rate ratio = now ÷ same span last year (per day), "
                        + "exact 95% interval. Difference: significant fall when the whole interval is below 1, significant rise when "
                        + "above 1, unclear when it spans 1 (cannot be told from chance). ※ few: fewer than 20 accidents "
                        + "now and last year together, so the ratio and interval swing widely. \(explainAccidents) --zone <zone id>"
                ))

        // Hot spots outside zones.
        let outsideAccidents = analytics.hotSpots.reduce(0) { $0 + $1.count }
        let ranked = HotSpotSections.top(analytics, limit: hotSpotRows)
        let hotSpotTable = HotSpotSections.table(
            ranked,
            caption: w("重点外の事故多発地点 (2分の1地域メッシュ)", "Accident hot spots outside zones (half mesh)"),
            totals: (outsideAccidents, analytics.hotSpots.reduce(0) { $0 + $1.fatalOrSerious }),
            note: w(
                "事故: 重点に帰属しない位置付きの自転車関連事故 (計 \(NumberFormat.grouped(outsideAccidents))件、上位\(hotSpotRows)メッシュを表示)。場所: メッシュの中心が、最も近い指定中の重点 (形の外接矩形の中心) からどの方位に何m (100m単位) か。候補: 中心が重点の外、事故3件以上、Gi* 1.96以上。\(explainAccidents) --zone -",
                "Accidents: located bicycle accidents not attributed to a zone (\(NumberFormat.grouped(outsideAccidents)) in all; top "
                    + "\(hotSpotRows) cells shown). Place: direction and distance (to 100 m) of the cell's centre from the centre of "
                    + "the nearest zone in force. Candidate: centre outside every zone, ≥ 3 accidents, Gi* ≥ 1.96. "
                    + "\(explainAccidents) --zone -"),
            w: w)
        var hotSpotBlocks: [ReportBlock] = [.table(hotSpotTable)]
        if let map = HotSpotSections.map(
            title: w("重点地区・路線と事故多発地点の地図", "Map of the zones and hot spots"), zones: activeZones,
            label: \.id, ranked: ranked, w: w)
        {
            hotSpotBlocks.append(.chart(.areaMap(map)))
        }

        let subjects = lines.flatMap { line in
            line.departments.map { (name: "\(line.name) \(w.department($0.0))\(w("部門", ""))", attainment: $0.1) }
        }
        let firstBlocks: [ReportBlock] = [
            .paragraph(PlanSections.summary(subjects, threshold: threshold, w: w)),
            .table(PlanSections.stationTable(lines, total: attainment, threshold: threshold, w: w)),
            analytics.recommendations.isEmpty
                ? .paragraph(w("既定の基準では提案はありません。", "No recommendations at the default thresholds."))
                : .table(
                    RecommendationText.table(
                        Array(analytics.recommendations.prefix(RecommendationText.firstScreenItems)),
                        analytics: analytics,
                        caption: w(
                            "来月の行動: 緊急度の高い提案 (上位\(RecommendationText.firstScreenItems)件、全\(analytics.recommendations.count)件は末尾)",
                            "Next month: the most urgent recommendations (top \(RecommendationText.firstScreenItems) of \(analytics.recommendations.count); all at the end)"
                        ), w: w)),
        ]
        let sections = [
            ReportSection(
                title: w("計画の達成と来月の行動", "Plan attainment and next month's actions"), blocks: firstBlocks),
            ReportSection(
                title: w("警察署の比較", "Stations compared"),
                caveats: [
                    ReportCaveat(
                        kind: .regressionToMean,
                        text: w(
                            "前年同期との比較は単純比較です。事故の多い場所ほど翌年は減りやすい (平均への回帰) ため、順位の上下だけで効果を判断しないでください。",
                            "Year-on-year changes are naive; places with many accidents tend to have fewer the next year "
                                + "(regression to the mean), so do not judge effects from the ranking alone."))
                ],
                blocks: [
                    .table(stationTable),
                    .chart(
                        .horizontalBars(
                            HorizontalBarChart(
                                title: w("警察署別の自転車事故", "Bicycle accidents by station"),
                                bars: stations.map {
                                    .init(label: w.station($0.0, id: $0.0.id), value: Double($0.1.accidents))
                                },
                                note: w("件数 (署の全域)。", "Accidents (whole station area)."))),
                        restatesTable: true),
                ]),
            ReportSection(
                title: w("重点地区・路線の比較", "Zones compared"),
                caveats: [
                    ReportCaveat(
                        kind: .lowCount,
                        text: w(
                            "重点ごとの事故は少なく、多くの重点で増減は偶然と区別できません。「統計的に有意」と示した重点以外は、増減だけで効果を判断しないでください。",
                            "Zone counts are small: most changes cannot be told from chance. Do not judge a zone by its "
                                + "change unless it is marked significant."))
                ],
                blocks: [.table(zoneTable)]),
            ReportSection(
                title: w("Act: 重点外の事故多発地点", "Act: hot spots outside zones"),
                blocks: hotSpotBlocks),
            ReportSection(
                title: w("Act: 提案の一覧", "Act: recommendations"),
                blocks: analytics.recommendations.isEmpty
                    ? [.paragraph(w("既定の基準では提案はありません。", "No recommendations at the default thresholds."))]
                    : [
                        .table(
                            RecommendationText.table(
                                analytics.recommendations, analytics: analytics, caption: w("提案の一覧", "Recommendations"),
                                w: w))
                    ]),
            TrendSections.section(analytics, w: w),
        ]
        return ReportDocument(
            title: w("県全体 自転車指導取締り PDCA レポート", "Prefecture: bicycle guidance and enforcement PDCA report"),
            subtitle: w(
                "警察署 \(analytics.stations.count)署 · 重点 \(activeZones.count)か所 · 期間 \(w.span(period)) (前年同期と比較)",
                "\(analytics.stations.count) stations · \(activeZones.count) zones · \(w.span(period)) (against the same span last year)"
            ),
            language: settings.language, generatedAt: settings.generatedAt,
            kpis: kpis + [TrendSections.headline(analytics, w: w)], caveats: caveats,
            sections: sections)
    }

    /// 「統計的に有意な減少」 / 「統計的に有意な増加」 / 「差は不明」 from whether the interval excludes 1.
    static func significance(_ ratio: RateRatioFigure?, w: Wording) -> String {
        guard let ratio else { return w("差は不明", "unclear") }
        if ratio.isSignificantFall { return w("統計的に有意な減少", "significant fall") }
        if ratio.isSignificantRise { return w("統計的に有意な増加", "significant rise") }
        return w("差は不明", "unclear")
    }

    /// 「指定終了のため順位と計から除外: …」: the zones lifted before the period, with the records still attributed
    /// to their area; empty when there are none.
    static func liftedNote(_ analytics: PeriodAnalytics, w: Wording) -> String {
        let lifted = analytics.zones.filter { $0.isLifted(before: analytics.period) }
        guard !lifted.isEmpty else { return "" }
        let names = lifted.map { zone in
            let accidents = analytics.zoneRow(station: zone.stationID, zone: zone.id)?.check?.accidents ?? 0
            return w(
                "\(w.zone(zone)) \(w.lifted(zone))、期間中の事故 \(NumberFormat.grouped(accidents))件",
                "\(w.zone(zone)), \(w.lifted(zone)), \(NumberFormat.grouped(accidents)) accidents in the period")
        }
        return w(
            "指定終了のため順位と重点の計から除外: \(names.joined(separator: "; "))。",
            "Left out of the ranking and the zone total, lifted before the period: \(names.joined(separator: "; ")). ")
    }
}
