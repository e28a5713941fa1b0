import BikePDCACore
import GRDB

extension RecordStore {
    /// The date of the latest accident loaded, or `nil` when there is none.
    public func latestAccidentDate() throws(StoreError) -> LocalDate? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT MAX(date) FROM accidents").flatMap { LocalDate(iso: $0) }
        }
    }

    /// The latest month with an enforcement record, or `nil` when there is none.
    public func latestEnforcementMonth() throws(StoreError) -> YearMonth? {
        try read { db in
            try String.fetchOne(db, sql: "SELECT MAX(month) FROM enforcement_monthly").flatMap { YearMonth(iso: $0) }
        }
    }
}
