import Analytics
import BikePDCACore
import Rendering

/// Builds one zone's report (重点地区・路線別レポート): month by month Plan / Do / Check, enforcement by department
/// and outcome, accidents by severity, the before–after evaluation with its caveats first, when accidents and
/// enforcement happen (two heat maps side by side) and a map of the zone with its points.
public enum ZoneReportBuilder {
    /// At most this many points of each kind are drawn on a map; more are thinned deterministically (every k-th
    /// record in the store's order) and the note says so.
    public static let maximumMapPoints = 1500

    /// The zone report for `detail.zone` over `analytics.period`.
    public static func document(
        _ detail: ZoneDetail, analytics: PeriodAnalytics, settings: ReportSettings
    ) -> ReportDocument {
        let w = Wording(language: settings.language)
        let zone = detail.zone
        let period = analytics.period
        let station = analytics.station(zone.stationID)
        let stationName = w.station(station, id: zone.stationID)
        let row =
            analytics.zoneRow(station: zone.stationID, zone: zone.id)
            ?? MetricsRow(
                key: MetricKey(stationID: zone.stationID, department: nil, zoneID: zone.id))
        let check = row.check ?? CheckFigures()
        let monthly = MonthlyZoneFigures(zone: zone, analytics: analytics)
        let missing = analytics.missing(stations: [zone.stationID])

        let verdict = detail.evaluation.map(\.verdict)
        let noDataWindow = detail.windowWithoutData.map { window in
            w(
                "\(window.window == "before" ? "事前" : "事後")期間 \(window.label)",
                "the \(window.window) window \(window.label)")
        }
        let operations = analytics.planAttainment(zone: zone)[.operations]
        var kpis: [ReportKPI] = [
            VerdictWording.kpi(verdict, noDataWindow: noDataWindow, w: w),
            ReportKPI(
                label: w("自転車事故", "Bicycle accidents"), value: .integer(check.accidents), unit: w("件", ""),
                note: w(
                    "前年同期 \(NumberFormat.grouped(check.accidentsLastYear))件",
                    "\(NumberFormat.grouped(check.accidentsLastYear)) in the same span last year")),
            ReportKPI(
                label: w("指導警告・検挙", "Warnings and tickets"), value: .integer(row.done.enforcement),
                unit: w("件", ""),
                note: w(
                    "うち検挙 (青・赤切符) \(NumberFormat.grouped(row.done.citations))件",
                    "\(NumberFormat.grouped(row.done.citations)) tickets (blue + red)")),
            ReportKPI(
                label: w("集中取締り日のあった月", "Months with a concentrated day"),
                value: .integer(row.done.zoneMonthsMeetingMinimum), unit: "/ \(row.done.zoneMonths)",
                note: w("指定中の月のうち (基準: 毎月1回以上)", "of the months in force (minimum: one a month)")),
            // The one attainment rule of the station and prefecture reports (PlanAttainment), for the zone's own rows.
            ReportKPI(
                label: w("活動の計画達成率", "Operations held vs planned"),
                value: operations.map { .attainment($0.actual, of: $0.planned) } ?? .missing,
                note: operations.map { PlanSections.figures($0, w: w) } ?? w("計画なし", "no plan")),
        ]
        if let ratio = check.rateRatio, let value = ratio.ratio {
            kpis.append(
                ReportKPI(
                    label: w("事故の率比 (前年同期比)", "Accident rate ratio vs last year"), value: .decimal(value, digits: 2),
                    note: w(
                        "95%信頼区間 \(NumberFormat.fixed(ratio.lower))–\(ratio.upper.map { NumberFormat.fixed($0) } ?? "∞")",
                        "95% CI \(NumberFormat.fixed(ratio.lower))–\(ratio.upper.map { NumberFormat.fixed($0) } ?? "∞")"
                    )))
        }

        var caveats = dataGapCaveats(missing, w: w).map { ReportCaveat(kind: .dataGap, text: $0) }
        if !zone.isInForce(during: analytics.period) {
            caveats.append(
                ReportCaveat(
                    kind: .other,
                    text: w(
                        "この重点は期間中に指定されていません (指定 \(zone.designatedFrom)〜\(zone.designatedTo?.description ?? ""))。",
                        "This zone was not in force during the period (designated \(zone.designatedFrom) to \(zone.designatedTo?.description ?? ""))."
                    )))
        }

        var sections: [ReportSection] = []
        sections.append(
            ZoneVerdictSection.section(
                detail, verdict: verdict, noDataWindow: noDataWindow, row: row, period: period, w: w))
        sections.append(planDoSection(monthly, row: row, zone: zone, analytics: analytics, w: w))
        sections.append(enforcementSection(zone: zone, analytics: analytics, w: w))
        sections.append(checkSection(monthly, check: check, zone: zone, analytics: analytics, w: w))
        if let evaluation = detail.evaluation {
            sections.append(
                BeforeAfterSections.section(
                    evaluation, title: w("Check: 指定前後の比較 (事前事後評価)", "Check: before and after designation"), w: w))
        } else {
            sections.append(
                ReportSection(
                    title: w("Check: 指定前後の比較 (事前事後評価)", "Check: before and after designation"),
                    caveats: [ZoneVerdictSection.noEvaluationCaveat(detail, noDataWindow: noDataWindow, w: w)],
                    blocks: []))
        }
        sections.append(timingSection(zone: zone, analytics: analytics, w: w))
        sections.append(mapSection(detail, analytics: analytics, w: w))
        if let displacement = detail.displacement {
            sections.append(ZoneVerdictSection.displacementSection(displacement, w: w))
        }
        sections.append(TrendSections.section(analytics, zone: zone, w: w))
        sections.append(VerdictWording.glossary(w: w))

        return ReportDocument(
            title: w(
                "\(zone.name) 自転車指導啓発\(w.zoneKind(zone.kind)) レポート",
                "\(zone.name): bicycle priority \(w.zoneKind(zone.kind)) report"),
            subtitle: w(
                "\(stationName) · \(zone.id) · 期間 \(w.span(period)) · 指定 \(zone.designatedFrom)\(zone.reason.map { " · 指定理由: \($0)" } ?? "")",
                "\(stationName) · \(zone.id) · \(w.span(period)) · designated \(zone.designatedFrom)\(zone.reason.map { " · reason: \($0)" } ?? "")"
            ),
            language: settings.language, generatedAt: settings.generatedAt,
            kpis: kpis + [TrendSections.headline(analytics, zone: zone, w: w)], caveats: caveats,
            sections: sections)
    }

    // MARK: Plan and Do by month

    private static func planDoSection(
        _ monthly: MonthlyZoneFigures, row: MetricsRow, zone: Zone, analytics: PeriodAnalytics, w: Wording
    ) -> ReportSection {
        var rows: [[ReportCell]] = []
        var totals = MonthlyZoneFigures.Month()
        for month in monthly.months {
            totals.add(month)
            let activities = month.activitiesDelivered
            let enforcement = month.enforcementDelivered
            rows.append([
                .text(w.month(month.month)), .decimal(month.plannedOperations, digits: 1),
                activities ? .integer(month.operations) : .missing,
                activities ? .attainment(Double(month.operations), of: month.plannedOperations) : .missing,
                activities ? .integer(month.concentratedDays) : .missing,
                enforcement ? .integer(month.warnings) : .missing,
                enforcement ? w.outcomeCell(.blueTicket, count: month.blue, spanEnd: month.month.lastDay) : .missing,
                enforcement ? .integer(month.red) : .missing,
                enforcement ? .integer(month.warnings + month.blue + month.red) : .missing,
            ])
        }
        let table = ReportTable(
            caption: w("月別の計画と実施 (Plan・Do)", "Plan and Do by month"),
            columns: [
                ReportColumn(w("月", "Month")), ReportColumn(w("計画回数", "Planned ops"), alignment: .trailing),
                ReportColumn(w("実施回数", "Held"), alignment: .trailing),
                ReportColumn(w("実施率", "Held %"), alignment: .trailing),
                ReportColumn(w("集中取締り日", "Concentrated days"), alignment: .trailing),
                ReportColumn(w("指導警告", "Warnings"), alignment: .trailing),
                ReportColumn(w("青切符", "Blue"), alignment: .trailing),
                ReportColumn(w("赤切符", "Red"), alignment: .trailing),
                ReportColumn(w("取締り計", "Total stops"), alignment: .trailing),
            ],
            rows: rows,
            totals: [
                .text(w("計", "Total")), .decimal(totals.plannedOperations, digits: 1), .integer(totals.operations),
                .attainment(Double(totals.operations), of: totals.plannedOperations), .integer(totals.concentratedDays),
                .integer(totals.warnings),
                w.outcomeCell(.blueTicket, count: totals.blue, spanEnd: analytics.period.end),
                .integer(totals.red),
                .integer(totals.warnings + totals.blue + totals.red),
            ],
            denominatorNote: w(
                "計画回数: この重点を対象とする計画の活動回数 (計画期間の日数で按分)。実施回数: この重点で行った活動の記録数 (集中取締り・街頭指導・啓発・警ら)。実施率 = 実施回数 ÷ 計画回数。取締り: この重点に帰属する取締り記録。— は未提出 (0件ではない)。\(w.explain("activities", period: analytics.period, zone: zone.id))",
                "Planned: operations of the plan rows for this zone, prorated by days. Held: activity records in this zone "
                    + "(all kinds). Held % = held ÷ planned. Stops: enforcement records attributed to this zone. — = not "
                    + "delivered (not zero). \(w.explain("activities", period: analytics.period, zone: zone.id))"))
        let trend = MonthlyTrendChart(
            title: w("月別の取締り件数 (指導警告・青切符・赤切符)", "Warnings and tickets by month"),
            series: [
                MonthlyTrendChart.Series(
                    name: w("指導警告", "Warnings"),
                    points: monthly.months.map {
                        .init(month: $0.month, value: $0.enforcementDelivered ? Double($0.warnings) : nil)
                    }),
                MonthlyTrendChart.Series(
                    name: w("青切符 (2026年4月〜)", "Blue tickets (from April 2026)"),
                    points: monthly.months.map {
                        let exists = $0.enforcementDelivered && $0.month >= blueTicketStartDate.yearMonth
                        return MonthlyTrendChart.Point(month: $0.month, value: exists ? Double($0.blue) : nil)
                    }),
                MonthlyTrendChart.Series(
                    name: w("赤切符", "Red tickets"),
                    points: monthly.months.map {
                        .init(month: $0.month, value: $0.enforcementDelivered ? Double($0.red) : nil)
                    }),
            ],
            markers: designationMarkers(zone, w: w), valueLabel: w("件数", "count"),
            note: w(
                "この重点の取締り記録。空白の月は未提出 (0件ではない)。",
                "This zone's enforcement records. Gaps are months not delivered (not zero)."))
        return ReportSection(
            title: w("Plan・Do: 月別の計画と実施", "Plan and Do by month"),
            blocks: [
                .table(table), .chart(.monthlyTrend(trend), restatesTable: true),
                .table(attainmentTable(zone: zone, analytics: analytics, w: w)),
            ])
    }

    private static func attainmentTable(zone: Zone, analytics: PeriodAnalytics, w: Wording) -> ReportTable {
        var sums = RowSums()
        var rows: [[ReportCell]] = []
        for department in Department.allCases {
            let row =
                analytics.metrics.row(
                    MetricKey(stationID: zone.stationID, department: department, zoneID: zone.id))
                ?? MetricsRow(
                    key: MetricKey(stationID: zone.stationID, department: department, zoneID: zone.id))
            sums.add(row)
            rows.append([
                .text(w.department(department)), .decimal(row.plan.plannedOperations, digits: 1),
                .integer(row.done.operations), .attainment(Double(row.done.operations), of: row.plan.plannedOperations),
                .decimal(row.plan.plannedOfficerHours, digits: 1), .decimal(row.done.officerHours, digits: 1),
                .attainment(row.done.officerHours, of: row.plan.plannedOfficerHours),
            ])
        }
        return ReportTable(
            caption: w("部門別の計画達成 (期間計)", "Plan attainment by department (period)"),
            columns: [
                ReportColumn(w("部門", "Department")), ReportColumn(w("計画回数", "Planned ops"), alignment: .trailing),
                ReportColumn(w("参加回数", "Ops joined"), alignment: .trailing),
                ReportColumn(w("回数の達成率", "Ops %"), alignment: .trailing),
                ReportColumn(w("計画人時間", "Planned officer-h"), alignment: .trailing),
                ReportColumn(w("実施人時間", "Officer-h"), alignment: .trailing),
                ReportColumn(w("人時間の達成率", "Officer-h %"), alignment: .trailing),
            ],
            rows: rows,
            totals: [
                .text(w("計", "Total")), .decimal(sums.plannedOperations, digits: 1), .missing, .missing,
                .decimal(sums.plannedOfficerHours, digits: 1), .decimal(sums.officerHours, digits: 1),
                .attainment(sums.officerHours, of: sums.plannedOfficerHours),
            ],
            denominatorNote: w(
                "達成率 = 実施 ÷ 計画 (計画は期間の日数で按分)。人時間 = 人数 × 時間。合同活動は参加した部門それぞれに1回と数えるため、参加回数の合計は示しません。",
                "Attainment = done ÷ planned (plans prorated by days). Officer-hours = officers × hours. A joint operation "
                    + "counts once for each department that took part, so operations are not totalled."))
    }

    // MARK: Do: enforcement by department, outcome and violation

    private static func enforcementSection(zone: Zone, analytics: PeriodAnalytics, w: Wording) -> ReportSection {
        let tallies = analytics.input.current.enforcement.filter { $0.zoneID == zone.id }
        return ReportSection(
            title: w("Do: 部門別・処理別の取締り", "Do: enforcement by department and outcome"),
            blocks: EnforcementTables.blocks(
                tallies, period: analytics.period, explainStation: nil, explainZone: zone.id, w: w))
    }

    // MARK: Check by month

    private static func checkSection(
        _ monthly: MonthlyZoneFigures, check: CheckFigures, zone: Zone, analytics: PeriodAnalytics, w: Wording
    ) -> ReportSection {
        var rows: [[ReportCell]] = []
        var totals = MonthlyZoneFigures.Month()
        for month in monthly.months {
            totals.add(month)
            guard month.accidentsDelivered else {
                rows.append(
                    [.text(w.month(month.month))] + Array(repeating: .missing, count: 5) + [.integer(month.lastYear)])
                continue
            }
            rows.append(
                [.text(w.month(month.month))] + Severity.allCases.map { .integer(month.severity[$0.rawValue] ?? 0) }
                    + [.integer(month.accidents), .integer(month.lastYear)])
        }
        let table = ReportTable(
            caption: w("月別の自転車事故 (程度別)", "Bicycle accidents by month and severity"),
            columns: [ReportColumn(w("月", "Month"))]
                + Severity.allCases.map { ReportColumn(w.severity($0), alignment: .trailing) }
                + [
                    ReportColumn(w("計", "Total"), alignment: .trailing),
                    ReportColumn(w("前年同月", "Same month last year"), alignment: .trailing),
                ],
            rows: rows,
            totals: [.text(w("計", "Total"))] + Severity.allCases.map { .integer(totals.severity[$0.rawValue] ?? 0) }
                + [.integer(totals.accidents), .integer(totals.lastYear)],
            denominatorNote: w(
                "件数: この重点に帰属する自転車関連事故の記録 (人身事故)。— は事故データ未提出の月。\(w.explain("accidents", period: analytics.period, zone: zone.id))",
                "Counts: bicycle accident records (injury accidents) attributed to this zone. — = month not delivered. "
                    + w.explain("accidents", period: analytics.period, zone: zone.id)))
        let trend = MonthlyTrendChart(
            title: w("自転車事故の月別推移 (前年同月との比較)", "Bicycle accidents by month, against the same month last year"),
            series: [
                MonthlyTrendChart.Series(
                    name: w("今期", "This period"),
                    points: monthly.months.map {
                        .init(month: $0.month, value: $0.accidentsDelivered ? Double($0.accidents) : nil)
                    }),
                MonthlyTrendChart.Series(
                    name: w("前年同月", "Same month last year"),
                    points: monthly.months.map { .init(month: $0.month, value: Double($0.lastYear)) }),
            ],
            markers: designationMarkers(zone, w: w), valueLabel: w("件数", "accidents"),
            note: w("前年同月の値は今期の月の位置に重ねて表示。", "Last year's values are drawn at this period's months."))
        var caveats: [ReportCaveat] = []
        let reliability = CountReliability(rawValue: check.reliability) ?? .veryLow
        if reliability != .adequate {
            caveats.append(
                ReportCaveat(
                    kind: .lowCount,
                    text: w(
                        "今期と前年同期あわせて\(check.accidents + check.accidentsLastYear)件 (信頼性: \(w.reliability(check.reliability)))。月ごと・年ごとの増減は偶然の範囲のことが多く、結論には使えません。",
                        "\(check.accidents + check.accidentsLastYear) accidents this period and last year together (\(w.reliability(check.reliability))): changes are mostly noise."
                    )))
        }
        caveats.append(
            ReportCaveat(
                kind: .regressionToMean,
                text: w(
                    "前年同期との比較は単純比較です。事故の多い場所を選んで指定しているため、対策がなくても減る傾向があります (平均への回帰)。",
                    "The year-on-year comparison is naive: zones are chosen for their high counts, which tend to fall anyway (regression to the mean)."
                )))
        return ReportSection(
            title: w("Check: 自転車事故の推移", "Check: bicycle accidents"), caveats: caveats,
            blocks: [.chart(.monthlyTrend(trend), restatesTable: true), .table(table)])
    }

    private static func designationMarkers(_ zone: Zone, w: Wording) -> [MonthlyTrendChart.Marker] {
        var markers = [MonthlyTrendChart.Marker(date: zone.designatedFrom, label: w("指定", "Designated"))]
        if let end = zone.designatedTo { markers.append(.init(date: end, label: w("指定終了", "Lifted"))) }
        return markers
    }

    // MARK: When: hour × weekday

    private static func timingSection(zone: Zone, analytics: PeriodAnalytics, w: Wording) -> ReportSection {
        let period = analytics.period
        let window = ReportingPeriod(
            start: period.sameSpanPreviousYear().start, end: period.end, label: "")
        let accidents = HeatMaps.grid(analytics.input.zoneAccidentTimes.filter { $0.zoneID == zone.id })
        let enforcement = HeatMaps.grid(analytics.input.current.zoneEnforcementTimes.filter { $0.zoneID == zone.id })
        let row = analytics.zoneRow(station: zone.stationID, zone: zone.id)
        var blocks: [ReportBlock] = []
        if let share = row?.done.accidentHoursShare {
            blocks.append(
                .paragraph(
                    w(
                        "この重点の取締り (時刻のある\(NumberFormat.grouped(row?.done.zoneEnforcementWithTime ?? 0))件) のうち、事故のあった曜日・時間帯に行ったものは \(NumberFormat.fixed(share * 100, digits: 1))% です。",
                        "Of this zone's stops with a time (\(NumberFormat.grouped(row?.done.zoneEnforcementWithTime ?? 0))), \(NumberFormat.fixed(share * 100, digits: 1))% fell in an hour and weekday with accidents."
                    )))
        }
        blocks.append(
            .charts([
                .hourWeekdayHeatMap(
                    HourWeekdayHeatMap(
                        title: w("事故の曜日・時間帯", "Accidents by weekday and hour"), values: accidents.values,
                        note: w(
                            "\(w.span(window)) の事故 \(NumberFormat.grouped(accidents.timed))件 (時刻不明 \(NumberFormat.grouped(accidents.untimed))件は除く)",
                            "Accidents \(w.span(window)): \(NumberFormat.grouped(accidents.timed)) (\(NumberFormat.grouped(accidents.untimed)) without a time left out)"
                        ))),
                .hourWeekdayHeatMap(
                    HourWeekdayHeatMap(
                        title: w("取締りの曜日・時間帯", "Enforcement by weekday and hour"), values: enforcement.values,
                        note: w(
                            "\(w.span(period)) の取締り \(NumberFormat.grouped(enforcement.timed))件 (時刻不明 \(NumberFormat.grouped(enforcement.untimed))件は除く)",
                            "Stops \(w.span(period)): \(NumberFormat.grouped(enforcement.timed)) (\(NumberFormat.grouped(enforcement.untimed)) without a time left out)"
                        ))),
            ]))
        return ReportSection(
            title: w("Do・Check: 事故と取締りの曜日・時間帯", "When accidents and enforcement happen"),
            caveats: accidents.timed < 20
                ? [
                    ReportCaveat(
                        kind: .lowCount,
                        text: w(
                            "事故は期間と前年の2年分で\(NumberFormat.grouped(accidents.timed))件です。1マスの件数は偶然に大きく左右されます。",
                            "Only \(NumberFormat.grouped(accidents.timed)) accidents over the two years: single cells are mostly chance."
                        ))
                ] : [],
            blocks: blocks)
    }

    // MARK: Map

    private static func mapSection(_ detail: ZoneDetail, analytics: PeriodAnalytics, w: Wording) -> ReportSection {
        let zone = detail.zone
        let accidents = thinned(detail.accidents.located, limit: maximumMapPoints)
        let enforcement = thinned(detail.enforcement.located, limit: maximumMapPoints)
        var notes: [String] = [
            w(
                "事故 \(NumberFormat.grouped(detail.accidents.located.count))件 (位置不明 \(NumberFormat.grouped(detail.accidents.unlocated))件)、取締り \(NumberFormat.grouped(detail.enforcement.located.count))件 (位置不明 \(NumberFormat.grouped(detail.enforcement.unlocated))件)。",
                "Accidents: \(NumberFormat.grouped(detail.accidents.located.count)) located (\(NumberFormat.grouped(detail.accidents.unlocated)) without a location); stops: \(NumberFormat.grouped(detail.enforcement.located.count)) located (\(NumberFormat.grouped(detail.enforcement.unlocated)) without)."
            )
        ]
        for (name, points, step) in [
            (w("事故", "accidents"), accidents.points, accidents.step),
            (w("取締り", "stops"), enforcement.points, enforcement.step),
        ] where step > 1 {
            notes.append(
                w(
                    "\(name)は点が多いため\(step)件ごとに1件 (\(NumberFormat.grouped(points.count))件) を表示。",
                    "\(name): every \(step)th record drawn (\(NumberFormat.grouped(points.count))), there are too many to show all."
                ))
        }
        var map = ZoneMapChart(
            title: w(
                "\(zone.name) の地図 (\(w.span(analytics.period)))", "Map of \(zone.name) (\(w.span(analytics.period)))"),
            geometry: zone.geometry, bufferMetres: zone.bufferMetres ?? Zone.defaultRouteBufferMetres,
            accidents: accidents.points, enforcement: enforcement.points, note: "")
        map.enforcementCellLabel = w("約{m} m 四方ごと", "{m} m grid")
        if let displacement = detail.displacement {
            let ring = NumberFormat.grouped(Int(displacement.ringMetres))
            map.ring = ZoneMapChart.Ring(
                metres: displacement.ringMetres, before: displacement.ringBefore, after: displacement.ringAfter,
                label: w("周辺 \(ring) m", "Ring of \(ring) m"),
                beforeLabel: w("周辺の事故 指定前", "Ring accidents before"), afterLabel: w("指定後", "after"))
            notes.append(
                w(
                    "灰色の帯は重点の境界から \(ring) m の周辺。紫の白抜き丸は指定前 (\(displacement.beforeLabel))、紫の丸は指定後 (\(displacement.afterLabel)) の周辺の事故 (この署の重点外の事故)。",
                    "The grey band is the ring \(ring) m beyond the zone's edge; hollow purple circles are ring accidents "
                        + "before designation (\(displacement.beforeLabel)), filled ones after "
                        + "(\(displacement.afterLabel)); this station's accidents outside zones."))
        }
        if enforcement.points.count > map.enforcementCellThreshold {
            notes.append(
                w(
                    "取締りは点が多いため、地図上のマス目ごとの件数を濃淡で示します。",
                    "Stops are many, so they are shown as counts per grid square (darker is more)."))
        }
        map.note = notes.joined(separator: " ")
        return ReportSection(
            title: w("地図: 事故と取締りの位置", "Map: where accidents and stops were"), blocks: [.chart(.zoneMap(map))])
    }

    /// Every k-th point, k the smallest step that keeps at most `limit`: deterministic, spread over the order.
    static func thinned(_ points: [Coordinate], limit: Int) -> (points: [Coordinate], step: Int) {
        guard points.count > limit, limit > 0 else { return (points, 1) }
        let step = (points.count + limit - 1) / limit
        return (stride(from: 0, to: points.count, by: step).map { points[$0] }, step)
    }
}
