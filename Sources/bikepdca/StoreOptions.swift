import ArgumentParser
import BikePDCACore
import Foundation
import Store

/// The database flag shared by every subcommand that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $BIKEPDCA_DB, else ./bikepdca.sqlite).")
    var db: String?

    /// The path in use: the flag, then `BIKEPDCA_DB`, then `./bikepdca.sqlite`.
    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["BIKEPDCA_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "bikepdca.sqlite"
    }

    /// Opens the store for a command that writes (import, assign, init): creating and migrating the file if needed.
    /// Prints a one-line error and exits 1 when it cannot.
    func openForWriting() throws -> RecordStore {
        do {
            return try RecordStore(path: path)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// Opens the store for a command that only reads (status, metrics, reports…): the file is never changed and a
    /// running import is not waited for. Warns on stderr when a zone assignment is pending (unless the command
    /// says so itself). Prints a one-line error and exits 1 when it cannot.
    func openForReading(warnsOfPendingAssignment: Bool = true) throws -> RecordStore {
        var configuration = RecordStore.Configuration()
        configuration.isReadOnly = true
        do {
            let store = try RecordStore(path: path, configuration: configuration)
            if warnsOfPendingAssignment, let pending = try store.pendingZoneAssignment() {
                Console.error("warning: " + Self.pendingAssignmentNote(pending))
            }
            return store
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
    }

    /// What a pending zone assignment means for the figures, and how to finish it.
    static func pendingAssignmentNote(_ since: ImportLogEntry) -> String {
        "zone assignment by position is pending since the import of \(since.fileName) (\(since.importedAt)): "
            + "records with a position but no zone id are not yet in their zones, and counts by zone may miss them; "
            + "`bikepdca assign` (or the next import) finishes it"
    }
}

/// Writing to the terminal: messages on stderr, progress only when stderr is a terminal.
enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Rewrites one progress line on stderr (only on a terminal).
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

/// `--prefecture`: keeps an analysis to one prefecture's stations when the database holds several.
struct ScopeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only the stations of this NPA prefecture code (30 = 東京), or of a run of codes (10-14: the five areas of 北海道), when the database holds several prefectures.",
            valueName: "code"))
    var prefecture: String?

    /// The scope asked for, or `nil` for every station.
    func scope() throws -> StationScope? {
        guard let prefecture else { return nil }
        guard let scope = StationScope(prefecture) else {
            throw ValidationError(
                "--prefecture takes a two-digit NPA prefecture code such as 30, or a run such as 10-14 (got \"\(prefecture)\")"
            )
        }
        return scope
    }
}
