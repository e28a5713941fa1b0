/// A bicycle violation type, with its 2026 blue-ticket penalty (反則金).
///
/// Codes are this project's; names and amounts follow the published 2026 list
/// (`shared/realdata/enforcement/aokippu_bicycle_hansokukin_2026.csv`). `bluePenaltyYen` is `nil` for
/// violations that cannot be settled by a blue ticket (drink riding stays a red ticket).
public struct ViolationType: Hashable, Sendable, Identifiable {
    /// Stable code written to the store and to exports (e.g. `signal`).
    public let code: String
    /// Japanese name (as on the ticket).
    public let nameJA: String
    /// English name.
    public let nameEN: String
    /// The blue-ticket penalty in yen, or `nil` where only a red ticket applies.
    public let bluePenaltyYen: Int?
    /// Other spellings accepted on import.
    public let aliases: [String]

    public var id: String { code }

    /// Creates a violation type.
    public init(code: String, nameJA: String, nameEN: String, bluePenaltyYen: Int?, aliases: [String] = []) {
        self.code = code
        self.nameJA = nameJA
        self.nameEN = nameEN
        self.bluePenaltyYen = bluePenaltyYen
        self.aliases = aliases
    }
}

extension ViolationType {
    /// The reference table of bicycle violation types, in the order reports list them.
    public static let catalogue: [ViolationType] = [
        ViolationType(
            code: "phone", nameJA: "携帯電話使用等(保持)", nameEN: "handheld phone use while riding",
            bluePenaltyYen: 12_000, aliases: ["ながらスマホ", "携帯電話使用", "携帯電話使用等", "スマホ"]),
        ViolationType(
            code: "crossing", nameJA: "遮断踏切立入り", nameEN: "entering a closed level crossing",
            bluePenaltyYen: 7_000, aliases: ["踏切への立ち入り", "遮断踏切立入", "踏切立入り"]),
        ViolationType(
            code: "crossing-stop", nameJA: "踏切不停止", nameEN: "not stopping at a level crossing",
            bluePenaltyYen: 6_000, aliases: ["踏切不停止等"]),
        ViolationType(
            code: "signal", nameJA: "信号無視", nameEN: "signal violation", bluePenaltyYen: 6_000,
            aliases: ["信号無視(赤色等)", "信号"]),
        ViolationType(
            code: "lane", nameJA: "通行区分違反", nameEN: "wrong-side or sidewalk riding",
            bluePenaltyYen: 6_000, aliases: ["右側通行", "逆走", "歩道通行", "通行区分"]),
        ViolationType(
            code: "speeding", nameJA: "速度超過", nameEN: "speeding", bluePenaltyYen: 6_000,
            aliases: ["速度超過(15km/h未満)"]),
        ViolationType(
            code: "stop", nameJA: "指定場所一時不停止等", nameEN: "failure to stop at a stop sign",
            bluePenaltyYen: 5_000, aliases: ["一時不停止", "一時停止違反", "指定場所一時不停止", "stop-sign"]),
        ViolationType(
            code: "brakes", nameJA: "制動装置不良", nameEN: "defective brakes", bluePenaltyYen: 5_000,
            aliases: ["ブレーキ不備", "制動装置不良(ブレーキ不備等)", "ピスト"]),
        ViolationType(
            code: "psc-rules", nameJA: "公安委員会遵守事項違反", nameEN: "public safety commission rules (umbrella, earphones)",
            bluePenaltyYen: 5_000, aliases: ["傘差し", "イヤホン", "傘差し運転", "イヤホン使用"]),
        ViolationType(
            code: "no-light", nameJA: "無灯火", nameEN: "no light at night", bluePenaltyYen: 5_000,
            aliases: ["無灯火運転", "灯火義務違反"]),
        ViolationType(
            code: "child-obstruction", nameJA: "幼児等通行妨害", nameEN: "obstructing small children",
            bluePenaltyYen: 5_000),
        ViolationType(
            code: "sidewalk-obstruction", nameJA: "歩道通行者妨害", nameEN: "obstructing pedestrians on the sidewalk",
            bluePenaltyYen: 3_000, aliases: ["歩行者妨害", "歩道徐行等義務違反", "普通自転車の歩道通行方法違反"]),
        ViolationType(
            code: "side-by-side", nameJA: "並進禁止違反", nameEN: "riding side by side", bluePenaltyYen: 3_000,
            aliases: ["並進", "並進走行"]),
        ViolationType(
            code: "two-riders", nameJA: "二人乗り", nameEN: "two riders on one bicycle", bluePenaltyYen: 3_000,
            aliases: ["軽車両乗車積載制限違反", "2人乗り"]),
        ViolationType(
            code: "drink", nameJA: "酒気帯び運転等", nameEN: "drink riding (red ticket only)", bluePenaltyYen: nil,
            aliases: ["酒気帯び運転", "酒酔い運転", "酒気帯び", "飲酒運転"]),
        ViolationType(
            code: "other", nameJA: "その他", nameEN: "other", bluePenaltyYen: nil, aliases: ["その他の違反"]),
    ]

    /// Looks a violation up by its code.
    public static func withCode(_ code: String) -> ViolationType? {
        catalogue.first { $0.code == code }
    }
}
