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

    /// Opens the store (a failure is printed by `main` as one line, exit status 1).
    func open() throws(StoreError) -> RecordStore {
        try RecordStore(path: path)
    }

    /// The analysis loader over the store, kept to `scope`.
    func loader(_ scope: ScopeOptions) throws -> AnalysisLoader {
        try AnalysisLoader(store: try open(), scope: try scope.scope())
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
