import BikePDCACore
import CSVSupport

/// One CSV record being assembled as UTF-8 bytes, reused from row to row to avoid allocations.
///
/// Fields are separated by commas; text that holds a comma, a double quote or a line break is quoted (RFC 4180).
struct CSVRow {
    private(set) var bytes: [UInt8] = []
    private var fieldCount = 0

    init() {
        bytes.reserveCapacity(256)
    }

    /// A row of plain text fields.
    init(_ fields: [String]) {
        self.init()
        for field in fields {
            append(field)
        }
    }

    /// Empties the row, keeping its storage.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        fieldCount = 0
    }

    /// Appends a text field, quoted (through libcsv, as every CSV of the project) when needed.
    mutating func append(_ text: String) {
        separate()
        CSVWriter.appendField(text, to: &bytes)
    }

    /// Appends an optional text field (empty when `nil`).
    mutating func append(_ text: String?) {
        if let text {
            append(text)
        } else {
            appendEmpty()
        }
    }

    /// Appends bytes known to need no quoting (precomputed ids, codes, dates).
    mutating func append(raw: [UInt8]) {
        separate()
        bytes.append(contentsOf: raw)
    }

    /// Appends bytes known to need no quoting, or an empty field when `nil`.
    mutating func append(raw: [UInt8]?) {
        if let raw {
            append(raw: raw)
        } else {
            appendEmpty()
        }
    }

    /// Appends a decimal integer, or an empty field when `nil`.
    mutating func append(_ value: Int?) {
        if let value {
            append(value)
        } else {
            appendEmpty()
        }
    }

    /// Appends a position as two fields, latitude then longitude with six decimals (about 0.1 m), or two empty
    /// fields when `nil`.
    mutating func append(_ position: Coordinate?) {
        if let position {
            append(position.latitude, decimals: 6)
            append(position.longitude, decimals: 6)
        } else {
            appendEmpty()
            appendEmpty()
        }
    }

    /// Appends an empty field.
    mutating func appendEmpty() {
        separate()
    }

    /// Appends a decimal integer.
    mutating func append(_ value: Int) {
        separate()
        appendDigits(value, width: 1)
    }

    /// Appends a decimal number with exactly `decimals` decimals (0…9), rounded half away from zero.
    mutating func append(_ value: Double, decimals: Int) {
        separate()
        appendFixed(value, decimals: decimals)
    }

    /// Appends `HH:MM`.
    mutating func append(minuteOfDay: Int) {
        separate()
        appendDigits(minuteOfDay / 60, width: 2)
        bytes.append(0x3A)
        appendDigits(minuteOfDay % 60, width: 2)
    }

    private mutating func separate() {
        if fieldCount > 0 {
            bytes.append(0x2C)
        }
        fieldCount += 1
    }

    private mutating func appendDigits(_ value: Int, width: Int) {
        bytes.appendDecimal(value, width: width)
    }

    private mutating func appendFixed(_ value: Double, decimals: Int) {
        bytes.appendFixed(value, decimals: decimals)
    }
}

extension Array where Element == UInt8 {
    /// Appends `value` in decimal, zero-padded to `width` digits.
    mutating func appendDecimal(_ value: Int, width: Int = 1) {
        if value < 0 {
            append(0x2D)
        }
        var magnitude = value.magnitude
        var digitCount = 1
        var probe = magnitude / 10
        while probe > 0 {
            digitCount += 1
            probe /= 10
        }
        let total = Swift.max(width, digitCount)
        let start = count
        append(contentsOf: repeatElement(0x30, count: total))
        var index = start + total - 1
        repeat {
            self[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
            index -= 1
        } while magnitude > 0
    }

    /// Appends `value` with exactly `decimals` decimals (0…9), rounded half away from zero.
    mutating func appendFixed(_ value: Double, decimals: Int) {
        var scale = 1
        for _ in 0..<decimals {
            scale *= 10
        }
        let scaled = Int((value * Double(scale)).rounded())
        if scaled < 0 {
            append(0x2D)
        }
        let magnitude = abs(scaled)
        appendDecimal(magnitude / scale)
        if decimals > 0 {
            append(0x2E)
            appendDecimal(magnitude % scale, width: decimals)
        }
    }
}
