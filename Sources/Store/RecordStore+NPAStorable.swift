import BikePDCACore

/// What the store needs of one NPA open-data accident (one 本票 row) to keep it.
///
/// The NPA importer's record conforms in the module that wires importer and store (the CLI, and tests):
/// `extension NPAAccidentRecord: NPAAccidentStorable {}`; the store never depends on the importer.
/// Codes are the published strings, zero padding kept.
public protocol NPAAccidentStorable {
    /// `npa:YYYY:PP:SSS:NNNN`: release year, prefecture, station, report number.
    var recordID: String { get }
    /// The release (file) year.
    var releaseYear: Int { get }
    /// The header layout: `2019` (58 columns) or `2022` (68 columns).
    var layoutEdition: String { get }
    /// 都道府県コード (NPA numbering, 2 digits).
    var prefectureCode: String { get }
    /// 警察署等コード (3 digits).
    var stationCode: String { get }
    /// 本票番号 (4 digits).
    var reportNumber: String { get }
    /// Prefecture code followed by station code.
    var stationID: String { get }
    /// The station's name in the release year's code table.
    var stationName: String? { get }
    /// Occurrence date.
    var date: LocalDate { get }
    /// Occurrence time, if valid.
    var time: LocalTime? { get }
    /// 事故内容: `1` 死亡, `2` 負傷.
    var accidentContent: String { get }
    /// Fatal, or injury of unknown degree.
    var severity: Severity { get }
    /// 死者数.
    var deaths: Int { get }
    /// 負傷者数.
    var injuries: Int { get }
    /// 事故類型.
    var accidentType: String { get }
    /// 当事者種別（当事者A）.
    var partyTypeA: String { get }
    /// 当事者種別（当事者B）.
    var partyTypeB: String { get }
    /// 年齢（当事者A）.
    var ageA: String { get }
    /// 年齢（当事者B）.
    var ageB: String { get }
    /// 人身損傷程度（当事者A）.
    var injuryA: String { get }
    /// 人身損傷程度（当事者B）.
    var injuryB: String { get }
    /// 市区町村コード.
    var municipalityCode: String { get }
    /// 路線コード.
    var routeCode: String { get }
    /// 道路形状.
    var roadShape: String { get }
    /// 信号機.
    var signal: String { get }
    /// 天候.
    var weather: String { get }
    /// 昼夜.
    var dayNight: String { get }
    /// 路面状態.
    var roadSurface: String { get }
    /// 地形.
    var terrain: String { get }
    /// 歩車道区分.
    var sidewalk: String { get }
    /// 曜日.
    var dayOfWeek: String { get }
    /// 祝日.
    var holiday: String { get }
    /// 地点 緯度 as published.
    var latitudeText: String { get }
    /// 地点 経度 as published.
    var longitudeText: String { get }
    /// The decoded position, `nil` when missing or invalid.
    var location: Coordinate? { get }
    /// `ok`, `missing` or `invalid`.
    var locationStatusText: String { get }
    /// The bicycle's role, `nil` without a bicycle.
    var bicycleRole: BicycleRole? { get }
    /// Whether a 補充票 person is a bicycle.
    var bicycleInHojuhyo: Bool { get }
    /// The other side of a bicycle accident, `nil` without a bicycle.
    var counterpart: Counterpart? { get }
    /// The bicycle accident for the `accidents` table, `nil` without a bicycle.
    var bicycleAccident: Accident? { get }
    /// 1-based line of the 本票 file.
    var sourceLine: Int { get }
}
