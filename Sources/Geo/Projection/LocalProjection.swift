import BikePDCACore
import Foundation

/// A local metric projection around a reference coordinate: metres east (`x`) and north (`y`) of it.
///
/// This is a transverse Mercator projection of the GRS80 ellipsoid (the ellipsoid of JGD2011 and, to
/// within 0.1 mm here, of WGS 84) with its central meridian through the reference point and scale 1 on
/// that meridian, computed with Krüger's series to order n⁴ (Karney 2011, "Transverse Mercator with an
/// accuracy of a few nanometers"), the method behind Japan's plane rectangular coordinates (平面直角座標系).
///
/// Why not the simpler equirectangular projection (radii of curvature fixed at the reference latitude):
/// its east–west scale is right only on the reference parallel. At 35° N, 20 km north of the reference the
/// parallel is 0.2 % shorter, so a point 20 km north and 20 km east lands about 45 m off. The transverse
/// Mercator scale error grows only as x²/2R²: 5 parts per million (0.1 m) at 20 km east or west, and
/// nothing north–south, so positions, distances and buffers are good to well under 1 m within 20 km.
public struct LocalProjection: Hashable, Sendable {
    /// The point that projects to (0, 0).
    public let reference: Coordinate
    private let centralMeridian: Double
    private let referenceNorthing: Double

    /// Creates the projection centred on `reference`.
    public init(reference: Coordinate) {
        self.reference = reference
        self.centralMeridian = reference.longitude * .pi / 180
        self.referenceNorthing =
            Self.rectifyingRadius * Self.forward(latitude: reference.latitude * .pi / 180, deltaLongitude: 0).xi
    }

    /// The position of `coordinate` in metres: `x` east and `y` north of the reference point.
    public func project(_ coordinate: Coordinate) -> (x: Double, y: Double) {
        var deltaLongitude = coordinate.longitude * .pi / 180 - centralMeridian
        // Keep the difference in −π…π so shapes near the antimeridian stay whole.
        if deltaLongitude > .pi {
            deltaLongitude -= 2 * .pi
        } else if deltaLongitude < -.pi {
            deltaLongitude += 2 * .pi
        }
        let (xi, eta) = Self.forward(latitude: coordinate.latitude * .pi / 180, deltaLongitude: deltaLongitude)
        return (x: Self.rectifyingRadius * eta, y: Self.rectifyingRadius * xi - referenceNorthing)
    }

    /// The coordinate at `x` metres east and `y` metres north of the reference point.
    public func unproject(x: Double, y: Double) -> Coordinate {
        let xi = (y + referenceNorthing) / Self.rectifyingRadius
        let eta = x / Self.rectifyingRadius
        var xiPrime = xi
        var etaPrime = eta
        Self.forEachHarmonic(xi, eta) { order, sine, cosine, sinhValue, coshValue in
            xiPrime -= Self.beta[order] * sine * coshValue
            etaPrime -= Self.beta[order] * cosine * sinhValue
        }
        let chi = asin(sin(xiPrime) / cosh(etaPrime))
        var latitude = chi
        Self.forEachHarmonic(chi, 0) { order, sine, _, _, _ in
            latitude += Self.delta[order] * sine
        }
        let longitude = centralMeridian + atan2(sinh(etaPrime), cos(xiPrime))
        return Coordinate(latitude: latitude * 180 / .pi, longitude: longitude * 180 / .pi)
    }

    /// The distance in metres between two coordinates measured in this projection (straight line on the plane).
    public func distanceMetres(from start: Coordinate, to end: Coordinate) -> Double {
        let a = project(start)
        let b = project(end)
        return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    // MARK: - Ellipsoid and series constants

    /// GRS80 semi-major axis in metres.
    static let semiMajorAxis = 6_378_137.0
    /// GRS80 flattening.
    static let flattening = 1 / 298.257_222_101
    /// First eccentricity e.
    static let eccentricity = (flattening * (2 - flattening)).squareRoot()
    /// Third flattening n = f / (2 − f).
    private static let n = flattening / (2 - flattening)
    /// The rectifying radius A: a meridian quadrant is A·π/2.
    private static let rectifyingRadius = semiMajorAxis / (1 + n) * (1 + n * n / 4 + n * n * n * n / 64)

    /// Krüger's α (forward), β (inverse) and δ (conformal to geodetic latitude) coefficients, orders 1–4.
    private static let alpha: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        let n4 = n3 * n
        return [
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440,
            61 * n3 / 240 - 103 * n4 / 140,
            49561 * n4 / 161_280,
        ]
    }()
    private static let beta: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        let n4 = n3 * n
        return [
            n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360,
            n2 / 48 + n3 / 15 - 437 * n4 / 1440,
            17 * n3 / 480 - 37 * n4 / 840,
            4397 * n4 / 161_280,
        ]
    }()
    private static let delta: [Double] = {
        let n2 = n * n
        let n3 = n2 * n
        let n4 = n3 * n
        return [
            2 * n - 2 * n2 / 3 - 2 * n3 + 116 * n4 / 45,
            7 * n2 / 3 - 8 * n3 / 5 - 227 * n4 / 45,
            56 * n3 / 15 - 136 * n4 / 35,
            4279 * n4 / 630,
        ]
    }()

    /// Gauss–Krüger ξ, η (in units of the rectifying radius) of a latitude and a longitude difference, radians.
    private static func forward(latitude: Double, deltaLongitude: Double) -> (xi: Double, eta: Double) {
        let sine = sin(latitude)
        let t = sinh(atanh(sine) - eccentricity * atanh(eccentricity * sine))
        let xiPrime = atan2(t, cos(deltaLongitude))
        let etaPrime = atanh(sin(deltaLongitude) / (1 + t * t).squareRoot())
        var xi = xiPrime
        var eta = etaPrime
        forEachHarmonic(xiPrime, etaPrime) { order, sine, cosine, sinhValue, coshValue in
            xi += alpha[order] * sine * coshValue
            eta += alpha[order] * cosine * sinhValue
        }
        return (xi, eta)
    }

    /// Calls `body` for j = 1…4 with sin 2jξ, cos 2jξ, sinh 2jη, cosh 2jη, built by the angle-addition
    /// formulas from j = 1 so that four harmonics cost one sin, cos, sinh and cosh.
    @inline(__always)
    private static func forEachHarmonic(
        _ xi: Double, _ eta: Double, _ body: (Int, Double, Double, Double, Double) -> Void
    ) {
        let sine1 = sin(2 * xi)
        let cosine1 = cos(2 * xi)
        let sinh1 = sinh(2 * eta)
        let cosh1 = cosh(2 * eta)
        var sine = sine1
        var cosine = cosine1
        var sinhValue = sinh1
        var coshValue = cosh1
        for order in 0..<4 {
            body(order, sine, cosine, sinhValue, coshValue)
            (sine, cosine) = (sine * cosine1 + cosine * sine1, cosine * cosine1 - sine * sine1)
            (sinhValue, coshValue) = (sinhValue * cosh1 + coshValue * sinh1, coshValue * cosh1 + sinhValue * sinh1)
        }
    }
}
