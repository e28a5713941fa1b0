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

    /// Opens the store, printing a one-line error and exiting 1 when it cannot.
    func open() throws -> RecordStore {
        do {
            return try RecordStore(path: path)
        } catch {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
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
