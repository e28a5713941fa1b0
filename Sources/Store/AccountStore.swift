import GRDB

/// What a browser-app account may do (権限).
public enum AccountRole: String, Sendable, CaseIterable, Hashable {
    /// Manages accounts and reads the audit log (管理者).
    case admin
    /// Headquarters (本部): every station's data and reports, compare and Act.
    case hq
    /// A police station (警察署): uploads and reads its own station's data only.
    case station
}

/// One account of the browser app (利用者). The password is kept only as its bcrypt hash.
public struct Account: Sendable, Hashable {
    /// The row id.
    public let id: Int64
    /// The login name.
    public let name: String
    /// What the account may do.
    public let role: AccountRole
    /// The station of a `station` account (`nil` for the others).
    public let stationID: String?
    /// The bcrypt hash of the password.
    public let passwordHash: String
    /// A disabled account cannot log in and its sessions are gone.
    public let isDisabled: Bool
    /// Failed logins since the last successful one.
    public let failedLogins: Int
    /// Until when (Unix seconds) logins are refused after repeated failures; 0 when not locked.
    public let lockedUntil: Int64

    init(row: Row) {
        id = row["id"]
        name = row["name"]
        role = AccountRole(rawValue: row["role"]) ?? .station
        stationID = row["station_id"]
        passwordHash = row["password_hash"]
        isDisabled = row["disabled"]
        failedLogins = row["failed_logins"]
        lockedUntil = row["locked_until"]
    }
}

/// A logged-in session (ログイン中の接続): its account and the token every form must send back.
public struct AccountSession: Sendable, Hashable {
    /// Who is logged in.
    public let account: Account
    /// The anti-forgery token of this session's forms (CSRF).
    public let csrfToken: String
    /// When the session ends (Unix seconds).
    public let expiresAt: Int64
}

/// One line of the audit log (監査記録): who did what, when, from where.
public struct AuditEntry: Sendable, Hashable {
    /// The row id.
    public let id: Int64
    /// When (Unix seconds).
    public let at: Int64
    /// The account name given (for a failed login, the name that was tried).
    public let accountName: String
    /// The client's address.
    public let address: String
    /// `login`, `login-failed`, `locked`, `logout`, `import`, `import-failed`.
    public let action: String
    /// A one-line description (file name, dataset, rows).
    public let detail: String
    /// The import log entry an import wrote.
    public let importID: Int64?

    init(row: Row) {
        id = row["id"]
        at = row["at"]
        accountName = row["account_name"]
        address = row["address"]
        action = row["action"]
        detail = row["detail"]
        importID = row["import_id"]
    }
}

extension RecordStore {
    /// Adds an account; fails when the name is taken.
    public func addAccount(
        name: String, role: AccountRole, stationID: String?, passwordHash: String, now: Int64
    ) throws(StoreError) -> Account {
        try writeAccounts { db in
            if try Row.fetchOne(db, sql: "SELECT 1 FROM accounts WHERE name = ?", arguments: [name]) != nil {
                throw StoreError.database(path: path, message: "an account named \"\(name)\" already exists")
            }
            try db.execute(
                sql: """
                    INSERT INTO accounts (name, role, station_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?)
                    """, arguments: [name, role.rawValue, role == .station ? stationID : nil, passwordHash, now])
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name])
            else { throw StoreError.database(path: path, message: "the account \"\(name)\" was not written") }
            return Account(row: row)
        }
    }

    /// Every account, by name.
    public func accounts() throws(StoreError) -> [Account] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM accounts ORDER BY name").map(Account.init(row:)) }
    }

    /// The account with this login name, if any.
    public func account(named name: String) throws(StoreError) -> Account? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM accounts WHERE name = ?", arguments: [name]).map(Account.init)
        }
    }

    /// Replaces an account's password hash, lifts a lock-out and ends its sessions; `false` when there is no
    /// such account.
    public func setPasswordHash(_ hash: String, forAccount name: String) throws(StoreError) -> Bool {
        try writeAccounts { db in
            try db.execute(
                sql: "UPDATE accounts SET password_hash = ?, failed_logins = 0, locked_until = 0 WHERE name = ?",
                arguments: [hash, name])
            guard db.changesCount > 0 else { return false }
            try db.execute(
                sql: "DELETE FROM account_sessions WHERE account_id = (SELECT id FROM accounts WHERE name = ?)",
                arguments: [name])
            return true
        }
    }

    /// Disables (and ends the sessions of) or enables an account; `false` when there is no such account.
    public func setDisabled(_ disabled: Bool, account name: String) throws(StoreError) -> Bool {
        try writeAccounts { db in
            try db.execute(
                sql: "UPDATE accounts SET disabled = ?, failed_logins = 0, locked_until = 0 WHERE name = ?",
                arguments: [disabled, name])
            guard db.changesCount > 0 else { return false }
            if disabled {
                try db.execute(
                    sql: "DELETE FROM account_sessions WHERE account_id = (SELECT id FROM accounts WHERE name = ?)",
                    arguments: [name])
            }
            return true
        }
    }

    /// Counts a failed login; at `maxFailures` the account is locked until `lockUntil` and the count restarts.
    /// Returns whether this failure locked the account.
    public func recordFailedLogin(accountID: Int64, maxFailures: Int, lockUntil: Int64) throws(StoreError) -> Bool {
        try writeAccounts { db in
            try db.execute(
                sql: "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = ?", arguments: [accountID])
            let failures =
                try Int.fetchOne(db, sql: "SELECT failed_logins FROM accounts WHERE id = ?", arguments: [accountID])
                ?? 0
            guard failures >= maxFailures else { return false }
            try db.execute(
                sql: "UPDATE accounts SET failed_logins = 0, locked_until = ? WHERE id = ?",
                arguments: [lockUntil, accountID])
            return true
        }
    }

    /// Starts a session after a successful login: clears the failure count and stores the session.
    public func startSession(
        tokenSHA256: String, accountID: Int64, csrfToken: String, now: Int64, expiresAt: Int64
    ) throws(StoreError) {
        try writeAccounts { db in
            try db.execute(
                sql: "UPDATE accounts SET failed_logins = 0, locked_until = 0 WHERE id = ?", arguments: [accountID])
            try db.execute(sql: "DELETE FROM account_sessions WHERE expires_at <= ?", arguments: [now])
            try db.execute(
                sql: """
                    INSERT INTO account_sessions (token_sha256, account_id, csrf_token, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [tokenSHA256, accountID, csrfToken, now, expiresAt])
        }
    }

    /// The live session with this token hash: not expired at `now`, its account not disabled.
    public func session(tokenSHA256: String, now: Int64) throws(StoreError) -> AccountSession? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT a.*, s.csrf_token, s.expires_at FROM account_sessions s
                        JOIN accounts a ON a.id = s.account_id
                        WHERE s.token_sha256 = ? AND s.expires_at > ? AND a.disabled = 0
                        """, arguments: [tokenSHA256, now])
            else { return nil }
            return AccountSession(
                account: Account(row: row), csrfToken: row["csrf_token"], expiresAt: row["expires_at"])
        }
    }

    /// Ends a session (logout).
    public func endSession(tokenSHA256: String) throws(StoreError) {
        try writeAccounts { db in
            try db.execute(sql: "DELETE FROM account_sessions WHERE token_sha256 = ?", arguments: [tokenSHA256])
        }
    }

    /// Appends a line to the audit log.
    public func appendAudit(
        at: Int64, accountName: String, address: String, action: String, detail: String, importID: Int64? = nil
    ) throws(StoreError) {
        try writeAccounts { db in
            try db.execute(
                sql: """
                    INSERT INTO audit_log (at, account_name, address, action, detail, import_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [at, accountName, address, action, detail, importID])
        }
    }

    /// The audit log, newest first.
    public func auditLog(limit: Int = 100) throws(StoreError) -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT ?", arguments: [limit])
                .map(AuditEntry.init(row:))
        }
    }

    /// Who imported each of these import log entries through the browser app (import id → account name).
    public func importers(of importIDs: [Int64]) throws(StoreError) -> [Int64: String] {
        guard !importIDs.isEmpty else { return [:] }
        return try read { db in
            var result: [Int64: String] = [:]
            let marks = Array(repeating: "?", count: importIDs.count).joined(separator: ", ")
            for row in try Row.fetchAll(
                db, sql: "SELECT import_id, account_name FROM audit_log WHERE import_id IN (\(marks))",
                arguments: StatementArguments(importIDs))
            {
                result[row["import_id"]] = row["account_name"]
            }
            return result
        }
    }

    private func writeAccounts<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do { return try pool.write(body) } catch let error as StoreError { throw error } catch {
            throw StoreError.from(error, path: path)
        }
    }
}
