import GRDB

extension ImportWriter {
    /// The latest earlier import of a file with the same content (SHA-256) for the same dataset, read inside this
    /// import's write transaction: an import of the same file that committed while this one waited for the write
    /// lock is seen, so two imports of one file at once log it once.
    public func earlierImport() throws -> ImportLogEntry? {
        try Row.fetchOne(
            db,
            sql: "SELECT * FROM import_log WHERE sha256 = ? AND dataset = ? AND id <> ? ORDER BY id DESC LIMIT 1",
            arguments: [request.sha256, request.dataset.rawValue, importID]
        ).map(ImportLogEntry.init(row:))
    }
}
