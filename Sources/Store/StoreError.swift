import GRDB

/// A failure of the store, as one line a user can act on.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// The database file cannot be opened or created.
    case cannotOpen(path: String, reason: String)
    /// Another process holds the write lock longer than the busy timeout.
    case busy(path: String)
    /// Any other SQLite failure, with the statement that failed.
    case database(path: String, message: String)
    /// A record id appears twice in one file.
    case duplicateRecord(id: String, firstLine: Int)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open the database \(path): \(reason)"
        case .busy(let path):
            "the database \(path) is busy: another import is writing to it; try again when it has finished"
        case .database(let path, let message): "database \(path): \(message)"
        case .duplicateRecord(let id, let firstLine):
            "record id \"\(id)\" appears twice in this file (first on line \(firstLine))"
        }
    }

    static func from(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        if let sqlite = error as? DatabaseError {
            if sqlite.resultCode == .SQLITE_BUSY || sqlite.resultCode == .SQLITE_LOCKED { return .busy(path: path) }
            if sqlite.resultCode == .SQLITE_CANTOPEN || sqlite.resultCode == .SQLITE_NOTADB {
                return .cannotOpen(path: path, reason: sqlite.message ?? "not a BikePDCA database")
            }
            return .database(path: path, message: sqlite.description)
        }
        return .database(path: path, message: String(describing: error))
    }
}
