import Analytics
import BikePDCACore
import Rendering
import Reports
import TestSupport
import Testing
import Workflows

/// The station and prefecture reports answer "who is behind plan, on which measure" and "what to do next month"
/// on their first screen (KPI cards and the first section), in both languages, with one attainment definition.
@Suite("Plan attainment and the Act list on the station and prefecture reports", .serialized)
struct PlanReportTests {
    static func analysis() throws -> PeriodAnalytics {
        let sample = try LoadedSample.shared.get()
        return try AnalysisLoader(store: sample.store).periodAnalysis(try ReportingPeriod.parse("FY2025"))
    }

    static func station(_ language: ReportLanguage) throws -> ReportDocument {
        StationReportBuilder.document(
            stationID: "58101", analytics: try analysis(),
            settings: ReportSettings(language: language, generatedAt: "2026-12-01"))
    }

    @Test("station 58101: operations attainment 189 ÷ 168 = 112.5 % on the card and in the table, whole counts")
    func stationOperations() throws {
        let document = try Self.station(.ja)
        // Hand count (SamplePlanAttainmentTests): traffic took part in 83 of 74 planned, community 106 of 94.
        let card = try #require(document.kpis.first { $0.label == "活動回数の計画達成率" })
        #expect(card.value == .percent(189.0 / 168.0, digits: 1))
        #expect(card.note == "実績 189回 / 計画 168回")
        #expect(!document.kpis.contains { $0.label.contains("人時間の計画達成率") && $0.note.contains("26.0回") })
        let first = try #require(document.sections.first)
        #expect(first.title == "計画の達成と来月の行動")
        let table = try #require(
            first.blocks.compactMap { block -> ReportTable? in
                if case .table(let table) = block, table.caption.contains("部門別・指標別") { return table }
                return nil
            }.first)
        let stationOps = try #require(table.rows.first { $0[0] == .text("署計") && $0[1] == .text("活動回数") })
        #expect(stationOps[2] == .text("168回"))
        #expect(stationOps[3] == .text("189回"))
        #expect(stationOps[5] == .text("達成"))
        let trafficOps = try #require(table.rows.first { $0[0] == .text("交通部門") && $0[1] == .text("活動回数") })
        #expect(trafficOps[2] == .text("74回"))
        // Every measure of every department is named: operations, officer-hours and warnings.
        let measures = Set(
            table.rows.compactMap { row -> String? in
                if case .text(let name) = row[1] { return name }
                return nil
            })
        #expect(measures == ["活動回数", "人時間", "指導警告"])
    }

    @Test("station 58101: its own 10 % reduction target and fatal or serious accidents are on the first screen")
    func stationTargets() throws {
        let analytics = try Self.analysis()
        let document = try Self.station(.ja)
        let target = try #require(analytics.reductionTarget(station: "58101"))
        let card = try #require(document.kpis.first { $0.label == "事故削減目標" })
        #expect(card.note.hasPrefix("目標 -10%"))
        #expect(card.value == .text(target.isMet == true ? "達成" : "未達"))
        let severe = analytics.fatalOrSerious(station: "58101")
        let fatal = try #require(document.kpis.first { $0.label == "死亡・重傷事故 (署全体)" })
        #expect(fatal.value == .integer(severe.now))
        #expect(fatal.note.hasPrefix("前年同期 \(severe.lastYear)件"))
        let first = try #require(document.sections.first)
        let targets = try #require(
            first.blocks.compactMap { block -> ReportTable? in
                if case .table(let table) = block, table.caption.contains("事故削減目標") { return table }
                return nil
            }.first)
        #expect(targets.rows.first?[0] == .text("署全体"))
        #expect(targets.rows.first?[1] == .percent(-0.1, digits: 0))
        #expect(targets.rows.dropFirst().allSatisfy { $0[1] == .percent(-0.2, digits: 0) }, "each zone's own 20 %")
    }

    @Test("station 58101: the bicycle's role, the counterpart and who was stopped, totalled to the station's records")
    func parties() throws {
        let analytics = try Self.analysis()
        let document = try Self.station(.ja)
        let section = try #require(document.sections.first { $0.title == "事故の当事者と取締りの対象" })
        let tables = section.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.map(\.caption).count == 3)
        let accidents = RowSums(analytics.stationRows("58101")).accidents
        let role = try #require(tables.first { $0.caption.contains("当事者") })
        #expect(role.totals?[3] == .integer(accidents), "every accident has one role")
        #expect(role.rows.contains { $0[0] == .text("第1当事者") })
        let riders = try #require(tables.first { $0.caption.contains("取締りの対象") })
        let stops = RowSums(analytics.stationRows("58101")).enforcement
        #expect(riders.totals?[3] == .integer(stops))
        #expect(riders.rows.contains { $0[0] == .text("自転車 16歳未満") })
        #expect(riders.rows.contains { $0[0] == .text("自転車 65歳以上") })
    }

    @Test("the English station report names the measures and the first section in English")
    func stationEnglish() throws {
        let document = try Self.station(.en)
        #expect(document.kpis.contains { $0.label == "Operations vs planned" && $0.note == "189 of 168 planned" })
        #expect(document.sections.first?.title == "Plan attainment and next month's actions")
        #expect(document.kpis.contains { $0.label == "Fatal or serious accidents (station)" })
    }

    @Test("prefecture: the zone ranking says whether each interval excludes 1, and marks few counts apart")
    func prefectureSignificance() throws {
        let analytics = try Self.analysis()
        let document = PrefectureReportBuilder.document(
            analytics: analytics, settings: ReportSettings(generatedAt: "2026-12-01"))
        let ranking = try #require(document.tables.first { $0.caption.contains("重点地区・路線の順位") })
        let columns = ranking.columns.map(\.title)
        #expect(!columns.contains("信頼性"))
        let difference = try #require(columns.firstIndex(of: "前年との差"))
        let few = try #require(columns.firstIndex(of: "件数僅少"))
        for row in ranking.rows {
            let cellText: String? =
                switch row[1] {
                case .text(let name), .link(let name, _): name
                default: nil
                }
            guard let name = cellText, let id = name.split(separator: "(").last?.dropLast() else {
                Issue.record("zone cell")
                continue
            }
            let zone = try #require(analytics.zones.first { $0.id == String(id) })
            let check = try #require(analytics.zoneRow(station: zone.stationID, zone: zone.id)?.check)
            // The reading follows the interval alone: upper < 1 a fall, lower > 1 a rise, else unclear.
            let expected =
                (check.rateRatio?.upper ?? .infinity) < 1
                ? "統計的に有意な減少" : ((check.rateRatio?.lower ?? 0) > 1 ? "統計的に有意な増加" : "差は不明")
            #expect(row[difference] == .text(expected), "\(name)")
            let events = check.accidents + check.accidentsLastYear
            #expect(row[few] == .text(events >= 20 ? "" : "※ 少数"), "\(name): \(events) accidents")
        }
        #expect(!ranking.rows.contains { $0.contains(.text("十分")) })
    }

    @Test("prefecture: each hot spot is placed from the nearest zone in force, by direction and distance")
    func hotSpotPlaces() throws {
        let analytics = try Self.analysis()
        let document = PrefectureReportBuilder.document(
            analytics: analytics, settings: ReportSettings(generatedAt: "2026-12-01"))
        let table = try #require(document.tables.first { $0.caption.contains("重点外の事故多発地点") })
        let column = try #require(table.columns.firstIndex { $0.title.hasPrefix("場所") })
        #expect(!table.rows.isEmpty)
        let names = Set(analytics.zonesInForce.map(\.name))
        let directions = ["北", "北東", "東", "南東", "南", "南西", "西", "北西"]
        for row in table.rows {
            guard case .text(let place) = row[column] else {
                Issue.record("place cell")
                continue
            }
            // 「<zone name>の<direction> <n> m」 with n a multiple of 100.
            let zone = names.first { place.hasPrefix($0 + "の") }
            #expect(zone != nil, "\(place)")
            let rest = place.dropFirst((zone ?? "").count + 1).split(separator: " ")
            #expect(rest.count == 3 && directions.contains(String(rest[0])) && rest[2] == "m", "\(place)")
            let metres = Int(rest.count > 1 ? rest[1].replacingOccurrences(of: ",", with: "") : "") ?? -1
            #expect(metres >= 0 && metres % 100 == 0, "\(place)")
        }
    }

    @Test("prefecture: the first section lists every station's attainment by measure and the most urgent actions")
    func prefectureFirstScreen() throws {
        let analytics = try Self.analysis()
        let document = PrefectureReportBuilder.document(
            analytics: analytics, settings: ReportSettings(generatedAt: "2026-12-01"))
        let first = try #require(document.sections.first)
        #expect(first.title == "計画の達成と来月の行動")
        let tables = first.blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }
            return nil
        }
        let stations = try #require(tables.first { $0.caption.contains("警察署別・指標別") })
        #expect(stations.rows.count == analytics.stations.count)
        let row = try #require(stations.rows.first { $0[0] == .text("中央警察署") })
        #expect(row[1] == .percent(189.0 / 168.0, digits: 1), "58101: 189 participations of 168 planned")
        let act = try #require(tables.first { $0.caption.hasPrefix("来月の行動") })
        #expect(act.rows.count == min(RecommendationLimit.firstScreen, analytics.recommendations.count))
        #expect(document.kpis.contains { $0.label == "死亡・重傷事故 (県全体)" })
        #expect(document.kpis.contains { $0.label == "事故削減目標を達成した署" })
    }
}

/// The number of Act items on a report's first screen (RecommendationText.firstScreenItems).
enum RecommendationLimit {
    static let firstScreen = 5
}
