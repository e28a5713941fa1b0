import BikePDCACore

/// A cell of the Japanese standard grid squares (地域メッシュ, JIS X 0410), such as 3rd mesh `53394611`.
///
/// Codes are built digit by digit as in the standard: `pp uu` for the 1st mesh (p = ⌊latitude × 1.5⌋,
/// u = ⌊longitude − 100⌋), then `q v` (8 × 8 split), `r w` (10 × 10 split), then one digit per 2 × 2 split
/// for the half and quarter mesh (1 = south-west, 2 = south-east, 3 = north-west, 4 = north-east).
/// Codes exist for latitudes 0…66°40′ N and longitudes 100…200° E, where `pp` and `uu` fit in two digits.
public struct MeshCode: Hashable, Sendable, CustomStringConvertible {
    /// The code's digits, e.g. `533946113` (written out on demand: a national hot-spot grid holds some 800,000
    /// cells and neighbours, most never printed).
    public var code: String { Self.code(row: row, column: column, level: level) }
    /// The level, given by the number of digits.
    public let level: MeshLevel
    // The south-west corner in quarter-mesh steps north of the equator and east of 100° E; with the level
    // this is all a cell is, and it makes neighbours simple arithmetic with no carry rules.
    private let row: Int
    private let column: Int

    /// Quarter-mesh steps per degree of latitude (7.5″) and of longitude (11.25″).
    private static let rowsPerDegree = 480.0
    private static let columnsPerDegree = 320.0
    /// Rows or columns of quarter meshes that two-digit `pp` and `uu` can number (100 1st meshes).
    private static let stepsPerAxis = 100 * 320

    /// The cell of `level` that holds `coordinate`, or `nil` outside the area codes exist for.
    ///
    /// A point on a cell's south or west edge belongs to that cell.
    public init?(coordinate: Coordinate, level: MeshLevel) {
        // Cell indices come from one multiplication and one floor, rather than the successive
        // subtractions of the textbook recipe, so no rounding error builds up digit by digit.
        let rowValue = (coordinate.latitude * Self.rowsPerDegree).rounded(.down)
        let columnValue = ((coordinate.longitude - 100) * Self.columnsPerDegree).rounded(.down)
        let limit = Double(Self.stepsPerAxis)
        guard rowValue >= 0, rowValue < limit, columnValue >= 0, columnValue < limit else { return nil }
        self.init(row: Int(rowValue), column: Int(columnValue), level: level)
    }

    /// Reads a 4-, 6-, 8-, 9- or 10-digit code; `nil` if it is not one (e.g. a 2nd-mesh digit above 7).
    public init?(code: String) {
        let digits = code.utf8.map { Int($0) - 48 }
        guard let level = MeshLevel(codeLength: digits.count), digits.allSatisfy({ (0...9).contains($0) }) else {
            return nil
        }
        var row = (digits[0] * 10 + digits[1]) * 320
        var column = (digits[2] * 10 + digits[3]) * 320
        if level >= .second {
            guard digits[4] <= 7, digits[5] <= 7 else { return nil }
            row += digits[4] * 40
            column += digits[5] * 40
        }
        if level >= .third {
            row += digits[6] * 4
            column += digits[7] * 4
        }
        for (position, steps) in [(8, 2), (9, 1)] where position < digits.count {
            guard (1...4).contains(digits[position]) else { return nil }
            let quadrant = digits[position] - 1
            row += (quadrant / 2) * steps
            column += (quadrant % 2) * steps
        }
        self.init(row: row, column: column, level: level)
    }

    private init(row: Int, column: Int, level: MeshLevel) {
        let steps = level.quarterSteps
        let row = row - row % steps
        let column = column - column % steps
        self.row = row
        self.column = column
        self.level = level
    }

    /// The cell's extent: south and west edges inclusive, north and east edges belong to the next cells.
    public var bounds: BoundingBox {
        let steps = Double(level.quarterSteps)
        return BoundingBox(
            minLatitude: Double(row) / Self.rowsPerDegree,
            minLongitude: 100 + Double(column) / Self.columnsPerDegree,
            maxLatitude: (Double(row) + steps) / Self.rowsPerDegree,
            maxLongitude: 100 + (Double(column) + steps) / Self.columnsPerDegree)
    }

    /// The centre of the cell.
    public var centre: Coordinate {
        let steps = Double(level.quarterSteps)
        return Coordinate(
            latitude: (Double(row) + steps / 2) / Self.rowsPerDegree,
            longitude: 100 + (Double(column) + steps / 2) / Self.columnsPerDegree)
    }

    /// The cells of the same level that share an edge or a corner with this one, carrying across 2nd and
    /// 1st mesh boundaries (the cell east of `53394619` is `53394700`), in the order south-west, south,
    /// south-east, west, east, north-west, north, north-east; fewer than 8 at the edge of the coded area.
    public func neighbours() -> [MeshCode] {
        let steps = level.quarterSteps
        var result: [MeshCode] = []
        result.reserveCapacity(8)
        for rowOffset in -1...1 {
            for columnOffset in -1...1 where rowOffset != 0 || columnOffset != 0 {
                let neighbourRow = row + rowOffset * steps
                let neighbourColumn = column + columnOffset * steps
                guard (0..<Self.stepsPerAxis).contains(neighbourRow),
                    (0..<Self.stepsPerAxis).contains(neighbourColumn)
                else { continue }
                result.append(MeshCode(row: neighbourRow, column: neighbourColumn, level: level))
            }
        }
        return result
    }

    /// The code.
    public var description: String { code }

    private static func code(row: Int, column: Int, level: MeshLevel) -> String {
        let p = row / 320
        let q = row % 320 / 40
        let r = row % 40 / 4
        let u = column / 320
        let v = column % 320 / 40
        let w = column % 40 / 4
        let digits = [
            p / 10, p % 10, u / 10, u % 10, q, v, r, w, 1 + column % 4 / 2 + 2 * (row % 4 / 2),
            1 + column % 2 + 2 * (row % 2),
        ]
        return String(decoding: digits.prefix(level.codeLength).map { UInt8(48 + $0) }, as: UTF8.self)
    }
}
