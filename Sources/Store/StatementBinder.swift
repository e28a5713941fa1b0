import BikePDCACore
import GRDB
import GRDBSQLite

/// Binds values to a prepared statement's parameters in order, through SQLite's C API (internal to the store:
/// no C type leaves it). Imports bind every value of millions of rows; GRDB's `StatementArguments` would allocate
/// and convert each of them first, which cost more than SQLite's own work.
///
/// The statement must have been given placeholder arguments once (``prepareForBinding(_:)``) so that GRDB
/// considers its arguments set; `execute()` then resets it without clearing the bindings made here.
///
/// Given a ``BindingArena``, text is copied into it and bound without a further copy by SQLite (`SQLITE_STATIC`):
/// one allocation-free copy per value instead of SQLite's allocate, copy and free. The arena's bytes must then
/// stay untouched until the statement has run, which holds when every binding of a statement is followed by its
/// execution before the next statement is bound from the same arena.
struct StatementBinder {
    private let statement: OpaquePointer
    private var index: Int32 = 1
    private let arena: BindingArena?

    /// Starts at the first parameter of `statement`, whose previous bindings are cleared; text goes through
    /// `arena` when one is given (which is emptied: its earlier bindings must have run).
    init(_ statement: Statement, arena: BindingArena? = nil) {
        self.statement = statement.sqliteStatement
        self.arena = arena
        arena?.reset()
        sqlite3_reset(self.statement)
        sqlite3_clear_bindings(self.statement)
    }

    /// Binds text, or NULL.
    mutating func text(_ value: String?) {
        if var value {
            value.withUTF8 { buffer in
                if let arena, let copy = arena.copy(buffer) {
                    _ = sqlite3_bind_text(statement, index, copy, Int32(buffer.count), Self.static)
                } else {
                    _ = sqlite3_bind_text(
                        statement, index,
                        buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                        Int32(buffer.count), Self.transient)
                }
            }
        }
        index += 1
    }

    /// Binds a date as `YYYY-MM-DD` text, as ``LocalDate/description`` spells it, without making a string.
    mutating func date(_ value: LocalDate) {
        if value.year < 0 || value.year > 9999 {
            text(value.description)
            return
        }
        ascii(count: 10) { bytes in
            Self.digits(value.year, 4, into: bytes)
            bytes[4] = UInt8(ascii: "-")
            Self.digits(value.month, 2, into: bytes + 5)
            bytes[7] = UInt8(ascii: "-")
            Self.digits(value.day, 2, into: bytes + 8)
        }
    }

    /// Binds a time as `HH:MM`, or `HH:MM:SS` when it has seconds (``LocalTime/description``), or NULL.
    mutating func time(_ value: LocalTime?) {
        guard let value else {
            index += 1
            return
        }
        ascii(count: value.second == 0 ? 5 : 8) { bytes in
            Self.digits(value.hour, 2, into: bytes)
            bytes[2] = UInt8(ascii: ":")
            Self.digits(value.minute, 2, into: bytes + 3)
            if value.second != 0 {
                bytes[5] = UInt8(ascii: ":")
                Self.digits(value.second, 2, into: bytes + 6)
            }
        }
    }

    /// Binds `count` ASCII bytes written by `write` (into the arena, or a stack buffer SQLite copies).
    private mutating func ascii(count: Int, _ write: (UnsafeMutablePointer<UInt8>) -> Void) {
        if let arena, let bytes = arena.allocate(count) {
            write(bytes)
            _ = sqlite3_bind_text(
                statement, index, UnsafeRawPointer(bytes).assumingMemoryBound(to: CChar.self),
                Int32(count), Self.static)
        } else {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                write(buffer.baseAddress!)
                _ = sqlite3_bind_text(
                    statement, index, UnsafeRawPointer(buffer.baseAddress!).assumingMemoryBound(to: CChar.self),
                    Int32(count), Self.transient)
            }
        }
        index += 1
    }

    /// Writes `value` (≥ 0) as exactly `width` decimal digits, zero-padded on the left.
    private static func digits(_ value: Int, _ width: Int, into bytes: UnsafeMutablePointer<UInt8>) {
        var rest = value
        for position in stride(from: width - 1, through: 0, by: -1) {
            bytes[position] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
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
    /// SQLITE_STATIC: SQLite reads the bytes where they are, until the statement is reset or rebound.
    private static let `static` = unsafeBitCast(0, to: sqlite3_destructor_type.self)
}

/// Bytes that hold the text bound to one statement execution (see ``StatementBinder``): filled from the start
/// for each statement, never reallocated while in use (a value that does not fit is left to SQLite to copy).
final class BindingArena {
    private let base: UnsafeMutablePointer<UInt8>
    private let capacity: Int
    private var used = 0

    /// An arena of `capacity` bytes (the default holds a row of short cells many times over).
    init(capacity: Int = 64 << 10) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    /// Forgets everything copied so far.
    func reset() { used = 0 }

    /// Room for `count` bytes, or `nil` when the arena is full.
    func allocate(_ count: Int) -> UnsafeMutablePointer<UInt8>? {
        guard count <= capacity - used else { return nil }
        defer { used += count }
        return base + used
    }

    /// A copy of `bytes` in the arena, or `nil` when it does not fit.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar>? {
        guard let target = allocate(bytes.count) else { return nil }
        if let source = bytes.baseAddress { target.update(from: source, count: bytes.count) }
        return UnsafeRawPointer(target).assumingMemoryBound(to: CChar.self)
    }
}
