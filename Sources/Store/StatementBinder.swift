import GRDB
import GRDBSQLite

/// Binds values to a prepared statement's parameters in order, through SQLite's C API (internal to the store:
/// no C type leaves it). Imports bind every value of millions of rows; GRDB's `StatementArguments` would allocate
/// and convert each of them first, which cost more than SQLite's own work.
///
/// The statement must have been given placeholder arguments once (``prepareForBinding(_:)``) so that GRDB
/// considers its arguments set; `execute()` then resets it without clearing the bindings made here.
struct StatementBinder {
    private let statement: OpaquePointer
    private var index: Int32 = 1

    /// Starts at the first parameter of `statement`, whose previous bindings are cleared.
    init(_ statement: Statement) {
        self.statement = statement.sqliteStatement
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
    }

    /// Binds text (copied by SQLite), or NULL.
    mutating func text(_ value: String?) {
        if var value {
            value.withUTF8 { buffer in
                _ = sqlite3_bind_text(
                    statement, index,
                    buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                    Int32(buffer.count), Self.transient)
            }
        }
        index += 1
    }

    /// Binds an integer.
    mutating func integer(_ value: Int) {
        sqlite3_bind_int64(statement, index, Int64(value))
        index += 1
    }

    /// Binds an integer, or NULL.
    mutating func integer(_ value: Int?) {
        if let value { sqlite3_bind_int64(statement, index, Int64(value)) }
        index += 1
    }

    /// Gives a freshly prepared statement placeholder arguments, so that GRDB lets it execute with raw bindings.
    static func prepareForBinding(_ statement: Statement) {
        statement.setUncheckedArguments(
            StatementArguments(
                Array(
                    repeating: DatabaseValue.null, count: Int(sqlite3_bind_parameter_count(statement.sqliteStatement))))
        )
    }

    /// Binds a real, or NULL.
    mutating func real(_ value: Double?) {
        if let value { sqlite3_bind_double(statement, index, value) }
        index += 1
    }

    /// Leaves the parameter NULL.
    mutating func null() { index += 1 }

    /// SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
