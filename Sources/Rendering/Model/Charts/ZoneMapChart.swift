import BikePDCACore

/// A map of one zone drawn without tiles: its polygon (地区) or its route with the buffer that counts as
/// "on the route" (路線), and accident and enforcement points, in a ``Geo/LocalProjection`` centred on what is
/// drawn, with a scale bar and a north arrow.
public struct ZoneMapChart: Sendable, Hashable {
    /// The chart's title and accessible name.
    public var title: String
    /// The zone's shape; `nil` draws the points only.
    public var geometry: Geometry?
    /// For a route, the half-width in metres drawn around the line (default 30, `Zone.defaultRouteBufferMetres`).
    public var bufferMetres: Double
    /// Accident locations, drawn as circles.
    public var accidents: [Coordinate]
    /// Enforcement locations, drawn as squares.
    public var enforcement: [Coordinate]
    /// A line under the map (how many records had no location); empty for none.
    public var note: String
    /// The ring around the zone with its accidents before and after designation; `nil` draws no ring.
    public var ring: Ring?
    /// Above this many enforcement points they are drawn as shaded grid cells instead of squares, so a route is
    /// not hidden under them; default 200.
    public var enforcementCellThreshold: Int = 200
    /// The legend text of the enforcement cells (their size is appended: 「約40 m 四方ごと」); empty keeps squares.
    public var enforcementCellLabel: String = ""

    /// A ring (周辺) of a fixed width around the zone's edge, and the accidents in it before and after.
    public struct Ring: Sendable, Hashable {
        /// The ring's width beyond the zone's edge (beyond a route's buffer), in metres.
        public var metres: Double
        /// Located accidents in the ring in the before window (drawn as hollow circles).
        public var before: [Coordinate]
        /// Located accidents in the ring in the after window (drawn as filled diamonds).
        public var after: [Coordinate]
        /// The legend text of the ring, e.g. 「周辺 300 m」.
        public var label: String
        /// The legend text of the before points, e.g. 「周辺の事故 (事前)」.
        public var beforeLabel: String
        /// The legend text of the after points, e.g. 「周辺の事故 (事後)」.
        public var afterLabel: String

        /// Creates a ring.
        public init(
            metres: Double, before: [Coordinate], after: [Coordinate], label: String, beforeLabel: String,
            afterLabel: String
        ) {
            self.metres = metres
            self.before = before
            self.after = after
            self.label = label
            self.beforeLabel = beforeLabel
            self.afterLabel = afterLabel
        }
    }

    /// Creates a map; the buffer defaults to `Zone.defaultRouteBufferMetres` (30 m).
    public init(
        title: String,
        geometry: Geometry?,
        bufferMetres: Double = Zone.defaultRouteBufferMetres,
        accidents: [Coordinate] = [],
        enforcement: [Coordinate] = [],
        note: String = ""
    ) {
        self.title = title
        self.geometry = geometry
        self.bufferMetres = bufferMetres
        self.accidents = accidents
        self.enforcement = enforcement
        self.note = note
    }
}
