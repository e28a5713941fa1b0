import ArgumentParser
import Foundation
import Server
import Store

#if canImport(Glibc)
    import Glibc
#endif

extension AccountRole: ExpressibleByArgument {}

extension BikePDCA {
    struct User: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Accounts of the browser app (bikepdca serve): add, list, disable, passwd.",
            discussion: """
                Roles: admin (accounts and the audit log), hq (every station: every upload and report),
                station (its own station's uploads and reports; give --station). A password is read from the
                terminal (asked twice) or from the first line of standard input, never from a flag.
                """,
            subcommands: [Add.self, List.self, Disable.self, Enable.self, Passwd.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Add an account.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The login name (letters, digits, '.', '_', '-').") var name: String
            @Option(help: "admin, hq or station.") var role: AccountRole
            @Option(help: "The station of a station account (e.g. 58101).") var station: String?

            func run() throws {
                let administration = AccountAdministration(store: try store.openForWriting())
                let account = try Self.reporting {
                    try administration.add(
                        name: name, role: role, stationID: station, password: try User.readPassword())
                }
                Console.out(
                    "added \(account.name) (\(account.role.rawValue)\(account.stationID.map { " \($0)" } ?? ""))")
            }

            static func reporting<T>(_ body: () throws -> T) throws -> T {
                do { return try body() } catch let failure as AccountAdministration.Failure {
                    Console.error(failure.description)
                    throw ExitCode(1)
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts.")
            @OptionGroup var store: StoreOptions

            func run() throws {
                let accounts = try AccountAdministration(store: try store.openForWriting()).list()
                if accounts.isEmpty { Console.out("no accounts (add one: bikepdca user add NAME --role admin)") }
                for account in accounts {
                    var state = account.isDisabled ? "disabled" : "active"
                    if account.lockedUntil > Int64(Date().timeIntervalSince1970) { state += ", locked" }
                    Console.out(
                        "\(account.name)  \(account.role.rawValue)\(account.stationID.map { " \($0)" } ?? "")  \(state)"
                    )
                }
            }
        }

        struct Disable: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The login name.") var name: String

            func run() throws {
                let administration = AccountAdministration(store: try store.openForWriting())
                try Add.reporting { try administration.disable(name: name) }
                Console.out("disabled \(name)")
            }
        }

        struct Enable: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Enable a disabled account.")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The login name.") var name: String

            func run() throws {
                let administration = AccountAdministration(store: try store.openForWriting())
                try Add.reporting { try administration.enable(name: name) }
                Console.out("enabled \(name)")
            }
        }

        struct Passwd: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Set an account's password (lifts a lock-out, ends its sessions).")
            @OptionGroup var store: StoreOptions
            @Argument(help: "The login name.") var name: String

            func run() throws {
                let administration = AccountAdministration(store: try store.openForWriting())
                try Add.reporting { try administration.changePassword(name: name, password: try User.readPassword()) }
                Console.out("password changed for \(name)")
            }
        }

        /// The password: asked twice on a terminal, else the first line of standard input.
        static func readPassword() throws -> String {
            if isatty(STDIN_FILENO) != 0 {
                let first = prompt("Password: ")
                guard prompt("Again: ") == first else {
                    Console.error("error: the two passwords differ")
                    throw ExitCode(1)
                }
                return first
            }
            guard let line = readLine(strippingNewline: true) else {
                Console.error("error: no password on standard input")
                throw ExitCode(1)
            }
            return line
        }

        private static func prompt(_ text: String) -> String {
            guard let pointer = getpass(text) else { return "" }
            return String(cString: pointer)
        }
    }
}
