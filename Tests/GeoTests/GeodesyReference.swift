import BikePDCACore
import Foundation

/// Independent geodesy for expected values: textbook formulas on GRS80, written out here rather than
/// taken from the module under test.
enum GeodesyReference {
    static let semiMajorAxis = 6_378_137.0
    static let flattening = 1 / 298.257_222_101
    static let eccentricitySquared = flattening * (2 - flattening)

    /// Meridional radius of curvature M = a(1 − e²) / (1 − e² sin²φ)^(3/2), metres.
    static func meridionalRadius(atLatitude degrees: Double) -> Double {
        let sine = sin(degrees * .pi / 180)
        return semiMajorAxis * (1 - eccentricitySquared) / pow(1 - eccentricitySquared * sine * sine, 1.5)
    }

    /// Prime-vertical radius of curvature N = a / √(1 − e² sin²φ), metres.
    static func primeVerticalRadius(atLatitude degrees: Double) -> Double {
        let sine = sin(degrees * .pi / 180)
        return semiMajorAxis / (1 - eccentricitySquared * sine * sine).squareRoot()
    }

    /// Metres along the meridian for `degrees` of latitude centred on `latitude` (midpoint rule).
    static func metres(ofLatitudeDegrees degrees: Double, around latitude: Double) -> Double {
        meridionalRadius(atLatitude: latitude) * degrees * .pi / 180
    }

    /// Metres along the parallel at `latitude` for `degrees` of longitude: N cos φ Δλ.
    static func metres(ofLongitudeDegrees degrees: Double, atLatitude latitude: Double) -> Double {
        primeVerticalRadius(atLatitude: latitude) * cos(latitude * .pi / 180) * degrees * .pi / 180
    }

    /// Great-circle distance on a sphere of the IUGG mean radius 6 371 008.8 m (good to about 0.5 %).
    static func haversineMetres(_ start: Coordinate, _ end: Coordinate) -> Double {
        let radius = 6_371_008.8
        let phi1 = start.latitude * .pi / 180
        let phi2 = end.latitude * .pi / 180
        let dPhi = phi2 - phi1
        let dLambda = (end.longitude - start.longitude) * .pi / 180
        let h = sin(dPhi / 2) * sin(dPhi / 2) + cos(phi1) * cos(phi2) * sin(dLambda / 2) * sin(dLambda / 2)
        return 2 * radius * asin(h.squareRoot())
    }

    /// Vincenty's inverse formula (1975) on GRS80: the ellipsoidal geodesic distance, good to well under 1 mm.
    static func vincentyMetres(_ start: Coordinate, _ end: Coordinate) -> Double {
        let a = semiMajorAxis
        let f = flattening
        let b = a * (1 - f)
        let longitudeDifference = (end.longitude - start.longitude) * .pi / 180
        let u1 = atan((1 - f) * tan(start.latitude * .pi / 180))
        let u2 = atan((1 - f) * tan(end.latitude * .pi / 180))
        let (sinU1, cosU1, sinU2, cosU2) = (sin(u1), cos(u1), sin(u2), cos(u2))
        var lambda = longitudeDifference
        var sinSigma = 0.0
        var cosSigma = 0.0
        var sigma = 0.0
        var cosSquaredAlpha = 0.0
        var cos2SigmaM = 0.0
        for _ in 0..<200 {
            let sinLambda = sin(lambda)
            let cosLambda = cos(lambda)
            let p = cosU2 * sinLambda
            let q = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda
            sinSigma = (p * p + q * q).squareRoot()
            if sinSigma == 0 { return 0 }
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda
            sigma = atan2(sinSigma, cosSigma)
            let sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma
            cosSquaredAlpha = 1 - sinAlpha * sinAlpha
            cos2SigmaM = cosSquaredAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSquaredAlpha
            let c = f / 16 * cosSquaredAlpha * (4 + f * (4 - 3 * cosSquaredAlpha))
            let previous = lambda
            lambda =
                longitudeDifference + (1 - c) * f * sinAlpha
                * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)))
            if abs(lambda - previous) < 1e-13 { break }
        }
        let uSquared = cosSquaredAlpha * (a * a - b * b) / (b * b)
        let bigA = 1 + uSquared / 16384 * (4096 + uSquared * (-768 + uSquared * (320 - 175 * uSquared)))
        let bigB = uSquared / 1024 * (256 + uSquared * (-128 + uSquared * (74 - 47 * uSquared)))
        let deltaSigma =
            bigB * sinSigma
            * (cos2SigmaM + bigB / 4
                * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) - bigB / 6 * cos2SigmaM
                    * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)))
        return b * bigA * (sigma - deltaSigma)
    }
}
