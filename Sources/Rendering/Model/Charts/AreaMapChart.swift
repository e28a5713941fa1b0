import BikePDCACore

/// A map of many zones at once (a station's or a prefecture's), drawn without tiles: each zone's shape where it
/// lies, with a short label, and the accident hot-spot cells outside the zones numbered by their rank in the
/// report's table, in a ``Geo/LocalProjection`` with a scale bar and a north arrow.
public struct AreaMapChart: Sendable, Hashable {
    /// One zone: its shape and the label drawn beside it.
    public struct Zone: Sendable, Hashable {
        /// A short name, e.g. the zone id (`58101-D02`) or its last part (`D02`).
        public var label: String
        public var geometry: Geometry
        /// For a route, the half-width that counts as on the route, in metres.
        public var bufferMetres: Double

        /// Creates a zone.
        public init(
            label: String, geometry: Geometry, bufferMetres: Double = BikePDCACore.Zone.defaultRouteBufferMetres
        ) {
            self.label = label
            self.geometry = geometry
            self.bufferMetres = bufferMetres
        }
    }

    /// One hot-spot cell: a grid square (地域メッシュ) with its rank.
    public struct Cell: Sendable, Hashable {
        /// The rank in the report's hot-spot table, drawn in the cell.
        public var rank: Int
        /// The cell's extent.
        public var bounds: BoundingBox
        /// Whether it is a candidate designation (drawn darker).
        public var isCandidate: Bool

        /// Creates a cell.
        public init(rank: Int, bounds: BoundingBox, isCandidate: Bool) {
            self.rank = rank
            self.bounds = bounds
            self.isCandidate = isCandidate
        }
    }

    /// The chart's title and accessible name.
    public var title: String
    public var zones: [Zone]
    public var cells: [Cell]
    /// Legend text of the hot-spot cells, e.g. 「事故多発メッシュ (番号は表の順位)」.
    public var cellLabel: String
    /// Legend text of the candidate cells, e.g. 「うち新規指定の候補」.
    public var candidateLabel: String
    /// A line under the map; empty for none.
    public var note: String

    /// Creates a map.
    public init(
        title: String, zones: [Zone], cells: [Cell], cellLabel: String, candidateLabel: String, note: String = ""
    ) {
        self.title = title
        self.zones = zones
        self.cells = cells
        self.cellLabel = cellLabel
        self.candidateLabel = candidateLabel
        self.note = note
    }
}
