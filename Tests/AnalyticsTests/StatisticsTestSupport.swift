/// Comparisons shared by the statistics tests.
enum StatisticsTolerance {
    /// True when `actual` is within a relative tolerance of `expected` (STATISTICS.md uses 1e-6).
    static func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-6) -> Bool {
        abs(actual - expected) <= relative * abs(expected)
    }
}
