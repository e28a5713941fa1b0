import Analytics
import BikePDCACore
import Rendering

/// The answer to "how does this year compare with last year to date and with the three-year average?" (前年・
/// 3年平均との比較), the same section on every report: the fiscal year to date against last year and the
/// three-year average as cards and one sentence, the running totals as a chart, every stored month as a chart
/// with the three-year average, and the months as a table.
enum TrendSections {
    /// The section for one zone: the accidents in the zone, delivery judged by its station.
    static func section(_ analytics: PeriodAnalytics, zone: Zone, w: Wording) -> ReportSection {
        section(
            analytics, stations: [zone.stationID], zoneID: zone.id,
            scopeName: w("この\(w.zoneKind(zone.kind))", "this \(w.zoneKind(zone.kind))"), w: w)
    }

    /// The section for one station (警察署): every accident of the station.
    static func section(_ analytics: PeriodAnalytics, stationID: String, w: Wording) -> ReportSection {
        section(analytics, stations: [stationID], zoneID: nil, scopeName: w("この署", "this station"), w: w)
    }

    /// The section for the prefecture: every accident of the report's stations.
    static func section(_ analytics: PeriodAnalytics, w: Wording) -> ReportSection {
        section(analytics, stations: nil, zoneID: nil, scopeName: w("県全体", "the prefecture"), w: w)
    }

    /// The year to date as one card for the top of a zone's report: question 4 on the first screen.
    static func headline(_ analytics: PeriodAnalytics, zone: Zone, w: Wording) -> ReportKPI {
        headline(analytics, stations: [zone.stationID], zoneID: zone.id, w: w)
    }

    /// The year to date as one card for the top of a station's report.
    static func headline(_ analytics: PeriodAnalytics, stationID: String, w: Wording) -> ReportKPI {
        headline(analytics, stations: [stationID], zoneID: nil, w: w)
    }

    /// The year to date as one card for the top of the prefecture's report.
    static func headline(_ analytics: PeriodAnalytics, w: Wording) -> ReportKPI {
        headline(analytics, stations: nil, zoneID: nil, w: w)
    }

    private static func trend(_ analytics: PeriodAnalytics, stations: Set<String>?, zoneID: String?)
        -> AccidentTrend?
    {
        guard let history = analytics.accidentHistory else { return nil }
        let through = history.dataThrough(stations: stations, limit: analytics.period.end)
        return AccidentTrend(
            history, stations: stations, zoneID: zoneID, period: analytics.period, dataThrough: through)
    }

    private static func headline(
        _ analytics: PeriodAnalytics, stations: Set<String>?, zoneID: String?, w: Wording
    ) -> ReportKPI {
        let label = w("事故 年度累計 (前年・3年平均比)", "Accidents, year to date")
        guard let toDate = trend(analytics, stations: stations, zoneID: zoneID)?.yearToDate,
            let first = toDate.months.first, let last = toDate.months.last
        else {
            return ReportKPI(label: label, value: .missing, note: w("データなし", "no data"))
        }
        func signed(_ percent: Double?) -> String {
            percent.map { NumberFormat.signedPercent($0) } ?? w("比較不可", "n/a")
        }
        let span = first == last ? w.month(first) : w("\(w.month(first))〜\(w.month(last))", "\(first) to \(last)")
        return ReportKPI(
            label: label, value: .integer(toDate.count), unit: w("件", ""),
            note: w(
                "前年同期比 \(signed(toDate.changeFromLastYearPercent)) · 3年平均比 \(signed(toDate.changeFromAveragePercent)) (\(span))",
                "\(signed(toDate.changeFromLastYearPercent)) vs last year · \(signed(toDate.changeFromAveragePercent)) vs 3-year average (\(span))"
            ))
    }

    static func title(_ w: Wording) -> String {
        w("Check: 前年・3年平均との比較 (年度累計)", "Check: this year against last year and the 3-year average")
    }

    private static func section(
        _ analytics: PeriodAnalytics, stations: Set<String>?, zoneID: String?, scopeName: String, w: Wording
    ) -> ReportSection {
        let period = analytics.period
        guard let trend = trend(analytics, stations: stations, zoneID: zoneID) else {
            return ReportSection(
                title: title(w),
                caveats: [ReportCaveat(kind: .dataGap, text: w("事故の履歴が読み込まれていません。", "No accident history loaded."))],
                blocks: [])
        }
        guard let toDate = trend.yearToDate, let first = toDate.months.first, let last = toDate.months.last else {
            return ReportSection(
                title: title(w),
                caveats: [
                    ReportCaveat(
                        kind: .dataGap,
                        text: w(
                            "期間 \(w.span(period)) に事故データがありません (データなし: 0件ではありません)。",
                            "No accident data in \(w.span(period)): no data, not zero."))
                ], blocks: [])
        }
        let span = first == last ? w.month(first) : w("\(w.month(first))〜\(w.month(last))", "\(first) to \(last)")
        var caveats: [ReportCaveat] = []
        if toDate.averageYears < 3 {
            caveats.append(
                ReportCaveat(
                    kind: .dataGap,
                    text: w(
                        "3年平均は、データのある\(toDate.averageYears)年分の平均です (データのない年は0件として数えません)。",
                        "The 3-year average is taken over the \(toDate.averageYears) earlier year"
                            + "\(toDate.averageYears == 1 ? "" : "s") with data (a year without data is not counted as zero)."
                    )))
        }
        if toDate.months.count < period.months.count {
            caveats.append(
                ReportCaveat(
                    kind: .other,
                    text: w(
                        "年度累計はデータのある \(w.month(last)) までです。前年・3年平均も同じ月までで比べています。",
                        "The year to date runs through \(last), the last month with complete data; last year and the "
                            + "average are compared over the same months.")))
        }
        return ReportSection(
            title: title(w), caveats: caveats,
            blocks: [
                .kpis(cards(toDate, span: span, w: w)),
                .paragraph(sentence(toDate, span: span, scopeName: scopeName, w: w)),
                // Side by side on a wide page and on paper, so the section keeps to one printed page.
                .charts([.monthlyTrend(cumulativeChart(trend, w: w)), .monthlyTrend(monthlyChart(trend, w: w))]),
                .table(table(trend, w: w)),
            ])
    }

    private static func averageLabel(_ years: Int, w: Wording) -> String {
        years >= 3 ? w("3年平均", "3-year average") : w("3年平均 (\(years)年分)", "3-year average (\(years) years)")
    }

    private static func cards(_ toDate: AccidentTrend.YearToDate, span: String, w: Wording) -> [ReportKPI] {
        var cards = [
            ReportKPI(
                label: w("自転車事故 年度累計", "Bicycle accidents, year to date"), value: .integer(toDate.count),
                unit: w("件", ""), note: span)
        ]
        cards.append(
            ReportKPI(
                label: w("前年同期", "Same span last year"), value: toDate.lastYear.map { .integer($0) } ?? .missing,
                unit: toDate.lastYear == nil ? "" : w("件", ""),
                note: change(toDate.changeFromLastYearPercent, against: w("前年同期", "last year"), w: w)))
        cards.append(
            ReportKPI(
                label: averageLabel(toDate.averageYears, w: w),
                value: toDate.threeYearAverage.map { .decimal($0, digits: 1) } ?? .missing,
                unit: toDate.threeYearAverage == nil ? "" : w("件", ""),
                note: change(toDate.changeFromAveragePercent, against: w("3年平均", "the average"), w: w)))
        return cards
    }

    /// 「前年同期より 8.4% 少ない」 / "8.4% fewer than last year"; 「比較できません」 without a base.
    private static func change(_ percent: Double?, against base: String, w: Wording) -> String {
        guard let percent else { return w("比較できません (データなし)", "no comparison (no data)") }
        let size = NumberFormat.fixed(percent.magnitude, digits: 1)
        if size == "0.0" { return w("\(base)と同じ", "the same as \(base)") }
        return percent < 0
            ? w("今年度は\(base)より\(size)%少ない", "this year \(size)% fewer than \(base)")
            : w("今年度は\(base)より\(size)%多い", "this year \(size)% more than \(base)")
    }

    /// The answer in one sentence.
    private static func sentence(
        _ toDate: AccidentTrend.YearToDate, span: String, scopeName: String, w: Wording
    ) -> String {
        let count = NumberFormat.grouped(toDate.count)
        var japanese = "\(span)の\(scopeName)の自転車事故は\(count)件"
        var english = "From \(span), \(scopeName) had \(count) bicycle accident\(toDate.count == 1 ? "" : "s")"
        if let lastYear = toDate.lastYear {
            let base = NumberFormat.grouped(lastYear)
            if let percent = toDate.changeFromLastYearPercent {
                let size = NumberFormat.fixed(percent.magnitude, digits: 1)
                japanese += "で、前年同期 (\(base)件) より\(size)%\(percent < 0 ? "少なく" : "多く")"
                english += ", \(size)% \(percent < 0 ? "fewer" : "more") than the same span last year (\(base))"
            } else {
                japanese += "で、前年同期は\(base)件"
                english += "; the same span last year had \(base)"
            }
        } else {
            japanese += "で、前年同期のデータはなく"
            english += "; last year has no data"
        }
        if let average = toDate.threeYearAverage {
            let base = NumberFormat.fixed(average, digits: 1)
            let label = averageLabel(toDate.averageYears, w: w)
            if let percent = toDate.changeFromAveragePercent {
                let size = NumberFormat.fixed(percent.magnitude, digits: 1)
                japanese += "、\(label)の\(base)件より\(size)%\(percent < 0 ? "少ない" : "多い")。"
                english += ", and \(size)% \(percent < 0 ? "fewer" : "more") than the \(label) of \(base)."
            } else {
                japanese += "、\(label)は\(base)件。"
                english += "; the \(label) is \(base)."
            }
        } else {
            japanese += "、3年平均は出せません (以前のデータなし)。"
            english += "; no 3-year average (no earlier data)."
        }
        return w(japanese, english)
    }

    private static func cumulativeChart(_ trend: AccidentTrend, w: Wording) -> MonthlyTrendChart {
        let years = trend.yearToDate?.averageYears ?? 3
        return MonthlyTrendChart(
            title: w("自転車事故の年度累計 (前年・3年平均と比較)", "Bicycle accidents, running total from April"),
            series: [
                MonthlyTrendChart.Series(
                    name: w("今年度", "This year"),
                    points: trend.fiscalYear.map { .init(month: $0.month, value: $0.cumulative.map { Double($0) }) }),
                MonthlyTrendChart.Series(
                    name: w("前年度", "Last year"),
                    points: trend.fiscalYear.map {
                        .init(month: $0.month, value: $0.cumulativeLastYear.map { Double($0) })
                    }),
                MonthlyTrendChart.Series(
                    name: averageLabel(years, w: w),
                    points: trend.fiscalYear.map { .init(month: $0.month, value: $0.cumulativeAverage) }),
            ],
            valueLabel: w("累計件数", "running total"),
            note: w(
                "4月からの累計。前年度・3年平均は同じ月までの累計 (月の位置は今年度の月)。",
                "Running totals from April; last year and the average over the same months, drawn at this year's months."
            ))
    }

    private static func monthlyChart(_ trend: AccidentTrend, w: Wording) -> MonthlyTrendChart {
        let years = trend.yearToDate?.averageYears ?? 3
        return MonthlyTrendChart(
            title: w("自転車事故の月別推移 (全期間)", "Bicycle accidents by month, every stored year"),
            series: [
                MonthlyTrendChart.Series(
                    name: w("月別件数", "Accidents"),
                    points: trend.months.map { .init(month: $0.month, value: $0.count.map { Double($0) }) }),
                MonthlyTrendChart.Series(
                    name: w("同じ月の\(averageLabel(years, w: w))", "\(averageLabel(years, w: w)) of the month"),
                    points: trend.fiscalYear.map { .init(month: $0.month, value: $0.threeYearAverage) }),
            ],
            valueLabel: w("件数", "count"),
            note: w(
                "空白の月はデータなし (0件ではない)。3年平均は今年度の各月について、前3年の同じ月の平均。",
                "Gaps are months without data (not zero). The average is of the same month in the three years before."
            ))
    }

    private static func table(_ trend: AccidentTrend, w: Wording) -> ReportTable {
        func count(_ value: Int?) -> ReportCell { value.map { .integer($0) } ?? .missing }
        let years = trend.yearToDate?.averageYears ?? 3
        let average = averageLabel(years, w: w)
        return ReportTable(
            caption: w("月別の事故件数と年度累計", "Accidents by month and running totals"),
            columns: [
                ReportColumn(w("月", "Month")), ReportColumn(w("今年度", "This year"), alignment: .trailing),
                ReportColumn(w("前年度", "Last year"), alignment: .trailing),
                ReportColumn(average, alignment: .trailing),
                ReportColumn(w("累計 今年度", "Running total"), alignment: .trailing),
                ReportColumn(w("累計 前年度", "Last year's"), alignment: .trailing),
                ReportColumn(w("累計 \(average)", "Average's"), alignment: .trailing),
            ],
            rows: trend.fiscalYear.map { row in
                [
                    .text(w.month(row.month)), count(row.count), count(row.lastYear),
                    .number(row.threeYearAverage), count(row.cumulative), count(row.cumulativeLastYear),
                    .number(row.cumulativeAverage),
                ]
            },
            denominatorNote: w(
                "件数: 自転車が関係する人身事故。— はデータなし (0件ではない)。3年平均: 前3年度の同じ月の平均 (データのない年度は除く)。",
                "Counts: injury accidents involving a bicycle. — = no data (not zero). 3-year average: the same month "
                    + "in the three earlier fiscal years, years without data left out."))
    }
}
