import GRDB

/// A failure of the store, as one line a user can act on.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The database file cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Another connection holds a lock longer than the busy timeout: the write lock (another import, `bikepdca
    /// assign`, or any program with a write transaction open), or, rarely, an exclusive lock that keeps readers
    /// out too (a program in exclusive locking mode, or the recovery after a crash).
    case busy(path: String)
    /// A write refused: the file is not writable, or the store was opened for reading only.
    case readOnly(path: String)
    /// Any other SQLite failure, with the statement that failed.
    case database(path: String, message: String)
    /// A record id appears twice in one file.
    case duplicateRecord(id: String, firstLine: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the database \(path): \(reason)"
        case .busy(let path):
            "the database \(path) is locked by another program: another import or `bikepdca assign`, or a tool "
                + "holding a write transaction open (such as sqlite3); nothing was written; try again when it has "
                + "finished"
        case .readOnly(let path):
            "the database \(path) cannot be written: the file is not writable (or was opened for reading only)"
        case .database(let path, let message): "database \(path): \(message)"
        case .duplicateRecord(let id, let firstLine):
            "record id \"\(id)\" appears twice in this file (first on line \(firstLine))"
        }
    }

    static func from(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let sqlite = error as? DatabaseError {
            if sqlite.resultCode == .SQLITE_BUSY || sqlite.resultCode == .SQLITE_LOCKED { return .busy(path: path) }
            if sqlite.extendedResultCode == .SQLITE_READONLY_DIRECTORY {
                return .cannotOpen(
                    path: path,
                    reason: "its folder is not writable, and SQLite must create \(path)-wal and \(path)-shm "
                        + "beside it to write")
            }
            if sqlite.resultCode == .SQLITE_READONLY { return .readOnly(path: path) }
            if sqlite.resultCode == .SQLITE_CANTOPEN || sqlite.resultCode == .SQLITE_NOTADB {
                return .cannotOpen(path: path, reason: sqlite.message ?? "not a BikePDCA database")
            }
            return .database(path: path, message: sqlite.description)
        }
        return .database(path: path, message: String(describing: error))
    }
}
