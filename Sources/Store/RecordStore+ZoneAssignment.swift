import BikePDCACore
import Foundation
import GRDB
import Geo

/// Settings of one zone assignment (``RecordStore/assignZones(_:)``).
public struct ZoneAssignmentOptions: Sendable {
    /// A record that a station reported with a zone id but whose position lies more than this many metres
    /// outside that zone is flagged for QA. Default `nil`: the threshold of the last assignment that set one,
    /// else ``defaultFarFromZoneMetres``.
    public var farFromZoneMetres: Double?
    /// Recompute every zone found by geometry, not only for records without a zone. Default `false` (done
    /// anyway when the zones changed since the last assignment).
    public var reassignAll = false

    /// The threshold used when none was ever set: 200 m.
    public static let defaultFarFromZoneMetres = 200.0

    /// The defaults.
    public init() {}
}

/// What one zone assignment did.
public struct ZoneAssignmentSummary: Sendable, Equatable {
    /// What happened in one table (`enforcement`, `accidents`, `npa_accidents`).
    public struct TableCounts: Sendable, Equatable {
        /// The table.
        public var table: String
        /// Records with a position and no zone, looked at.
        public var examined = 0
        /// Of those, records given a zone.
        public var assigned = 0
        /// Records whose zone was reported in the file.
        public var reported = 0
        /// Records without a position.
        public var withoutLocation = 0
    }

    /// Zones with a usable geometry.
    public var zonesIndexed = 0
    /// Zones without geometry (or with one that cannot be read): never assigned by position.
    public var zonesWithoutGeometry = 0
    /// Whether the zones had changed, so every geometry zone was recomputed.
    public var zonesChanged = false
    /// Zones whose geometry this run read and prepared: every zone after a change; otherwise only those that the
    /// records of the imports since the last assignment may lie in or report.
    public var zonesPrepared = 0
    /// Per table, in the order enforcement, accidents, npa_accidents.
    public var tables: [TableCounts] = []
    /// Records reported with a zone but lying farther than the threshold outside it.
    public var farFromZone = 0
    /// The far-from-zone threshold used, in metres.
    public var farFromZoneMetres = ZoneAssignmentOptions.defaultFarFromZoneMetres
}

extension RecordStore {
    /// The tables whose records get zones: enforcement, bicycle accidents, all NPA accidents.
    static let spatialTables = ["enforcement", "accidents", "npa_accidents"]

    /// The datasets (import log names) whose imports leave a zone assignment to do: new zones, or records that may
    /// have a position.
    static let datasetsNeedingAssignment: Set<String> = [
        DatasetKind.zones.rawValue, DatasetKind.enforcement.rawValue, DatasetKind.accidents.rawValue,
        npaDatasetName,
    ]

    /// Gives every record with a position and no zone the zone it lies in, and flags reported zones that the
    /// position contradicts. Run it after each import of zones, enforcement or accidents (the CLI does); it also
    /// ends the pending state that such an import records (``pendingZoneAssignment()``).
    ///
    /// Districts by point-in-polygon, routes by distance to the centre line within the buffer, in the local
    /// metric projection of ``Geo/ZoneShape``; the candidates come from an R*Tree over the zones' boxes. When
    /// several zones hold a point, ``ZoneMatcher`` decides. Zones found this way get `zone_source = 'geometry'`;
    /// zones from the files stay, marked `reported`. The designation dates are not applied here (docs/NPA.md).
    ///
    /// When the zones are those of the last assignment, only what the imports since then wrote is examined, and
    /// only the zones those records may lie in (or report) are read: the work after an import of records does not
    /// grow with the size of zones far from them. Everything happens in one immediate transaction.
    public func assignZones(_ options: ZoneAssignmentOptions = ZoneAssignmentOptions()) throws(StoreError)
        -> ZoneAssignmentSummary
    {
        do {
            return try pool.writeWithoutTransaction { db in
                var summary = ZoneAssignmentSummary()
                try db.inTransaction(.immediate) {
                    summary = try Self.assignZones(db, options: options)
                    return .commit
                }
                return summary
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// The earliest import since the last zone assignment that added zones or records to place (recorded in the
    /// import's own transaction), or `nil` when the assignment is up to date. A run killed between an import and
    /// its assignment leaves this set; the next writing run of the CLI finishes the assignment.
    public func pendingZoneAssignment() throws(StoreError) -> ImportLogEntry? {
        try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT import_log.* FROM spatial_state JOIN import_log ON import_log.id = CAST(value AS INTEGER)
                    WHERE key = 'assignment_pending'
                    """
            ).map(ImportLogEntry.init(row:))
        }
    }

    /// Records, inside an import's transaction, that a zone assignment is due (kept from the first such import).
    static func markAssignmentPending(_ db: Database, importID: Int64) throws {
        try db.execute(
            sql: "INSERT OR IGNORE INTO spatial_state (key, value) VALUES ('assignment_pending', ?)",
            arguments: [String(importID)])
    }

    private static func assignZones(_ db: Database, options: ZoneAssignmentOptions) throws -> ZoneAssignmentSummary {
        var summary = ZoneAssignmentSummary()
        // The zones' fingerprint (FNV-1a over what identifies each zone's version): an import that writes a zone
        // gives it its own import id, so the geometry texts need not be read to see that nothing changed.
        var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                fingerprint ^= UInt64(byte)
                fingerprint = fingerprint &* 0x100_0000_01b3
            }
            fingerprint ^= 0xFF
            fingerprint = fingerprint &* 0x100_0000_01b3
        }
        let versions = try Row.fetchCursor(
            db, sql: "SELECT rowid, id, kind, import_id, buffer_m FROM zones ORDER BY rowid")
        while let row = try versions.next() {
            for index in 0..<5 { mix((row[index] as DatabaseValue).description) }
        }
        let stored = try String.fetchOne(db, sql: "SELECT value FROM spatial_state WHERE key = 'zones'")
        let current = String(fingerprint, radix: 16)
        summary.zonesChanged = stored != current
        let zonesReset = summary.zonesChanged || options.reassignAll
        // Imports up to this id were examined by an earlier assignment against the same zones.
        let watermark: Int64? =
            zonesReset
            ? nil
            : try String.fetchOne(db, sql: "SELECT value FROM spatial_state WHERE key = 'assigned_through_import'")
                .flatMap { Int64($0) }
        let newRecords = watermark.map { "t.import_id > \($0)" } ?? "1"

        // The far-from-zone threshold, and whether the flags must be recomputed for every record.
        let storedThreshold = try String.fetchOne(
            db, sql: "SELECT value FROM spatial_state WHERE key = 'far_from_zone_m'"
        ).flatMap { Double($0) }
        if let threshold = options.farFromZoneMetres {
            summary.farFromZoneMetres = threshold
            try db.execute(
                sql: "INSERT OR REPLACE INTO spatial_state (key, value) VALUES ('far_from_zone_m', ?)",
                arguments: [String(threshold)])
        } else if let storedThreshold {
            summary.farFromZoneMetres = storedThreshold
        }
        let previousThreshold = storedThreshold ?? ZoneAssignmentOptions.defaultFarFromZoneMetres
        let flagWatermark = previousThreshold == summary.farFromZoneMetres ? watermark : nil
        let newFlagged = flagWatermark.map { "t.import_id > \($0)" } ?? "1"

        if zonesReset {
            try db.execute(sql: "DELETE FROM zone_rtree")
            for table in spatialTables {
                try db.execute(
                    sql: """
                        UPDATE \(table) SET zone_id = NULL, zone_source = NULL, zone_import_id = NULL
                        WHERE zone_source = 'geometry'
                        """)
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO spatial_state (key, value) VALUES ('zones', ?)", arguments: [current])
        }
        for table in spatialTables { try normaliseZoneSources(db, table: table) }

        // The zones to prepare: every zone after a change (the R*Tree is rebuilt from them); otherwise only the
        // candidates of the records to place and the zones that the records to check report.
        let loaded: LoadedZones
        if zonesReset {
            loaded = try LoadedZones(db, rowIDs: nil)
            let insert = try db.makeStatement(
                sql: "INSERT INTO zone_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)")
            for (rowID, index) in loaded.entryByRowID {
                let box = loaded.matcher.entries[index].shape.boundingBox
                try insert.execute(arguments: [
                    rowID, box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude,
                ])
            }
        } else {
            var rowIDs = Set<Int64>()
            for table in spatialTables {
                rowIDs.formUnion(
                    try Int64.fetchAll(
                        db,
                        sql: """
                            SELECT DISTINCT r.id FROM \(table) AS t CROSS JOIN zone_rtree AS r
                            WHERE t.zone_id IS NULL AND t.latitude IS NOT NULL AND t.longitude IS NOT NULL
                            AND \(newRecords)
                            AND r.min_lat <= t.latitude AND r.max_lat >= t.latitude
                            AND r.min_lon <= t.longitude AND r.max_lon >= t.longitude
                            """))
            }
            for table in flaggedTables {
                rowIDs.formUnion(
                    try Int64.fetchAll(
                        db,
                        sql: """
                            SELECT DISTINCT z.rowid FROM zones AS z JOIN \(table) AS t ON t.zone_id = z.id
                            WHERE t.zone_source = 'reported' AND t.latitude IS NOT NULL AND t.longitude IS NOT NULL
                            AND \(newFlagged)
                            """))
            }
            loaded = try LoadedZones(db, rowIDs: rowIDs.sorted())
        }
        let matcher = loaded.matcher
        summary.zonesPrepared = matcher.entries.count
        let indexed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM zone_rtree") ?? 0
        summary.zonesIndexed = indexed
        summary.zonesWithoutGeometry = (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM zones") ?? 0) - indexed

        for table in spatialTables {
            var counts = ZoneAssignmentSummary.TableCounts(table: table)
            // The R*Tree gives candidate zones per point (CROSS JOIN keeps the records as the outer loop, so
            // rows come grouped by record); the exact test and the choice among candidates are ZoneMatcher's.
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.id, t.latitude, t.longitude, r.id FROM \(table) AS t CROSS JOIN zone_rtree AS r
                    WHERE t.zone_id IS NULL AND t.latitude IS NOT NULL AND t.longitude IS NOT NULL
                    AND \(newRecords)
                    AND r.min_lat <= t.latitude AND r.max_lat >= t.latitude
                    AND r.min_lon <= t.longitude AND r.max_lon >= t.longitude
                    """)
            var assignments: [(Int64, Int)] = []
            var currentID: Int64 = -1
            var coordinate = Coordinate(latitude: 0, longitude: 0)
            var candidates: [Int] = []
            func flush() {
                guard currentID >= 0, !candidates.isEmpty else { return }
                if let best = matcher.bestZone(for: coordinate, among: candidates) {
                    assignments.append((currentID, best))
                }
                candidates.removeAll(keepingCapacity: true)
            }
            while let row = try cursor.next() {
                let id: Int64 = row[0]
                if id != currentID {
                    flush()
                    currentID = id
                    coordinate = Coordinate(latitude: row[1], longitude: row[2])
                }
                if let entry = loaded.entryByRowID[row[3]] { candidates.append(entry) }
            }
            flush()
            // Enforcement's summary follows each record from "outside zones" to its zone (after a wholesale
            // reset it is recounted once at the end instead).
            let recount = table == "enforcement" && !zonesReset ? EnforcementSummary() : nil
            let returning = table == "enforcement" ? " RETURNING \(EnforcementSummary.storedColumns)" : ""
            let update = try db.makeStatement(
                sql: """
                    UPDATE \(table) SET zone_id = ?, zone_source = 'geometry', zone_import_id = import_id
                    WHERE id = ?\(returning)
                    """)
            for (id, entry) in assignments {
                guard let row = try Row.fetchOne(update, arguments: [matcher.entries[entry].id, id]) else { continue }
                if let recount {
                    // The query above took only records without a zone.
                    recount.move(stored: row, from: nil)
                    if recount.isFull { try recount.flush(db) }
                }
            }
            try recount?.flush(db)
            counts.assigned = assignments.count
            counts.examined =
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM \(table) WHERE latitude IS NOT NULL AND longitude IS NOT NULL
                        AND (zone_id IS NULL OR zone_source = 'geometry')
                        """) ?? 0
            counts.reported =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE zone_source = 'reported'") ?? 0
            counts.withoutLocation =
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE latitude IS NULL OR longitude IS NULL")
                ?? 0
            summary.tables.append(counts)
        }
        if zonesReset { try EnforcementSummary.rebuildAll(db) }
        summary.farFromZone = try flagFarFromZone(
            db, matcher: matcher, thresholdMetres: summary.farFromZoneMetres, after: flagWatermark)
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO spatial_state (key, value)
                VALUES ('assigned_through_import', (SELECT COALESCE(MAX(id), 0) FROM import_log))
                """)
        try db.execute(sql: "DELETE FROM spatial_state WHERE key = 'assignment_pending'")
        return summary
    }

    /// The zones prepared for one assignment, and the matcher entry of each by `zones.rowid`.
    private struct LoadedZones {
        let matcher: ZoneMatcher
        let entryByRowID: [Int64: Int]

        /// Reads and prepares the zones with these rowids (`nil`: every zone), skipping those without a
        /// readable geometry.
        init(_ db: Database, rowIDs: [Int64]?) throws {
            var zones: [(id: String, geometry: Geometry, bufferMetres: Double?)] = []
            var zoneRowIDs: [Int64] = []
            func add(_ row: Row) {
                guard let text: String = row["geometry"], let geometry = try? GeoJSON.geometry(from: text) else {
                    return
                }
                zones.append((row["id"], geometry, row["buffer_m"]))
                zoneRowIDs.append(row["rowid"])
            }
            let columns = "rowid, id, geometry, buffer_m"
            if let rowIDs {
                let statement = try db.makeStatement(sql: "SELECT \(columns) FROM zones WHERE rowid = ?")
                for rowID in rowIDs {
                    if let row = try Row.fetchOne(statement, arguments: [rowID]) { add(row) }
                }
            } else {
                let rows = try Row.fetchCursor(db, sql: "SELECT \(columns) FROM zones ORDER BY rowid")
                while let row = try rows.next() { add(row) }
            }
            matcher = ZoneMatcher(zones: zones)
            // Matcher entries keep the order given, minus zones without coordinates.
            var entryByRowID: [Int64: Int] = [:]
            var next = 0
            for (offset, zone) in zones.enumerated() where next < matcher.entries.count {
                if matcher.entries[next].id == zone.id {
                    entryByRowID[zoneRowIDs[offset]] = next
                    next += 1
                }
            }
            self.entryByRowID = entryByRowID
        }
    }

    /// The tables whose reported zones are checked against the records' positions.
    private static let flaggedTables = ["enforcement", "accidents"]

    /// Marks zones from the files as `reported`, and undoes geometry zones of records that a later import
    /// rewrote (the import set their `zone_id` from the file again).
    private static func normaliseZoneSources(_ db: Database, table: String) throws {
        try db.execute(
            sql: """
                UPDATE \(table) SET zone_source = CASE WHEN zone_id IS NULL THEN NULL ELSE 'reported' END,
                    zone_import_id = NULL
                WHERE (zone_source IS NULL AND zone_id IS NOT NULL)
                   OR (zone_source = 'reported' AND zone_id IS NULL)
                   OR (zone_source = 'geometry' AND zone_import_id IS NOT import_id)
                """)
    }

    /// Rewrites the far-from-zone flags: records with a reported zone lying more than `thresholdMetres`
    /// outside it. With `after`, the flags of records written by imports up to that id stand (same zones, same
    /// threshold): only newer records are checked, and flags of records since rewritten or removed are dropped.
    /// Returns how many records are flagged in all.
    private static func flagFarFromZone(
        _ db: Database, matcher: ZoneMatcher, thresholdMetres: Double, after watermark: Int64?
    ) throws -> Int {
        if let watermark {
            for table in flaggedTables {
                try db.execute(
                    sql: """
                        DELETE FROM qa_flags WHERE kind = 'far_from_zone' AND dataset = ? AND NOT EXISTS (
                            SELECT 1 FROM \(table) AS t WHERE t.record_id = qa_flags.record_id
                            AND t.import_id <= ?)
                        """, arguments: [table, watermark])
            }
        } else {
            try db.execute(sql: "DELETE FROM qa_flags WHERE kind = 'far_from_zone'")
        }
        let insert = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO qa_flags (dataset, record_id, kind, station_id, date, zone_id, distance_m,
                    threshold_m) VALUES (?, ?, 'far_from_zone', ?, ?, ?, ?, ?)
                """)
        let newRecords = watermark.map { "t.import_id > \($0)" } ?? "1"
        for table in flaggedTables {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.record_id, t.station_id, t.date, t.zone_id, t.latitude, t.longitude FROM \(table) AS t
                    WHERE t.zone_source = 'reported' AND t.latitude IS NOT NULL AND t.longitude IS NOT NULL
                    AND \(newRecords)
                    """)
            while let row = try rows.next() {
                let zoneID: String = row[3]
                let coordinate = Coordinate(latitude: row[4], longitude: row[5])
                guard let distance = matcher.distanceOutside(zoneID: zoneID, coordinate: coordinate),
                    distance > thresholdMetres
                else { continue }
                try insert.execute(
                    arguments: [
                        table, row[0] as String, row[1] as String, row[2] as String, zoneID,
                        (distance * 10).rounded() / 10, thresholdMetres,
                    ])
            }
        }
        return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM qa_flags WHERE kind = 'far_from_zone'") ?? 0
    }
}
