import Analytics
import BikePDCACore
import Reports

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

    /// A count with its unit: 「12件」 / "12".
    func count(_ value: Int) -> String {
        isJapanese ? "\(Format.integer(value))件" : Format.integer(value)
    }

    /// The drill-down command that lists the records behind a table.
    func explain(_ dataset: String, period: ReportingPeriod, station: String? = nil, zone: String? = nil) -> String {
        var command = "bikepdca metrics --period \(period.start)..\(period.end) --explain \(dataset)"
        if let station { command += " --station \(station)" }
        if let zone { command += " --zone \(zone)" }
        return self("記録の一覧: \(command)", "Records: \(command)")
    }
}

/// Number text for notes and KPI lines (tables and cards take typed cells): no locale, `,` groups.
enum Format {
    static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` with `digits` decimals, rounding half away from zero; `∞` for +∞.
    static func decimal(_ value: Double, digits: Int = 2) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "-∞") }
        var scale = 1.0
        for _ in 0..<max(0, digits) { scale *= 10 }
        let units = Int((value.magnitude * scale).rounded(.toNearestOrAwayFromZero))
        let whole = units / Int(scale)
        let fraction = units % Int(scale)
        var text = integer(whole)
        if digits > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return units > 0 && value < 0 ? "-" + text : text
    }

    /// A signed percentage: `+12.5%`, `-3.0%`.
    static func signedPercent(_ value: Double) -> String {
        let text = decimal(value, digits: 1)
        return (value > 0 && text != "0.0" ? "+" : "") + text + "%"
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
