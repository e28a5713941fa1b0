/// One accident of the NPA open data (one 本票 row), with codes kept as published (zero-padded strings) and the
/// bicycle involvement worked out from the 本票 parties and the matching 補充票 persons.
public struct NPAAccidentRecord: Sendable, Hashable {
    /// The release (file) year, which is not always the occurrence year: a release holds late accidents of the
    /// year before. Part of the key, because report numbers are unique only within one release.
    public var releaseYear: Int
    /// The header layout the row came in: `2019` (58 columns) or `2022` (68 columns).
    public var layoutEdition: String
    /// 都道府県コード: NPA prefecture code, 2 digits (not JIS), e.g. `52` 福井.
    public var prefectureCode: String
    /// 警察署等コード: 3 digits, unique only within the prefecture, e.g. `101`.
    public var stationCode: String
    /// 本票番号: 4-digit serial per station and release, e.g. `0001`.
    public var reportNumber: String
    /// The station's name in the release year's code table (e.g. 福井), if it is listed.
    public var stationName: String?
    /// Occurrence date (発生日時 年・月・日), local time.
    public var date: LocalDate
    /// Occurrence time (発生日時 時・分), or `nil` when the columns do not hold a valid time.
    public var time: LocalTime?
    /// 事故内容: `1` 死亡 (death within 24 h), `2` 負傷.
    public var accidentContent: String
    /// 死者数.
    public var deaths: Int
    /// 負傷者数.
    public var injuries: Int
    /// 事故類型: `01` 人対車両, `21` 車両相互, `41` 車両単独, `61` 列車.
    public var accidentType: String
    /// 当事者種別（当事者A）: party A's type (`51` bicycle, `52` power-assisted bicycle, `61` pedestrian …).
    public var partyTypeA: String
    /// 当事者種別（当事者B）.
    public var partyTypeB: String
    /// 年齢（当事者A）: age band code.
    public var ageA: String
    /// 年齢（当事者B）.
    public var ageB: String
    /// 人身損傷程度（当事者A）: `1` 死亡, `2` 負傷, `4` 損傷なし, `0` 対象外.
    public var injuryA: String
    /// 人身損傷程度（当事者B）.
    public var injuryB: String
    /// 市区町村コード: 3 digits, the municipal part of the JIS code.
    public var municipalityCode: String
    /// 路線コード: 5 digits.
    public var routeCode: String
    /// 道路形状.
    public var roadShape: String
    /// 信号機.
    public var signal: String
    /// 天候.
    public var weather: String
    /// 昼夜.
    public var dayNight: String
    /// 路面状態.
    public var roadSurface: String
    /// 地形.
    public var terrain: String
    /// 歩車道区分.
    public var sidewalk: String
    /// 曜日: `1` Sunday … `7` Saturday.
    public var dayOfWeek: String
    /// 祝日: `1` 当日, `2` 前日, `3` その他.
    public var holiday: String
    /// 地点 緯度（北緯） as published: `DDMMSSsss`.
    public var latitudeText: String
    /// 地点 経度（東経） as published: `DDDMMSSsss`.
    public var longitudeText: String
    /// The decoded position, or `nil` when the published one is missing or invalid (see ``locationStatus``).
    public var location: Coordinate?
    /// Whether the published position could be used.
    public var locationStatus: NPALocationStatus
    /// The bicycle's role, or `nil` when no bicycle (当事者種別 51/52) took part: party A, then party B, then
    /// a person of the 補充票.
    public var bicycleRole: BicycleRole?
    /// Whether a 補充票 person of this accident is a bicycle (51/52).
    public var bicycleInHojuhyo: Bool
    /// 1-based line of the 本票 file.
    public var sourceLine: Int

    /// Creates a record; see the properties for the meaning of each value.
    public init(
        releaseYear: Int, layoutEdition: String, prefectureCode: String, stationCode: String, reportNumber: String,
        stationName: String?, date: LocalDate, time: LocalTime?, accidentContent: String, deaths: Int,
        injuries: Int, accidentType: String, partyTypeA: String, partyTypeB: String, ageA: String, ageB: String,
        injuryA: String, injuryB: String, municipalityCode: String, routeCode: String, roadShape: String,
        signal: String, weather: String, dayNight: String, roadSurface: String, terrain: String, sidewalk: String,
        dayOfWeek: String, holiday: String, latitudeText: String, longitudeText: String, location: Coordinate?,
        locationStatus: NPALocationStatus, bicycleRole: BicycleRole?, bicycleInHojuhyo: Bool, sourceLine: Int
    ) {
        self.releaseYear = releaseYear
        self.layoutEdition = layoutEdition
        self.prefectureCode = prefectureCode
        self.stationCode = stationCode
        self.reportNumber = reportNumber
        self.stationName = stationName
        self.date = date
        self.time = time
        self.accidentContent = accidentContent
        self.deaths = deaths
        self.injuries = injuries
        self.accidentType = accidentType
        self.partyTypeA = partyTypeA
        self.partyTypeB = partyTypeB
        self.ageA = ageA
        self.ageB = ageB
        self.injuryA = injuryA
        self.injuryB = injuryB
        self.municipalityCode = municipalityCode
        self.routeCode = routeCode
        self.roadShape = roadShape
        self.signal = signal
        self.weather = weather
        self.dayNight = dayNight
        self.roadSurface = roadSurface
        self.terrain = terrain
        self.sidewalk = sidewalk
        self.dayOfWeek = dayOfWeek
        self.holiday = holiday
        self.latitudeText = latitudeText
        self.longitudeText = longitudeText
        self.location = location
        self.locationStatus = locationStatus
        self.bicycleRole = bicycleRole
        self.bicycleInHojuhyo = bicycleInHojuhyo
        self.sourceLine = sourceLine
    }

    /// The record id, `npa:YYYY:PP:SSS:NNNN` (release year, prefecture, station, report number): the same
    /// accident gets the same id however often its release is imported.
    public var recordID: String { "npa:\(releaseYear):\(prefectureCode):\(stationCode):\(reportNumber)" }

    /// The station id of this project: prefecture code followed by station code, e.g. `52101`.
    public var stationID: String { prefectureCode + stationCode }

    /// The join key of 本票 and 補充票 within one release: `PP:SSS:NNNN`.
    public var reportKey: String {
        Self.reportKey(prefecture: prefectureCode, station: stationCode, report: reportNumber)
    }

    /// Whether a bicycle (当事者種別 51 or 52) took part, as party A, B or a 補充票 person.
    public var isBicycle: Bool { bicycleRole != nil }

    /// `fatal` when 事故内容 is 1; otherwise ``Severity/injuryUnknown``: the open data does not separate
    /// serious from slight injuries, and this importer never guesses.
    public var severity: Severity { accidentContent == "1" ? .fatal : .injuryUnknown }

    /// The other side of a bicycle accident: party B's type when the bicycle is party A, party A's otherwise
    /// (party A is the one most at fault, so a bicycle listed only in the 補充票 is set against party A);
    /// `nil` without a bicycle.
    public var counterpart: Counterpart? {
        switch bicycleRole {
        case .partyA?: Self.counterpart(ofPartyType: partyTypeB)
        case .partyB?, .otherParty?: Self.counterpart(ofPartyType: partyTypeA)
        case nil: nil
        }
    }

    /// ``locationStatus`` as stored: `ok`, `missing` or `invalid`.
    public var locationStatusText: String { locationStatus.rawValue }

    /// The bicycle accident this record is, for the project's `accidents` table; `nil` without a bicycle.
    public var bicycleAccident: Accident? {
        guard let bicycleRole, let counterpart else { return nil }
        return Accident(
            id: recordID, date: date, time: time, stationID: stationID, zoneID: nil, location: location,
            severity: severity, bicycleRole: bicycleRole, counterpart: counterpart, deaths: deaths,
            injuries: injuries)
    }

    /// The 本票–補充票 join key `PP:SSS:NNNN`.
    public static func reportKey(prefecture: String, station: String, report: String) -> String {
        "\(prefecture):\(station):\(report)"
    }

    /// Maps a party type (当事者種別) to the counterpart of a bicycle: cars, trucks and special vehicles
    /// (01–24) → car; motorcycles and mopeds (31–36) → motorcycle; 51/52 → bicycle; 61 → pedestrian; an object
    /// or no other party (75, 76) → single; anything else (trains, 43 e-scooters, 59 other light vehicles,
    /// 71/72, 00) → other.
    public static func counterpart(ofPartyType code: String) -> Counterpart {
        guard code.count == 2, let number = Int(code) else { return .other }
        switch number {
        case 1...24: return .car
        case 31...36: return .motorcycle
        case 51, 52: return .bicycle
        case 61: return .pedestrian
        case 75, 76: return .single
        default: return .other
        }
    }
}

/// Whether an NPA row's position could be used.
public enum NPALocationStatus: String, Sendable, Hashable {
    /// Decoded, and inside the box that holds Japan.
    case ok
    /// Published as all zeros (or blank): the position was not recorded.
    case missing
    /// Not 9/10 digits, minutes or seconds of 60 or more, or outside Japan.
    case invalid
}
