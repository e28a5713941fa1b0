import Analytics
import Testing

@Suite("Getis–Ord Gi* (STATISTICS.md §6.2)")
struct StatisticsGetisOrdTests {
    /// The pysal/esda docstring example from STATISTICS.md §6.2.
    static let points: [(x: Double, y: Double)] = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
    static let values = [2, 3, 3.2, 5, 8, 7]
    static let expected = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]

    @Test("Distance band 15 reproduces the esda z-scores")
    func documentVector() {
        let z = GetisOrd.giStar(values: Self.values, points: Self.points, distanceBand: 15)
        #expect(z.count == 6)
        for (actual, expected) in zip(z, Self.expected) {
            #expect(StatisticsTolerance.isClose(actual, expected))
        }
    }

    @Test("A neighbour list worked out by hand from the distances gives the same z-scores")
    func neighbourList() {
        // Pairs within 15: 0–1 (10), 0–3 (11.2), 1–3 (11.2), 1–4 (14.1), 2–4 (14.1), 3–4 (exactly 15), 4–5 (10).
        let withSelf = [[0, 1, 3], [0, 1, 3, 4], [2, 4], [0, 1, 3, 4], [1, 2, 3, 4, 5], [4, 5]]
        let z = GetisOrd.giStar(values: Self.values, neighbours: withSelf)
        for (actual, expected) in zip(z, Self.expected) {
            #expect(StatisticsTolerance.isClose(actual, expected))
        }
        // Omitting the cell itself still counts it (w_ii = 1), so the statistic stays Gi*.
        let withoutSelf = [[1, 3], [0, 3, 4], [4], [0, 1, 4], [1, 2, 3, 5], [4]]
        #expect(GetisOrd.giStar(values: Self.values, neighbours: withoutSelf) == z)
    }

    @Test("The band is inclusive: just below 15, cells 3 and 4 stop being neighbours")
    func inclusiveBand() {
        // Cells 3 (15,20) and 4 (30,20) are exactly 15 apart. Below the band, cell 3's neighbourhood shrinks to
        // {0, 1, 3}, the same as cell 0's, so the two cells must then get the same z-score.
        let z = GetisOrd.giStar(values: Self.values, points: Self.points, distanceBand: 14.99)
        #expect(z[3] == z[0])
        #expect(StatisticsTolerance.isClose(z[0], Self.expected[0]))
    }

    @Test("Three cells in a row, values (0, 0, 3): z = −√2, 0 (neighbourhood is every cell), 1/√2")
    func gridByHand() {
        // By hand: n = 3, X̄ = 1, S = √(9/3 − 1) = √2. End cells: Σw = 2, [n·2 − 4]/(n − 1) = 1,
        // so z₀ = (0 − 2)/√2 = −√2 and z₂ = (3 − 2)/√2. The middle cell's neighbourhood is all three cells: 0/0 → 0.
        let z = GetisOrd.giStar(values: [0, 0, 3], neighbours: [[0, 1], [0, 1, 2], [1, 2]])
        #expect(StatisticsTolerance.isClose(z[0], -(2.0.squareRoot())))
        #expect(z[1] == 0)
        #expect(StatisticsTolerance.isClose(z[2], 1 / 2.0.squareRoot()))
    }

    @Test("Undefined cases give 0, never NaN: equal values, one cell, no cells")
    func degenerateInputs() {
        #expect(GetisOrd.giStar(values: [0.1, 0.1, 0.1], neighbours: [[0, 1], [0, 1, 2], [1, 2]]) == [0, 0, 0])
        #expect(GetisOrd.giStar(values: [5], points: [(0, 0)], distanceBand: 1) == [0])
        #expect(GetisOrd.giStar(values: [], neighbours: []).isEmpty)
    }
}
