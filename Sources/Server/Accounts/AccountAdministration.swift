import BikePDCACore
import Store

/// Account management for `bikepdca user` (利用者管理): add, list, disable, change a password.
public struct AccountAdministration {
    /// The database the accounts live in.
    public let store: RecordStore
    /// The bcrypt cost of new hashes. Default 12.
    public var bcryptCost: UInt8 = 12
    /// The clock (Unix seconds).
    public var now: @Sendable () -> Int64 = ServerSettings().now

    /// A failure a user can act on, as one line.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The message.
        public let description: String
    }

    /// Creates the administration over `store`.
    public init(store: RecordStore) { self.store = store }

    /// Adds an account; a station account needs a registered station.
    public func add(name: String, role: AccountRole, stationID: String?, password: String) throws -> Account {
        guard Self.isValidName(name) else {
            throw Failure(
                description: "error: an account name has 1 to 64 letters, digits, '.', '_' or '-' (got \"\(name)\")")
        }
        switch (role, stationID) {
        case (.station, nil): throw Failure(description: "error: a station account needs --station ID")
        case (.station, let id?):
            guard try store.stations().contains(where: { $0.id == id }) else {
                throw Failure(
                    description: "error: unknown station \"\(id)\" (import stations first: bikepdca import stations)")
            }
        case (_, .some): throw Failure(description: "error: --station applies to station accounts only")
        case (_, nil): break
        }
        if let problem = Passwords.problem(with: password) { throw Failure(description: "error: \(problem)") }
        return try store.addAccount(
            name: name, role: role, stationID: stationID, passwordHash: Passwords.hash(password, cost: bcryptCost),
            now: now())
    }

    /// Every account.
    public func list() throws -> [Account] { try store.accounts() }

    /// Disables an account and ends its sessions.
    public func disable(name: String) throws {
        guard try store.setDisabled(true, account: name) else {
            throw Failure(description: "error: no account named \"\(name)\"")
        }
    }

    /// Enables a disabled account again.
    public func enable(name: String) throws {
        guard try store.setDisabled(false, account: name) else {
            throw Failure(description: "error: no account named \"\(name)\"")
        }
    }

    /// Sets a new password (lifting a lock-out and ending the account's sessions).
    public func changePassword(name: String, password: String) throws {
        if let problem = Passwords.problem(with: password) { throw Failure(description: "error: \(problem)") }
        guard try store.setPasswordHash(Passwords.hash(password, cost: bcryptCost), forAccount: name) else {
            throw Failure(description: "error: no account named \"\(name)\"")
        }
    }

    /// Whether `name` is an acceptable login name.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                        || scalar == "." || scalar == "_" || scalar == "-")
            }
    }
}
