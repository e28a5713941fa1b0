import BikePDCACore
import Geo

/// The displacement check (転移・効果の波及の確認) of one zone: accidents in the zone, in a ring around it and in
/// the rest of its station's roads, before and after designation, and the Weighted Displacement Quotient.
///
/// The three areas of Bowers & Johnson (2003): A the zone (its attributed accidents, K and L); B the ring, the
/// station's accidents outside every zone within ``ringMetres`` of the zone's edge (of a route's buffer); C the
/// control, the station's other accidents outside every zone and beyond the ring (the comparison group M, N
/// less the ring). Accidents in other zones are in none of them; ring accidents of a neighbouring station are
/// left out, as the comparison group is the zone's own station.
public struct ZoneDisplacement: Sendable, Equatable {
    /// Default ring width beyond the zone's edge: 300 m (a few blocks, the distance a rider detours).
    public static let defaultRingMetres = 300.0

    /// The ring's width beyond the zone's edge (or beyond a route's buffer), in metres.
    public var ringMetres: Double
    /// The before window's label.
    public var beforeLabel: String
    /// The after window's label.
    public var afterLabel: String
    /// The counts and the quotient.
    public var quotient: DisplacementQuotient
    /// Located ring accidents of the before window, for the map.
    public var ringBefore: [Coordinate]
    /// Located ring accidents of the after window, for the map.
    public var ringAfter: [Coordinate]

    /// Creates the check from its parts.
    public init(
        ringMetres: Double, beforeLabel: String, afterLabel: String, quotient: DisplacementQuotient,
        ringBefore: [Coordinate], ringAfter: [Coordinate]
    ) {
        self.ringMetres = ringMetres
        self.beforeLabel = beforeLabel
        self.afterLabel = afterLabel
        self.quotient = quotient
        self.ringBefore = ringBefore
        self.ringAfter = ringAfter
    }

    /// Whether `point` lies in the ring of `shape`: outside the zone and within `ringMetres` of its edge (of the
    /// buffer for a route).
    public static func isInRing(_ point: Coordinate, of shape: ZoneShape, ringMetres: Double) -> Bool {
        let distance = shape.distanceMetres(to: point)
        let edge = shape.isAreal ? 0 : shape.bufferMetres
        return distance > edge && distance <= edge + ringMetres
    }

    /// The check of `zone` from its before–after counts and the located accidents of its station outside every
    /// zone in each window; `nil` when the zone has no shape.
    ///
    /// - Parameters:
    ///   - counts: the zone's before–after counts (K, L; M, N its station's roads outside zones).
    ///   - outsideBefore: located accidents of the station outside every zone in the before window.
    ///   - outsideAfter: the same in the after window.
    public static func check(
        _ zone: Zone, counts: BeforeAfterCounts, outsideBefore: [Coordinate], outsideAfter: [Coordinate],
        ringMetres: Double = defaultRingMetres
    ) -> ZoneDisplacement? {
        guard let shape = ZoneShape(zone: zone) else { return nil }
        let ringBefore = outsideBefore.filter { isInRing($0, of: shape, ringMetres: ringMetres) }
        let ringAfter = outsideAfter.filter { isInRing($0, of: shape, ringMetres: ringMetres) }
        return ZoneDisplacement(
            ringMetres: ringMetres, beforeLabel: counts.beforeLabel, afterLabel: counts.afterLabel,
            quotient: DisplacementQuotient(
                zone: (counts.before, counts.after), ring: (ringBefore.count, ringAfter.count),
                control: (
                    max(0, counts.comparisonBefore - ringBefore.count), max(0, counts.comparisonAfter - ringAfter.count)
                )),
            ringBefore: ringBefore, ringAfter: ringAfter)
    }
}
