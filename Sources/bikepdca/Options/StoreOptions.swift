import ArgumentParser
import BikePDCACore
import Foundation
import Store
import Workflows

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
    /// A failure is printed by `main` as one line, exit status 1.
    func openForWriting() throws(StoreError) -> RecordStore {
        try RecordStore(path: path)
    }

    /// Opens the store for a command that only reads (status, metrics, reports…): the file is never changed and a
    /// running import is not waited for. Warns on stderr when a zone assignment is pending (unless the command
    /// says so itself).
    func openForReading(warnsOfPendingAssignment: Bool = true) throws(StoreError) -> RecordStore {
        var configuration = RecordStore.Configuration()
        configuration.isReadOnly = true
        let store = try RecordStore(path: path, configuration: configuration)
        if warnsOfPendingAssignment, let pending = try store.pendingZoneAssignment() {
            Console.error("warning: " + Self.pendingAssignmentNote(pending))
        }
        return store
    }

    /// What a pending zone assignment means for the figures, and how to finish it.
    static func pendingAssignmentNote(_ since: ImportLogEntry) -> String {
        "zone assignment by position is pending since the import of \(since.fileName) (\(since.importedAt)): "
            + "records with a position but no zone id are not yet in their zones, and counts by zone may miss them; "
            + "`bikepdca assign` (or the next import) finishes it"
    }

    /// The analysis loader over the store opened for reading, kept to `scope`.
    func loader(_ scope: ScopeOptions) throws -> AnalysisLoader {
        try AnalysisLoader(store: try openForReading(), scope: try scope.scope())
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
