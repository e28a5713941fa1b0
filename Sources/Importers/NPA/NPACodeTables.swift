/// The NPA code tables (各種コード表) the importer needs: prefecture and police-station names per year, and the
/// party-type, accident-type and severity labels.
///
/// The station and prefecture tables are generated Swift (`NPACodeTables+Generated.swift`, made by
/// `scripts/generate_npa_code_tables.py` from `shared/realdata/npa/codes/shiwaku_converter_code_tables`),
/// not package resources: the `bikepdca` binary then works wherever it is copied, with no resource bundle to
/// find at run time, and a table cannot be missing or unreadable. Each table is parsed on first use.
public enum NPACodeTables {
    /// The name of an NPA prefecture code (都道府県コード, not JIS), e.g. `52` → 福井; `nil` if unknown.
    public static func prefectureName(_ code: String) -> String? { prefectures[code] }

    /// The name of a police station (警察署等) in the code table of `releaseYear`, e.g. (2019, `52`, `101`) →
    /// 福井; `nil` if the table has no such station.
    ///
    /// Station codes change between years: 2019–2021 share one table, 2022, 2023 and 2024 have their own;
    /// earlier years use the 2019–2021 table and later years the 2024 one. A code missing from the year's table
    /// falls back to the nearest other table, newest first.
    public static func stationName(releaseYear: Int, prefectureCode: String, stationCode: String) -> String? {
        let key = prefectureCode + stationCode
        let order: [[String: String]] =
            switch releaseYear {
            case ...2021: [stations2019, stations2022, stations2023, stations2024]
            case 2022: [stations2022, stations2023, stations2019, stations2024]
            case 2023: [stations2023, stations2024, stations2022, stations2019]
            default: [stations2024, stations2023, stations2022, stations2019]
            }
        for table in order {
            if let name = table[key] { return name }
        }
        return nil
    }

    /// The label of a party type (当事者種別), e.g. `51` → 軽車両－自転車; `nil` if unknown.
    public static func partyTypeLabel(_ code: String) -> String? { partyTypes[code] }

    /// The label of an accident type (事故類型), e.g. `21` → 車両相互; `nil` if unknown.
    public static func accidentTypeLabel(_ code: String) -> String? { accidentTypes[code] }

    /// The label of an accident severity (事故内容): `1` 死亡, `2` 負傷; `nil` if unknown.
    public static func accidentContentLabel(_ code: String) -> String? {
        switch code {
        case "1": "死亡"
        case "2": "負傷"
        default: nil
        }
    }

    /// Party types that are bicycles: `51` 軽車両－自転車 and `52` 軽車両－駆動補助機付自転車 (power-assisted).
    /// Not `36` 原付, `43` 特定小型原付 nor `59` 軽車両－その他.
    public static let bicyclePartyTypes: Set<String> = ["51", "52"]

    // MARK: - Tables

    private static let prefectures = parse(prefectureText)
    private static let stations2019 = parse(stationText2019)
    private static let stations2022 = parse(stationText2022)
    private static let stations2023 = parse(stationText2023)
    private static let stations2024 = parse(stationText2024)

    /// 当事者種別, from the 2019 and 2024 codebooks (`43` exists only from 2024).
    private static let partyTypes: [String: String] = [
        "01": "乗用車－大型車", "02": "乗用車－中型車", "07": "乗用車－準中型車", "03": "乗用車－普通車",
        "04": "乗用車－軽自動車", "05": "乗用車－ミニカー", "11": "貨物車－大型車", "12": "貨物車－中型車",
        "17": "貨物車－準中型車", "13": "貨物車－普通車", "14": "貨物車－軽自動車", "21": "特殊車－大型－農耕作業用",
        "22": "特殊車－大型－その他", "23": "特殊車－小型－農耕作業用", "24": "特殊車－小型－その他",
        "31": "二輪車－自動二輪－小型二輪－751cc以上", "32": "二輪車－自動二輪－小型二輪－401～750cc",
        "33": "二輪車－自動二輪－小型二輪－251～400cc", "34": "二輪車－自動二輪－軽二輪－126～250cc",
        "35": "二輪車－自動二輪－原付二種－51～125cc", "36": "二輪車－原付自転車", "41": "路面電車", "42": "列車",
        "43": "特定小型原動機付自転車", "51": "軽車両－自転車", "52": "軽車両－駆動補助機付自転車",
        "59": "軽車両－その他", "61": "歩行者", "71": "歩行者以外の道路上の人（補充票のみ）",
        "72": "道路外の人（補充票のみ）", "75": "物件等", "76": "相手なし", "00": "対象外当事者",
    ]

    /// 事故類型 (本票).
    private static let accidentTypes: [String: String] = [
        "01": "人対車両", "21": "車両相互", "41": "車両単独", "61": "列車",
    ]

    /// Reads `code<TAB>name` lines.
    private static func parse(_ text: String) -> [String: String] {
        var table: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t") else { continue }
            table[String(line[..<tab])] = String(line[line.index(after: tab)...])
        }
        return table
    }
}
