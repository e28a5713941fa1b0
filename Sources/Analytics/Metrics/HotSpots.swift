import BikePDCACore
import Geo

/// One grid cell of the hot-spot analysis (ホットスポット分析).
public struct HotSpotCell: Sendable, Equatable, Encodable {
    /// The JIS X 0410 mesh code (地域メッシュコード).
    public var mesh: String
    /// Accidents in the cell (outside zones).
    public var count: Int
    /// Of which fatal or serious.
    public var fatalOrSerious: Int
    /// Getis–Ord Gi* z-score over the cell and its 8 neighbours.
    public var giStar: Double
    /// Centre latitude.
    public var latitude: Double
    /// Centre longitude.
    public var longitude: Double
    /// Whether the cell's centre lies inside a designated zone's shape.
    public var overlapsZone: Bool
    /// Whether the cell is a candidate designation: outside zones, enough accidents, Gi* significant.
    public var isCandidate: Bool
}

/// Hot spots of bicycle accidents outside every zone, on the JIS X 0410 grid, ranked by count and Gi*.
public enum HotSpots {
    /// Ranks the cells of `level` built from quarter-mesh `tallies`.
    ///
    /// The study area is every cell with an accident plus its 8 neighbours (counted 0), so Gi* compares a
    /// neighbourhood with its surroundings rather than only with other hot cells. Weights are binary: a cell and
    /// the 8 cells around it (``MeshCode/neighbours()``). A cell is a candidate when its centre is outside every
    /// zone shape, it has at least `minimumCount` accidents and Gi* ≥ `minimumZ`. Sorted by count, then Gi*.
    public static func rank(
        _ tallies: [GridCellTally], level: MeshLevel, zoneShapes: [ZoneShape] = [], minimumCount: Int = 3,
        minimumZ: Double = 1.96
    ) -> [HotSpotCell] {
        var counts: [MeshCode: (count: Int, severe: Int)] = [:]
        for tally in tallies {
            let centre = Coordinate(
                latitude: (Double(tally.row) + 0.5) / 480, longitude: 100 + (Double(tally.column) + 0.5) / 320)
            guard let code = MeshCode(coordinate: centre, level: level) else { continue }
            let old = counts[code] ?? (0, 0)
            counts[code] = (old.count + tally.count, old.severe + tally.fatalOrSerious)
        }
        var cells = Array(counts.keys)
        var seen = Set(cells)
        for code in counts.keys {
            for neighbour in code.neighbours() where !seen.contains(neighbour) {
                seen.insert(neighbour)
                cells.append(neighbour)
            }
        }
        // In code order (each code written out once, and kept for the result).
        let coded = cells.map { (code: $0.code, cell: $0) }.sorted { $0.code < $1.code }
        cells = coded.map(\.cell)
        let index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        let values = cells.map { Double(counts[$0]?.count ?? 0) }
        let neighbours = cells.map { cell in cell.neighbours().compactMap { index[$0] } }
        let z = GetisOrd.giStar(values: values, neighbours: neighbours)
        var result: [HotSpotCell] = []
        let grid = ZoneShapeGrid(zoneShapes)
        for (i, cell) in cells.enumerated() {
            guard let figures = counts[cell] else { continue }
            let centre = cell.centre
            let overlaps = grid.anyContains(centre)
            result.append(
                HotSpotCell(
                    mesh: coded[i].code, count: figures.count, fatalOrSerious: figures.severe, giStar: z[i],
                    latitude: centre.latitude, longitude: centre.longitude, overlapsZone: overlaps,
                    isCandidate: !overlaps && figures.count >= minimumCount && z[i] >= minimumZ))
        }
        return result.sorted { ($0.count, $0.giStar, $1.mesh) > ($1.count, $1.giStar, $0.mesh) }
    }
}
