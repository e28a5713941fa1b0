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
