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

    /// Gives every record with a position and no zone the zone it lies in, and flags reported zones that the
    /// position contradicts. Run it after each import of zones, enforcement or accidents (the CLI does).
    ///
    /// Districts by point-in-polygon, routes by distance to the centre line within the buffer, in the local
    /// metric projection of ``Geo/ZoneShape``; the candidates come from an R*Tree over the zones' boxes. When
    /// several zones hold a point, ``ZoneMatcher`` decides. Zones found this way get `zone_source = 'geometry'`;
    /// zones from the files stay, marked `reported`. The designation dates are not applied here (docs/NPA.md).
    /// Everything happens in one transaction.
    public func assignZones(_ options: ZoneAssignmentOptions = ZoneAssignmentOptions()) throws(StoreError)
        -> ZoneAssignmentSummary
    {
        do {
            return try pool.write { db in try Self.assignZones(db, options: options) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private static func assignZones(_ db: Database, options: ZoneAssignmentOptions) throws -> ZoneAssignmentSummary {
        var summary = ZoneAssignmentSummary()
        // Zones, their fingerprint (FNV-1a over what decides membership), and the matcher.
        var zones: [(id: String, geometry: Geometry, bufferMetres: Double?)] = []
        var rowIDs: [Int64] = []
        var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ text: String) {
            for byte in text.utf8 {
                fingerprint ^= UInt64(byte)
                fingerprint = fingerprint &* 0x100_0000_01b3
            }
            fingerprint ^= 0xFF
            fingerprint = fingerprint &* 0x100_0000_01b3
        }
        for row in try Row.fetchAll(db, sql: "SELECT rowid, id, geometry, buffer_m FROM zones ORDER BY rowid") {
            let id: String = row["id"]
            let text: String? = row["geometry"]
            let buffer: Double? = row["buffer_m"]
            mix(id)
            mix(text ?? "")
            mix(buffer.map { String($0) } ?? "")
            guard let text, let geometry = try? GeoJSON.geometry(from: text) else {
                summary.zonesWithoutGeometry += 1
                continue
            }
            zones.append((id, geometry, buffer))
            rowIDs.append(row["rowid"])
        }
        let matcher = ZoneMatcher(zones: zones)
        summary.zonesWithoutGeometry += zones.count - matcher.entries.count
        summary.zonesIndexed = matcher.entries.count
        // Matcher index by zones.rowid (entries keep the order given, minus zones without coordinates).
        var entryByRowID: [Int64: Int] = [:]
        var next = 0
        for (offset, zone) in zones.enumerated() where next < matcher.entries.count {
            if matcher.entries[next].id == zone.id {
                entryByRowID[rowIDs[offset]] = next
                next += 1
            }
        }

        let stored = try String.fetchOne(db, sql: "SELECT value FROM spatial_state WHERE key = 'zones'")
        let current = String(fingerprint, radix: 16)
        summary.zonesChanged = stored != current
        let zonesReset = summary.zonesChanged || options.reassignAll
        if zonesReset {
            try db.execute(sql: "DELETE FROM zone_rtree")
            let insert = try db.makeStatement(
                sql: "INSERT INTO zone_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)")
            for (rowID, index) in entryByRowID {
                let box = matcher.entries[index].shape.boundingBox
                try insert.execute(arguments: [
                    rowID, box.minLatitude, box.maxLatitude, box.minLongitude, box.maxLongitude,
                ])
            }
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

        for table in spatialTables {
            var counts = ZoneAssignmentSummary.TableCounts(table: table)
            try normaliseZoneSources(db, table: table)
            // The R*Tree gives candidate zones per point (CROSS JOIN keeps the records as the outer loop, so
            // rows come grouped by record); the exact test and the choice among candidates are ZoneMatcher's.
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT t.id, t.latitude, t.longitude, r.id FROM \(table) AS t CROSS JOIN zone_rtree AS r
                    WHERE t.zone_id IS NULL AND t.latitude IS NOT NULL AND t.longitude IS NOT NULL
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
                if let entry = entryByRowID[row[3]] { candidates.append(entry) }
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
        if let threshold = options.farFromZoneMetres {
            summary.farFromZoneMetres = threshold
            try db.execute(
                sql: "INSERT OR REPLACE INTO spatial_state (key, value) VALUES ('far_from_zone_m', ?)",
                arguments: [String(threshold)])
        } else if let text = try String.fetchOne(
            db, sql: "SELECT value FROM spatial_state WHERE key = 'far_from_zone_m'"), let threshold = Double(text)
        {
            summary.farFromZoneMetres = threshold
        }
        summary.farFromZone = try flagFarFromZone(db, matcher: matcher, thresholdMetres: summary.farFromZoneMetres)
        return summary
    }

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
    /// outside it. Returns how many.
    private static func flagFarFromZone(_ db: Database, matcher: ZoneMatcher, thresholdMetres: Double) throws -> Int {
        try db.execute(sql: "DELETE FROM qa_flags WHERE kind = 'far_from_zone'")
        let insert = try db.makeStatement(
            sql: """
                INSERT OR REPLACE INTO qa_flags (dataset, record_id, kind, station_id, date, zone_id, distance_m,
                    threshold_m) VALUES (?, ?, 'far_from_zone', ?, ?, ?, ?, ?)
                """)
        var flagged = 0
        for table in ["enforcement", "accidents"] {
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT record_id, station_id, date, zone_id, latitude, longitude FROM \(table)
                    WHERE zone_source = 'reported' AND latitude IS NOT NULL AND longitude IS NOT NULL
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
                flagged += 1
            }
        }
        return flagged
    }
}
