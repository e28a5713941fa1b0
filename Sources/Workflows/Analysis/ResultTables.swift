import Analytics
import CSVSupport
import Foundation
import Geo

/// The Act list and the hot spots as rows of text cells, the header first: what `bikepdca act --format csv` and
/// `bikepdca hotspots` print, and what the browser app shows, from one place.
public enum ResultTables {
    /// The Act list's columns.
    public static let actHeader = ["kind", "subject", "station", "department", "zone", "reason"]

    /// The header and one row per recommendation.
    public static func actRows(_ recommendations: [Recommendation]) -> [[String]] {
        [actHeader]
            + recommendations.map {
                [
                    $0.kind.rawValue, $0.subject, $0.stationID ?? "", $0.department?.rawValue ?? "", $0.zoneID ?? "",
                    $0.reason,
                ]
            }
    }

    /// The hot spots' columns.
    public static let hotSpotHeader = [
        "rank", "mesh", "accidents", "fatal_or_serious", "gi_star", "latitude", "longitude", "overlaps_zone",
        "candidate",
    ]

    /// The header and one row per cell, ranked as given.
    public static func hotSpotRows(_ cells: [HotSpotCell]) -> [[String]] {
        var rows = [hotSpotHeader]
        for (index, cell) in cells.enumerated() {
            rows.append([
                String(index + 1), cell.mesh, String(cell.count), String(cell.fatalOrSerious),
                String(format: "%.3f", cell.giStar), String(format: "%.6f", cell.latitude),
                String(format: "%.6f", cell.longitude), cell.overlapsZone ? "yes" : "no",
                cell.isCandidate ? "yes" : "no",
            ])
        }
        return rows
    }

    /// The grid of `--mesh`: `3` (about 1 km), `half` (500 m) or `quarter` (250 m), with their other spellings.
    public static func meshLevel(_ text: String) -> MeshLevel? {
        switch text {
        case "3", "third", "1km": .third
        case "half", "2", "500m": .half
        case "quarter", "4", "250m": .quarter
        default: nil
        }
    }

    /// `rows` as CSV bytes (formulas neutralised, as every CSV this project writes), with a UTF-8 byte order mark
    /// unless `byteOrderMark` is false.
    public static func csv(_ rows: [[String]], byteOrderMark: Bool = true) -> [UInt8] {
        var writer = CSVWriter(writesByteOrderMark: byteOrderMark)
        for row in rows { writer.appendRow(row) }
        return writer.data
    }
}
