import Foundation

/// Colours of the charts: the Okabe–Ito palette (distinguishable with the common colour-vision
/// deficiencies) for categories, and a light-to-dark yellow–green–blue ramp (ColorBrewer YlGnBu, also
/// colour-blind safe) for the heat map; shapes and labels carry the meaning too, never colour alone.
enum ChartPalette {
    /// Category colours in order: blue, orange, bluish green, reddish purple, sky blue, vermillion, black,
    /// yellow (last: it is faint on white).
    static let categorical = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442"]

    /// The colour of category `index`, cycling through ``categorical``.
    static func category(_ index: Int) -> String { categorical[index % categorical.count] }

    /// The heat map's colour for a zero cell.
    static let zero = "#F2F2F2"
    /// The heat map's eight bins, lightest first.
    static let sequential = ["#EDF8B1", "#C7E9B4", "#7FCDBB", "#41B6C4", "#1D91C0", "#225EA8", "#253494", "#081D58"]

    /// Accident points (vermillion) and enforcement points (blue) on maps; zones in bluish green.
    static let accident = "#D55E00"
    static let enforcement = "#0072B2"
    static let zone = "#009E73"
    static let zoneLine = "#006B4F"

    /// Axis and grid greys, and the text colour.
    static let axis = "#666666"
    static let grid = "#E3E3E3"
    static let text = "#222222"
    static let mutedText = "#555555"

    /// Black or white, whichever contrasts more with `hex` (`#RRGGBB`), for a label drawn on it.
    static func textColour(on hex: String) -> String {
        let luminance = relativeLuminance(hex)
        // Contrast with black (L + 0.05) / 0.05 against contrast with white 1.05 / (L + 0.05).
        return (luminance + 0.05) * (luminance + 0.05) > 0.0525 ? "#000000" : "#FFFFFF"
    }

    private static func relativeLuminance(_ hex: String) -> Double {
        let digits = Array(hex.utf8.dropFirst())
        guard digits.count == 6 else { return 1 }
        func channel(_ offset: Int) -> Double {
            let high = hexValue(digits[offset])
            let low = hexValue(digits[offset + 1])
            let value = Double(high * 16 + low) / 255
            return value <= 0.039_28 ? value / 12.92 : linearised(value)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    private static func linearised(_ value: Double) -> Double {
        pow((value + 0.055) / 1.055, 2.4)
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(byte - UInt8(ascii: "A")) + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
        default: 0
        }
    }
}
