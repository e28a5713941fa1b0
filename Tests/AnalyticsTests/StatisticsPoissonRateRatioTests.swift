import Analytics
import Foundation
import Testing

@Suite("Exact Poisson rate ratio (STATISTICS.md §5)")
struct StatisticsPoissonRateRatioTests {
    @Test("x = (2, 9), t = (17877, 16660) reproduces R's poisson.test: RR 0.207094156, CI 0.021774063–1.000549104")
    func documentVector() throws {
        let result = try PoissonRateRatio.exact(events1: 2, exposure1: 17877, events2: 9, exposure2: 16660)
        #expect(StatisticsTolerance.isClose(result.ratio, 0.207094156))
        #expect(StatisticsTolerance.isClose(result.lower, 0.021774063))
        #expect(StatisticsTolerance.isClose(result.upper, 1.000549104))
        #expect(result.confidence == 0.95)
    }

    @Test("Swapping the groups inverts the ratio and swaps the bounds (document vector reversed)")
    func swappedGroups() throws {
        let result = try PoissonRateRatio.exact(events1: 9, exposure1: 16660, events2: 2, exposure2: 17877)
        #expect(StatisticsTolerance.isClose(result.ratio, 1 / 0.207094156))
        #expect(StatisticsTolerance.isClose(result.lower, 1 / 1.000549104))
        #expect(StatisticsTolerance.isClose(result.upper, 1 / 0.021774063))
    }

    @Test("x = (1, 1), equal exposures: bounds (1 − √0.975)/√0.975 and √0.975/(1 − √0.975)")
    func oneAndOne() throws {
        // By hand: p_L = BetaInv(0.025; 1, 2) solves 1 − (1 − p)² = 0.025, so p_L = 1 − √0.975;
        // p_U = BetaInv(0.975; 2, 1) solves p² = 0.975, so p_U = √0.975; RR = p/(1 − p).
        let result = try PoissonRateRatio.exact(events1: 1, exposure1: 5, events2: 1, exposure2: 5)
        let root = 0.975.squareRoot()
        #expect(result.ratio == 1)
        #expect(StatisticsTolerance.isClose(result.lower, (1 - root) / root))
        #expect(StatisticsTolerance.isClose(result.upper, root / (1 - root)))
    }

    @Test("x1 = 0: ratio 0, lower bound exactly 0, upper bound from p_U = 1 − 0.025^(1/x2)")
    func noEventsInFirstGroup() throws {
        // By hand: p_U = BetaInv(0.975; 1, 5) solves 1 − (1 − p)^5 = 0.975, so 1 − p_U = 0.025^(1/5);
        // RR_U = p_U/(1 − p_U)·t2/t1 with t2/t1 = 3/2.
        let result = try PoissonRateRatio.exact(events1: 0, exposure1: 2, events2: 5, exposure2: 3)
        let q = pow(0.025, 1.0 / 5.0)
        #expect(result.ratio == 0)
        #expect(result.lower == 0)
        #expect(StatisticsTolerance.isClose(result.upper, (1 - q) / q * 1.5))
    }

    @Test("x2 = 0: ratio +∞, upper bound +∞, lower bound from p_L = 0.025^(1/x1)")
    func noEventsInSecondGroup() throws {
        // By hand: p_L = BetaInv(0.025; 4, 1) solves p^4 = 0.025; RR_L = p_L/(1 − p_L) with equal exposures.
        let result = try PoissonRateRatio.exact(events1: 4, exposure1: 10, events2: 0, exposure2: 10)
        let p = pow(0.025, 1.0 / 4.0)
        #expect(result.ratio == .infinity)
        #expect(result.upper == .infinity)
        #expect(StatisticsTolerance.isClose(result.lower, p / (1 - p)))
    }

    @Test("x1 = x2 = 0: no information about the ratio, so it throws noEvents rather than inventing a value")
    func noEventsAtAll() {
        #expect(throws: StatisticsError.noEvents) {
            try PoissonRateRatio.exact(events1: 0, exposure1: 12, events2: 0, exposure2: 12)
        }
    }

    @Test("Another confidence level: 90 % with x = (0, 5) gives upper (1 − q)/q, q = 0.05^(1/5)")
    func ninetyPercent() throws {
        let result = try PoissonRateRatio.exact(events1: 0, exposure1: 1, events2: 5, exposure2: 1, confidence: 0.90)
        let q = pow(0.05, 1.0 / 5.0)
        #expect(result.confidence == 0.90)
        #expect(StatisticsTolerance.isClose(result.upper, (1 - q) / q))
    }

    @Test("An upper bound near p = 1 keeps its precision: x = (1000, 1), p_U = 0.975^(1/1001)")
    func upperBoundNearOne() throws {
        // By hand: p_U = BetaInv(0.975; 1001, 1) solves p^1001 = 0.975; 1 − p_U = −expm1(ln 0.975/1001).
        let result = try PoissonRateRatio.exact(events1: 1000, exposure1: 1, events2: 1, exposure2: 1)
        let oneMinusP = -expm1(log(0.975) / 1001)
        #expect(StatisticsTolerance.isClose(result.upper, (1 - oneMinusP) / oneMinusP))
        #expect(result.ratio == 1000)
        #expect(result.lower < 1000 && result.lower > 100)
    }

    @Test("Invalid inputs are rejected")
    func invalidInputs() {
        #expect(throws: StatisticsError.negativeCount(name: "events1", value: -1)) {
            try PoissonRateRatio.exact(events1: -1, exposure1: 1, events2: 2, exposure2: 1)
        }
        #expect(
            throws: StatisticsError.invalidParameter(
                name: "exposure2", value: 0, requirement: "finite and > 0")
        ) {
            try PoissonRateRatio.exact(events1: 1, exposure1: 1, events2: 2, exposure2: 0)
        }
        #expect(throws: StatisticsError.invalidConfidence(1)) {
            try PoissonRateRatio.exact(events1: 1, exposure1: 1, events2: 2, exposure2: 1, confidence: 1)
        }
    }
}
