import BikePDCACore
import GRDB

/// One entry of the QA queue: a record that needs a location, or one whose position contradicts its zone.
public struct QAItem: Sendable, Hashable {
    /// Why the record is in the queue.
    public enum Kind: String, Sendable, Hashable {
        /// No coordinates (or NPA coordinates that are zero or invalid).
        case needsLocation = "needs_location"
        /// Reported with a zone id, but lying farther outside it than the threshold of the last `assign`.
        case farFromZone = "far_from_zone"
    }

    /// Why it is here.
    public let kind: Kind
    /// `enforcement`, `accidents` or `npa_accidents`.
    public let dataset: String
    /// The record id.
    public let recordID: String
    /// The station id.
    public let stationID: String
    /// The record's date, `YYYY-MM-DD`.
    public let date: String
    /// The zone reported (or assigned), if any.
    public let zoneID: String?
    /// For far-from-zone records: metres outside the zone.
    public let distanceMetres: Double?
    /// For far-from-zone records: the threshold that was used.
    public let thresholdMetres: Double?
    /// For NPA records: the status and the published coordinates.
    public let detail: String?
}

/// The QA queue: counts and the first entries.
public struct QAQueue: Sendable {
    /// Records needing a location, per dataset.
    public let needsLocation: [String: Int]
    /// Records far from their reported zone, per dataset.
    public let farFromZone: [String: Int]
    /// The entries: far-from-zone first (farthest first), then records needing a location (by dataset,
    /// station and date), at most the limit asked for.
    public let items: [QAItem]
}

extension RecordStore {
    /// The QA queue; `limit` caps the entries returned (`nil`: all). Far-from-zone flags are those of the
    /// last ``assignZones(_:)``.
    public func qaQueue(limit: Int? = 50) throws(StoreError) -> QAQueue {
        try read { db in
            var needs: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT dataset, COUNT(*) FROM qa_missing_location GROUP BY 1") {
                needs[row[0]] = row[1]
            }
            var far: [String: Int] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT dataset, COUNT(*) FROM qa_flags WHERE kind = 'far_from_zone' GROUP BY 1")
            {
                far[row[0]] = row[1]
            }
            let cap = limit ?? -1
            var items: [QAItem] = []
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT dataset, record_id, station_id, date, zone_id, distance_m, threshold_m FROM qa_flags
                    WHERE kind = 'far_from_zone' ORDER BY distance_m DESC, dataset, record_id LIMIT ?
                    """, arguments: [cap])
            {
                items.append(
                    QAItem(
                        kind: .farFromZone, dataset: row[0], recordID: row[1], stationID: row[2] ?? "",
                        date: row[3] ?? "", zoneID: row[4], distanceMetres: row[5], thresholdMetres: row[6],
                        detail: nil))
            }
            let remaining = limit.map { max(0, $0 - items.count) } ?? -1
            if remaining != 0 {
                for row in try Row.fetchAll(
                    db,
                    sql: """
                        SELECT dataset, record_id, station_id, date, zone_id, detail FROM qa_missing_location
                        ORDER BY dataset, station_id, date, record_id LIMIT ?
                        """, arguments: [remaining])
                {
                    items.append(
                        QAItem(
                            kind: .needsLocation, dataset: row[0], recordID: row[1], stationID: row[2],
                            date: row[3], zoneID: row[4], distanceMetres: nil, thresholdMetres: nil,
                            detail: row[5]))
                }
            }
            return QAQueue(needsLocation: needs, farFromZone: far, items: items)
        }
    }
}
