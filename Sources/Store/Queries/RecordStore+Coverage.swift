import BikePDCACore
import GRDB

extension RecordStore {
    /// The station-months delivered (取込済み) per monthly dataset, with the records each holds, for the months
    /// touching `start`…`end`: the one definition of "delivered", read by `status`, the metrics' completeness and
    /// 3-year average, and the before/after data gaps.
    ///
    /// A station-month is delivered when an import covered it, or when the project's own CSV files hold records
    /// of it:
    /// - an NPA release (本票 of one year) covers every registered station of the prefectures it holds for the
    ///   twelve months of its release year (`import_coverage`): a month without accidents had none;
    /// - a CSV file delivers the station-months it holds records of: a month with no record in a station's own
    ///   file reads as missing.
    ///
    /// NPA records outside their releases' years deliver nothing: the October–December 2018 rows of the 2019
    /// release (late reports) do not make 2018 delivered. A station-month absent from the result was not
    /// delivered: report it as missing, never as zero. `records` counts every record of the station-month, NPA
    /// ones included (0 for a covered month without any). `datasets` defaults to the three monthly datasets; pass
    /// fewer to skip reading the others. Ordered by dataset (as given), station and month.
    public func stationMonthCounts(
        from start: LocalDate, to end: LocalDate,
        datasets: [DatasetKind] = [DatasetKind.enforcement, .accidents, .activities], scope: StationScope? = nil
    ) throws(StoreError) -> [StationMonthCount] {
        let (low, high) = Self.bounds(scope)
        return try read { db in
            var result: [StationMonthCount] = []
            for dataset in datasets where dataset.isMonthly {
                // Per station-month: every record, and those of the project's own files.
                var held: [StationMonth: (records: Int, own: Int)] = [:]
                // The table name comes from a closed enum, never from user text. Enforcement is counted from its
                // summary; NPA accidents carry record ids `npa:…`.
                let sql: String
                let arguments: StatementArguments
                switch dataset {
                case .enforcement:
                    sql = """
                        SELECT station_id, month, SUM(n), SUM(n) FROM enforcement_monthly
                        WHERE month BETWEEN ? AND ? AND station_id IN (\(Self.stationsWithRows("enforcement_monthly")))
                        GROUP BY station_id, month
                        """
                    arguments = [start.yearMonth.description, end.yearMonth.description, low, high, high]
                case .accidents:
                    // Telling NPA records from the project's own needs each record's id, which no index on
                    // station and month holds: a read of every record in the span. A database holding only one
                    // kind (the usual case) is answered from the station × month index alone.
                    let sources = try Self.accidentSources(db)
                    let own = sources.npa && sources.own ? "SUM(substr(record_id, 1, 4) <> 'npa:')" : "COUNT(*) * ?"
                    // Station by station, so the month condition lets SQLite seek to the span in the index.
                    sql = """
                        SELECT station_id, substr(date, 1, 7) AS month, COUNT(*), \(own)
                        FROM accidents WHERE station_id IN (\(Self.stationsWithRows("accidents")))
                          AND substr(date, 1, 7) BETWEEN ? AND ?
                        GROUP BY station_id, substr(date, 1, 7)
                        """
                    arguments =
                        (sources.npa && sources.own ? [] : [sources.own ? 1 : 0])
                        + [low, high, high, start.yearMonth.description, end.yearMonth.description]
                default:
                    sql = """
                        SELECT station_id, substr(date, 1, 7) AS month, COUNT(*), COUNT(*) FROM \(dataset.rawValue)
                        WHERE date >= ? AND date <= ? AND station_id >= ? AND station_id < ?
                        GROUP BY station_id, substr(date, 1, 7)
                        """
                    arguments = [start.yearMonth.firstDay.description, end.yearMonth.lastDay.description, low, high]
                }
                let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try rows.next() {
                    guard let month = YearMonth(iso: row[1] as String) else { continue }
                    held[StationMonth(stationID: row[0], month: month)] = (row[2], row[3])
                }
                var delivered = Set(held.filter { $0.value.own > 0 }.keys)
                let covered = try Row.fetchCursor(
                    db,
                    sql: """
                        SELECT station_id, month FROM import_coverage
                        WHERE dataset = ? AND station_id >= ? AND station_id < ? AND month BETWEEN ? AND ?
                        """,
                    arguments: [
                        dataset.rawValue, low, high, start.yearMonth.description, end.yearMonth.description,
                    ])
                while let row = try covered.next() {
                    guard let month = YearMonth(iso: row[1] as String) else { continue }
                    delivered.insert(StationMonth(stationID: row[0], month: month))
                }
                for key in delivered.sorted() {
                    result.append(
                        StationMonthCount(
                            dataset: dataset, stationID: key.stationID, month: key.month,
                            records: held[key]?.records ?? 0))
                }
            }
            return result
        }
    }

    /// Whether the accidents table holds NPA records (ids `npa:…`) and records of the project's own files, from
    /// the unique index on the record id (ids beginning `npa:` sort from `npa:` up to, not including, `npa;`).
    private static func accidentSources(_ db: Database) throws -> (npa: Bool, own: Bool) {
        let npa = try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM accidents WHERE record_id >= 'npa:' AND record_id < 'npa;')")
        let own = try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS (SELECT 1 FROM accidents WHERE record_id < 'npa:')
                    OR EXISTS (SELECT 1 FROM accidents WHERE record_id >= 'npa;')
                """)
        return (npa ?? false, own ?? false)
    }

    /// The first and last month an import covered for `dataset` (``stationMonthCounts(from:to:datasets:scope:)``),
    /// or `nil` when no import declared any.
    public func coveredMonths(_ dataset: DatasetKind) throws(StoreError) -> ClosedRange<YearMonth>? {
        try read { db in
            let row = try Row.fetchOne(
                db, sql: "SELECT MIN(month), MAX(month) FROM import_coverage WHERE dataset = ?",
                arguments: [dataset.rawValue])
            guard let low = (row?[0] as String?).flatMap({ YearMonth(iso: $0) }),
                let high = (row?[1] as String?).flatMap({ YearMonth(iso: $0) })
            else { return nil }
            return low...high
        }
    }
}
