import BikePDCACore
import GRDB

/// Writes one NPA 本票 file's accidents inside a single transaction (see
/// ``RecordStore/importNPAAccidents(fileName:sha256:encoding:importedAt:body:)``).
///
/// Every accident goes to `npa_accidents`, keyed by its record id; the bicycle ones also go to `accidents`
/// (same record id), so the analyses of bicycle accidents see them. Re-importing a release replaces its rows
/// and never duplicates them; an accident that is no longer a bicycle accident leaves `accidents`.
///
/// When the file commits, the stations (警察署等) it names are registered and the release's coverage is recorded
/// (``NPACoverage``): every station of each prefecture it holds, for the twelve months of its release year.
public final class NPAAccidentWriter {
    let db: Database
    let importID: Int64
    private let accidents: ImportWriter
    /// Accidents written to `npa_accidents`.
    public private(set) var written = 0
    /// Bicycle accidents written to `accidents`.
    public private(set) var bicycleWritten = 0
    /// Accidents of earlier imports removed from `accidents` because they no longer involve a bicycle.
    public private(set) var removedFromAccidents = 0
    private var upsert: Statement?
    private var delete: Statement?
    /// The stations met (id → prefecture code, station code, name from the code tables, first line).
    private var stations: [String: (prefecture: String, station: String, name: String?, line: Int)] = [:]
    /// The release years and prefectures met.
    private var releases: Set<NPARelease> = []

    init(db: Database, importID: Int64, request: ImportRequest) {
        self.db = db
        self.importID = importID
        self.accidents = ImportWriter(db: db, importID: importID, request: request)
    }

    private static let columns = [
        "record_id", "release_year", "layout", "prefecture_code", "station_code", "report_number", "station_id",
        "station_name", "date", "time", "accident_content", "severity", "deaths", "injuries", "accident_type",
        "party_a_type", "party_b_type", "age_a", "age_b", "injury_a", "injury_b", "municipality_code", "route_code",
        "road_shape", "signal", "weather", "day_night", "road_surface", "terrain", "sidewalk", "day_of_week",
        "holiday", "latitude_raw", "longitude_raw", "latitude", "longitude", "location_status", "is_bicycle",
        "bicycle_role", "bicycle_in_hojuhyo", "counterpart", "zone_id", "zone_source", "zone_import_id",
        "import_id", "source_line",
    ]

    private static let upsertSQL: String = {
        let updates = columns.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return """
            INSERT INTO npa_accidents (\(columns.joined(separator: ", ")))
            VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
            ON CONFLICT(record_id) DO UPDATE SET \(updates) WHERE npa_accidents.import_id <> excluded.import_id
            """
    }()

    /// Writes one accident (and, for a bicycle accident, its `accidents` row); reports a record id already
    /// written by this import as a duplicate.
    public func write(_ record: NPAAccidentRecord) throws -> WriteOutcome {
        let insert: Statement
        if let prepared = upsert {
            insert = prepared
        } else {
            insert = try db.makeStatement(sql: Self.upsertSQL)
            // GRDB checks that arguments were set once; the values themselves are bound below, row by row.
            insert.setUncheckedArguments(
                StatementArguments(Array(repeating: DatabaseValue.null, count: Self.columns.count)))
            upsert = insert
        }
        let recordID = record.recordID
        let location = record.location
        let role = record.bicycleRole
        // Bound straight to the prepared statement: a national file binds 14 million values, and building
        // `StatementArguments` for each row costs more than SQLite's own work.
        var binder = StatementBinder(insert)
        binder.text(recordID)
        binder.integer(record.releaseYear)
        binder.text(record.layoutEdition)
        binder.text(record.prefectureCode)
        binder.text(record.stationCode)
        binder.text(record.reportNumber)
        binder.text(record.stationID)
        binder.text(record.stationName)
        binder.text(record.date.description)
        binder.text(record.time?.description)
        binder.text(record.accidentContent)
        binder.text(record.severity.rawValue)
        binder.integer(record.deaths)
        binder.integer(record.injuries)
        for code in [
            record.accidentType, record.partyTypeA, record.partyTypeB, record.ageA, record.ageB, record.injuryA,
            record.injuryB, record.municipalityCode, record.routeCode, record.roadShape, record.signal,
            record.weather, record.dayNight, record.roadSurface, record.terrain, record.sidewalk, record.dayOfWeek,
            record.holiday, record.latitudeText, record.longitudeText,
        ] {
            binder.text(code)
        }
        binder.real(location?.latitude)
        binder.real(location?.longitude)
        binder.text(record.locationStatusText)
        binder.integer(role != nil ? 1 : 0)
        binder.text(role?.rawValue)
        binder.integer(record.bicycleInHojuhyo ? 1 : 0)
        binder.text(record.counterpart?.rawValue)
        // The zone is cleared: the file carries none, and `assign` recomputes it from the position.
        binder.null()
        binder.null()
        binder.null()
        binder.integer(Int(importID))
        binder.integer(record.sourceLine)
        try insert.execute()
        if db.changesCount == 0 {
            let first = try Int.fetchOne(
                db, sql: "SELECT source_line FROM npa_accidents WHERE record_id = ?", arguments: [recordID])
            return .duplicate(firstLine: first ?? 0)
        }
        written += 1
        if stations[record.stationID] == nil {
            stations[record.stationID] = (
                record.prefectureCode, record.stationCode, record.stationName, record.sourceLine
            )
        }
        releases.insert(NPARelease(year: record.releaseYear, prefectureCode: record.prefectureCode))
        if let accident = record.bicycleAccident {
            _ = try accidents.write(accident, line: record.sourceLine)
            bicycleWritten += 1
        } else {
            let statement = try delete ?? db.makeStatement(sql: "DELETE FROM accidents WHERE record_id = ?")
            delete = statement
            try statement.execute(arguments: [recordID])
            removedFromAccidents += db.changesCount
        }
        return .written
    }

    /// Registers the stations met and records the coverage of the releases met, before the transaction commits.
    func finish() throws {
        let register = try db.makeStatement(sql: NPACoverage.registerStationSQL)
        for (id, station) in stations.sorted(by: { $0.key < $1.key }) {
            try register.execute(
                arguments: [id, station.prefecture, station.station, station.name ?? "", Int(importID), station.line])
        }
        for release in releases.sorted(by: { ($0.year, $0.prefectureCode) < ($1.year, $1.prefectureCode) }) {
            try NPACoverage.recordRelease(
                db, releaseYear: release.year, prefectureCode: release.prefectureCode, importID: importID)
        }
    }
}

/// A release year (公開年) of one prefecture.
private struct NPARelease: Hashable {
    let year: Int
    let prefectureCode: String
}

/// What an NPA release delivers beyond its rows: its stations, registered, and the station-months it covers.
enum NPACoverage {
    /// Registers a station (id, prefecture code, station code, name or empty, import id, source line); a station
    /// already registered keeps its name unless it had none.
    static let registerStationSQL = """
        INSERT INTO stations (id, prefecture_code, station_code, name_ja, name_en, import_id, source_line)
        VALUES (?, ?, ?, ?, NULL, ?, ?)
        ON CONFLICT(id) DO UPDATE SET name_ja = excluded.name_ja
        WHERE stations.name_ja = '' AND excluded.name_ja <> ''
        """

    /// Registers the stations of the rows of `query` (id, prefecture code, station code, name, import id, line).
    static func registerStations(_ db: Database, from query: String) throws {
        let register = try db.makeStatement(sql: registerStationSQL)
        for row in try Row.fetchAll(db, sql: query) {
            let name: String? = row[3]
            try register.execute(arguments: [row[0], row[1], row[2], name ?? "", row[4], row[5]])
        }
    }

    /// Records that release `releaseYear` of prefecture `prefectureCode` covers the accidents of every registered
    /// station of the prefecture for the twelve months of the year (a month of no accident had none).
    static func recordRelease(_ db: Database, releaseYear: Int, prefectureCode: String, importID: Int64) throws {
        let stationIDs = try String.fetchAll(
            db, sql: "SELECT id FROM stations WHERE prefecture_code = ? ORDER BY id", arguments: [prefectureCode])
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO import_coverage (dataset, station_id, month, source, import_id) VALUES (?, ?, ?, 'npa', ?)
                ON CONFLICT(dataset, station_id, month, source) DO UPDATE SET import_id = excluded.import_id
                """)
        for stationID in stationIDs {
            for month in 1...12 {
                try insert.execute(
                    arguments: [
                        DatasetKind.accidents.rawValue, stationID,
                        YearMonth(year: releaseYear, month: month).description,
                        importID,
                    ])
            }
        }
    }
}

extension RecordStore {
    /// The `import_log` dataset name of NPA 本票 imports.
    public static let npaDatasetName = "npa-accidents"

    /// Runs one NPA 本票 file's import in a single immediate transaction, logged as dataset `npa-accidents`.
    ///
    /// `body` writes through the ``NPAAccidentWriter`` and decides whether to commit; anything it throws rolls
    /// the whole file back. Returns the log entry (rows accepted = accidents written), or `nil` when rolled back.
    public func importNPAAccidents(
        fileName: String, sha256: String, encoding: String?, importedAt: String,
        body: (NPAAccidentWriter) throws -> ImportDecision
    ) throws -> ImportLogEntry? {
        let request = ImportRequest(
            dataset: .accidents, fileName: fileName, sha256: sha256, encoding: encoding, importedAt: importedAt)
        return try loggedImport(
            dataset: Self.npaDatasetName, fileName: fileName, sha256: sha256, encoding: encoding, mode: "records",
            importedAt: importedAt,
            makeWriter: { db, importID in NPAAccidentWriter(db: db, importID: importID, request: request) },
            body: { writer in
                let decision = try body(writer)
                if case .commit = decision { try writer.finish() }
                return decision
            }, counts: { ($0.written, $0.removedFromAccidents) })
    }

    /// The 補充票 keys (`PP:SSS:NNNN`) stored as having a bicycle person, for one release (and prefecture):
    /// re-importing a 本票 file without its 補充票 keeps what an earlier import learnt from it.
    public func npaHojuhyoBicycleKeys(releaseYear: Int, prefecture: String? = nil) throws(StoreError) -> Set<String> {
        try read { db in
            var keys: Set<String> = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT prefecture_code, station_code, report_number FROM npa_accidents
                    WHERE release_year = ? AND bicycle_in_hojuhyo = 1 AND (?2 IS NULL OR prefecture_code = ?2)
                    """, arguments: [releaseYear, prefecture])
            while let row = try rows.next() {
                keys.insert("\(row[0] as String):\(row[1] as String):\(row[2] as String)")
            }
            return keys
        }
    }

    /// Per station of one release: all accidents, bicycle accidents and fatal bicycle accidents in
    /// `npa_accidents`, by station id.
    public func npaStationCounts(releaseYear: Int) throws(StoreError)
        -> [String: (all: Int, bicycle: Int, fatalBicycle: Int)]
    {
        try read { db in
            var result: [String: (all: Int, bicycle: Int, fatalBicycle: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT station_id, COUNT(*), SUM(is_bicycle), SUM(is_bicycle AND severity = 'fatal')
                    FROM npa_accidents WHERE release_year = ? GROUP BY station_id
                    """, arguments: [releaseYear])
            {
                result[row[0]] = (row[1], row[2], row[3])
            }
            return result
        }
    }
}
