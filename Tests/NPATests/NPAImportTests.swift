import BikePDCACore
import Foundation
import GRDB
import Importers
import Store
import Testing

/// Expected per-station counts, worked out from the real files by plain splitting (never by the importer).
private struct StationCounts: Equatable, CustomStringConvertible {
    var all = 0
    var bicycle = 0
    var fatalBicycle = 0
    var description: String { "(\(all), \(bicycle), \(fatalBicycle))" }
}

/// Counts per station id from a 58-column 本票 file and the persons of its 補充票 (join on prefecture, station,
/// report number). Column positions are those of NPA_FORMAT.md: 1 prefecture, 2 station, 3 report, 4 事故内容,
/// 36/37 当事者種別 A/B; 補充票: 1, 2, 3 key, 5 当事者種別.
private func expectedCounts(honhyo: String, hojuhyo: String) throws -> [String: StationCounts] {
    var bicycleInHojuhyo: Set<String> = []
    for row in try PlainCSV.rows(hojuhyo) where row[5] == "51" || row[5] == "52" {
        bicycleInHojuhyo.insert("\(row[1]) \(row[2]) \(row[3])")
    }
    var counts: [String: StationCounts] = [:]
    for row in try PlainCSV.rows(honhyo) {
        let station = row[1] + row[2]
        let bicycle =
            ["51", "52"].contains(row[36]) || ["51", "52"].contains(row[37])
            || bicycleInHojuhyo.contains("\(row[1]) \(row[2]) \(row[3])")
        counts[station, default: StationCounts()].all += 1
        if bicycle {
            counts[station, default: StationCounts()].bicycle += 1
            if row[4] == "1" { counts[station, default: StationCounts()].fatalBicycle += 1 }
        }
    }
    return counts
}

private func storedCounts(_ store: RecordStore, year: Int) throws -> [String: StationCounts] {
    try store.npaStationCounts(releaseYear: year).mapValues {
        StationCounts(all: $0.all, bicycle: $0.bicycle, fatalBicycle: $0.fatalBicycle)
    }
}

@Suite("NPA open data: real Fukui rows", .enabled(if: RealData.isPresent, Comment(rawValue: RealData.absentMessage)))
struct NPARealDataTests {
    @Test("2019: per-station counts of all, bicycle and fatal bicycle accidents match the files")
    func perStationCounts2019() throws {
        let test = try TestStore()
        let result = try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)], prefecture: "52")
        #expect(result.problems.isEmpty)
        let expected = try expectedCounts(honhyo: RealData.fukui2019, hojuhyo: RealData.hojuhyo(2019))
        #expect(try storedCounts(test.store, year: 2019) == expected)
        // SOURCES.md 1a, counted by the data's compiler: 1,168 rows, 129 with a bicycle, 5 of them fatal.
        #expect(expected.values.reduce(0) { $0 + $1.all } == 1168)
        #expect(expected.values.reduce(0) { $0 + $1.bicycle } == 129)
        #expect(expected.values.reduce(0) { $0 + $1.fatalBicycle } == 5)
        #expect(result.summary?.edition == .from2019)
        #expect(result.summary?.releaseYear == 2019)
    }

    @Test("2020: 補充票 bicycles count, with role `other` and the counterpart of party A")
    func hojuhyoBicycles2020() throws {
        let test = try TestStore()
        let result = try test.importNPA(RealData.fukui2020, hojuhyo: [RealData.hojuhyo(2020)])
        #expect(result.problems.isEmpty)
        let expected = try expectedCounts(honhyo: RealData.fukui2020, hojuhyo: RealData.hojuhyo(2020))
        #expect(try storedCounts(test.store, year: 2020) == expected)
        // 97 rows with a bicycle as party A or B (SOURCES.md 1a), plus 2 accidents (report numbers 0036 and
        // 0042) whose only bicycle is a 補充票 person.
        #expect(expected.values.reduce(0) { $0 + $1.bicycle } == 99)
        #expect(result.summary?.bicycleOnlyInHojuhyo == 2)
        let others = try test.queue().read { db in
            try Row.fetchAll(
                db, sql: "SELECT record_id, counterpart FROM accidents WHERE bicycle_role = 'other' ORDER BY 1")
        }
        #expect(others.map { $0[0] as String }.allSatisfy { $0.hasPrefix("npa:2020:52:") })
        #expect(others.count == 2)
        // Both have party A 03 (乗用車－普通車): the counterpart is a car.
        #expect(others.allSatisfy { ($0[1] as String) == "car" })
    }

    @Test("bicycle accidents also go to `accidents`, keyed npa:YYYY:PP:SSS:NNNN, severity never guessed")
    func accidentsTable() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)])
        let rows = try test.queue().read { db in
            try Row.fetchAll(db, sql: "SELECT severity, COUNT(*) FROM accidents GROUP BY 1 ORDER BY 1")
        }
        #expect(rows.map { "\($0[0] as String)=\($0[1] as Int)" } == ["fatal=5", "injury=124"])
        // The first row of the file: 1,52,059,0001 …, dated 2018-12-28 17:45 (release 2019): not a bicycle.
        let first = try test.queue().read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT date, time, station_id, station_name, is_bicycle, latitude, longitude, party_a_type,
                        party_b_type, accident_content, deaths, injuries, municipality_code
                    FROM npa_accidents WHERE record_id = 'npa:2019:52:059:0001'
                    """)
        }
        let row = try #require(first)
        #expect(row[0] as String == "2018-12-28")
        #expect(row[1] as String == "17:45")
        #expect(row[2] as String == "52059")
        #expect(row[3] as String == "高速道路交通警察隊")
        #expect(row[4] as Bool == false)
        #expect(abs((row[5] as Double) - 36.0798158) < 5e-8)
        #expect(abs((row[6] as Double) - 136.3627828) < 5e-8)
        #expect(row[7] as String == "03")
        #expect(row[8] as String == "03")
        #expect(row[9] as String == "2")
        #expect(row[10] as Int == 0)
        #expect(row[11] as Int == 1)
        #expect(row[12] as String == "322")
    }

    @Test("re-importing a release changes nothing and duplicates nothing")
    func reimportIsIdempotent() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)])
        let before = try storedCounts(test.store, year: 2019)
        let second = try test.importNPA(RealData.fukui2019, hojuhyo: [RealData.hojuhyo(2019)])
        #expect(second.problems.isEmpty)
        #expect(second.entry?.rowsAccepted == 1168)
        #expect(try storedCounts(test.store, year: 2019) == before)
        let totals = try test.queue().read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM npa_accidents") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accidents") ?? -1,
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM import_log WHERE dataset = 'npa-accidents'") ?? -1
            )
        }
        #expect(totals.0 == 1168)
        #expect(totals.1 == 129)
        #expect(totals.2 == 2)
    }

    @Test("a re-import without the 補充票 keeps the bicycles learnt from it")
    func reimportWithoutHojuhyoKeepsHojuhyoBicycles() throws {
        let test = try TestStore()
        try test.importNPA(RealData.fukui2020, hojuhyo: [RealData.hojuhyo(2020)])
        try test.importNPA(RealData.fukui2020)
        let bicycles = try test.queue().read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM accidents") }
        #expect(bicycles == 99)
    }

    @Test("the published CP932 encoding reads the same as the UTF-8 copy")
    func cp932Honhyo() throws {
        let test = try TestStore()
        // The Fukui rows are a UTF-8 copy of a CP932 original: convert back (dropping the BOM) and import that.
        let utf8 = try String(contentsOfFile: RealData.fukui2019, encoding: .utf8)
        let text = utf8.hasPrefix("\u{FEFF}") ? String(utf8.dropFirst()) : utf8
        let cp932 = try #require(text.data(using: .shiftJIS))
        #expect(String(data: cp932, encoding: .utf8) == nil)  // really not UTF-8 any more
        let path = try test.file("honhyo_2019.csv", cp932)
        let result = try test.importNPA(path, hojuhyo: [RealData.hojuhyo(2019)], prefecture: "52")
        #expect(result.problems.isEmpty)
        let expected = try expectedCounts(honhyo: RealData.fukui2019, hojuhyo: RealData.hojuhyo(2019))
        #expect(try storedCounts(test.store, year: 2019) == expected)
    }

    @Test("the 68-column layout (2022 on) is detected from the header; --prefecture keeps one prefecture")
    func layout2022() throws {
        let test = try TestStore()
        let all = try test.importNPA(RealData.sample2022)
        #expect(all.problems.isEmpty)
        #expect(all.summary?.edition == .from2022)
        #expect(all.summary?.records == 6)
        // Row 1: 1,10,059,0001 … 2022,01,22,14,18 … 430234789,1412612831 (Hokkaido expressway unit).
        let row = try #require(
            try test.queue().read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT date, time, latitude, longitude, layout, station_name, is_bicycle FROM npa_accidents
                        WHERE prefecture_code = '10' AND station_code = '059' AND report_number = '0001'
                        """)
            })
        #expect(row[0] as String == "2022-01-22")
        #expect(row[1] as String == "14:18")
        // 43° 02′ 34.789″ = 43 + 2/60 + 34.789/3600; 141° 26′ 12.831″.
        #expect(abs((row[2] as Double) - (43 + 2.0 / 60 + 34.789 / 3600)) < 1e-9)
        #expect(abs((row[3] as Double) - (141 + 26.0 / 60 + 12.831 / 3600)) < 1e-9)
        #expect(row[4] as String == "2022")
        #expect(row[5] as String == "高速道路交通警察隊")
        #expect(row[6] as Bool == false)

        let one = try TestStore()
        let aichi = try one.importNPA(RealData.sample2022, prefecture: "54")
        #expect(aichi.summary?.records == 1)
        #expect(aichi.summary?.otherPrefectures == 5)
    }

    @Test("the 補充票 index reads the published CP932 file: 2019 has 1,207 + 206 bicycle persons")
    func hojuhyoIndex() throws {
        let index = try NPAHojuhyoIndex.read(path: RealData.hojuhyo(2019))
        #expect(index.rows == 88_961)
        #expect(index.bicyclePersons == 1_207 + 206)
        let fukui = try NPAHojuhyoIndex.read(path: RealData.hojuhyo(2019), prefecture: "52")
        #expect(fukui.rows == 239)
    }
}

@Suite("NPA open data: headers, rows and coordinates")
struct NPAFormatTests {
    /// The 2019 header as published, and one real row (the first Fukui 2019 row).
    static let header2019 = NPAHonhyoLayout.Edition.from2019.columns.joined(separator: ",")
    static let row2019 =
        "1,52,059,0001,2,000,001,50010,2,0059,322,2018,12,28,17,45,21,2,3,3,14,00,7,00,23,00,23,04,9,01,70,6,4,21,55,"
        + "25,03,03,31,31,01,01,04,04,10,30,3,3,2,2,2,2,4,2,360447337,1362146018,6,3"

    @Test("a header with ASCII spaces and brackets (NFKC) is the 2019 layout")
    func nfkcHeader() throws {
        let ascii = Self.header2019.replacingOccurrences(of: "\u{3000}", with: " ")
            .replacingOccurrences(of: "（", with: "(").replacingOccurrences(of: "）", with: ")")
        let layout = try NPAHonhyoLayout(header: ascii.components(separatedBy: ","), file: "x.csv")
        #expect(layout.edition == .from2019)
        #expect(layout.index(of: .latitude) == 54)
        #expect(layout.index(of: .partyTypeB) == 37)
        let layout2022 = try NPAHonhyoLayout(header: NPAHonhyoLayout.Edition.from2022.columns, file: "y.csv")
        #expect(layout2022.index(of: .latitude) == 60)
        #expect(layout2022.index(of: .partyTypeA) == 38)
    }

    @Test("an unknown layout is refused, naming the unexpected column")
    func unknownLayout() throws {
        var columns = NPAHonhyoLayout.Edition.from2019.columns
        columns[17] = "天気"
        let error = #expect(throws: ImportError.self) {
            try NPAHonhyoLayout(header: columns, file: "honhyo_2019.csv")
        }
        let text = error?.description ?? ""
        #expect(text.hasPrefix("honhyo_2019.csv:1: error: not an NPA 本票"))
        #expect(text.contains("unexpected column 18 \"天気\""))
        #expect(text.contains("missing \"天候\""))
    }

    @Test("a bad row is reported file:line:column and not imported")
    func badRow() throws {
        let test = try TestStore()
        let bad = Self.row2019.replacingOccurrences(of: "2018,12,28", with: "2018,13,28")
        let path = try test.file(
            "honhyo_2019.csv", Data((Self.header2019 + "\n" + Self.row2019 + "\n" + bad + "\n").utf8))
        let result = try test.importNPA(path)
        #expect(result.entry == nil)
        #expect(
            result.problems.map(\.description) == [
                "honhyo_2019.csv:3:12: error: no such date: 発生日時 2018-13-28 (年・月・日)"
            ])
    }

    @Test("zero coordinates are missing and invalid ones are invalid; both wait in the QA queue")
    func missingCoordinates() throws {
        let test = try TestStore()
        let zero = Self.row2019.replacingOccurrences(of: "0001", with: "0002")
            .replacingOccurrences(of: "360447337,1362146018", with: "000000000,0000000000")
        let bad = Self.row2019.replacingOccurrences(of: "0001", with: "0003")
            .replacingOccurrences(of: "360447337,1362146018", with: "366047337,1362146018")
        let path = try test.file(
            "honhyo_2019.csv", Data([Self.header2019, Self.row2019, zero, bad].joined(separator: "\n").utf8))
        let result = try test.importNPA(path)
        #expect(result.summary?.missingLocation == 1)
        #expect(result.summary?.invalidLocation == 1)
        let queue = try test.store.qaQueue(limit: nil)
        #expect(queue.needsLocation == ["npa_accidents": 2])
        #expect(queue.items.map(\.recordID) == ["npa:2019:52:059:0002", "npa:2019:52:059:0003"])
        #expect(queue.items.first?.detail == "missing: 緯度 000000000, 経度 0000000000")
        #expect(queue.items.last?.detail == "invalid: 緯度 366047337, 経度 1362146018")
    }

    @Test(
        "packed DMS test vectors (STATISTICS.md §7)",
        arguments: [
            ("360447337", "1362146018", 36.0798158, 136.3627828),
            ("431007628", "1412612831", 43.1687856, 141.4368975),
        ])
    func coordinateVectors(latitude: String, longitude: String, expectedLatitude: Double, expectedLongitude: Double) {
        let (location, status) = NPAHonhyoReader.location(latitude: latitude, longitude: longitude)
        #expect(status == .ok)
        #expect(abs((location?.latitude ?? 0) - expectedLatitude) < 5e-8)
        #expect(abs((location?.longitude ?? 0) - expectedLongitude) < 5e-8)
    }

    @Test(
        "unusable positions",
        arguments: [
            ("000000000", "0000000000", NPALocationStatus.missing),
            ("", "", .missing),
            ("366047337", "1362146018", .invalid),  // 60 minutes
            ("36044733", "1362146018", .invalid),  // 8 digits
            ("190000000", "1362146018", .invalid),  // 19° N: not Japan
            ("360447337", "0000000000", .invalid),  // half a position
        ])
    func unusablePositions(latitude: String, longitude: String, status: NPALocationStatus) {
        let (location, found) = NPAHonhyoReader.location(latitude: latitude, longitude: longitude)
        #expect(location == nil)
        #expect(found == status)
    }

    @Test("the release year comes from the file name, else the latest occurrence year")
    func releaseYear() throws {
        #expect(NPAHonhyoReader.releaseYear(fromFileName: "honhyo_2019.csv") == 2019)
        #expect(NPAHonhyoReader.releaseYear(fromFileName: "fukui_2020_honhyo_rows.csv") == 2020)
        #expect(NPAHonhyoReader.releaseYear(fromFileName: "honhyo.csv") == nil)
        #expect(NPAHonhyoReader.releaseYear(fromFileName: "h12019.csv") == nil)
        let test = try TestStore()
        let path = try test.file("honhyo.csv", Data((Self.header2019 + "\n" + Self.row2019 + "\n").utf8))
        let result = try test.importNPA(path)
        #expect(result.summary?.releaseYear == 2018)
    }

    @Test("bicycle role and counterpart from the parties")
    func bicycleRole() throws {
        let test = try TestStore()
        // Party A bicycle (51) against B 61 pedestrian; party B power-assisted bicycle (52) against A 04 car.
        let a = Self.row2019.replacingOccurrences(of: "0001", with: "0011")
            .replacingOccurrences(of: ",55,25,03,03,", with: ",55,25,51,61,")
        let b = Self.row2019.replacingOccurrences(of: "0001", with: "0012")
            .replacingOccurrences(of: ",55,25,03,03,", with: ",55,25,04,52,")
        let path = try test.file("honhyo_2019.csv", Data([Self.header2019, a, b].joined(separator: "\n").utf8))
        #expect(try test.importNPA(path).problems.isEmpty)
        let rows = try test.queue().read { db in
            try Row.fetchAll(db, sql: "SELECT record_id, bicycle_role, counterpart FROM accidents ORDER BY 1")
        }
        #expect(
            rows.map { "\($0[0] as String) \($0[1] as String) \($0[2] as String)" } == [
                "npa:2019:52:059:0011 A pedestrian", "npa:2019:52:059:0012 B car",
            ])
    }

    @Test("station names come from the year's code table")
    func stationNames() {
        #expect(NPACodeTables.stationName(releaseYear: 2019, prefectureCode: "52", stationCode: "101") == "福井")
        // 45/259 was 浦賀 in 2022 and 横須賀南 from 2023.
        #expect(NPACodeTables.stationName(releaseYear: 2022, prefectureCode: "45", stationCode: "259") == "浦賀")
        #expect(NPACodeTables.stationName(releaseYear: 2023, prefectureCode: "45", stationCode: "259") == "横須賀南")
        #expect(NPACodeTables.prefectureName("52") == "福井")
        #expect(NPACodeTables.stationName(releaseYear: 2019, prefectureCode: "52", stationCode: "999") == nil)
    }
}
