import BikePDCACore
import GRDB
import Testing

@testable import Store

@Suite("Binding values through the C API")
struct StatementBinderTests {
    /// What SQLite stored for `bind`'s values, read back as text (NULL as nil).
    private func boundValues(count: Int, arena: BindingArena?, _ bind: (inout StatementBinder) -> Void) throws
        -> [String?]
    {
        let queue = try DatabaseQueue()
        return try queue.read { db in
            let placeholders = Array(repeating: "?", count: count).joined(separator: ", ")
            let statement = try db.makeStatement(sql: "SELECT \(placeholders)")
            StatementBinder.prepareForBinding(statement)
            var binder = StatementBinder(statement, arena: arena)
            bind(&binder)
            guard let row = try Row.fetchOne(statement) else { return [] }
            return (0..<count).map { row[$0] as String? }
        }
    }

    @Test(
        "a date is spelled as LocalDate.description spells it",
        arguments: [(1989, 1, 8), (2019, 4, 30), (2019, 5, 1), (2024, 2, 29), (2026, 12, 31), (7, 3, 9)])
    func date(year: Int, month: Int, day: Int) throws {
        let date = try #require(LocalDate(year: year, month: month, day: day))
        for arena in [BindingArena(), nil] {
            #expect(try boundValues(count: 1, arena: arena) { $0.date(date) } == [date.description])
        }
    }

    @Test(
        "a time is HH:MM, with :SS only when it has seconds, and a missing time is NULL",
        arguments: [(0, 0, 0), (7, 5, 0), (23, 59, 59), (12, 0, 1)])
    func time(hour: Int, minute: Int, second: Int) throws {
        let time = try #require(LocalTime(hour: hour, minute: minute, second: second))
        for arena in [BindingArena(), nil] {
            let values = try boundValues(count: 2, arena: arena) { binder in
                binder.time(time)
                binder.time(nil)
            }
            #expect(values == [time.description, nil])
        }
    }

    @Test("text through the arena: empty text stays text, a value too long for the arena is still bound whole")
    func arenaText() throws {
        let long = String(repeating: "長", count: 20)  // 60 bytes
        let values = try boundValues(count: 5, arena: BindingArena(capacity: 16)) { binder in
            binder.text("")
            binder.text(nil)
            binder.text("58101")
            binder.text(long)
            binder.text("OP-1")
        }
        #expect(values == ["", nil, "58101", long, "OP-1"])
    }
}
