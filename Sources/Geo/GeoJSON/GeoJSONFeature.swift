import BikePDCACore

/// One feature of a GeoJSON `FeatureCollection`: a zone row whose fields are in `properties`.
public struct GeoJSONFeature: Hashable, Sendable {
    /// The feature's 1-based position in the collection, as used in messages (`feature 3: ...`).
    public let index: Int
    /// The `properties` members as text: strings as they are, numbers and booleans written out
    /// (`30`, `12.5`, `true`), arrays and objects as compact JSON; `null` members are left out.
    public let properties: [String: String]
    /// The feature's geometry, or `nil` when it is `null` or missing.
    public let geometry: Geometry?

    /// Creates a feature.
    public init(index: Int, properties: [String: String], geometry: Geometry?) {
        self.index = index
        self.properties = properties
        self.geometry = geometry
    }
}
