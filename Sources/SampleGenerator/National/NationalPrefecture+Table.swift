import BikePDCACore

extension NationalPrefecture {
    /// The 47 prefectures in NPA code order (北海道 10–14 first, 沖縄 97 last): 1,151 police stations in all.
    public static let all: [NationalPrefecture] = [
        NationalPrefecture(
            nameJA: "北海道", nameEN: "Hokkaido",
            areas: [
                Area("10", "札幌", "Sapporo", 43.0642, 141.3469, 3_360, 27),
                Area("11", "函館", "Hakodate", 41.7687, 140.7288, 430, 9),
                Area("12", "旭川", "Asahikawa", 43.7707, 142.3650, 600, 11),
                Area("13", "釧路", "Kushiro", 42.9849, 144.3820, 560, 10),
                Area("14", "北見", "Kitami", 43.8030, 143.8945, 275, 7),
            ]),
        prefecture("青森県", "Aomori", Area("20", "青森", "Aomori", 40.8244, 140.7400, 1_238, 17)),
        prefecture("岩手県", "Iwate", Area("21", "盛岡", "Morioka", 39.7036, 141.1527, 1_211, 16)),
        prefecture("宮城県", "Miyagi", Area("22", "仙台", "Sendai", 38.2688, 140.8721, 2_302, 25)),
        prefecture("秋田県", "Akita", Area("23", "秋田", "Akita", 39.7186, 140.1024, 960, 14)),
        prefecture("山形県", "Yamagata", Area("24", "山形", "Yamagata", 38.2404, 140.3633, 1_068, 14)),
        prefecture("福島県", "Fukushima", Area("25", "福島", "Fukushima", 37.7500, 140.4678, 1_833, 22)),
        prefecture("東京都", "Tokyo", Area("30", "東京", "Tokyo", 35.6895, 139.6917, 14_048, 102)),
        prefecture("茨城県", "Ibaraki", Area("40", "水戸", "Mito", 36.3418, 140.4468, 2_867, 27)),
        prefecture("栃木県", "Tochigi", Area("41", "宇都宮", "Utsunomiya", 36.5658, 139.8836, 1_933, 19)),
        prefecture("群馬県", "Gunma", Area("42", "前橋", "Maebashi", 36.3912, 139.0609, 1_939, 16)),
        prefecture("埼玉県", "Saitama", Area("43", "さいたま", "Saitama", 35.8570, 139.6489, 7_345, 39)),
        prefecture("千葉県", "Chiba", Area("44", "千葉", "Chiba", 35.6051, 140.1233, 6_284, 39)),
        prefecture("神奈川県", "Kanagawa", Area("45", "横浜", "Yokohama", 35.4478, 139.6425, 9_237, 54)),
        prefecture("新潟県", "Niigata", Area("46", "新潟", "Niigata", 37.9024, 139.0232, 2_201, 29)),
        prefecture("山梨県", "Yamanashi", Area("47", "甲府", "Kofu", 35.6642, 138.5684, 810, 12)),
        prefecture("長野県", "Nagano", Area("48", "長野", "Nagano", 36.6513, 138.1810, 2_048, 22)),
        prefecture("静岡県", "Shizuoka", Area("49", "静岡", "Shizuoka", 34.9769, 138.3831, 3_633, 28)),
        prefecture("富山県", "Toyama", Area("50", "富山", "Toyama", 36.6953, 137.2113, 1_035, 14)),
        prefecture("石川県", "Ishikawa", Area("51", "金沢", "Kanazawa", 36.5947, 136.6256, 1_133, 12)),
        prefecture("福井県", "Fukui", Area("52", "福井", "Fukui", 36.0652, 136.2216, 767, 11)),
        prefecture("岐阜県", "Gifu", Area("53", "岐阜", "Gifu", 35.3912, 136.7223, 1_979, 22)),
        prefecture("愛知県", "Aichi", Area("54", "名古屋", "Nagoya", 35.1802, 136.9066, 7_542, 45)),
        prefecture("三重県", "Mie", Area("55", "津", "Tsu", 34.7303, 136.5086, 1_770, 18)),
        prefecture("滋賀県", "Shiga", Area("60", "大津", "Otsu", 35.0045, 135.8686, 1_414, 12)),
        prefecture("京都府", "Kyoto", Area("61", "京都", "Kyoto", 35.0212, 135.7556, 2_578, 25)),
        prefecture("大阪府", "Osaka", Area("62", "大阪", "Osaka", 34.6863, 135.5200, 8_838, 66)),
        prefecture("兵庫県", "Hyogo", Area("63", "神戸", "Kobe", 34.6913, 135.1830, 5_465, 46)),
        prefecture("奈良県", "Nara", Area("64", "奈良", "Nara", 34.6853, 135.8328, 1_324, 12)),
        prefecture("和歌山県", "Wakayama", Area("65", "和歌山", "Wakayama", 34.2261, 135.1675, 923, 12)),
        prefecture("鳥取県", "Tottori", Area("70", "鳥取", "Tottori", 35.5036, 134.2383, 553, 9)),
        prefecture("島根県", "Shimane", Area("71", "松江", "Matsue", 35.4723, 133.0505, 671, 12)),
        prefecture("岡山県", "Okayama", Area("72", "岡山", "Okayama", 34.6618, 133.9344, 1_888, 22)),
        prefecture("広島県", "Hiroshima", Area("73", "広島", "Hiroshima", 34.3966, 132.4596, 2_800, 28)),
        prefecture("山口県", "Yamaguchi", Area("74", "山口", "Yamaguchi", 34.1859, 131.4714, 1_342, 16)),
        prefecture("徳島県", "Tokushima", Area("80", "徳島", "Tokushima", 34.0657, 134.5593, 720, 10)),
        prefecture("香川県", "Kagawa", Area("81", "高松", "Takamatsu", 34.3401, 134.0434, 950, 12)),
        prefecture("愛媛県", "Ehime", Area("82", "松山", "Matsuyama", 33.8416, 132.7657, 1_335, 16)),
        prefecture("高知県", "Kochi", Area("83", "高知", "Kochi", 33.5597, 133.5311, 692, 12)),
        prefecture("福岡県", "Fukuoka", Area("90", "福岡", "Fukuoka", 33.6064, 130.4181, 5_135, 36)),
        prefecture("佐賀県", "Saga", Area("91", "佐賀", "Saga", 33.2494, 130.2988, 811, 10)),
        prefecture("長崎県", "Nagasaki", Area("92", "長崎", "Nagasaki", 32.7448, 129.8737, 1_312, 22)),
        prefecture("熊本県", "Kumamoto", Area("93", "熊本", "Kumamoto", 32.7898, 130.7417, 1_738, 23)),
        prefecture("大分県", "Oita", Area("94", "大分", "Oita", 33.2382, 131.6126, 1_124, 15)),
        prefecture("宮崎県", "Miyazaki", Area("95", "宮崎", "Miyazaki", 31.9111, 131.4239, 1_070, 13)),
        prefecture("鹿児島県", "Kagoshima", Area("96", "鹿児島", "Kagoshima", 31.5602, 130.5581, 1_588, 27)),
        prefecture("沖縄県", "Okinawa", Area("97", "那覇", "Naha", 26.2124, 127.6809, 1_467, 14)),
    ]

    private static func prefecture(_ nameJA: String, _ nameEN: String, _ area: Area) -> NationalPrefecture {
        NationalPrefecture(nameJA: nameJA, nameEN: nameEN, areas: [area])
    }
}

extension NationalPrefecture.Area {
    fileprivate init(
        _ npaCode: String, _ cityJA: String, _ cityEN: String, _ latitude: Double, _ longitude: Double,
        _ populationThousands: Int, _ stationCount: Int
    ) {
        self.init(
            npaCode: npaCode, cityJA: cityJA, cityEN: cityEN,
            centre: Coordinate(latitude: latitude, longitude: longitude), populationThousands: populationThousands,
            stationCount: stationCount)
    }
}
