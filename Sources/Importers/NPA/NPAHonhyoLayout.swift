/// The column layout of an NPA 本票 (honhyo) file, detected from its header.
///
/// Two layouts are known: 58 columns (2019–2021 releases) and 68 columns (2022 on; drops 上下線 and
/// 環状交差点の直径, adds sunrise/sunset, オートマチック車, サポカー, 認知機能検査経過日数 and 運転練習の方法, and
/// renames 車両形状 to 車両形状等). Headers are compared after NFKC, ignoring spaces (so `発生日時　　年` with
/// ideographic spaces and `（当事者A）` with full-width brackets match their ASCII spellings); columns are then
/// found by name, not by position.
public struct NPAHonhyoLayout: Sendable, Hashable {
    /// Which published layout the header matches.
    public enum Edition: String, Sendable, Hashable {
        /// 58 columns, releases 2019–2021.
        case from2019 = "2019"
        /// 68 columns, releases 2022 on.
        case from2022 = "2022"

        /// The published header of this edition, in file order.
        public var columns: [String] {
            switch self {
            case .from2019: NPAHonhyoLayout.columns2019
            case .from2022: NPAHonhyoLayout.columns2022
            }
        }
    }

    /// The columns the importer reads.
    public enum Field: String, CaseIterable, Sendable {
        case recordType = "資料区分"
        case prefecture = "都道府県コード"
        case station = "警察署等コード"
        case reportNumber = "本票番号"
        case accidentContent = "事故内容"
        case deaths = "死者数"
        case injuries = "負傷者数"
        case routeCode = "路線コード"
        case municipality = "市区町村コード"
        case year = "発生日時　　年"
        case month = "発生日時　　月"
        case day = "発生日時　　日"
        case hour = "発生日時　　時"
        case minute = "発生日時　　分"
        case dayNight = "昼夜"
        case weather = "天候"
        case terrain = "地形"
        case roadSurface = "路面状態"
        case roadShape = "道路形状"
        case signal = "信号機"
        case sidewalk = "歩車道区分"
        case accidentType = "事故類型"
        case ageA = "年齢（当事者A）"
        case ageB = "年齢（当事者B）"
        case partyTypeA = "当事者種別（当事者A）"
        case partyTypeB = "当事者種別（当事者B）"
        case injuryA = "人身損傷程度（当事者A）"
        case injuryB = "人身損傷程度（当事者B）"
        case latitude = "地点　緯度（北緯）"
        case longitude = "地点　経度（東経）"
        case dayOfWeek = "曜日(発生年月日)"
        case holiday = "祝日(発生年月日)"
    }

    /// The layout the header matched.
    public let edition: Edition
    /// How many columns a row has.
    public let columnCount: Int
    private let indices: [Field: Int]

    /// Detects the layout of `header`; throws naming the unexpected and missing columns when it is neither.
    public init(header: [String], file: String) throws(ImportError) {
        let keys = header.map(TextNormalization.headerKey)
        var best: (edition: Edition, unexpected: [Int], missing: [String])?
        for edition in [Edition.from2019, .from2022] {
            let expected = edition.columns.map(TextNormalization.headerKey)
            let expectedSet = Set(expected)
            let unexpected = keys.indices.filter { !expectedSet.contains(keys[$0]) }
            let present = Set(keys)
            let missing = zip(expected, edition.columns).filter { !present.contains($0.0) }.map(\.1)
            if unexpected.isEmpty, missing.isEmpty, keys.count == expected.count {
                var indices: [Field: Int] = [:]
                for field in Field.allCases {
                    let key = TextNormalization.headerKey(field.rawValue)
                    if let index = keys.firstIndex(of: key) { indices[field] = index }
                }
                self.edition = edition
                self.columnCount = keys.count
                self.indices = indices
                return
            }
            if best == nil
                || unexpected.count + missing.count < (best?.unexpected.count ?? 0) + (best?.missing.count ?? 0)
            {
                best = (edition, unexpected, missing)
            }
        }
        var parts: [String] = []
        if let best {
            if !best.unexpected.isEmpty {
                let names = best.unexpected.prefix(10).map { "\($0 + 1) \"\(header[$0])\"" }.joined(separator: ", ")
                parts.append("unexpected column\(best.unexpected.count == 1 ? "" : "s") \(names)")
            }
            if !best.missing.isEmpty {
                let names = best.missing.prefix(10).map { "\"\($0)\"" }.joined(separator: ", ")
                parts.append("missing \(names)")
            }
            if parts.isEmpty { parts.append("a column appears twice") }
            parts.append(
                "closest: the \(best.edition.columns.count)-column layout of \(best.edition == .from2019 ? "2019–2021" : "2022 on")"
            )
        }
        throw ImportError(
            file: file, line: 1, column: nil,
            message: "not an NPA 本票 (honhyo) header of a known layout (\(header.count) columns): "
                + parts.joined(separator: "; "))
    }

    /// The 0-based column of `field`.
    public func index(of field: Field) -> Int { indices[field] ?? 0 }

    // MARK: - Published headers

    /// The 58 columns of the 2019–2021 releases, as published.
    static let columns2019 = [
        "資料区分", "都道府県コード", "警察署等コード", "本票番号", "事故内容", "死者数", "負傷者数", "路線コード",
        "上下線", "地点コード", "市区町村コード", "発生日時　　年", "発生日時　　月", "発生日時　　日",
        "発生日時　　時", "発生日時　　分", "昼夜", "天候", "地形", "路面状態", "道路形状", "環状交差点の直径",
        "信号機", "一時停止規制　標識（当事者A）", "一時停止規制　表示（当事者A）", "一時停止規制　標識（当事者B）",
        "一時停止規制　表示（当事者B）", "車道幅員", "道路線形", "衝突地点", "ゾーン規制", "中央分離帯施設等",
        "歩車道区分", "事故類型", "年齢（当事者A）", "年齢（当事者B）", "当事者種別（当事者A）",
        "当事者種別（当事者B）", "用途別（当事者A）", "用途別（当事者B）", "車両形状（当事者A）",
        "車両形状（当事者B）", "速度規制（指定のみ）（当事者A）", "速度規制（指定のみ）（当事者B）",
        "車両の衝突部位（当事者A）", "車両の衝突部位（当事者B）", "車両の損壊程度（当事者A）",
        "車両の損壊程度（当事者B）", "エアバッグの装備（当事者A）", "エアバッグの装備（当事者B）",
        "サイドエアバッグの装備（当事者A）", "サイドエアバッグの装備（当事者B）", "人身損傷程度（当事者A）",
        "人身損傷程度（当事者B）", "地点　緯度（北緯）", "地点　経度（東経）", "曜日(発生年月日)", "祝日(発生年月日)",
    ]

    /// The 68 columns of the releases from 2022, as published.
    static let columns2022 = [
        "資料区分", "都道府県コード", "警察署等コード", "本票番号", "事故内容", "死者数", "負傷者数", "路線コード",
        "地点コード", "市区町村コード", "発生日時　　年", "発生日時　　月", "発生日時　　日", "発生日時　　時",
        "発生日時　　分", "昼夜", "日の出時刻　　時", "日の出時刻　　分", "日の入り時刻　　時", "日の入り時刻　　分",
        "天候", "地形", "路面状態", "道路形状", "信号機", "一時停止規制　標識（当事者A）",
        "一時停止規制　表示（当事者A）", "一時停止規制　標識（当事者B）", "一時停止規制　表示（当事者B）", "車道幅員",
        "道路線形", "衝突地点", "ゾーン規制", "中央分離帯施設等", "歩車道区分", "事故類型", "年齢（当事者A）",
        "年齢（当事者B）", "当事者種別（当事者A）", "当事者種別（当事者B）", "用途別（当事者A）", "用途別（当事者B）",
        "車両形状等（当事者A）", "車両形状等（当事者B）", "オートマチック車（当事者A）", "オートマチック車（当事者B）",
        "サポカー（当事者A）", "サポカー（当事者B）", "速度規制（指定のみ）（当事者A）",
        "速度規制（指定のみ）（当事者B）", "車両の衝突部位（当事者A）", "車両の衝突部位（当事者B）",
        "車両の損壊程度（当事者A）", "車両の損壊程度（当事者B）", "エアバッグの装備（当事者A）",
        "エアバッグの装備（当事者B）", "サイドエアバッグの装備（当事者A）", "サイドエアバッグの装備（当事者B）",
        "人身損傷程度（当事者A）", "人身損傷程度（当事者B）", "地点　緯度（北緯）", "地点　経度（東経）",
        "曜日(発生年月日)", "祝日(発生年月日)", "認知機能検査経過日数（当事者A）", "認知機能検査経過日数（当事者B）",
        "運転練習の方法（当事者A）", "運転練習の方法（当事者B）",
    ]
}
