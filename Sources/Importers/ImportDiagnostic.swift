/// A problem found in an input file, printed compiler-style: `file:line:column: error: message`.
public struct ImportDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Sendable {
        /// The row (or file) cannot be imported.
        case error
        /// Imported, but the user should know (e.g. a column that looks like personal data).
        case warning
    }

    public let file: String
    /// 1-based line where the record starts; `nil` for whole-file problems.
    public let line: Int?
    /// 1-based field number (the spreadsheet column); `nil` when the problem is not one cell's.
    public let column: Int?
    public let severity: Severity
    public let message: String
    /// For a GeoJSON zones file: the feature the problem is in, printed in place of line and column
    /// (`zones.geojson: feature 3 (58101-D01): error: …`); `nil` otherwise.
    public let feature: Feature?

    /// A feature of a GeoJSON file: its 1-based number, and the zone id it carries if any.
    public struct Feature: Sendable, Hashable {
        /// 1-based position in the collection.
        public let number: Int
        /// The feature's `zone_id`, if it has one.
        public let zoneID: String?

        /// Creates a feature location.
        public init(number: Int, zoneID: String?) {
            self.number = number
            self.zoneID = zoneID
        }
    }

    /// Creates a diagnostic.
    public init(
        file: String, line: Int?, column: Int?, severity: Severity = .error, message: String, feature: Feature? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.feature = feature
    }

    public var description: String {
        var location = file
        if let feature {
            location += ": feature \(feature.number)" + (feature.zoneID.map { " (\($0))" } ?? "")
        } else {
            if let line { location += ":\(line)" }
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// An error that stops an import before any row is written.
public struct ImportError: Error, CustomStringConvertible, Sendable {
    /// The diagnostics that explain it (at least one).
    public let diagnostics: [ImportDiagnostic]

    /// Creates an error from diagnostics.
    public init(_ diagnostics: [ImportDiagnostic]) { self.diagnostics = diagnostics }

    /// Creates an error with one whole-file message.
    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        diagnostics = [ImportDiagnostic(file: file, line: line, column: column, message: message)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
