import BikePDCACore

/// The datasets the importers read; the same as the store keeps.
public typealias Dataset = DatasetKind

extension DatasetKind {
    /// The columns of the canonical format, in documentation order.
    public var columns: [ColumnSpec] {
        switch self {
        case .stations:
            [
                ColumnSpec("prefecture_code", ["都道府県コード", "県コード"], required: true),
                ColumnSpec("station_code", ["警察署コード", "署コード"], required: true),
                ColumnSpec("name_ja", ["警察署名", "署名", "名称", "name"], required: true),
                ColumnSpec("name_en", ["警察署名(英)", "英語名"]),
            ]
        case .zones:
            [
                ColumnSpec("zone_id", ["地区路線id", "重点地区id", "地区id", "id"], required: true),
                ColumnSpec("kind", ["種別", "区分"], required: true),
                ColumnSpec("station", ["警察署", "署"], required: true),
                ColumnSpec("name", ["名称", "地区路線名"], required: true),
                ColumnSpec("designated_from", ["指定日", "指定開始日"], required: true),
                ColumnSpec("designated_to", ["指定終了日", "解除日"]),
                ColumnSpec("reason", ["選定理由"]),
                ColumnSpec("geometry", ["ジオメトリ", "geojson"]),
                ColumnSpec("buffer_m", ["幅員", "バッファ"]),
            ]
        case .enforcement:
            [
                ColumnSpec("record_id", ["記録番号", "整理番号", "番号"], required: true),
                ColumnSpec("date", ["日付", "年月日", "取締日", "発生日"], required: true),
                ColumnSpec("time", ["時刻", "時間"]),
                ColumnSpec("station", ["警察署", "署"], required: true),
                ColumnSpec("department", ["部門", "取扱部門"], required: true),
                ColumnSpec("zone_id", ["地区路線id", "重点地区id"]),
                ColumnSpec("latitude", ["緯度", "lat"]),
                ColumnSpec("longitude", ["経度", "lon", "lng"]),
                ColumnSpec("violation", ["違反種別", "違反", "罪種"], required: true),
                ColumnSpec("outcome", ["措置", "処理区分", "結果"], required: true),
                ColumnSpec("vehicle", ["車種"]),
                ColumnSpec("age_band", ["年齢層", "年齢"]),
                ColumnSpec("operation_id", ["活動id", "作戦番号"]),
            ]
        case .accidents:
            [
                ColumnSpec("record_id", ["事故番号", "本票番号"], required: true),
                ColumnSpec("date", ["発生日", "発生年月日", "日付"], required: true),
                ColumnSpec("time", ["発生時刻", "時刻"]),
                ColumnSpec("station", ["警察署", "署"], required: true),
                ColumnSpec("zone_id", ["地区路線id", "重点地区id"]),
                ColumnSpec("latitude", ["緯度", "lat"]),
                ColumnSpec("longitude", ["経度", "lon", "lng"]),
                ColumnSpec("severity", ["事故内容", "程度"], required: true),
                ColumnSpec("bicycle_role", ["自転車当事者", "当事者区分"], required: true),
                ColumnSpec("counterpart", ["相手", "相手当事者"]),
                ColumnSpec("deaths", ["死者数"]),
                ColumnSpec("injuries", ["負傷者数"]),
            ]
        case .activities:
            [
                ColumnSpec("operation_id", ["活動id", "作戦番号"], required: true),
                ColumnSpec("date", ["実施日", "日付"], required: true),
                ColumnSpec("start", ["開始時刻"]),
                ColumnSpec("end", ["終了時刻"]),
                ColumnSpec("hours", ["時間数", "実施時間"]),
                ColumnSpec("station", ["警察署", "署"], required: true),
                ColumnSpec("zone_id", ["地区路線id", "重点地区id"]),
                ColumnSpec("kind", ["活動種別", "種別"], required: true),
                ColumnSpec("officers_traffic", ["交通人員"]),
                ColumnSpec("officers_community", ["地域人員"]),
                ColumnSpec("officers_other", ["その他人員"]),
            ]
        case .plans:
            [
                ColumnSpec("period", ["期間", "計画期間"], required: true),
                ColumnSpec("station", ["警察署", "署"], required: true),
                ColumnSpec("department", ["部門"], required: true),
                ColumnSpec("zone_id", ["地区路線id", "重点地区id"]),
                ColumnSpec("planned_operations", ["計画回数"], required: true),
                ColumnSpec("planned_officer_hours", ["計画人時間"], required: true),
                ColumnSpec("target_warnings", ["指導警告目標"]),
                ColumnSpec("target_citations", ["検挙目標"]),
                ColumnSpec("target_accident_reduction_pct", ["事故削減目標"]),
            ]
        }
    }
}

/// One column of a canonical format: its English name and the other headers accepted for it.
public struct ColumnSpec: Sendable, Hashable {
    /// The canonical (English) name, e.g. `record_id`.
    public let name: String
    /// Other accepted headers, usually Japanese.
    public let aliases: [String]
    /// Whether every row must give a value.
    public let required: Bool

    /// Creates a column.
    public init(_ name: String, _ aliases: [String], required: Bool = false) {
        self.name = name
        self.aliases = aliases
        self.required = required
    }
}
