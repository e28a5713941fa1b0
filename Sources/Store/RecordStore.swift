import BikePDCACore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The embedded SQLite database that holds every imported record.
///
/// Opened in WAL mode so that readers see a consistent snapshot while an import writes; a second writer
/// waits up to ``Configuration-swift.struct/busyTimeout`` and then fails with a clear message. The file is
/// created readable and writable by its owner only (0600): it may hold personal data of riders' records.
public final class RecordStore: Sendable {
    /// Settings for opening a store.
    public struct Configuration: Sendable {
        /// How long a writer waits for another writer before giving up. Default 30 seconds.
        public var busyTimeout: TimeInterval = 30
        /// Creates the default configuration.
        public init() {}
    }

    /// The database file.
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    public init(path: String, configuration: Configuration = Configuration()) throws(StoreError) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            let descriptor = open(path, O_CREAT | O_WRONLY | O_EXCL, 0o600)
            if descriptor < 0 {
                throw StoreError.cannotOpen(path: path, reason: String(cString: strerror(errno)))
            }
            close(descriptor)
        }
        var grdb = GRDB.Configuration()
        grdb.busyMode = .timeout(configuration.busyTimeout)
        grdb.prepareDatabase { db in
            // 16 MiB of page cache per connection: enough to keep a month's import in memory until it commits,
            // small enough that memory stays bounded whatever the file's size.
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        do {
            pool = try DatabasePool(path: path, configuration: grdb)
            try StoreMigrations.migrator.migrate(pool)
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Whether the database schema is older than this version's (it is migrated on open, so normally `false`).
    public func hasPendingMigrations() throws(StoreError) -> Bool {
        do {
            return try pool.read { db in try !StoreMigrations.migrator.hasCompletedMigrations(db) }
        } catch { throw StoreError.from(error, path: path) }
    }

    /// Every registered station.
    public func stations() throws(StoreError) -> [Station] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT id, name_ja, name_en FROM stations ORDER BY id").map { row in
                Station(id: row["id"], nameJA: row["name_ja"], nameEN: row["name_en"])
            }
        }
    }

    /// Zone id → station id of every registered zone.
    public func zoneStations() throws(StoreError) -> [String: String] {
        try read { db in
            var result: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, station_id FROM zones") {
                result[row["id"]] = row["station_id"]
            }
            return result
        }
    }

    /// The most recent import of a file with this content for this dataset, if any.
    public func previousImport(sha256: String, dataset: DatasetKind) throws(StoreError) -> ImportLogEntry? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM import_log WHERE sha256 = ? AND dataset = ? ORDER BY id DESC LIMIT 1",
                arguments: [sha256, dataset.rawValue]
            ).map(ImportLogEntry.init(row:))
        }
    }

    /// The import log, newest first.
    public func importLog(limit: Int = 50) throws(StoreError) -> [ImportLogEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM import_log ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(ImportLogEntry.init(row:))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.read(body) } catch { throw StoreError.from(error, path: path) }
    }
}
