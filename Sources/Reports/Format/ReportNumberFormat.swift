/// Number formatting for reports that gives the same characters on every machine: no locale, ASCII digits,
/// `,` thousands separators, `.` decimals, rounding half away from zero, and never `-0`.
enum ReportNumberFormat {
    /// `1234567` → `1,234,567`; `-1234` → `-1,234`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// `value` with exactly `digits` decimals (0…9), grouped when `grouping`: `1234.5` → `1,234.50`.
    /// Non-finite values print as `∞`, `-∞` or `—` (not a number).
    static func fixed(_ value: Double, digits: Int, grouping: Bool = true) -> String {
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
    static func svg(_ value: Double) -> String {
        fixed(value.isFinite ? value : 0, digits: 2, grouping: false)
    }
}
