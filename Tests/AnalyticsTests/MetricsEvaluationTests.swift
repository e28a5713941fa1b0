import Analytics
import BikePDCACore
import Testing

@Suite("Before–after evaluation of a zone")
struct MetricsEvaluationTests {
    static func counts(referenceBefore: [Int] = [10, 40], referenceAfter: [Int] = [20, 28]) -> BeforeAfterCounts {
        BeforeAfterCounts(
            subject: "zone Z1", beforeLabel: "before", afterLabel: "after", beforeDays: 365, afterDays: 365,
            before: 40, after: 20, comparisonName: "station roads", comparisonBefore: 400, comparisonAfter: 380,
            referenceBefore: referenceBefore, referenceAfter: referenceAfter)
    }

    @Test("naive, comparison group and ratio of ratios reproduce STATISTICS.md §1–3")
    func classicalMethods() throws {
        let evaluation = ZoneEvaluation.evaluate(Self.counts())
        let byMethod = Dictionary(uniqueKeysWithValues: evaluation.results.map { ($0.method, $0) })
        let naive = try #require(byMethod["naive"])
        #expect(StatisticsTolerance.isClose(try #require(naive.theta), 0.487804878))
        #expect(StatisticsTolerance.isClose(try #require(naive.standardError), 0.130332554))
        #expect(naive.notes.contains { $0.contains("Regression to the mean") }, "the naive result carries the caveat")
        let comparison = try #require(byMethod["comparison"])
        #expect(StatisticsTolerance.isClose(try #require(comparison.theta), 0.512198237))
        let did = try #require(byMethod["did"])
        #expect(StatisticsTolerance.isClose(try #require(did.theta), 0.526315789))
        #expect(StatisticsTolerance.isClose(try #require(did.lower95), 0.302198521))
        #expect(evaluation.reliability == "adequate")
    }

    @Test("Empirical Bayes: reference mean as prediction, k by the method of moments")
    func empiricalBayes() throws {
        // Reference before [10, 40]: mean 25, sample variance 450, k = (450 − 25)/25² = 0.68; after mean 24.
        // By hand: w = 1/18, E(before) = 25/18 + 40·17/18, π = 0.96·E = 37.6, Var(π) = 0.96·π·17/18.
        let evaluation = ZoneEvaluation.evaluate(Self.counts(), methods: [.empiricalBayes])
        #expect(StatisticsTolerance.isClose(try #require(evaluation.overdispersion), 0.68))
        let eb = try #require(evaluation.results.first)
        #expect(StatisticsTolerance.isClose(try #require(eb.expected), 37.6))
        #expect(StatisticsTolerance.isClose(try #require(eb.theta), 0.5193905817174517))
        #expect(StatisticsTolerance.isClose(try #require(eb.standardError), 0.1380684910505256))
    }

    @Test("methods that cannot be computed say why instead of printing a number")
    func unavailableMethods() throws {
        var counts = Self.counts(referenceBefore: [3], referenceAfter: [2])
        counts.before = 0
        let evaluation = ZoneEvaluation.evaluate(counts)
        #expect(evaluation.results.allSatisfy { $0.theta == nil && $0.unavailable != nil })
        #expect(evaluation.results.first?.notes.contains { $0.contains("Regression to the mean") } == true)
        // L = 20 after K = 0 before: the exact interval has an infinite upper bound.
        #expect(evaluation.rateRatio?.ratio == nil)
        #expect(evaluation.rateRatio?.upper == nil)
    }

    @Test("default windows: the designation date splits, 12 months each side, the after window cut at the data")
    func defaultWindows() throws {
        let designated = try #require(LocalDate(year: 2025, month: 4, day: 15))
        let end = try #require(LocalDate(year: 2025, month: 12, day: 31))
        let windows = try #require(ZoneEvaluation.defaultWindows(designatedFrom: designated, months: 12, dataEnd: end))
        #expect(windows.before.start.description == "2024-04-01")
        #expect(windows.before.end.description == "2025-04-14")
        #expect(windows.after.start.description == "2025-04-15")
        #expect(windows.after.end.description == "2025-12-31")
        #expect(
            ZoneEvaluation.defaultWindows(designatedFrom: designated, months: 12, dataEnd: designated.adding(days: -1))
                == nil)
    }
}
