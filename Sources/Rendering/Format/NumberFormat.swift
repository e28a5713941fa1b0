/// Number formatting that gives the same characters on every machine: no locale, ASCII digits, `,` thousands
/// separators, `.` decimals, rounding half away from zero, and never `-0`.
///
/// The one formatter of the toolkit: report cells, report wording and the `metrics` table all print through it.
public enum NumberFormat {
    /// `1234567` → `1,234,567`; `-1234` → `-1,234`.
    public static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` with exactly `digits` decimals (0…9, default 2), grouped when `grouping`: `1234.5` → `1,234.50`.
    /// Non-finite values print as `∞`, `-∞` or `—` (not a number).
    public static func fixed(_ value: Double, digits: Int = 2, grouping: Bool = true) -> String {
        guard value.isFinite else {
            if value.isNaN { return "—" }
            return value > 0 ? "∞" : "-∞"
        }
        let places = min(max(digits, 0), 9)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded(.toNearestOrAwayFromZero)
        // Beyond 2^53 a Double has no decimals left to print and Int may overflow: print without them.
        guard scaled < 9.0e15 else { return value.description }
        let units = Int(scaled)
        let divisor = Int(scale)
        let whole = units / divisor
        let fraction = units % divisor
        var text = grouping ? grouped(whole) : String(whole)
        if places > 0 {
            let fractionDigits = String(fraction)
            text += "." + String(repeating: "0", count: places - fractionDigits.count) + fractionDigits
        }
        return units > 0 && value < 0 ? "-" + text : text
    }

    /// SVG coordinates and lengths: two decimals, no grouping (`12.50`).
    public static func svg(_ value: Double) -> String {
        fixed(value.isFinite ? value : 0, digits: 2, grouping: false)
    }

    /// A signed percentage with one decimal: `+12.5%`, `-3.0%`, `0.0%`.
    public static func signedPercent(_ value: Double) -> String {
        let text = fixed(value, digits: 1)
        return (value > 0 && text != "0.0" ? "+" : "") + text + "%"
    }
}
