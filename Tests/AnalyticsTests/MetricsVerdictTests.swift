import Analytics
import BikePDCACore
import Geo
import Testing

/// The headline verdict of a before–after evaluation: which method the rule picks and what its interval says.
@Suite("Before–after verdict rule")
struct MetricsVerdictTests {
    /// STATISTICS.md §1–3 counts (K = 40, L = 20, M = 400, N = 380) with a chosen reference group.
    static func counts(
        before: Int = 40, after: Int = 20, comparison: (Int, Int) = (400, 380), referenceBefore: [Int],
        referenceAfter: [Int]
    ) -> BeforeAfterCounts {
        BeforeAfterCounts(
            subject: "zone Z1", beforeLabel: "before", afterLabel: "after", beforeDays: 365, afterDays: 365,
            before: before, after: after, comparisonName: "station roads", comparisonBefore: comparison.0,
            comparisonAfter: comparison.1, referenceBefore: referenceBefore, referenceAfter: referenceAfter)
    }

    @Test(
        "the interval alone decides the reading; a bound at exactly 1 is not a change",
        arguments: [
            (0.40, 0.99, BeforeAfterVerdict.Reading.likelyFewer), (0.80, 1.00, .cannotTell), (0.70, 1.30, .cannotTell),
            (1.00, 1.50, .cannotTell), (1.01, 2.00, .possiblyMore),
        ])
    func reading(lower: Double, upper: Double, expected: BeforeAfterVerdict.Reading) {
        #expect(BeforeAfterVerdict.reading(lower: lower, upper: upper) == expected)
    }

    @Test("ten reference zones: the Empirical Bayes estimate is headlined")
    func empiricalBayesWithTenZones() throws {
        // Reference before 10, 40 five times each: mean 25, sample variance 10·15²/9 = 250, k = (250 − 25)/25² =
        // 0.36; after 20, 28: mean 24. By hand: w = 1/(1 + 0.36·25) = 0.1, E(before) = 0.1·25 + 0.9·40 = 38.5,
        // r = 24/25 = 0.96, π = 36.96, Var(π)/π² = r·(1 − w)/π = 0.864/36.96, θ = (20/π)/(1 + Var(π)/π²).
        let evaluation = ZoneEvaluation.evaluate(
            Self.counts(
                referenceBefore: Array(repeating: [10, 40], count: 5).flatMap { $0 },
                referenceAfter: Array(repeating: [20, 28], count: 5).flatMap { $0 }))
        let verdict = BeforeAfterVerdict.decide(evaluation)
        #expect(verdict.method == .empiricalBayes)
        let pi = 0.96 * 38.5
        let relativeVariance = 0.864 / pi
        let theta = (20 / pi) / (1 + relativeVariance)
        #expect(StatisticsTolerance.isClose(try #require(verdict.estimate?.theta), theta))
        #expect(StatisticsTolerance.isClose(try #require(verdict.estimate?.expected), 36.96))
        // SE ≈ θ·√(1/20 + 0.0234)/1.0234 ≈ 0.14, so the upper bound is about 0.80: below 1.
        #expect(verdict.reading == .likelyFewer)
        #expect(StatisticsTolerance.isClose(try #require(verdict.naiveTheta), 0.487804878))
    }

    @Test("nine reference zones: the comparison-group estimate of STATISTICS.md §2 is headlined")
    func comparisonGroupBelowTenZones() throws {
        let evaluation = ZoneEvaluation.evaluate(
            Self.counts(referenceBefore: Array(repeating: 25, count: 9), referenceAfter: Array(repeating: 24, count: 9))
        )
        let verdict = BeforeAfterVerdict.decide(evaluation)
        #expect(verdict.method == .comparisonGroup)
        #expect(StatisticsTolerance.isClose(try #require(verdict.estimate?.theta), 0.512198237))
        // Upper bound 0.512198237 + 1.959964·0.140749619 = 0.788062: below 1.
        #expect(
            StatisticsTolerance.isClose(try #require(verdict.estimate?.upper95), 0.512198237 + 1.959964 * 0.140749619))
        #expect(verdict.reading == .likelyFewer)
    }

    @Test("a clear rise reads as possibly more")
    func rise() throws {
        // K = 20, L = 60, M = N = 400: π = 20/(1 + 1/400) = 19.950, Var(π)/π² = 1/20 + 2/400 = 0.055,
        // θ = (60/π)/1.055 = 2.8507, SE ≈ θ·√(1/60 + 0.055)/1.055 ≈ 0.723, lower ≈ 1.43 > 1.
        let evaluation = ZoneEvaluation.evaluate(
            Self.counts(before: 20, after: 60, comparison: (400, 400), referenceBefore: [], referenceAfter: []))
        let verdict = BeforeAfterVerdict.decide(evaluation)
        #expect(verdict.method == .comparisonGroup)
        #expect(StatisticsTolerance.isClose(try #require(verdict.estimate?.theta), (60 / (20 / 1.0025)) / 1.055))
        #expect(verdict.reading == .possiblyMore)
    }

    @Test("a small comparison group and too few reference zones give no verdict")
    func noEstimate() {
        let evaluation = ZoneEvaluation.evaluate(
            Self.counts(comparison: (19, 380), referenceBefore: [10, 40], referenceAfter: [20, 28]))
        let verdict = BeforeAfterVerdict.decide(evaluation)
        #expect(verdict.reading == .noEstimate)
        #expect(verdict.method == nil)
    }

    @Test("a window without data gives no verdict, whatever the counts")
    func windowWithoutData() {
        let evaluation = ZoneEvaluation.evaluate(
            Self.counts(referenceBefore: Array(repeating: 25, count: 9), referenceAfter: Array(repeating: 24, count: 9))
        )
        #expect(BeforeAfterVerdict.decide(evaluation).reading == .likelyFewer)
        #expect(BeforeAfterVerdict.decide(evaluation, windowsCovered: false).reading == .incompleteData)
    }
}

/// The Weighted Displacement Quotient against STATISTICS.md §6.3 and hand computations.
@Suite("Weighted Displacement Quotient")
struct StatisticsDisplacementTests {
    @Test("STATISTICS.md §6.3: slight diffusion")
    func diffusion() throws {
        let wdq = DisplacementQuotient(zone: (40, 25), ring: (30, 28), control: (400, 380))
        #expect(StatisticsTolerance.isClose(try #require(wdq.successMeasure), -0.0342105263, relative: 1e-8))
        #expect(StatisticsTolerance.isClose(try #require(wdq.bufferMeasure), -0.0013157895, relative: 1e-7))
        #expect(StatisticsTolerance.isClose(try #require(wdq.quotient), 0.0384615385, relative: 1e-8))
        #expect(StatisticsTolerance.isClose(try #require(wdq.totalNetEffect), 13.5))
        #expect(wdq.reading == .diffusion)
        #expect(!wdq.hasSmallCounts)
    }

    @Test("STATISTICS.md §6.3: partial displacement")
    func displacement() throws {
        let wdq = DisplacementQuotient(zone: (40, 25), ring: (30, 36), control: (400, 380))
        #expect(StatisticsTolerance.isClose(try #require(wdq.bufferMeasure), 0.0197368421, relative: 1e-8))
        #expect(StatisticsTolerance.isClose(try #require(wdq.quotient), -0.5769230769, relative: 1e-8))
        #expect(StatisticsTolerance.isClose(try #require(wdq.totalNetEffect), 5.5))
        #expect(wdq.reading == .displacement)
    }

    @Test("more displaced than gained, and a zone that did not improve")
    func netHarmAndUndefined() throws {
        // Bm = 60/380 − 30/400 = 0.0828947368; S = −0.0342105263; WDQ = −2.4230769.
        let harm = DisplacementQuotient(zone: (40, 25), ring: (30, 60), control: (400, 380))
        #expect(
            StatisticsTolerance.isClose(try #require(harm.quotient), (60.0 / 380 - 30.0 / 400) / (25.0 / 380 - 0.1)))
        #expect(harm.reading == .netHarm)
        // S = 45/380 − 40/400 > 0: the zone got worse, nothing to displace.
        let worse = DisplacementQuotient(zone: (40, 45), ring: (30, 28), control: (400, 380))
        #expect(worse.quotient == nil)
        #expect(worse.reading == .undefined)
        #expect(DisplacementQuotient(zone: (4, 2), ring: (3, 3), control: (0, 10)).reading == .undefined)
        #expect(DisplacementQuotient(zone: (4, 2), ring: (30, 30), control: (100, 100)).hasSmallCounts)
    }
}

/// The ring and control areas of a zone, on shapes whose distances are known by hand.
@Suite("Zone displacement check")
struct MetricsDisplacementTests {
    /// Metres per degree of latitude, and of longitude at 35° N (111,320 · cos 35°).
    static let metresPerLatitude = 111_320.0
    static let metresPerLongitude = 111_320.0 * 0.8191520443

    static func zone(_ geometry: Geometry, buffer: Double? = nil) -> Zone {
        Zone(
            id: "Z1", kind: .district, stationID: "99901", name: "test", designatedFrom: LocalDate(dayNumber: 0),
            designatedTo: nil, reason: nil, geometry: geometry, bufferMetres: buffer)
    }

    static func counts(before: Int, after: Int, comparison: (Int, Int)) -> BeforeAfterCounts {
        BeforeAfterCounts(
            subject: "zone Z1", beforeLabel: "b", afterLabel: "a", beforeDays: 365, afterDays: 365, before: before,
            after: after, comparisonName: "station roads", comparisonBefore: comparison.0,
            comparisonAfter: comparison.1, referenceBefore: [], referenceAfter: [])
    }

    @Test("a district: 100 m and 250 m beyond the edge are in the 300 m ring, 400 m is control, inside is neither")
    func district() throws {
        // A square of ±0.001° around (35.0, 136.0): its north edge at 35.001, its east edge at 136.001.
        let square = Geometry.polygon([
            [
                Coordinate(latitude: 34.999, longitude: 135.999), Coordinate(latitude: 34.999, longitude: 136.001),
                Coordinate(latitude: 35.001, longitude: 136.001), Coordinate(latitude: 35.001, longitude: 135.999),
                Coordinate(latitude: 34.999, longitude: 135.999),
            ]
        ])
        let north100 = Coordinate(latitude: 35.001 + 100 / Self.metresPerLatitude, longitude: 136.0)
        let north400 = Coordinate(latitude: 35.001 + 400 / Self.metresPerLatitude, longitude: 136.0)
        let east250 = Coordinate(latitude: 35.0, longitude: 136.001 + 250 / Self.metresPerLongitude)
        let inside = Coordinate(latitude: 35.0, longitude: 136.0)
        let check = try #require(
            ZoneDisplacement.check(
                Self.zone(square), counts: Self.counts(before: 10, after: 5, comparison: (100, 100)),
                outsideBefore: [north100, east250, north400, inside], outsideAfter: [north100, north400, north400]))
        #expect(check.ringBefore == [north100, east250])
        #expect(check.ringAfter == [north100])
        let quotient = check.quotient
        #expect(quotient.ring == (2, 1))
        #expect(quotient.control == (98, 99))
        // S = 5/99 − 10/98, Bm = 1/99 − 2/98, WDQ = Bm/S ≈ 0.2000: the ring improved too.
        let s = 5.0 / 99 - 10.0 / 98
        let bm = 1.0 / 99 - 2.0 / 98
        #expect(StatisticsTolerance.isClose(try #require(quotient.quotient), bm / s))
        #expect(quotient.reading == .diffusion)
    }

    @Test("a route with a 30 m buffer: the ring starts at the buffer's edge")
    func route() throws {
        let line = Geometry.lineString([
            Coordinate(latitude: 35.0, longitude: 136.0), Coordinate(latitude: 35.0, longitude: 136.01),
        ])
        let shape = try #require(ZoneShape(zone: Self.zone(line, buffer: 30)))
        let point = { (metres: Double) in
            Coordinate(latitude: 35.0 + metres / Self.metresPerLatitude, longitude: 136.005)
        }
        #expect(!ZoneDisplacement.isInRing(point(20), of: shape, ringMetres: 300), "inside the buffer")
        #expect(ZoneDisplacement.isInRing(point(200), of: shape, ringMetres: 300))
        #expect(ZoneDisplacement.isInRing(point(320), of: shape, ringMetres: 300))
        #expect(!ZoneDisplacement.isInRing(point(340), of: shape, ringMetres: 300), "beyond 30 + 300 m")
    }
}
