import Analytics
import BikePDCACore
import Rendering

/// The words of the built reports in the report's language: `w("事故", "Accidents")`.
struct Wording: Sendable {
    let language: ReportLanguage

    var isJapanese: Bool { language == .ja }

    func callAsFunction(_ japanese: String, _ english: String) -> String {
        isJapanese ? japanese : english
    }

    /// 「中央警察署」 / "Chuo station"; the id when the station is not registered.
    func station(_ station: Station?, id: String) -> String {
        guard let station else { return id }
        return isJapanese ? "\(station.nameJA)警察署" : "\(station.nameEN ?? station.nameJA) station"
    }

    /// 「中央駅前地区 (58101-D01)」: the name from the data and the id.
    func zone(_ zone: Zone) -> String { "\(zone.name) (\(zone.id))" }

    /// 「指定終了 (2024-09-30)」 / "lifted (2024-09-30)": a zone whose designation ended.
    func lifted(_ zone: Zone) -> String {
        let end = zone.designatedTo.map { " (\($0))" } ?? ""
        return self("指定終了\(end)", "lifted\(end)")
    }

    func zoneKind(_ kind: ZoneKind) -> String {
        isJapanese ? (kind == .district ? "重点地区" : "重点路線") : (kind == .district ? "district" : "route")
    }

    func department(_ department: Department) -> String {
        isJapanese ? department.labelJA : department.labelEN
    }

    func severity(_ severity: Severity) -> String { isJapanese ? severity.labelJA : severity.labelEN }

    func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .warning: self("指導警告", "Warnings")
        case .blueTicket: self("青切符", "Blue tickets")
        case .redTicket: self("赤切符", "Red tickets")
        }
    }

    func violation(_ code: String) -> String {
        guard let type = ViolationType.withCode(code) else { return code }
        return isJapanese ? type.nameJA : type.nameEN
    }

    func reliability(_ raw: String) -> String {
        switch CountReliability(rawValue: raw) {
        case .adequate: self("十分", "adequate")
        case .low: self("少ない", "low")
        case .veryLow: self("ごく少ない", "very low")
        case nil: raw
        }
    }

    func method(_ raw: String) -> String {
        switch EvaluationMethod(rawValue: raw) {
        case .naive: self("単純比較 (事前・事後)", "Naive before–after")
        case .comparisonGroup: self("比較群法", "Comparison group")
        case .ratioOfRatios: self("比の比 (差の差)", "Ratio of ratios (DiD)")
        case .empiricalBayes: self("経験ベイズ法 (EB)", "Empirical Bayes")
        case nil: raw
        }
    }

    /// `2025年4月` / `2025-04`.
    func month(_ month: YearMonth) -> String {
        isJapanese ? "\(month.year)年\(month.month)月" : month.description
    }

    /// The period as a reader says it: `2025-04-01〜2026-03-31` / `2025-04-01 to 2026-03-31`.
    func span(_ period: ReportingPeriod) -> String {
        isJapanese ? "\(period.start)〜\(period.end)" : "\(period.start) to \(period.end)"
    }

    /// 「11/12か月」 / "11 of 12" (never a bare `11/12`, which Excel would read as a date).
    func months(_ count: Int, of total: Int) -> String {
        isJapanese ? "\(count)/\(total)か月" : "\(count) of \(total)"
    }

    /// An English count with its noun, grouped and in the right number: `1 station-month`, `1,234 zones`
    /// (never `zone(s)`); `plural` defaults to the noun with `s`.
    func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(NumberFormat.grouped(count)) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// A count with its unit: 「12件」 / "12".
    func count(_ value: Int) -> String {
        isJapanese ? "\(NumberFormat.grouped(value))件" : NumberFormat.grouped(value)
    }

    /// The drill-down command that lists the records behind a table.
    func explain(_ dataset: String, period: ReportingPeriod, station: String? = nil, zone: String? = nil) -> String {
        var command = "bikepdca metrics --period \(period.start)..\(period.end) --explain \(dataset)"
        if let station { command += " --station \(station)" }
        if let zone { command += " --zone \(zone)" }
        return self("記録の一覧: \(command)", "Records: \(command)")
    }
}

extension Wording {
    /// 「制度開始前」 / "not yet": what a blue-ticket (青切符) count of a span that ends before 2026-04-01 shows.
    var beforeBlueTickets: String { self("制度開始前", "not yet") }

    /// A count of `outcome` over a span ending on `end`: 「制度開始前」 instead of 0 for blue tickets (青切符)
    /// before the system began on 2026-04-01, the count otherwise. Every table with a blue-ticket column uses it.
    func outcomeCell(_ outcome: Outcome, count: Int, spanEnd end: LocalDate) -> ReportCell {
        outcome == .blueTicket && count == 0 && end < blueTicketStartDate
            ? .notApplicable(beforeBlueTickets) : .integer(count)
    }
}

extension ReportCell {
    /// A fraction as a percentage cell, or no value.
    static func share(_ value: Double?, digits: Int = 1) -> ReportCell {
        guard let value, value.isFinite else { return .missing }
        return .percent(value, digits: digits)
    }

    /// A decimal cell, or no value.
    static func number(_ value: Double?, digits: Int = 1) -> ReportCell {
        guard let value, value.isFinite else { return .missing }
        return .decimal(value, digits: digits)
    }

    /// `done ÷ planned` as a percentage cell; no value without a plan.
    static func attainment(_ done: Double, of planned: Double) -> ReportCell {
        planned > 0 ? .percent(done / planned, digits: 1) : .missing
    }

    /// The change from `before` to `now` as a percentage cell (`-12.5%`); no value when `before` is 0.
    static func change(now: Int, before: Int) -> ReportCell {
        before > 0 ? .percent(Double(now - before) / Double(before), digits: 1) : .missing
    }
}

/// Data-gap caveats: which station-months are missing, by dataset, in the report's language.
func dataGapCaveats(_ missing: [MissingStationMonth], w: Wording) -> [String] {
    guard !missing.isEmpty else { return [] }
    var byDataset: [(String, [MissingStationMonth])] = []
    for item in missing {
        if let index = byDataset.firstIndex(where: { $0.0 == item.dataset }) {
            byDataset[index].1.append(item)
        } else {
            byDataset.append((item.dataset, [item]))
        }
    }
    return byDataset.map { dataset, items in
        let name: String
        switch dataset {
        case "enforcement": name = w("取締り", "enforcement")
        case "accidents": name = w("事故", "accidents")
        case "activities": name = w("活動", "activities")
        default: name = w("事故 (前年同期)", "accidents (same span last year)")
        }
        let examples = items.prefix(6).map { "\($0.stationID) \($0.month)" }.joined(separator: ", ")
        let more =
            items.count > 6
            ? w(" ほか\(NumberFormat.grouped(items.count - 6))件", " and \(NumberFormat.grouped(items.count - 6)) more")
            : ""
        return w(
            "\(name)データの未提出: \(items.count)署月 (\(examples)\(more))。未提出の月は0件ではなく欠損として扱い、その月に依存する数値は不完全です。",
            "No \(name) records for \(w.counted(items.count, "station-month")) (\(examples)\(more)): missing, not zero; "
                + "figures that depend on them are incomplete.")
    }
}
