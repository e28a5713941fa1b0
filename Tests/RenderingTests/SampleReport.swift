import BikePDCACore
import Foundation
import Geo
import Rendering

/// The sample documents the golden files, the browser check and the escaping tests are made from: one zone's
/// report with every kind of block. `text` maps every string slot, so the escaping test can put hostile text
/// into all of them.
enum SampleReport {
    /// A point near Yokohama station; the route runs east from here.
    static let origin = Coordinate(latitude: 35.4657, longitude: 139.6223)

    static func document(language: ReportLanguage, text: (String) -> String = { $0 }) -> ReportDocument {
        let ja = language == .ja
        func t(_ japanese: String, _ english: String) -> String { text(ja ? japanese : english) }
        let projection = LocalProjection(reference: origin)
        func at(_ x: Double, _ y: Double) -> Coordinate { projection.unproject(x: x, y: y) }
        let route = Geometry.lineString([at(-420, -60), at(-150, -20), at(120, 10), at(380, 90), at(520, 240)])
        let accidents = [at(-300, -40), at(-120, -30), at(10, 0), at(130, 20), at(140, 5), at(390, 110), at(60, 150)]
        let enforcement = (0..<24).map { index in
            at(-400 + Double(index) * 38, -55 + Double(index % 5) * 6 + Double(index) * 6)
        }
        let months = (0..<24).map { YearMonth(year: 2024, month: 4).adding(months: $0) }
        let accidentCounts: [Double?] = [6, 5, 7, 8, 6, 9, 7, 5, 4, 6, 5, 4, 3, 4, 2, 3, nil, 2, 3, 1, 2, 2, 1, 2]
        let lastYear: [Double?] = [5, 7, 6, 6, 8, 7, 6, 7, 5, 6, 7, 5, 6, 5, 7, 6, nil, 8, 7, 6, 5, 6, 7, 6]
        var accidentHeat = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
        var enforcementHeat = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
        for weekday in 0..<7 {
            for hour in 0..<24 {
                let commute = hour == 7 || hour == 8 ? 4.0 : (hour == 17 || hour == 18 ? 3.0 : 0)
                accidentHeat[weekday][hour] = weekday < 5 ? commute + Double((hour * 7 + weekday) % 3 == 0 ? 1 : 0) : 0
                enforcementHeat[weekday][hour] = (10...15).contains(hour) && weekday < 5 ? Double(2 + hour % 3) : 0
            }
        }

        return ReportDocument(
            title: t("駅前通り 自転車指導啓発重点路線 2025年度", "Ekimae-dori bicycle priority route, FY2025"),
            subtitle: t(
                "神奈川県警察 戸部警察署 · 期間 2024-04〜2026-03 · 指定 2025-04-01",
                "Kanagawa Prefectural Police, Tobe station · 2024-04..2026-03 · designated 2025-04-01"),
            language: language,
            generatedAt: text("2026-04-15 09:00 JST"),
            kpis: [
                ReportKPI(
                    label: t("自転車事故 (指定後12か月)", "Bicycle accidents (12 months after)"),
                    value: .integer(27), unit: t("件", ""), note: t("指定前12か月 74件", "74 in the 12 months before")),
                ReportKPI(
                    label: t("取締り件数", "Enforcement stops"), value: .integer(1_284), unit: t("件", ""),
                    note: t("うち青切符 212件", "212 blue tickets")),
                ReportKPI(
                    label: t("集中取締り実施率", "Concentrated days held"), value: .percent(0.917, digits: 1),
                    note: t("11 / 12か月", "11 of 12 months")),
                ReportKPI(
                    label: t("効果指数 θ", "Index of effectiveness θ"), value: .decimal(0.512, digits: 2),
                    note: t("95%信頼区間 0.33–0.79", "95% CI 0.33–0.79")),
            ],
            caveats: [
                ReportCaveat(
                    kind: .dataGap, text: t("2025年8月の取締りデータが未提出です。", "Enforcement data for 2025-08 is missing."))
            ],
            sections: [
                ReportSection(
                    title: t("Check: 事故の推移", "Check: accidents by month"),
                    caveats: [
                        ReportCaveat(
                            kind: .regressionToMean,
                            text: t(
                                "事故の多い路線を選んで指定しているため、指定しなくても事故は減る傾向があります (平均への回帰)。",
                                "The route was chosen for its many accidents, so some fall would have happened anyway.")
                        ),
                        ReportCaveat(
                            kind: .lowCount,
                            text: t(
                                "月別の件数は10件未満で、月ごとの増減は偶然の範囲です。",
                                "Monthly counts are under 10: month-to-month changes are noise.")),
                    ],
                    blocks: [
                        .chart(
                            .monthlyTrend(
                                MonthlyTrendChart(
                                    title: t("自転車関連事故の月別推移", "Bicycle accidents by month"),
                                    series: [
                                        .init(
                                            name: t("重点路線", "Priority route"),
                                            points: zip(months, accidentCounts).map { .init(month: $0, value: $1) }),
                                        .init(
                                            name: t("署内の他の道路 (÷10)", "Other roads of the station (÷10)"),
                                            points: zip(months, lastYear).map { .init(month: $0, value: $1) }),
                                    ],
                                    markers: [
                                        .init(
                                            date: LocalDate(year: 2025, month: 4, day: 1) ?? blueTicketStartDate,
                                            label: t("重点路線指定", "Designated"))
                                    ],
                                    valueLabel: t("件数", "Accidents"),
                                    note: t("2025年8月は事故データなし (灰色)。", "No accident data for 2025-08 (grey).")))),
                        .chart(
                            .beforeAfter(
                                BeforeAfterChart(
                                    title: t("指定前後の比較 (比較群法)", "Before and after (comparison group)"),
                                    bars: [
                                        .init(
                                            label: t("期待値 (指定なし)", "Expected without"), value: 52.7, lower: 41.2,
                                            upper: 64.1),
                                        .init(
                                            label: t("実測 (指定後)", "Observed after"), value: 27, lower: 17.8, upper: 39.3),
                                    ],
                                    digits: 1,
                                    note: t(
                                        "指定後12か月の自転車関連事故件数。", "Bicycle accidents in the 12 months after designation.")))
                        ),
                        .chart(
                            .beforeAfter(
                                BeforeAfterChart(
                                    title: t("効果指数 θ と事故率の比", "Index of effectiveness θ and rate ratio"),
                                    bars: [
                                        .init(label: t("効果指数 θ", "Index θ"), value: 0.512, lower: 0.33, upper: 0.79),
                                        .init(
                                            label: t("前年同期比", "vs same months last year"), value: 0.365, lower: 0.23,
                                            upper: 0.56),
                                        .init(
                                            label: t("駅前交差点 (前年0件)", "Ekimae crossing (none last year)"), value: 2,
                                            lower: 0.36, upper: .infinity),
                                    ],
                                    referenceLine: 1, referenceLabel: t("変化なし (= 1)", "no change (= 1)"),
                                    note: t("1 未満は事故の減少を示します。", "Below 1 means fewer accidents.")))),
                        .table(
                            ReportTable(
                                caption: t("指定前後の事故件数", "Accidents before and after"),
                                columns: [
                                    ReportColumn(t("区分", "Group")),
                                    ReportColumn(t("指定前", "Before"), alignment: .trailing),
                                    ReportColumn(t("指定後", "After"), alignment: .trailing),
                                    ReportColumn(t("増減率", "Change"), alignment: .trailing),
                                ],
                                rows: [
                                    [
                                        .text(t("重点路線", "Priority route")), .integer(74), .integer(27),
                                        .percent(-0.635, digits: 1),
                                    ],
                                    [
                                        .text(t("署内の他の道路", "Other roads")), .integer(1_046), .integer(1_012),
                                        .percent(-0.0325, digits: 1),
                                    ],
                                    [.text(t("県全体", "Prefecture")), .integer(23_481), .missing, .missing],
                                ],
                                totals: [
                                    .text(t("計 (県全体を除く)", "Total (excl. prefecture)")), .integer(1_120),
                                    .integer(1_039),
                                    .percent(-0.0723, digits: 1),
                                ],
                                denominatorNote: t(
                                    "件数 (分母: 各期間の自転車関連人身事故の全件数)",
                                    "Counts (denominator: all bicycle injury accidents in each period)"))),
                    ]),
                ReportSection(
                    title: t("Do: 取締りの実施状況", "Do: enforcement"),
                    blocks: [
                        .paragraph(
                            t(
                                "交通部門と地域部門の合同取締りは月平均3.2回でした。",
                                "Joint traffic and community operations averaged 3.2 a month.")),
                        .chart(
                            .stackedBars(
                                StackedBarChart(
                                    title: t("部門別・処理別の取締件数", "Enforcement by department and outcome"),
                                    segmentNames: [
                                        t("指導警告", "Warning"), t("青切符", "Blue ticket"), t("赤切符", "Red ticket"),
                                    ],
                                    bars: [
                                        .init(label: t("交通部門", "Traffic"), values: [512, 168, 6]),
                                        .init(label: t("地域部門", "Community"), values: [471, 44, 2]),
                                        .init(label: t("その他 (生活安全課ほか)", "Other departments"), values: [81, 0, 0]),
                                    ],
                                    note: t("件数 (分母: 当該期間の全取締件数 1,284件)", "Counts (denominator: all 1,284 stops)")))),
                        .chart(
                            .horizontalBars(
                                HorizontalBarChart(
                                    title: t("違反種別の内訳", "Violation mix"),
                                    bars: [
                                        .init(label: t("信号無視", "Signal violation"), value: 402),
                                        .init(label: t("通行区分違反", "Wrong-side or sidewalk riding"), value: 311),
                                        .init(label: t("携帯電話使用等(保持)", "Handheld phone use"), value: 260),
                                        .init(label: t("指定場所一時不停止等", "Failure to stop"), value: 188),
                                        .init(label: t("無灯火", "No light"), value: 97),
                                        .init(label: t("その他", "Other"), value: 26),
                                    ],
                                    note: t("件数 (分母: 当該期間の全取締件数)", "Counts (denominator: all stops in the period)")))),
                        .charts([
                            .hourWeekdayHeatMap(
                                HourWeekdayHeatMap(
                                    title: t("事故の発生時間帯 (曜日 × 時台)", "Accidents by weekday and hour"),
                                    values: accidentHeat, note: t("時刻不明 3件を除く", "3 accidents without a time left out"))),
                            .hourWeekdayHeatMap(
                                HourWeekdayHeatMap(
                                    title: t("取締りの実施時間帯 (曜日 × 時台)", "Enforcement by weekday and hour"),
                                    values: enforcementHeat)),
                        ]),
                        .table(
                            ReportTable(
                                caption: t("部門別の取締件数と従事時間", "Stops and officer-hours by department"),
                                columns: [
                                    ReportColumn(t("部門", "Department")),
                                    ReportColumn(t("件数", "Stops"), alignment: .trailing),
                                    ReportColumn(t("構成比", "Share"), alignment: .trailing),
                                    ReportColumn(t("従事時間", "Officer-hours"), alignment: .trailing),
                                ],
                                rows: [
                                    [
                                        .text(t("交通", "Traffic")), .integer(686), .percent(0.534, digits: 1),
                                        .decimal(412.5, digits: 1),
                                    ],
                                    [
                                        .text(t("地域", "Community")), .integer(517), .percent(0.403, digits: 1),
                                        .decimal(388, digits: 1),
                                    ],
                                    [
                                        .text(t("その他", "Other")), .integer(81), .percent(0.063, digits: 1),
                                        .decimal(36.25, digits: 1),
                                    ],
                                ],
                                totals: [
                                    .text(t("計", "Total")), .integer(1_284), .percent(1, digits: 1),
                                    .decimal(836.75, digits: 1),
                                ],
                                denominatorNote: t(
                                    "件数 (分母: 当該期間の全取締件数)", "Counts (denominator: all stops in the period)"))),
                    ]),
                ReportSection(
                    title: t("地図", "Map"),
                    blocks: [
                        .chart(
                            .zoneMap(
                                ZoneMapChart(
                                    title: t("駅前通り (路線) と事故・取締りの位置", "Ekimae-dori route, accidents and enforcement"),
                                    geometry: route, bufferMetres: 30, accidents: accidents, enforcement: enforcement,
                                    note: t("位置不明の事故 2件は表示していません。", "2 accidents without a location are not shown.")))),
                        .links([
                            ReportLink(
                                title: t("戸部警察署のレポート", "Tobe station report"), fileName: "station_02010.html",
                                note: t("同じ期間", "same period"))
                        ]),
                    ]),
            ])
    }
}

/// A strict reader of the renderers' markup: splits it into tags and text, the way a browser would find tags.
///
/// Because the renderer escapes every `<` in text and every `"` in attribute values, every `<` starts a real
/// tag and every attribute value ends at the next `"`; anything else is reported as malformed.
struct MarkupScan {
    struct Tag: Equatable {
        var name: String
        var isClosing: Bool
        var attributes: [(name: String, value: String)]

        static func == (lhs: Tag, rhs: Tag) -> Bool {
            lhs.name == rhs.name && lhs.isClosing == rhs.isClosing
                && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
                && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
        }
    }

    var tags: [Tag] = []
    var texts: [String] = []
    var styleSheets: [String] = []
    var malformed: [String] = []

    init(_ html: String) {
        var rest = Substring(html)
        if rest.hasPrefix("<!DOCTYPE html>") { rest = rest.dropFirst("<!DOCTYPE html>".count) }
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<") else {
                texts.append(String(rest))
                break
            }
            texts.append(String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: ">") else {
                malformed.append(String(rest[open...]))
                break
            }
            let body = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            guard let tag = Self.parseTag(body) else {
                malformed.append(String(body))
                continue
            }
            tags.append(tag)
            if tag.name == "style", !tag.isClosing {
                guard let end = rest.range(of: "</style>") else {
                    malformed.append("unclosed style")
                    break
                }
                styleSheets.append(String(rest[..<end.lowerBound]))
                rest = rest[end.lowerBound...]
            }
        }
    }

    private static func parseTag(_ body: Substring) -> Tag? {
        var rest = body
        let isClosing = rest.first == "/"
        if isClosing { rest = rest.dropFirst() }
        let name = rest.prefix { $0.isLetter || $0.isNumber }
        guard !name.isEmpty else { return nil }
        rest = rest.dropFirst(name.count)
        var attributes: [(String, String)] = []
        while true {
            if rest.isEmpty || rest == "/" { break }
            guard rest.first == " " else { return nil }
            rest = rest.dropFirst()
            let attributeName = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
            guard !attributeName.isEmpty else { return nil }
            rest = rest.dropFirst(attributeName.count)
            guard rest.hasPrefix("=\"") else { return nil }
            rest = rest.dropFirst(2)
            guard let quote = rest.firstIndex(of: "\"") else { return nil }
            attributes.append((String(attributeName), decoded(rest[..<quote])))
            rest = rest[rest.index(after: quote)...]
        }
        return Tag(name: String(name), isClosing: isClosing, attributes: attributes)
    }

    /// An attribute value as the browser reads it: the five entities the renderer writes, decoded.
    private static func decoded(_ value: Substring) -> String {
        value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every attribute value of the elements named `element` with `attribute`.
    func values(of attribute: String, in element: String, className: String? = nil) -> [String] {
        tags.filter { tag in
            tag.name == element && !tag.isClosing
                && (className.map { name in tag.attributes.contains { $0.name == "class" && $0.value == name } } ?? true)
        }.compactMap { tag in tag.attributes.first { $0.name == attribute }?.value }
    }

    /// The opening tags named `element` with `class` equal to `className`.
    func elements(_ element: String, className: String) -> [Tag] {
        tags.filter { tag in
            tag.name == element && !tag.isClosing
                && tag.attributes.contains { $0.name == "class" && $0.value == className }
        }
    }
}

extension MarkupScan.Tag {
    /// The numeric value of an attribute.
    func number(_ name: String) -> Double? {
        attributes.first { $0.name == name }.flatMap { Double($0.value) }
    }
}
