import BikePDCACore

extension Coordinate {
    /// Reads an NPA open-data latitude `DDMMSSsss` (degrees, minutes, thousandths of a second: `360447337` is
    /// 36°04′47.337″ = 36.0798158); `nil` for all zeros (missing), a wrong length, or minutes or seconds ≥ 60.
    public static func npaLatitude(_ text: some StringProtocol) -> Double? {
        npaDegrees(text, degreeDigits: 2, maximum: 90)
    }

    /// Reads an NPA open-data longitude `DDDMMSSsss` (`1362146018` is 136°21′46.018″ = 136.3627828); `nil` for
    /// all zeros (missing), a wrong length, or minutes or seconds ≥ 60.
    public static func npaLongitude(_ text: some StringProtocol) -> Double? {
        npaDegrees(text, degreeDigits: 3, maximum: 180)
    }

    /// Packed degrees-minutes-seconds with `degreeDigits` digits of degrees and 7 after them; surrounding
    /// spaces are ignored because fixed-width exports pad with them.
    private static func npaDegrees(_ text: some StringProtocol, degreeDigits: Int, maximum: Double) -> Double? {
        let bytes = text.utf8.drop { $0 == UInt8(ascii: " ") }.reversed().drop { $0 == UInt8(ascii: " ") }.reversed()
        guard bytes.count == degreeDigits + 7,
            bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { return nil }
        let digits = bytes.map { Int($0 - UInt8(ascii: "0")) }
        let number = { (range: Range<Int>) in digits[range].reduce(0) { $0 * 10 + $1 } }
        let degrees = number(0..<degreeDigits)
        let minutes = number(degreeDigits..<degreeDigits + 2)
        let thousandthsOfSecond = number(degreeDigits + 2..<degreeDigits + 7)
        guard degrees + minutes + thousandthsOfSecond > 0, minutes < 60, thousandthsOfSecond < 60_000 else {
            return nil
        }
        let value = Double(degrees) + Double(minutes) / 60 + Double(thousandthsOfSecond) / 3_600_000
        return value <= maximum ? value : nil
    }
}
