/// The file names of one report run, unique by construction: each report's base name is chosen so that none of its
/// files (`<base>.html`, `<base>_NN_<caption>.csv`) takes a name already given in the run, compared without case
/// (as on the case-insensitive disks of Windows and macOS).
public struct ReportFileNames: Sendable {
    private var used: Set<String> = []

    /// An empty run.
    public init() {}

    /// Every name given so far, lowercased.
    public var reserved: Set<String> { used }

    /// Reserves the files of one report: `baseName` made safe (``safeFileName(_:maximumBytes:)``), or that base
    /// with `_2`, `_3`… when one of `files(base)` is taken; returns the base chosen. The suffix is appended to the
    /// already cut base and never cut again, so the search always ends.
    public mutating func reserve(baseName: String, files: (String) -> [String]) -> String {
        let safe = safeFileName(baseName)
        var suffix = 1
        while true {
            let base = suffix == 1 ? safe : "\(safe)_\(suffix)"
            let names = files(base).map { $0.lowercased() }
            if names.allSatisfy({ !used.contains($0) }) {
                used.formUnion(names)
                return base
            }
            suffix += 1
        }
    }
}
