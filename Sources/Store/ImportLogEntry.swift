import BikePDCACore
import GRDB

/// One line of the import log: what was imported, from which file, and how many rows.
public struct ImportLogEntry: Sendable, Hashable {
    public let id: Int64
    public let dataset: String
    public let fileName: String
    /// SHA-256 of the file's bytes, hex.
    public let sha256: String
    public let encoding: String?
    /// `records` (upsert by record id) or `full-month` (replaces each station × month the file covers).
    public let mode: String
    public let rowsAccepted: Int
    public let rowsRejected: Int
    /// Rows of earlier imports removed because a full-month file superseded them.
    public let rowsReplaced: Int
    /// Local time of the import, `YYYY-MM-DD HH:MM:SS`.
    public let importedAt: String

    init(row: Row) {
        id = row["id"]
        dataset = row["dataset"]
        fileName = row["file_name"]
        sha256 = row["sha256"]
        encoding = row["encoding"]
        mode = row["mode"]
        rowsAccepted = row["rows_accepted"]
        rowsRejected = row["rows_rejected"]
        rowsReplaced = row["rows_replaced"]
        importedAt = row["imported_at"]
    }
}
