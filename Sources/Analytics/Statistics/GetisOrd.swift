/// The Getis–Ord Gi* hot-spot statistic (ホットスポット分析) over cells, with binary weights that include the cell itself.
///
/// Each result is a z-score: Gi* ≥ 1.96 marks a cell whose neighbourhood sum is significantly high at 95 %.
/// Where Gi* is undefined — fewer than 2 cells, all values equal, or a cell whose neighbourhood is every cell
/// (0/0) — the result is 0, meaning no evidence of a hot spot.
public enum GetisOrd {
    /// Gi* with binary distance-band weights: cells i and j are neighbours when their distance is ≤ `distanceBand`.
    ///
    /// Points are planar coordinates (e.g. metres, or mesh column and row); `points` must have one entry per value.
    /// Distances are computed for every pair, so the cost grows with the square of the number of cells.
    public static func giStar(values: [Double], points: [(x: Double, y: Double)], distanceBand: Double) -> [Double] {
        precondition(points.count == values.count, "GetisOrd: one point per value is required")
        var neighbours: [[Int]] = Array(repeating: [], count: points.count)
        for i in points.indices {
            for j in points.indices {
                let dx = points[i].x - points[j].x
                let dy = points[i].y - points[j].y
                if (dx * dx + dy * dy).squareRoot() <= distanceBand {
                    neighbours[i].append(j)
                }
            }
        }
        return giStar(values: values, neighbours: neighbours)
    }

    /// Gi* with binary weights from a neighbour list (e.g. grid adjacency); `neighbours[i]` lists the cells next to i.
    ///
    /// Cell i always counts as its own neighbour (w_ii = 1) whether or not it is listed, and a repeated index
    /// counts once. Every index must be a valid index into `values` (a precondition).
    public static func giStar(values: [Double], neighbours: [[Int]]) -> [Double] {
        precondition(neighbours.count == values.count, "GetisOrd: one neighbour list per value is required")
        let n = values.count
        guard n >= 2, let first = values.first, values.contains(where: { $0 != first }) else {
            return Array(repeating: 0, count: n)
        }
        let count = Double(n)
        let mean = values.reduce(0, +) / count
        // S² = Σx²/n − X̄², computed as Σ(x − X̄)²/n to avoid cancellation.
        let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
        return neighbours.indices.map { i in
            // Sorted so the floating-point sum is the same on every run (Set order is randomised per process).
            let cell = Set(neighbours[i]).union([i]).sorted()
            precondition(cell.allSatisfy { values.indices.contains($0) }, "GetisOrd: neighbour index out of range")
            // Binary weights: Σw_ij = Σw_ij² = the neighbourhood size.
            let weightSum = Double(cell.count)
            let localSum = cell.reduce(0) { $0 + values[$1] }
            let spread = (count * weightSum - weightSum * weightSum) / (count - 1)
            guard spread > 0 else { return 0 }
            return (localSum - mean * weightSum) / (deviation * spread.squareRoot())
        }
    }
}
