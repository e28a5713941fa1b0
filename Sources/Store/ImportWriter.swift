import BikePDCACore
import GRDB

/// What one import asks of the store.
public struct ImportRequest: Sendable {
    public var dataset: DatasetKind
    /// The file's name as the user gave it (recorded in the import log).
    public var fileName: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    public var encoding: String?
    /// Whether the file is a full extract of every station × month it covers: earlier records of those
    /// station-months that the file does not contain are removed. Default `false` (upsert by record id only).
    public var replacesMonths: Bool
    /// Local time to record, `YYYY-MM-DD HH:MM:SS`.
    public var importedAt: String

    /// Creates a request.
    public init(
        dataset: DatasetKind, fileName: String, sha256: String, encoding: String?, replacesMonths: Bool = false,
        importedAt: String
    ) {
        self.dataset = dataset
        self.fileName = fileName
        self.sha256 = sha256
        self.encoding = encoding
        self.replacesMonths = replacesMonths
        self.importedAt = importedAt
    }
}

/// How an import ends.
public enum ImportDecision: Sendable {
    /// Keep what was written; `rejected` rows were skipped on the user's request.
    case commit(rejected: Int)
    /// Write nothing (an error under all-or-nothing, or a dry run).
    case rollback
}

/// The result of writing one record.
public enum WriteOutcome: Sendable, Equatable {
    /// Inserted, or replaced a record of an earlier import.
    case written
    /// The same record id already came earlier in this file.
    case duplicate(firstLine: Int)
}

/// Writes one file's records inside a single transaction (see ``RecordStore/runImport(_:body:)``).
public final class ImportWriter {
    let db: Database
    let importID: Int64
    let request: ImportRequest
    /// Records written so far.
    public private(set) var written = 0
    /// Records of earlier imports removed by full-month replacement.
    public private(set) var replaced = 0
    private var replacedMonths: Set<String> = []
    private var statements: [String: Statement] = [:]
    private let summary = EnforcementSummary()
    /// The enforcement insert, kept apart from `statements`: a large import runs it for every row.
    private var enforcementInsert: Statement?
    /// Holds the text of the enforcement row being written, so that SQLite binds it without copying.
    private let arena = BindingArena()

    init(db: Database, importID: Int64, request: ImportRequest) {
        self.db = db
        self.importID = importID
        self.request = request
    }

    private func statement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let made = try db.makeStatement(sql: sql)
        statements[sql] = made
        return made
    }

    /// A cached statement whose values are bound through ``StatementBinder``.
    private func rawStatement(_ sql: String) throws -> Statement {
        if let cached = statements[sql] { return cached }
        let made = try statement(sql)
        StatementBinder.prepareForBinding(made)
        return made
    }

    /// Upserts by key; when the key was already written by this import, reports the duplicate.
    ///
    /// `columns` must be the same for every call with the same `table`: the statement is prepared once. `bind`
    /// binds the values of `columns` in order; the import id and source line follow.
    private func upsert(
        table: String, key: String, keyValue: String, columns: [String], line: Int,
        bind: (inout StatementBinder) -> Void
    ) throws -> WriteOutcome {
        let insert: Statement
        if let cached = statements[table] {
            insert = cached
        } else {
            let all = columns + ["import_id", "source_line"]
            let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
            let updates = all.filter { $0 != key }.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            insert = try db.makeStatement(
                sql: """
                    INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(placeholders))
                    ON CONFLICT(\(key)) DO UPDATE SET \(updates) WHERE \(table).import_id <> excluded.import_id
                    """)
            StatementBinder.prepareForBinding(insert)
            statements[table] = insert
        }
        var binder = StatementBinder(insert)
        bind(&binder)
        binder.integer(Int(importID))
        binder.integer(line)
        try insert.execute()
        if db.changesCount == 0 {
            let first = try Int.fetchOne(
                db, sql: "SELECT source_line FROM \(table) WHERE \(key) = ?", arguments: [keyValue])
            return .duplicate(firstLine: first ?? 0)
        }
        written += 1
        return .written
    }

    /// In full-month mode, removes earlier records of this station × month the first time it is seen.
    private func replaceMonthIfNeeded(table: String, stationID: String, date: LocalDate) throws {
        guard request.replacesMonths else { return }
        let month = date.yearMonth
        let key = "\(stationID) \(month)"
        guard replacedMonths.insert(key).inserted else { return }
        if table == "enforcement" { try summary.flush(db) }
        try statement("DELETE FROM \(table) WHERE station_id = ? AND date BETWEEN ? AND ? AND import_id <> ?")
            .execute(arguments: [stationID, month.firstDay.description, month.lastDay.description, importID])
        let removed = db.changesCount
        replaced += removed
        if table == "enforcement" && removed > 0 {
            try EnforcementSummary.rebuild(db, stationID: stationID, month: month)
        }
    }

    /// Writes a station.
    public func write(_ station: Station, line: Int) throws -> WriteOutcome {
        try upsert(
            table: "stations", key: "id", keyValue: station.id,
            columns: ["id", "prefecture_code", "station_code", "name_ja", "name_en"], line: line
        ) { binder in
            binder.text(station.id)
            binder.text(station.prefectureCode)
            binder.text(station.stationCode)
            binder.text(station.nameJA)
            binder.text(station.nameEN)
        }
    }

    /// Writes a zone (with its bounding box, for spatial look-ups).
    public func write(_ zone: Zone, line: Int, geometryText: String?) throws -> WriteOutcome {
        let box = zone.geometry?.boundingBox
        return try upsert(
            table: "zones", key: "id", keyValue: zone.id,
            columns: [
                "id", "kind", "station_id", "name", "designated_from", "designated_to", "reason", "geometry",
                "buffer_m",
                "min_lat", "min_lon", "max_lat", "max_lon",
            ],
            line: line
        ) { binder in
            binder.text(zone.id)
            binder.text(zone.kind.rawValue)
            binder.text(zone.stationID)
            binder.text(zone.name)
            binder.text(zone.designatedFrom.description)
            binder.text(zone.designatedTo?.description)
            binder.text(zone.reason)
            binder.text(geometryText)
            binder.real(zone.bufferMetres)
            binder.real(box?.minLatitude)
            binder.real(box?.minLongitude)
            binder.real(box?.maxLatitude)
            binder.real(box?.maxLongitude)
        }
    }

    /// Writes an enforcement record, keeping the enforcement summary in step.
    ///
    /// A new record id is a plain insert; an id already stored by an earlier import is rewritten, the old
    /// record counted out of the summary and the new one in.
    public func write(_ record: EnforcementRecord, line: Int) throws -> WriteOutcome {
        try replaceMonthIfNeeded(table: "enforcement", stationID: record.stationID, date: record.date)
        func bind(_ statement: Statement) {
            var binder = StatementBinder(statement, arena: arena)
            binder.date(record.date)
            binder.time(record.time)
            binder.text(record.stationID)
            binder.text(record.department.rawValue)
            binder.text(record.zoneID)
            binder.real(record.location?.latitude)
            binder.real(record.location?.longitude)
            binder.text(record.violation)
            binder.text(record.outcome.rawValue)
            binder.text(record.vehicle.rawValue)
            binder.text(record.ageBand?.rawValue)
            binder.text(record.operationID)
            binder.integer(Int(importID))
            binder.integer(line)
            binder.text(record.id)
        }
        // The record id is bound last in both statements, so one binding routine serves both.
        let insert: Statement
        if let prepared = enforcementInsert {
            insert = prepared
        } else {
            insert = try rawStatement(EnforcementSQL.insert)
            enforcementInsert = insert
        }
        bind(insert)
        try insert.execute()
        if db.changesCount == 0 {
            let stored = try statement(EnforcementSQL.stored)
            guard let old = try Row.fetchOne(stored, arguments: [record.id]) else { return .written }
            let importColumn = EnforcementSummary.storedColumnCount
            if (old[importColumn] as Int64) == importID { return .duplicate(firstLine: old[importColumn + 1]) }
            let update = try rawStatement(EnforcementSQL.update)
            bind(update)
            try update.execute()
            summary.add(stored: old, change: -1)
        }
        summary.add(
            stationID: record.stationID, date: record.date, hour: record.time?.hour,
            department: record.department.rawValue, zoneID: record.zoneID, violation: record.violation,
            outcome: record.outcome.rawValue, vehicle: record.vehicle.rawValue, ageBand: record.ageBand?.rawValue,
            change: 1)
        if summary.isFull { try summary.flush(db) }
        written += 1
        return .written
    }

    /// Completes the writes before the transaction commits.
    func finish() throws {
        try summary.flush(db)
    }

    /// Writes an accident.
    public func write(_ accident: Accident, line: Int) throws -> WriteOutcome {
        try replaceMonthIfNeeded(table: "accidents", stationID: accident.stationID, date: accident.date)
        return try upsert(
            table: "accidents", key: "record_id", keyValue: accident.id,
            columns: [
                "record_id", "date", "time", "station_id", "zone_id", "latitude", "longitude", "severity",
                "bicycle_role", "counterpart", "deaths", "injuries",
            ],
            line: line
        ) { binder in
            binder.text(accident.id)
            binder.text(accident.date.description)
            binder.text(accident.time?.description)
            binder.text(accident.stationID)
            binder.text(accident.zoneID)
            binder.real(accident.location?.latitude)
            binder.real(accident.location?.longitude)
            binder.text(accident.severity.rawValue)
            binder.text(accident.bicycleRole.rawValue)
            binder.text(accident.counterpart.rawValue)
            binder.integer(accident.deaths)
            binder.integer(accident.injuries)
        }
    }

    /// Writes an activity.
    public func write(_ activity: Activity, line: Int) throws -> WriteOutcome {
        try replaceMonthIfNeeded(table: "activities", stationID: activity.stationID, date: activity.date)
        return try upsert(
            table: "activities", key: "record_id", keyValue: activity.id,
            columns: [
                "record_id", "date", "start_time", "end_time", "hours", "station_id", "zone_id", "kind",
                "officers_traffic", "officers_community", "officers_other",
            ],
            line: line
        ) { binder in
            binder.text(activity.id)
            binder.text(activity.date.description)
            binder.text(activity.start?.description)
            binder.text(activity.end?.description)
            binder.real(activity.hours)
            binder.text(activity.stationID)
            binder.text(activity.zoneID)
            binder.text(activity.kind.rawValue)
            binder.integer(activity.officers[.traffic] ?? 0)
            binder.integer(activity.officers[.community] ?? 0)
            binder.integer(activity.officers[.other] ?? 0)
        }
    }

    /// Writes a plan row (keyed by period × station × department × zone).
    public func write(_ plan: Plan, line: Int) throws -> WriteOutcome {
        let zone = plan.zoneID ?? ""
        let all = [
            "period", "period_start", "period_end", "station_id", "department", "zone_id", "planned_operations",
            "planned_officer_hours", "target_warnings", "target_citations", "target_accident_reduction_pct",
            "import_id", "source_line",
        ]
        let updates = all.dropFirst(6).map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let insert = try statement(
            """
            INSERT INTO plans (\(all.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: all.count).joined(separator: ", ")))
            ON CONFLICT(period, station_id, department, zone_id) DO UPDATE SET \(updates)
            WHERE plans.import_id <> excluded.import_id
            """)
        let values: [(any DatabaseValueConvertible)?] = [
            plan.period.description, plan.period.start.description, plan.period.end.description, plan.stationID,
            plan.department.rawValue, zone, plan.plannedOperations, plan.plannedOfficerHours, plan.targetWarnings,
            plan.targetCitations, plan.targetAccidentReductionPercent, importID, line,
        ]
        insert.setUncheckedArguments(StatementArguments(values))
        try insert.execute()
        if db.changesCount == 0 {
            let first = try Int.fetchOne(
                db,
                sql:
                    "SELECT source_line FROM plans WHERE period = ? AND station_id = ? AND department = ? AND zone_id = ?",
                arguments: [plan.period.description, plan.stationID, plan.department.rawValue, zone])
            return .duplicate(firstLine: first ?? 0)
        }
        written += 1
        return .written
    }
}

extension RecordStore {
    /// Runs one file's import in a single immediate transaction, logging it when it commits.
    ///
    /// `body` writes the records through the ``ImportWriter`` and decides whether to commit; anything it
    /// throws rolls the whole file back. Returns the log entry, or `nil` when rolled back.
    public func runImport(_ request: ImportRequest, body: (ImportWriter) throws -> ImportDecision) throws
        -> ImportLogEntry?
    {
        try loggedImport(
            dataset: request.dataset.rawValue, fileName: request.fileName, sha256: request.sha256,
            encoding: request.encoding, mode: request.replacesMonths ? "full-month" : "records",
            importedAt: request.importedAt,
            makeWriter: { db, importID in ImportWriter(db: db, importID: importID, request: request) },
            body: { writer in
                let decision = try body(writer)
                if case .commit = decision { try writer.finish() }
                return decision
            }, counts: { ($0.written, $0.replaced) })
    }

    /// The frame of every import: one immediate transaction holding the import-log row and the records, the log
    /// row completed with the writer's counts on commit (with the note that a zone assignment is due, for the
    /// datasets that need one); a rollback or a thrown error leaves no trace, not even in the file's bytes.
    func loggedImport<Writer>(
        dataset: String, fileName: String, sha256: String, encoding: String?, mode: String, importedAt: String,
        makeWriter: (Database, Int64) -> Writer, body: (Writer) throws -> ImportDecision,
        counts: (Writer) -> (written: Int, replaced: Int)
    ) throws -> ImportLogEntry? {
        var entry: ImportLogEntry?
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(
                        sql: """
                            INSERT INTO import_log (dataset, file_name, sha256, encoding, mode, rows_accepted,
                                rows_rejected, rows_replaced, imported_at) VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?)
                            """,
                        arguments: [dataset, fileName, sha256, encoding, mode, importedAt])
                    let importID = db.lastInsertedRowID
                    let writer = makeWriter(db, importID)
                    switch try body(writer) {
                    case .rollback:
                        return .rollback
                    case .commit(let rejected):
                        let (written, replaced) = counts(writer)
                        try db.execute(
                            sql:
                                "UPDATE import_log SET rows_accepted = ?, rows_rejected = ?, rows_replaced = ? WHERE id = ?",
                            arguments: [written, rejected, replaced, importID])
                        if Self.datasetsNeedingAssignment.contains(dataset) {
                            try Self.markAssignmentPending(db, importID: importID)
                        }
                        entry = try Row.fetchOne(
                            db, sql: "SELECT * FROM import_log WHERE id = ?", arguments: [importID]
                        )
                        .map(ImportLogEntry.init(row:))
                        return .commit
                    }
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path)
        }
        return entry
    }
}

/// The statements that write enforcement records, made once: every row of a large import uses them.
private enum EnforcementSQL {
    /// The columns bound by ``ImportWriter/write(_:line:)-(EnforcementRecord,_)``, in order; the record id last.
    static let columns = [
        "date", "time", "station_id", "department", "zone_id", "latitude", "longitude", "violation", "outcome",
        "vehicle", "age_band", "operation_id", "import_id", "source_line",
    ]
    static let insert = """
        INSERT INTO enforcement (\(columns.joined(separator: ", ")), record_id)
        VALUES (\(Array(repeating: "?", count: columns.count + 1).joined(separator: ", ")))
        ON CONFLICT(record_id) DO NOTHING
        """
    static let update = """
        UPDATE enforcement SET \(columns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE record_id = ?
        """
    static let stored = """
        SELECT \(EnforcementSummary.storedColumns), import_id, source_line FROM enforcement WHERE record_id = ?
        """
}
