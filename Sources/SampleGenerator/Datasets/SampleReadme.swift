import BikePDCACore
import Foundation

/// The sample folder's `README.md`: what each file is, its encoding and quirks, and the effects built into the
/// data, with the numbers actually generated, so analysts can check their results.
enum SampleReadme {
    static func write(
        world: SampleWorld, files: [SampleSummary.File], to directory: URL
    ) throws(SampleGeneratorError) -> SampleSummary.File {
        let text = content(world: world, files: files)
        return try SampleFiles.write(
            in: directory, path: "README.md", encoding: .utf8, dataset: nil, role: .documentation
        ) { (output) throws(SampleGeneratorError) -> Int? in
            try output.write(text: text)
            return nil
        }
    }

    static func content(world: SampleWorld, files: [SampleSummary.File]) -> String {
        let configuration = world.configuration
        let summary = SampleSummary(files: files)
        var text = """
            # BikePDCA sample data: みなと県 (Minato Prefecture)

            Made by BikePDCA's `SampleGenerator` (seed \(configuration.seed), \(configuration.enforcementRows) \
            enforcement rows and \(configuration.accidentRows) accidents asked for). Everything here is \
            **fictional**: the prefecture, its stations, zones, people and events. The same seed always writes the \
            same bytes.

            - **Prefecture code `58`.** The NPA does not use 58 (its codes go 50 富山 … 55 三重, then 60 滋賀), so \
            these records can never be taken for a real force's. Station ids are `58101` … `58109`.
            - **Place.** A port city around 35.17° N, 136.94° E. Coordinates are WGS 84 decimal degrees with six \
            decimals; the places and roads are invented.
            - **Time.** April 2023 to September 2026: fiscal years 2023–2025 and the first half of fiscal 2026, the \
            first six months of blue tickets (青切符, from 2026-04-01).

            ## Import order

            `stations.csv`, then `zones.csv` (or `zones.geojson`: the same zones), then `activities/` (enforcement \
            records refer to their operation ids), then `enforcement/`, `accidents/` and `plans/` in any order.

            ## Files

            | file | dataset | encoding | rows |
            |---|---|---|---|

            """
        for file in files {
            let rows = file.rows.map(String.init) ?? "—"
            text += "| `\(file.path)` | \(file.dataset?.rawValue ?? "—") | \(file.encoding) | \(rows) |\n"
        }
        text += "| `README.md` | — | UTF-8 | — |\n\n"
        text +=
            "Totals: "
            + SampleDataset.allCases.map { "\($0.rawValue) \(summary.rowCount(of: $0))" }.joined(separator: ", ")
            + ".\n\n"
        text += """
            ## Quirks, file by file

            Each is something stations really send; the importer must read all of them.

            - `stations.csv`, `zones.csv`, `zones.geojson`: canonical, UTF-8. In `zones.csv` the `geometry` cell is a \
            GeoJSON geometry object (quoted, since it holds commas). Districts are `Polygon`s or `MultiPolygon`s \
            (58102-D02, 58107-D01), three with a hole (58101-D01, 58104-D01, 58107-D01: a plaza or a park, not part \
            of the district); routes are `LineString`s or `MultiLineString`s (58101-R02, 58108-R02), some with \
            `buffer_m` (others take the default 30 m).
            - `enforcement/enforcement_2023-04.csv` … `2024-03` (fiscal 2023): English headers, **和暦 dates** \
            (`令和5年4月1日`, `令和6年1月15日`), **UTF-8 with BOM**, CR LF line ends.
            - `enforcement/enforcement_2024-04.csv` … `2025-03` (fiscal 2024): **CP932** (Shift_JIS as Excel writes \
            it), CR LF, **Japanese headers** (記録番号, 日付, 時刻, 警察署, 部門, 違反種別, 措置, 車種, 年齢層, 地区路線ID, \
            緯度, 経度, 活動ID) in **another column order**, dates as `2024/4/1`, stations by name (`中央警察署`), and \
            Japanese values: 交通/地域/その他, 指導警告/赤切符, the catalogue's violation names (信号無視, \
            指定場所一時不停止等, …), 自転車/特定小型原動機付自転車, and age bands 16歳未満, 20代, 30代, 40代, 65歳以上 — \
            but `16-19` and `50-64` as codes, because the labels' 〜 (WAVE DASH) comes back from CP932 as ～.
            - `enforcement/enforcement_2025-04.csv` onwards (fiscal 2025–2026): canonical (English headers, ISO \
            dates, UTF-8, LF).
            - Enforcement `zone_id` is filled only when the zone was in force on the day. Stops made during a zone's \
            operation carry its `zone_id` even when the officer noted no coordinates (8 % of them). About 75 % of \
            records have coordinates early on, 85 % by 2026. `operation_id` links 35–45 % of records to an activity. \
            Ages are missing on about 4 % of warnings, never on a citation.
            - Outcomes: warnings (指導警告) throughout. Before 2026-04-01 the only citations are red tickets (赤切符): \
            every drink-riding record and a few signal and phone cases. From 2026-04-01 blue tickets appear, only \
            for riders aged 16 or over, never for drink riding or for violations without a blue-ticket penalty \
            (`other`). E-scooters (特定小型原付) appear from 2023-07-01, when the class began, ridden by 16+ only.
            - `accidents/`: canonical, UTF-8. Every accident has coordinates; `zone_id` is filled whenever the point \
            lies in a zone's shape, **before or after its designation**, so each zone can be compared across its \
            designation date. Each `accidents_FY*.csv` numbers its records `A<fiscal year>-00001` ….
            - `activities/`: canonical. Patrols (警ら) carry `hours` and no start/end; every other operation has \
            `start` and `end`. Each December 中央 holds a late-evening operation at 中央駅前地区 from 22:30 to 00:30 \
            (an end before the start: past midnight); its stops after midnight are dated the next day. About 4 % of \
            zone-months miss their concentrated day (集中取締り) — real gaps for the plan check to find.
            - `plans/`: canonical columns. Periods are `2023年4月` in fiscal 2023 and `2025-04` afterwards; \
            `plans_FY2025.csv` ends with one `令和7年度` row per station and department holding that year's totals \
            and a 10 % accident-reduction target (totals of its month rows, not extra plans). Rows with an empty \
            `zone_id` are station totals, including the zone rows. Citation targets start in fiscal 2026.
            - `errors/enforcement_with_errors.csv`: six deliberate errors, listed with line and column in \
            `errors/README.md`.
            - `mapping/kita_station_export.csv` (CP932, CR LF) is 北警察署's own export: `yyyyMMdd` dates, `HHmm` \
            times, its own violation spellings (一時停止違反, 右側通行, 傘差し運転 …), 警告/検挙, no department or \
            station column, a free-text place column, and a **氏名 column of fake names that must never be \
            stored** (the importer should warn about it). `mapping/kita_station.yaml` is the profile that maps it; \
            every row is valid once mapped.

            ## Trends built in

            - Enforcement volume grows by half over the 42 months, with spring and autumn campaign peaks, and by a \
            further 15 % from April 2026.
            - The community department's (地域部門) share of stops made outside operations rises from 22 % to 50 %, \
            as the 2023-07-03 NPA directive asked; community officers join 25 % of concentrated days at first and \
            85 % by 2026 (joint operations, 合同).
            - Stops cluster at 7–9 h and 16–19 h; riding without lights is recorded after dark, drink riding in the \
            evening. Each zone's two commonest violations (below) dominate its stops.
            - Accidents: weekday commuting peaks (7–9 h, 17–19 h), fewer at weekends, a season pattern (fewer in \
            winter and August) and a prefecture-wide decline of 3 % a year, everywhere. About 0.5 % are fatal and 8 % \
            serious; the bicycle is usually party B against a car.

            ## Zones and the effects built in

            Half the zones (`effect` > 0) really had fewer accidents after designation; the others had none beyond \
            the prefecture-wide trend. Five zones were designated before the data begins, so they have no "before". \
            "Before" and "after" below are the accidents **generated** in the zone per month, from April 2023 to the \
            designation and from the designation to September 2026.

            | zone | name | kind | designated | effect | before /month | after /month | common violations |
            |---|---|---|---|---|---|---|---|

            """
        let accidents = AccidentDataset.draws(world: world)
        for (index, model) in world.zones.enumerated() {
            let zone = model.zone
            var before = (count: 0, months: 0)
            var after = (count: 0, months: 0)
            for (monthIndex, month) in world.months.enumerated() {
                let count = accidents[monthIndex].filter { $0.zoneIndex == index }.count
                if month < zone.designatedFrom.yearMonth {
                    before = (before.count + count, before.months + 1)
                } else {
                    after = (after.count + count, after.months + 1)
                }
            }
            let designated = zone.designatedFrom.description + (zone.designatedTo.map { " – \($0)" } ?? "")
            let effect = model.sample.hasEffect ? "−\(Int((model.sample.accidentReduction * 100).rounded())) %" : "none"
            text +=
                "| \(zone.id) | \(zone.name) | \(zone.kind.rawValue) | \(designated) | \(effect) | "
                + "\(rate(before)) | \(rate(after)) | \(model.sample.commonViolations.joined(separator: ", ")) |\n"
        }
        text += """

            58102-R01 was lifted on 2024-09-30 and 58105-R01 on 2026-03-31 (`designated_to`); neither had an effect.

            ## Hot spots outside every zone

            Accident clusters that a hot-spot analysis should find as candidates for designation:

            | place | station | centre | radius | accidents/month |
            |---|---|---|---|---|

            """
        for spot in SamplePrefecture.hotSpots {
            let scale = Double(configuration.accidentRows) / 6_000
            text +=
                "| \(spot.name) | \(spot.stationID) | \(fixed(spot.centre.latitude)), \(fixed(spot.centre.longitude)) "
                + "| \(Int(spot.radiusMetres)) m | \(fixed(spot.accidentsPerMonth * scale, decimals: 1)) |\n"
        }
        text += """

            ## Benchmark files

            `SampleDataWriter.writeEnforcementBenchmark(rows:to:seed:)` writes one large canonical enforcement file \
            (ids `B000000001` …) that refers only to this standard set's stations, zones and operation ids; import it \
            after `stations.csv`, `zones.csv` and `activities/`.

            """
        return text
    }

    private static func rate(_ tally: (count: Int, months: Int)) -> String {
        tally.months == 0 ? "—" : fixed(Double(tally.count) / Double(tally.months), decimals: 2)
    }

    private static func fixed(_ value: Double, decimals: Int = 6) -> String {
        var bytes: [UInt8] = []
        bytes.appendFixed(value, decimals: decimals)
        return String(decoding: bytes, as: UTF8.self)
    }
}
