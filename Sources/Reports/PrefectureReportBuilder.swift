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
        var departmentHours = (planned: 0.0, done: 0.0)
        for row in analytics.metrics.rows where row.key.department != nil && row.key.stationID != nil {
            departmentHours.planned += row.plan.plannedOfficerHours
            departmentHours.done += row.done.officerHours
        }
        let activeZones = analytics.zonesInForce
        let kpis = [
            ReportKPI(
                label: w("自転車事故 (県全体)", "Bicycle accidents (prefecture)"), value: .integer(check.accidents),
                unit: w("件", ""),
                note: w(
                    "前年同期 \(NumberFormat.grouped(check.accidentsLastYear))件",
                    "\(NumberFormat.grouped(check.accidentsLastYear)) in the same span last year")),
            ReportKPI(
                label: w("指導警告・検挙", "Warnings and tickets"), value: .integer(total.done.enforcement), unit: w("件", ""),
                note: w(
                    "うち検挙 \(NumberFormat.grouped(total.done.citations))件",
                    "\(NumberFormat.grouped(total.done.citations)) tickets")),
            ReportKPI(
                label: w("重点内の取締り割合", "Stops inside zones"), value: .share(total.done.inZoneShare),
                note: w("重点 \(activeZones.count)か所 (指定中)", "\(activeZones.count) zones in force")),
            ReportKPI(
                label: w("人時間の計画達成率", "Officer-hours vs plan"),
                value: .attainment(departmentHours.done, of: departmentHours.planned),
                note: w(
                    "実施 \(NumberFormat.fixed(departmentHours.done, digits: 0)) / 計画 \(NumberFormat.fixed(departmentHours.planned, digits: 0))人時間",
                    "\(NumberFormat.fixed(departmentHours.done, digits: 0)) of \(NumberFormat.fixed(departmentHours.planned, digits: 0)) planned"
                )),
            ReportKPI(
                label: w("集中取締り日のあった月", "Zone-months with a concentrated day"),
                value: .integer(total.done.zoneMonthsMeetingMinimum), unit: "/ \(total.done.zoneMonths)",
                note: w("重点×月 (基準: 毎月1回以上)", "zone-months (minimum: one a month)")),
        ]
        let caveats = dataGapCaveats(analytics.metrics.missing, w: w).map { ReportCaveat(kind: .dataGap, text: $0) }
        let explainEnforcement = w.explain("enforcement", period: period)
        let explainAccidents = w.explain("accidents", period: period)

        // Stations ranked by accidents.
        let stations = analytics.stations.map { station -> (Station, RowSums, Double, Double) in
            var planned = 0.0
            var done = 0.0
            for department in Department.allCases {
                for row in analytics.departmentRows(station: station.id, department: department) {
                    planned += row.plan.plannedOfficerHours
                    done += row.done.officerHours
                }
            }
            return (station, RowSums(analytics.stationRows(station.id)), planned, done)
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
                let (station, sums, planned, done) = item
                return [
                    .integer(index + 1),
                    .link(w.station(station, id: station.id), fileName: ReportLinks.station(station.id)),
                    .integer(analytics.zones(of: station.id).filter { $0.isInForce(during: analytics.period) }.count),
                    .integer(sums.accidents),
                    .integer(sums.accidentsLastYear), .change(now: sums.accidents, before: sums.accidentsLastYear),
                    .integer(sums.enforcement),
                    sums.enforcement > 0
                        ? .percent(Double(sums.enforcementInZones) / Double(sums.enforcement), digits: 1) : .missing,
                    .attainment(done, of: planned),
                ]
            },
            totals: [
                .missing, .text(w("県計", "Prefecture")), .integer(activeZones.count), .integer(check.accidents),
                .integer(check.accidentsLastYear), .change(now: check.accidents, before: check.accidentsLastYear),
                .integer(total.done.enforcement), .share(total.done.inZoneShare),
                .attainment(departmentHours.done, of: departmentHours.planned),
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
                ReportColumn(w("信頼性", "Reliability"), alignment: .center),
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
                    .text(w.reliability(check.reliability)), .integer(row.done.enforcement),
                ]
            },
            totals: [
                .missing, .text(w("重点の計", "All zones")), .text(""),
                .integer(zoneRows.reduce(0) { $0 + ($1.1.check?.accidents ?? 0) }),
                .integer(zoneRows.reduce(0) { $0 + ($1.1.check?.accidentsLastYear ?? 0) }), .missing, .missing,
                .missing,
                .integer(zoneRows.reduce(0) { $0 + $1.1.done.enforcement }),
            ],
            denominatorNote: liftedNote(analytics, w: w)
                + w(
                    "事故: その重点に帰属する自転車関連事故の記録。率比 = 今期 ÷ 前年同期 (1日あたり) と正確法の95%信頼区間。区間が1をまたぐ重点は増減を偶然と区別できません。\(explainAccidents) --zone <重点ID>",
                    "Accidents: bicycle accident records attributed to the zone. Rate ratio = now ÷ same span last year (per day), "
                        + "exact 95% interval; an interval across 1 cannot be told from chance. \(explainAccidents) --zone <zone id>"
                ))

        // Hot spots outside zones.
        let cells = analytics.hotSpots.prefix(hotSpotRows)
        let outsideAccidents = analytics.hotSpots.reduce(0) { $0 + $1.count }
        let hotSpotTable = ReportTable(
            caption: w("重点外の事故多発地点 (2分の1地域メッシュ)", "Accident hot spots outside zones (half mesh)"),
            columns: [
                ReportColumn(w("順位", "Rank"), alignment: .trailing), ReportColumn(w("メッシュコード", "Mesh code")),
                ReportColumn(w("事故", "Accidents"), alignment: .trailing),
                ReportColumn(w("うち死亡・重傷", "Fatal or serious"), alignment: .trailing),
                ReportColumn("Gi*", alignment: .trailing), ReportColumn(w("中心の緯度", "Latitude"), alignment: .trailing),
                ReportColumn(w("中心の経度", "Longitude"), alignment: .trailing),
                ReportColumn(w("新規指定の候補", "Candidate"), alignment: .center),
            ],
            rows: cells.enumerated().map { index, cell in
                [
                    .integer(index + 1), .text(cell.mesh), .integer(cell.count), .integer(cell.fatalOrSerious),
                    .decimal(cell.giStar, digits: 2), .decimal(cell.latitude, digits: 5),
                    .decimal(cell.longitude, digits: 5),
                    .text(cell.isCandidate ? w("候補", "yes") : (cell.overlapsZone ? w("重点内", "in a zone") : "—")),
                ]
            },
            totals: [
                .missing, .text(w("全メッシュ計", "All cells")), .integer(outsideAccidents),
                .integer(analytics.hotSpots.reduce(0) { $0 + $1.fatalOrSerious }), .missing, .missing, .missing,
                .missing,
            ],
            denominatorNote: w(
                "事故: 重点に帰属しない位置付きの自転車関連事故 (計 \(NumberFormat.grouped(outsideAccidents))件、上位\(hotSpotRows)メッシュを表示)。候補: 中心が重点の外、事故3件以上、Gi* 1.96以上。\(explainAccidents) --zone -",
                "Accidents: located bicycle accidents not attributed to a zone (\(NumberFormat.grouped(outsideAccidents)) in all; top "
                    + "\(hotSpotRows) cells shown). Candidate: centre outside every zone, ≥ 3 accidents, Gi* ≥ 1.96. "
                    + "\(explainAccidents) --zone -"))

        let sections = [
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
                                note: w("件数 (署の全域)。", "Accidents (whole station area).")))),
                ]),
            ReportSection(
                title: w("重点地区・路線の比較", "Zones compared"),
                caveats: [
                    ReportCaveat(
                        kind: .lowCount,
                        text: w(
                            "重点ごとの事故は少なく、信頼性「少ない」「ごく少ない」の重点の増減は偶然の範囲です。",
                            "Zone counts are small: changes in zones marked low or very low are within chance."))
                ],
                blocks: [.table(zoneTable)]),
            ReportSection(
                title: w("Act: 重点外の事故多発地点", "Act: hot spots outside zones"),
                blocks: [.table(hotSpotTable)]),
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
