import BikePDCACore

/// Zone shapes bucketed by the second-mesh cells (二次メッシュ, 5′ × 7.5′, about 10 km) their bounding boxes touch,
/// so that the shapes which may hold a point are found without testing every shape.
///
/// A national set has some 1,900 zones; testing each of them for each of 100,000 hot-spot cells took seconds.
public struct ZoneShapeGrid: Sendable {
    private let shapes: [ZoneShape]
    private var buckets: [Int: [Int]] = [:]
    /// Shapes whose boxes cover more than ``maximumCells`` cells: tested for every point.
    private var everywhere: [Int] = []

    /// A shape covering more cells than this (a box over 40 × 40 cells, about 400 km) is not bucketed.
    static let maximumCells = 1_600

    /// Buckets `shapes`.
    public init(_ shapes: [ZoneShape]) {
        self.shapes = shapes
        for (index, shape) in shapes.enumerated() {
            let box = shape.boundingBox
            let (rowLow, columnLow) = Self.cell(latitude: box.minLatitude, longitude: box.minLongitude)
            let (rowHigh, columnHigh) = Self.cell(latitude: box.maxLatitude, longitude: box.maxLongitude)
            guard rowHigh >= rowLow, columnHigh >= columnLow,
                (rowHigh - rowLow + 1) * (columnHigh - columnLow + 1) <= Self.maximumCells
            else {
                everywhere.append(index)
                continue
            }
            for row in rowLow...rowHigh {
                for column in columnLow...columnHigh { buckets[Self.key(row, column), default: []].append(index) }
            }
        }
    }

    /// Whether any shape holds `coordinate` (``ZoneShape/contains(_:)``).
    public func anyContains(_ coordinate: Coordinate) -> Bool {
        let (row, column) = Self.cell(latitude: coordinate.latitude, longitude: coordinate.longitude)
        let candidates = buckets[Self.key(row, column)] ?? []
        return candidates.contains { shapes[$0].contains(coordinate) }
            || everywhere.contains { shapes[$0].contains(coordinate) }
    }

    /// The second-mesh row and column of a position (rows of 1/12°, columns of 1/8° from 100° E).
    private static func cell(latitude: Double, longitude: Double) -> (row: Int, column: Int) {
        let row = (latitude * 12).rounded(.down)
        let column = ((longitude - 100) * 8).rounded(.down)
        // Positions far outside any real grid (or not numbers) share one bucket; the exact test still decides.
        guard row.isFinite, column.isFinite, abs(row) < 100_000, abs(column) < 100_000 else { return (0, 0) }
        return (Int(row), Int(column))
    }

    private static func key(_ row: Int, _ column: Int) -> Int { row * 1_000_000 + column }
}
