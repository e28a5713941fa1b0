import BikePDCACore
import Foundation
import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The embedded SQLite database that holds every imported record.
///
/// In WAL mode, so that readers see a consistent snapshot while an import writes. A store is opened either for
/// writing (imports, zone assignment: one connection; a second writer waits up to
/// ``Configuration-swift.struct/busyTimeout`` and then fails with a clear message) or for reading only (status,
/// metrics, reports: see ``Configuration-swift.struct/isReadOnly``). The file is created readable and writable
/// by its owner only (0600): it may hold personal data of riders' records.
public final class RecordStore: Sendable {
    /// Settings for opening a store.
    public struct Configuration: Sendable {
        /// How long a writer waits for another writer before giving up. Default 30 seconds.
        public var busyTimeout: TimeInterval = 30
        /// Open for reading only. Default `false`.
        ///
        /// A read-only store never creates, migrates or writes the file and never takes its write lock: it reads
        /// beside a running import without waiting, and leaves the file's bytes and modification time as they
        /// were. SQLite may create the empty `-wal` and the `-shm` files beside the database (as any WAL reader
        /// does); in a folder where they cannot be created and no `-wal` exists, the file is read as immutable
        /// (no SQLite writer can work there either). A missing or empty file, or one whose schema is older than
        /// this version's, is an error that says which command to run.
        public var isReadOnly = false
        /// Creates the default configuration.
        public init() {}
    }

    /// The database file.
    public let path: String
    /// Whether the store was opened for reading only.
    public let isReadOnly: Bool
    /// A single connection when writing; a pool of read-only connections (for ``ReadBatch``) when reading.
    let pool: any DatabaseWriter

    /// Opens the database at `path`: for writing (the default), creating it if needed and bringing its schema up
    /// to date; or for reading only (``Configuration-swift.struct/isReadOnly``).
    public init(path: String, configuration: Configuration = Configuration()) throws(StoreError) {
        self.path = path
        self.isReadOnly = configuration.isReadOnly
        if configuration.isReadOnly {
            pool = try Self.openForReading(path: path, configuration: configuration)
        } else {
            pool = try Self.openForWriting(path: path, configuration: configuration)
        }
    }

    /// Creates the file (0600) if needed, sets WAL mode and migrates, on one connection.
    ///
    /// Not a GRDB `DatabasePool`: its set-up commits a `CREATE TABLE` and `DROP TABLE` whenever no `-wal` file
    /// exists, so every open changed the file's header (and waited for any other writer). Opening here writes
    /// nothing to a database that is up to date: an import that is refused leaves the file as it was.
    private static func openForWriting(path: String, configuration: Configuration) throws(StoreError)
        -> DatabaseQueue
    {
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
            let queue = try DatabaseQueue(path: path, configuration: grdb)
            try queue.writeWithoutTransaction { db in
                // WAL mode is stored in the file: set once, when the file is new (or was made elsewhere).
                if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                    guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                        throw StoreError.cannotOpen(path: path, reason: "SQLite cannot switch it to WAL mode")
                    }
                }
                // A commit survives a crash of the program; only a power cut may lose the last commits (never
                // half of one): the WAL setting SQLite recommends.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
            try StoreMigrations.migrator.migrate(queue)
            return queue
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A pool of read-only connections, after checking that the schema is this version's.
    private static func openForReading(path: String, configuration: Configuration) throws(StoreError)
        -> DatabasePool
    {
        guard FileManager.default.fileExists(atPath: path) else {
            throw StoreError.cannotOpen(
                path: path, reason: "no such file (import data first; `bikepdca init` creates an empty database)")
        }
        var grdb = GRDB.Configuration()
        grdb.readonly = true
        grdb.busyMode = .timeout(configuration.busyTimeout)
        grdb.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
        let pool: DatabasePool
        do {
            pool = try openChecked(path: path, configuration: grdb)
        } catch let error as DatabaseError where Self.needsImmutableOpen(error, path: path) {
            // No -wal to read and a folder where SQLite cannot create the -wal and -shm files: no SQLite writer
            // can change this file either, so it is read as immutable (without locks or shared memory).
            do {
                pool = try openChecked(path: immutableURI(path), configuration: grdb)
            } catch {
                throw StoreError.from(error, path: path)
            }
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_CANTOPEN && FileManager.default.fileExists(atPath: path + "-wal")
        {
            throw StoreError.cannotOpen(
                path: path,
                reason:
                    "its write-ahead log \(path)-wal holds changes, but SQLite cannot open or create the "
                    + "shared-memory file \(path)-shm beside it (is the folder read-only?); run any import or "
                    + "`bikepdca assign` once where the folder is writable, or copy the database with its -wal file "
                    + "to a writable folder")
        } catch {
            throw StoreError.from(error, path: path)
        }
        return pool
    }

    /// Opens a read-only pool and checks, with a first read, that the file holds this version's schema.
    private static func openChecked(path: String, configuration: GRDB.Configuration) throws -> DatabasePool {
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.read { db in
            guard try db.tableExists("grdb_migrations") else {
                let empty = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") == 0
                throw StoreError.cannotOpen(
                    path: path,
                    reason: empty
                        ? "the database is empty (import data first; `bikepdca init` creates the tables)"
                        : "not a BikePDCA database")
            }
            guard try StoreMigrations.migrator.hasCompletedMigrations(db) else {
                throw StoreError.cannotOpen(
                    path: path,
                    reason: "it was written by an older version of BikePDCA; run `bikepdca init` once to bring it "
                        + "up to date (commands that only read never change the file)")
            }
        }
        return pool
    }

    /// Whether a read-only open failed only because SQLite could not create the `-wal` or `-shm` file, with no
    /// `-wal` content that an immutable read would miss.
    private static func needsImmutableOpen(_ error: DatabaseError, path: String) -> Bool {
        guard error.extendedResultCode == .SQLITE_READONLY_DIRECTORY || error.resultCode == .SQLITE_CANTOPEN
        else { return false }
        let wal = path + "-wal"
        guard FileManager.default.fileExists(atPath: wal) else { return true }
        let size = (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? nil
        return size == 0
    }

    /// `file:PATH?immutable=1`, with the characters a URI reserves escaped.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for character in path.unicodeScalars {
            switch character {
            case "%": escaped += "%25"
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return "file:\(escaped)?immutable=1"
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
