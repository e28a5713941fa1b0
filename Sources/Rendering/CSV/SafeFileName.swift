/// A file name made from data (a zone or station name, a caption) that is safe to join to the output folder
/// on Linux, macOS and Windows: it keeps Japanese and other letters, and can never name a folder, climb out
/// of the folder, or hide.
///
/// Path separators (`/`, `\`, and their full-width forms), characters Windows forbids (`: * ? " < > |`),
/// control, format and bidirectional characters (such as U+202E, which can disguise `exe` as `txt`) and
/// whitespace become `_`; a run of dots and underscores collapses to one `_` (or one `.` if it is all dots), so
/// `..` never survives; leading and trailing dots, underscores and spaces go; Windows device names (`CON`, `NUL`, `COM1`…) get a `_`
/// prefix. A result longer than `maximumBytes` UTF-8 bytes (default 150) is cut on a character boundary and
/// ends with `~` and eight hex digits of a hash of the whole `name`, so two names that share a long prefix
/// still get two file names. An empty result is `report`. The extension is the caller's to add.
public func safeFileName(_ name: String, maximumBytes: Int = 150) -> String {
    var mapped = ""
    for scalar in name.unicodeScalars {
        mapped.unicodeScalars.append(isUnsafeInFileName(scalar) ? "_" : scalar)
    }
    // A run of dots and underscores becomes one `_` if it holds an underscore (`_.._` from `/../`), else one
    // dot: `..` never survives.
    var collapsed = ""
    var run = ""
    func flushRun() {
        if !run.isEmpty { collapsed += run.contains("_") ? "_" : "." }
        run = ""
    }
    for character in mapped {
        if character == "." || character == "_" {
            run.append(character)
        } else {
            flushRun()
            collapsed.append(character)
        }
    }
    flushRun()
    var trimmed = Substring(collapsed)
    while let first = trimmed.first, first == "." || first == "_" || first == " " { trimmed = trimmed.dropFirst() }
    while let last = trimmed.last, last == "." || last == "_" || last == " " { trimmed = trimmed.dropLast() }
    var result = String(trimmed)
    let stem = result.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
    let devices = Set(
        ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
    if devices.contains(stem) { result = "_" + result }
    if result.utf8.count > maximumBytes {
        let tag = "~" + hexDigest(name)
        var cut = ""
        for character in result {
            if cut.utf8.count + String(character).utf8.count > max(maximumBytes - tag.utf8.count, 1) { break }
            cut.append(character)
        }
        result = cut
        while let last = result.last, last == "." || last == "_" || last == " " { result.removeLast() }
        result += tag
    }
    return result.isEmpty ? "report" : result
}

/// Eight hex digits of the 64-bit FNV-1a hash of `text`'s UTF-8 bytes (stable across runs and machines).
private func hexDigest(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash &*= 0x0000_0100_0000_01b3
    }
    let folded = UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    let digits = String(folded, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
}

private func isUnsafeInFileName(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\u{FF0F}", "\u{FF3C}", "\u{2215}", "\u{2044}":
        return true
    default:
        break
    }
    if scalar.properties.isWhitespace { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
        return true
    default:
        return false
    }
}
