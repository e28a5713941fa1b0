/// The Weighted Displacement Quotient (加重転移指数, Bowers & Johnson 2003): did accidents move from a zone into
/// the ring around it (displacement, 転移), or did the ring improve too (diffusion of benefits, 効果の波及)?
///
/// Three areas, each counted in a before (0) and an after (1) window of equal length: A the zone, B a ring around
/// it (the zone excluded), C a control area containing neither. S = A1/C1 − A0/C0 (negative: the zone improved
/// against the control), Bm = B1/C1 − B0/C0, WDQ = Bm / S, defined only when S < 0.
public struct DisplacementQuotient: Sendable, Equatable {
    /// What the quotient says, in the terms of Bowers & Johnson.
    public enum Reading: String, Sendable, Equatable, CaseIterable {
        /// WDQ > 0: the ring improved with the zone (効果の波及).
        case diffusion
        /// −1 ≤ WDQ < 0: some of the zone's fall reappeared in the ring (転移), less than was gained.
        case displacement
        /// WDQ < −1: more reappeared in the ring than the zone gained (net harm, 転移が効果を上回る).
        case netHarm
        /// WDQ = 0: the ring moved exactly with the control (変化なし).
        case noChangeInRing
        /// S ≥ 0 or a control count of 0: the zone did not improve against the control, so there is nothing to
        /// displace (WDQ undefined, 判定できない).
        case undefined
    }

    /// Accidents in the zone before and after (A0, A1).
    public var zone: (before: Int, after: Int)
    /// Accidents in the ring before and after (B0, B1).
    public var ring: (before: Int, after: Int)
    /// Accidents in the control area before and after (C0, C1).
    public var control: (before: Int, after: Int)

    /// Creates the quotient's counts.
    public init(zone: (before: Int, after: Int), ring: (before: Int, after: Int), control: (before: Int, after: Int)) {
        self.zone = zone
        self.ring = ring
        self.control = control
    }

    /// Default count below which a window's zone or ring figure is called too small to read (about 10).
    public static let smallCount = 10

    /// S = A1/C1 − A0/C0; `nil` when either control count is 0.
    public var successMeasure: Double? {
        guard control.before > 0, control.after > 0 else { return nil }
        return Double(zone.after) / Double(control.after) - Double(zone.before) / Double(control.before)
    }

    /// Bm = B1/C1 − B0/C0; `nil` when either control count is 0.
    public var bufferMeasure: Double? {
        guard control.before > 0, control.after > 0 else { return nil }
        return Double(ring.after) / Double(control.after) - Double(ring.before) / Double(control.before)
    }

    /// WDQ = Bm / S, defined only when S < 0.
    public var quotient: Double? {
        guard let s = successMeasure, s < 0, let bm = bufferMeasure else { return nil }
        return bm / s
    }

    /// Total net effect TNE = (A0·C1/C0 − A1) + (B0·C1/C0 − B1): accidents avoided in zone and ring together
    /// after the control's trend; `nil` when C0 is 0.
    public var totalNetEffect: Double? {
        guard control.before > 0 else { return nil }
        let trend = Double(control.after) / Double(control.before)
        return (Double(zone.before) * trend - Double(zone.after)) + (Double(ring.before) * trend - Double(ring.after))
    }

    /// What the quotient says.
    public var reading: Reading {
        guard let wdq = quotient else { return .undefined }
        if wdq > 0 { return .diffusion }
        if wdq < -1 { return .netHarm }
        if wdq < 0 { return .displacement }
        return .noChangeInRing
    }

    /// Whether any zone or ring count is below ``smallCount``: the ratios are then mostly noise.
    public var hasSmallCounts: Bool {
        [zone.before, zone.after, ring.before, ring.after].contains { $0 < Self.smallCount }
    }

    /// Equality of the six counts.
    public static func == (lhs: DisplacementQuotient, rhs: DisplacementQuotient) -> Bool {
        lhs.zone == rhs.zone && lhs.ring == rhs.ring && lhs.control == rhs.control
    }
}
