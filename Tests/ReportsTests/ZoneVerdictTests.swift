import Analytics
import BikePDCACore
import Rendering
import Reports
import TestSupport
import Testing
import Workflows

/// The zone and compare reports answer "did enforcement in this zone reduce accidents?" on their first screen:
/// one verdict by the stated rule, the targets met or not, a window without data refused, the terms explained.
@Suite("Zone verdict, targets and windows without data")
struct ZoneVerdictTests {
    /// The zone report of `zoneID` for FY2025, built in-process as `report zone` builds it.
    static func zoneReport(_ zoneID: String, language: ReportLanguage = .ja) throws -> (ReportDocument, ZoneDetail) {
        let sample = try LoadedSample.shared.get()
        let loader = try AnalysisLoader(store: sample.store)
        let zone = try loader.zone(zoneID)
        let period = try ReportingPeriod.parse("FY2025")
        let detail = try loader.detail(zone, period: period)
        let document = ZoneReportBuilder.document(
            detail, analytics: try loader.periodAnalysis(period, of: zone),
            settings: ReportSettings(language: language, generatedAt: "2026-12-01"))
        return (document, detail)
    }

    /// Every piece of text a reader sees in `document`.
    static func text(_ document: ReportDocument) -> String {
        var parts = [document.title, document.subtitle]
        parts += document.kpis.flatMap { [$0.label, $0.note] }
        parts += document.caveats.map(\.text)
        for section in document.sections {
            parts.append(section.title)
            parts += section.caveats.map(\.text)
            for block in section.blocks {
                if case .paragraph(let text) = block { parts.append(text) }
                if case .table(let table) = block { parts += [table.caption, table.denominatorNote] }
            }
        }
        return parts.joined(separator: "\n")
    }

    @Test("58101-D02: the first card is the verdict of the EB estimate, read from its interval by hand")
    func verdictFirst() throws {
        let (document, detail) = try Self.zoneReport("58101-D02")
        let evaluation = try #require(detail.evaluation)
        // 23 other zones in the sample: at least 10, so the rule takes Empirical Bayes.
        #expect(evaluation.counts.referenceBefore.count == 23)
        let eb = try #require(evaluation.evaluation.results.first { $0.method == "eb" })
        let upper = try #require(eb.upper95)
        let lower = try #require(eb.lower95)
        let expected = upper < 1 ? "減少の可能性が高い" : lower > 1 ? "増加の可能性" : "判断できない"
        let card = try #require(document.kpis.first)
        #expect(card.label == "指定の効果 (事前事後の判定)")
        #expect(card.value == .text(expected))
        #expect(card.note.hasPrefix("経験ベイズ法 θ "))
        let first = try #require(document.sections.first)
        #expect(first.title.hasPrefix("判定"))
        let paragraphs = first.blocks.compactMap { block -> String? in
            if case .paragraph(let text) = block { return text }
            return nil
        }
        #expect(paragraphs.first?.hasPrefix("判定: \(expected)") == true)
        #expect(paragraphs.contains { $0.contains("単純比較の θ は") && $0.contains("平均への回帰") })
        #expect(paragraphs.contains { $0.hasPrefix("判定の規則: 参照群が10か所以上") })
    }

    @Test("the glossary explains θ, π, K/L, M/N and the reference group without pointing at docs or commands")
    func glossary() throws {
        for language in ReportLanguage.allCases {
            let (document, _) = try Self.zoneReport("58101-D02", language: language)
            let glossary = try #require(document.sections.first { $0.title == "用語" || $0.title == "Glossary" })
            let entries = glossary.blocks.compactMap { block -> String? in
                if case .paragraph(let text) = block { return text }
                return nil
            }
            for term in ["θ", "π", "K / L", "M / N"] {
                #expect(entries.contains { $0.contains(term) }, "\(language) \(term)")
            }
            #expect(entries.contains { $0.hasPrefix(language == .ja ? "参照群" : "Reference group") })
            let text = Self.text(document)
            #expect(!text.contains("docs/"), "\(language)")
            // The only command lines left are the tables' trace lines (--explain); none stands in for an explanation.
            #expect(!text.contains("bikepdca compare") && !text.contains("report compare"), "\(language)")
        }
    }

    @Test("58101-D02's targets: warnings and the 20% reduction against results, 達成 / 未達 from the sample CSVs")
    func targets() throws {
        let sample = try LoadedSample.shared.get()
        // Targets from the plan file: every FY2025 row of the zone (whole months, so no proration).
        var targetWarnings = 0
        var reduction = 0.0
        for row in try sample.rows("plans/plans_FY2025.csv") where row["zone_id"] == "58101-D02" {
            targetWarnings += Int(row["target_warnings"] ?? "") ?? 0
            reduction = max(reduction, Double(row["target_accident_reduction_pct"] ?? "") ?? 0)
        }
        var warnings = 0
        for file in LoadedSample.fy2025EnforcementFiles {
            warnings += try sample.rows(file).filter { $0["zone_id"] == "58101-D02" && $0["outcome"] == "warning" }
                .count
        }
        func accidents(_ file: String) throws -> Int {
            try sample.rows(file).filter { $0["zone_id"] == "58101-D02" }.count
        }
        let now = try accidents("accidents/accidents_FY2025.csv")
        let lastYear = try accidents("accidents/accidents_FY2024.csv")
        #expect(targetWarnings > 0 && reduction == 20 && lastYear > 0)
        let fall = Double(lastYear - now) / Double(lastYear)

        let (document, _) = try Self.zoneReport("58101-D02")
        let table = try #require(document.tables.first { $0.caption.hasPrefix("計画の目標と実績") })
        #expect(
            table.rows.first == [
                .text("指導警告 (件)"), .decimal(Double(targetWarnings), digits: 0), .integer(warnings),
                .text(warnings >= targetWarnings ? "達成" : "未達"),
            ])
        let reductionRow = try #require(table.rows.first { $0.first == .text("事故削減率 (前年同期比)") })
        #expect(reductionRow[1] == .percent(0.20, digits: 1))
        guard case .percent(let shown, 1) = reductionRow[2] else {
            Issue.record("the result is not a percentage: \(reductionRow[2])")
            return
        }
        #expect(abs(shown - fall) < 1e-9)
        #expect(reductionRow[3] == .text(fall * 100 >= reduction ? "達成" : "未達"))
    }

    @Test("58101-D01 (designated 2022-04, data from 2023-04): データなし above the figures, no 0件 cards")
    func windowWithoutDataInTheZoneReport() throws {
        let sample = try LoadedSample.shared.get()
        let loader = try AnalysisLoader(store: sample.store)
        let error = #expect(throws: WorkflowError.self) {
            _ = try loader.comparison(try loader.zone("58101-D01"))
        }
        guard case .windowWithoutData(let window, let label, let stations)? = error else {
            Issue.record("expected windowWithoutData, got \(String(describing: error))")
            return
        }
        #expect(window == "before" && label == "2021-04-01..2022-03-31" && stations == ["58101"])
        let (document, detail) = try Self.zoneReport("58101-D01")
        #expect(detail.evaluation == nil)
        let card = try #require(document.kpis.first)
        #expect(card.value == .text("データなし"))
        let first = try #require(document.sections.first)
        #expect(first.caveats.first?.kind == .dataGap)
        #expect(first.caveats.first?.text.hasPrefix("データなし") == true)
        #expect(!document.kpis.contains { $0.label == "事前の事故" || $0.label == "事後の事故" })
    }

    @Test("report compare and compare refuse a window without data with exit status 1 and say why")
    func windowWithoutDataRefused() throws {
        let sample = try LoadedSample.shared.get()
        let out = try HeadlessChromium.temporaryDirectory().appendingPathComponent("out")
        for arguments in [
            ["report", "compare", "--zone", "58101-D01", "--out", out.path], ["compare", "--zone", "58101-D01"],
        ] {
            let run = try CommandLineRun(arguments, database: sample.databasePath)
            #expect(run.status == 1, "\(arguments)")
            #expect(
                run.stderr.contains("no accident data in the before window 2021-04-01..2022-03-31"), "\(run.stderr)")
            #expect(!run.stdout.contains("K = 0"))
        }
        // Windows inside the data are still compared.
        let inside = try CommandLineRun(
            [
                "compare", "--zone", "58101-D01", "--before", "2023-04-01..2024-03-31", "--after",
                "2024-04-01..2025-03-31",
            ],
            database: sample.databasePath)
        #expect(inside.status == 0, "\(inside.stderr)")
    }

    @Test("the compare report headlines the verdict and its method, not a bare EB θ")
    func compareHeadline() throws {
        let sample = try LoadedSample.shared.get()
        let loader = try AnalysisLoader(store: sample.store)
        let result = try loader.comparison(try loader.zone("58101-D02"))
        for language in ReportLanguage.allCases {
            let document = CompareReportBuilder.document(
                result, settings: ReportSettings(language: language, generatedAt: "2026-12-01"))
            let card = try #require(document.kpis.first)
            #expect(card.label == (language == .ja ? "指定の効果 (事前事後の判定)" : "Effect of the designation (verdict)"))
            #expect(card.note.hasPrefix(language == .ja ? "経験ベイズ法 θ" : "Empirical Bayes θ"))
            #expect(!document.kpis.contains { $0.label.contains("経験ベイズ") || $0.label.contains("(EB)") })
            #expect(document.sections.contains { $0.title == (language == .ja ? "用語" : "Glossary") })
            #expect(!Self.text(document).contains("docs/"))
        }
    }

    @Test("58102-D01 (designated 2023-10, accidents from 2023-04): a before window with missing months gets no verdict")
    func partialWindowHasNoVerdict() throws {
        let sample = try LoadedSample.shared.get()
        let loader = try AnalysisLoader(store: sample.store)
        let result = try loader.comparison(try loader.zone("58102-D01"))
        // The default before window starts 2022-10: its first six months of station 58102 are not loaded.
        #expect(result.before.label == "2022-10-01..2023-09-30")
        #expect(result.beforeGaps.filter { $0.stationID == "58102" }.count == 6)
        let document = CompareReportBuilder.document(result, settings: ReportSettings(generatedAt: "2026-12-01"))
        let card = try #require(document.kpis.first)
        #expect(card.value == .text("判断できない (データ欠損)"))
        let verdict = try #require(document.sections.first)
        #expect(verdict.caveats.first?.kind == .dataGap, "the warning comes above the figures")
    }

    @Test("the zone report's displacement table: control = comparison group less the ring, same windows")
    func displacementTable() throws {
        let (document, detail) = try Self.zoneReport("58101-D02")
        let evaluation = try #require(detail.evaluation)
        let displacement = try #require(detail.displacement)
        let counts = evaluation.counts
        let quotient = displacement.quotient
        #expect(quotient.zone == (counts.before, counts.after))
        #expect(quotient.control.before + quotient.ring.before == counts.comparisonBefore)
        #expect(quotient.control.after + quotient.ring.after == counts.comparisonAfter)
        #expect(displacement.ringBefore.count == quotient.ring.before)
        let table = try #require(document.tables.first { $0.caption == "重点・周辺・対照の事故件数" })
        #expect(
            table.rows[1] == [.text("周辺 300 m (B)"), .integer(quotient.ring.before), .integer(quotient.ring.after)])
        #expect(Self.text(document).contains("転移の確認: "))
    }
}
