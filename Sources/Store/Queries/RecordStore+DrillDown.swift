import BikePDCACore
import GRDB

/// Which records a drill-down lists (`--explain`): every filter left `nil` matches everything.
public struct RecordFilter: Hashable, Sendable {
    /// The first day (inclusive).
    public var start: LocalDate
    /// The last day (inclusive).
    public var end: LocalDate
    /// Only this station's records.
    public var stationID: String?
    /// Only this zone's records; ``noZone`` for records outside every zone.
    public var zoneID: String?
    /// Only records of this department (enforcement only).
    public var department: Department?
    /// Only records with this outcome (enforcement only).
    public var outcome: Outcome?

    /// The ``zoneID`` value that selects records outside every zone.
    public static let noZone = "-"

    /// Creates a filter for a date range.
    public init(
        start: LocalDate, end: LocalDate, stationID: String? = nil, zoneID: String? = nil,
        department: Department? = nil, outcome: Outcome? = nil
    ) {
        self.start = start
        self.end = end
        self.stationID = stationID
        self.zoneID = zoneID
        self.department = department
        self.outcome = outcome
    }
}

/// One record behind a figure, as a drill-down CSV lists it: its id, where it came from and its key fields.
public struct ExplainedRecord: Hashable, Sendable {
    /// The record id as imported.
    public let recordID: String
    /// The date.
    public let date: LocalDate
    /// The time, as stored (`HH:MM`), if given.
    public let time: String?
    /// The station id.
    public let stationID: String
    /// The zone, if any.
    public let zoneID: String?
    /// Dataset-specific fields in column order (enforcement: department, violation, outcome; accidents:
    /// severity, bicycle role, counterpart).
    public let fields: [String]
    /// The file the record was imported from.
    public let sourceFile: String
    /// The record's line in that file.
    public let sourceLine: Int

    /// Creates a record line.
    public init(
        recordID: String, date: LocalDate, time: String?, stationID: String, zoneID: String?, fields: [String],
        sourceFile: String, sourceLine: Int
    ) {
        self.recordID = recordID
        self.date = date
        self.time = time
        self.stationID = stationID
        self.zoneID = zoneID
        self.fields = fields
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}

extension RecordStore {
    /// The names of ``ExplainedRecord/fields`` for a dataset.
    public static func explainedFieldNames(_ dataset: DatasetKind) -> [String] {
        switch dataset {
        case .enforcement: ["department", "violation", "outcome"]
        case .accidents: ["severity", "bicycle_role", "counterpart"]
        case .activities: ["kind", "hours", "officers_traffic", "officers_community", "officers_other"]
        default: []
        }
    }

    /// Streams the enforcement, accident or activity records matching `filter` to `body`, ordered by date and
    /// record id; memory does not grow with the number of records. Returns how many were listed.
    @discardableResult
    public func explainRecords(
        _ dataset: DatasetKind, matching filter: RecordFilter, _ body: (ExplainedRecord) -> Void
    ) throws(StoreError) -> Int {
        let fieldColumns: String
        switch dataset {
        case .enforcement: fieldColumns = "t.department, t.violation, t.outcome"
        case .accidents: fieldColumns = "t.severity, t.bicycle_role, t.counterpart"
        case .activities:
            fieldColumns = "t.kind, t.hours, t.officers_traffic, t.officers_community, t.officers_other"
        default: return 0
        }
        let timeColumn = dataset == .activities ? "t.start_time" : "t.time"
        var conditions = ["t.date >= ?", "t.date <= ?"]
        var arguments: [any DatabaseValueConvertible] = [filter.start.description, filter.end.description]
        if let station = filter.stationID {
            conditions.append("t.station_id = ?")
            arguments.append(station)
        }
        if let zone = filter.zoneID {
            if zone == RecordFilter.noZone {
                conditions.append("t.zone_id IS NULL")
            } else {
                conditions.append("t.zone_id = ?")
                arguments.append(zone)
            }
        }
        if dataset == .enforcement, let department = filter.department {
            conditions.append("t.department = ?")
            arguments.append(department.rawValue)
        }
        if dataset == .enforcement, let outcome = filter.outcome {
            conditions.append("t.outcome = ?")
            arguments.append(outcome.rawValue)
        }
        // Only fixed column names and `?` placeholders go into the SQL text; every value is a bound argument.
        let sql = """
            SELECT t.record_id, t.date, \(timeColumn), t.station_id, t.zone_id, \(fieldColumns),
                   COALESCE(l.file_name, ''), t.source_line
            FROM \(dataset.rawValue) AS t LEFT JOIN import_log AS l ON l.id = t.import_id
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY t.date, t.record_id
            """
        let fieldCount = Self.explainedFieldNames(dataset).count
        return try read { db in
            var count = 0
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                guard let date = LocalDate(iso: row[1] as String) else { continue }
                let fields = (0..<fieldCount).map { index -> String in
                    let value: DatabaseValue = row[5 + index]
                    switch value.storage {
                    case .null: return ""
                    case .int64(let number): return String(number)
                    case .double(let number): return String(number)
                    case .string(let text): return text
                    case .blob: return ""
                    }
                }
                body(
                    ExplainedRecord(
                        recordID: row[0], date: date, time: row[2], stationID: row[3], zoneID: row[4], fields: fields,
                        sourceFile: row[5 + fieldCount], sourceLine: row[6 + fieldCount]))
                count += 1
            }
            return count
        }
    }
}
