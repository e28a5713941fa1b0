import BikePDCACore
import Foundation

/// `mapping/kita_station_export.csv` — an export from 北警察署's own system in its own layout — and
/// `mapping/kita_station.yaml`, the mapping profile that turns it into canonical enforcement records.
///
/// The export is CP932 with CR LF, has `yyyyMMdd` dates, `HHmm` times, the station's own violation spellings,
/// 警告/検挙 for the outcome, no department or station column (the profile supplies both), a free-text place
/// column the canonical format does not have, and a 氏名 column of obviously fake names that must never be
/// stored. Every row is valid once mapped; all dates are in 2025.
enum MappingExample {
    static let csvPath = "mapping/kita_station_export.csv"
    static let profilePath = "mapping/kita_station.yaml"

    /// File spelling → canonical code.
    static let violations: [(String, String)] = [
        ("一時停止違反", "stop"), ("信号無視", "signal"), ("無灯火運転", "no-light"), ("傘差し運転", "psc-rules"),
        ("イヤホン使用", "psc-rules"), ("右側通行", "lane"), ("携帯電話使用", "phone"), ("二人乗り", "two-riders"),
        ("並進", "side-by-side"), ("酒気帯び", "drink"),
    ]
    static let violationWeights = [24.0, 18, 10, 6, 5, 12, 12, 4, 4, 1.5]
    static let fakeNames = [
        "見本 太郎", "見本 花子", "試験 一郎", "架空 次郎", "例示 三郎", "仮名 良子", "記入 例子", "山田 見本",
    ]
    static let places = ["北町二丁目交差点", "北高校前", "北駅東口", "北町商店街", "県道北線 北三丁目", "川沿い遊歩道入口"]
    static let rowCount = 40

    static func write(world: SampleWorld, to directory: URL) throws(SampleGeneratorError) -> [SampleSummary.File] {
        var random = SampleRandom(seed: world.configuration.seed, stream: "mapping")
        let station = world.stations.firstIndex { $0.station.id == "58103" } ?? 0
        let table = WeightedTable(violationWeights)
        let firstDay = LocalDate(year: 2025, month: 4, day: 1)?.dayNumber ?? 0
        let lastDay = LocalDate(year: 2025, month: 12, day: 31)?.dayNumber ?? 0
        var entries: [(date: LocalDate, minute: Int, row: [String])] = []
        for _ in 0..<rowCount {
            let date = LocalDate(dayNumber: random.int(in: firstDay...lastDay))
            let isScooter = random.chance(0.08)
            var violation = table.draw(&random)
            if isScooter {
                violation = random.element(of: [1, 5, 6])
            }
            let (spelling, code) = violations[violation]
            let minute: Int
            switch code {
            case "no-light": minute = random.int(in: 18...21) * 60 + random.int(below: 60)
            case "drink": minute = random.int(in: 20...23) * 60 + random.int(below: 60)
            default: minute = random.element(of: [7, 7, 8, 8, 12, 16, 17, 17, 18]) * 60 + random.int(below: 60)
            }
            let outcome = code == "drink" || (code == "signal" && random.chance(0.1)) ? "検挙" : "警告"
            var latitude = ""
            var longitude = ""
            if random.chance(0.8) {
                let point = LocalFrame.coordinate(
                    world.backgroundPoint(station: station, spread: 1_000, random: &random))
                var bytes: [UInt8] = []
                bytes.appendFixed(point.latitude, decimals: 6)
                latitude = String(decoding: bytes, as: UTF8.self)
                bytes.removeAll()
                bytes.appendFixed(point.longitude, decimals: 6)
                longitude = String(decoding: bytes, as: UTF8.self)
            }
            entries.append(
                (
                    date, minute,
                    [
                        "", DateText.compact(date), DateText.compactTime(minuteOfDay: minute),
                        random.element(of: places),
                        spelling, outcome, isScooter ? "キックボード" : "自転車", latitude, longitude,
                        random.element(of: fakeNames),
                    ]
                ))
        }
        entries = entries.enumerated().sorted { lhs, rhs in
            if lhs.element.date != rhs.element.date { return lhs.element.date < rhs.element.date }
            if lhs.element.minute != rhs.element.minute { return lhs.element.minute < rhs.element.minute }
            return lhs.offset < rhs.offset
        }.map(\.element)
        let csv = try SampleFiles.write(
            in: directory, path: csvPath, encoding: .cp932, usesCRLF: true, dataset: .enforcement,
            role: .mappingExample
        ) { (output) throws(SampleGeneratorError) -> Int in
            try output.write(CSVRow(["取締番号", "違反年月日", "時刻", "取締場所", "違反名", "処理", "車種", "緯度", "経度", "氏名"]))
            for (index, entry) in entries.enumerated() {
                var fields = entry.row
                var id: [UInt8] = Array("KITA25-".utf8)
                id.appendDecimal(index + 1, width: 4)
                fields[0] = String(decoding: id, as: UTF8.self)
                try output.write(CSVRow(fields))
            }
            return entries.count
        }
        let profile = try SampleFiles.write(
            in: directory, path: profilePath, encoding: .utf8, dataset: nil, role: .mappingExample
        ) { (output) throws(SampleGeneratorError) -> Int? in
            try output.write(text: profileText)
            return nil
        }
        return [csv, profile]
    }

    static var profileText: String {
        var text = """
            # Mapping profile for kita_station_export.csv, the enforcement export of 北警察署 (58103).
            # Its columns are not the canonical ones (docs/DATASETS.md), so this profile says how to read it.
            # 取締場所 (free text) has no canonical column and is ignored; 氏名 (a name) must never be stored.
            dataset: enforcement
            encoding: cp932
            columns:
              取締番号: record_id
              違反年月日: date
              時刻: time
              違反名: violation
              処理: outcome
              車種: vehicle
              緯度: latitude
              経度: longitude
            values:
              violation:

            """
        for (spelling, code) in violations {
            text += "    \(spelling): \(code)\n"
        }
        text += """
              outcome:
                警告: warning
                検挙: red        # citations before 2026-04-01 can only be red tickets
              vehicle:
                自転車: bicycle
                キックボード: e-scooter
            dates:
              format: yyyyMMdd
            constants:
              department: community
              station: "58103"

            """
        return text
    }
}
