import Analytics
import BikePDCACore
import Rendering
import Reports
import TestSupport
import Testing
import Workflows

/// A zone whose designation ended before the period (58102-R01 臨港道路線, lifted 2024-09-30) is out of every
/// FY2025 total, ranking and recommendation, and is listed as 指定終了 where it appears. Built in-process through
/// the same loader and builders the CLI runs.
@Suite("A lifted zone in FY2025")
struct LiftedZoneTests {
    static let lifted = "58102-R01"

    /// The FY2025 analysis of the loaded sample.
    static func analysis() throws -> (AnalysisLoader, PeriodAnalytics) {
        let sample = try LoadedSample.shared.get()
        let loader = try AnalysisLoader(store: sample.store)
        return (loader, try loader.periodAnalysis(try ReportingPeriod.parse("FY2025")))
    }

    /// Accidents of FY2025 per zone id, counted from the sample's own CSV (an independent count).
    static func accidentsByZone() throws -> [String: Int] {
        let sample = try LoadedSample.shared.get()
        var counts: [String: Int] = [:]
        for row in try sample.rows("accidents/accidents_FY2025.csv") {
            guard let zone = row["zone_id"], !zone.isEmpty, let date = row["date"], date <= "2026-03-31" else {
                continue
            }
            counts[zone, default: 0] += 1
        }
        return counts
    }

    @Test("the zone's designation ended before FY2025 and the core rule says so")
    func designation() throws {
        let (loader, _) = try Self.analysis()
        let zone = try loader.zone(Self.lifted)
        let fiscal2025 = try ReportingPeriod.parse("FY2025")
        #expect(zone.designatedTo == LocalDate(year: 2024, month: 9, day: 30))
        #expect(!zone.isInForce(during: fiscal2025))
        #expect(zone.isLifted(before: fiscal2025))
        #expect(zone.isInForce(during: try ReportingPeriod.parse("FY2024")))
        #expect(!zone.isLifted(before: try ReportingPeriod.parse("FY2024")))
    }

    @Test("the prefecture report leaves it out of the ranking and of 重点の計, and names it as 指定終了")
    func prefecture() throws {
        let (_, analytics) = try Self.analysis()
        let document = PrefectureReportBuilder.document(
            analytics: analytics, settings: ReportSettings(generatedAt: "2026-12-01"))
        let ranking = try #require(document.tables.first { $0.caption.contains("重点地区・路線の順位") })
        let names = ranking.rows.compactMap { row -> String? in
            guard row.count > 1, case .link(let name, _) = row[1] else { return nil }
            return name
        }
        #expect(!names.contains { $0.contains(Self.lifted) })
        #expect(names.count == analytics.zones.count - 1)
        // 重点の計 = the accidents of the zones in force, counted from the CSV.
        let counts = try Self.accidentsByZone()
        #expect(counts[Self.lifted, default: 0] > 0, "the sample has accidents in the lifted zone's area")
        let inForce = counts.filter { $0.key != Self.lifted }.values.reduce(0, +)
        let totals = try #require(ranking.totals)
        #expect(totals[3] == .integer(inForce))
        #expect(ranking.denominatorNote.contains("指定終了"))
        #expect(ranking.denominatorNote.contains(Self.lifted))
        // The KPI card counts the zones in force.
        let zonesCard = try #require(document.kpis.first { $0.label == "重点内の取締り割合" })
        #expect(zonesCard.note == "重点 \(analytics.zones.count - 1)か所 (指定中)")
    }

    @Test("the station report marks it 指定終了; the Act list and the index do not treat it as active")
    func stationActAndIndex() throws {
        let (loader, analytics) = try Self.analysis()
        let station = StationReportBuilder.document(
            stationID: "58102", analytics: analytics, settings: ReportSettings(generatedAt: "2026-12-01"))
        let zones = try #require(station.tables.first { $0.caption.contains("重点地区・路線別") })
        let row = try #require(
            zones.rows.first { $0.first == .link("臨港道路線 (58102-R01)", fileName: "zone_58102-R01.html") })
        #expect(row[1] == .text("重点路線 · 指定終了 (2024-09-30)"))
        #expect(!analytics.recommendations.contains { $0.zoneID == Self.lifted })
        let entry = IndexBuilder.Entry.zone(
            try loader.zone(Self.lifted), station: try loader.station("58102"),
            period: try ReportingPeriod.parse("FY2025"), fileName: "zone_58102-R01.html", language: .ja)
        #expect(entry.note.hasSuffix("指定終了 (2024-09-30)"))
        let active = IndexBuilder.Entry.zone(
            try loader.zone("58101-R01"), station: try loader.station("58101"),
            period: try ReportingPeriod.parse("FY2025"), fileName: "zone_58101-R01.html", language: .ja)
        #expect(!active.note.contains("指定終了"))
    }
}
