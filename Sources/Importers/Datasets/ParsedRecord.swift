import BikePDCACore

/// A row that passed validation, as a value of the core model.
public enum ParsedRecord: Sendable {
    case station(Station)
    case zone(Zone)
    case enforcement(EnforcementRecord)
    case accident(Accident)
    case activity(Activity)
    case plan(Plan)
}

/// A row that failed validation, with everything needed to write it to a rejects file.
public struct RejectedRow: Sendable {
    /// 1-based line where the record starts (for GeoJSON, the feature number).
    public let line: Int
    /// The row's fields as read.
    public let fields: [String]
    /// Why it was rejected (at least one error).
    public let diagnostics: [ImportDiagnostic]

    /// Creates a rejected row.
    public init(line: Int, fields: [String], diagnostics: [ImportDiagnostic]) {
        self.line = line
        self.fields = fields
        self.diagnostics = diagnostics
    }
}
