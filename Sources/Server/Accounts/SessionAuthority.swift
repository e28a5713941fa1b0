import Crypto
import Foundation
import Store

/// Logins, sessions and lock-outs (ログイン管理). Only the SHA-256 of a session token is stored; the token itself
/// lives in the browser's cookie.
struct SessionAuthority: Sendable {
    let store: RecordStore
    let settings: ServerSettings

    /// How a login ended.
    enum LoginOutcome: Sendable {
        /// Logged in: the cookie's token and the session.
        case success(token: String, session: AccountSession)
        /// Wrong name or password, or a disabled account (the page says no more than that).
        case refused
        /// Too many failures: refused until the lock-out ends.
        case locked
    }

    /// Checks a password and starts a session; every outcome is written to the audit log.
    func login(name: String, password: String, address: String) throws -> LoginOutcome {
        let now = settings.now()
        guard let account = try store.account(named: name), !account.isDisabled else {
            // The same bcrypt work as for a real account, so that timing does not tell which names exist.
            _ = Passwords.verify(password, hash: Passwords.decoy)
            try audit(name, address, "login-failed", "unknown or disabled account")
            return .refused
        }
        if account.lockedUntil > now {
            try audit(name, address, "login-locked", "refused: locked")
            return .locked
        }
        guard Passwords.verify(password, hash: account.passwordHash) else {
            let locked = try store.recordFailedLogin(
                accountID: account.id, maxFailures: settings.maxFailedLogins, lockUntil: now + settings.lockoutSeconds)
            try audit(
                name, address, locked ? "locked" : "login-failed",
                locked ? "locked after \(settings.maxFailedLogins) failed logins" : "wrong password")
            return locked ? .locked : .refused
        }
        let token = Self.randomToken()
        let csrf = Self.randomToken()
        try store.startSession(
            tokenSHA256: Self.digest(token), accountID: account.id, csrfToken: csrf, now: now,
            expiresAt: now + settings.sessionLifetime)
        try audit(name, address, "login", account.role.rawValue)
        guard let session = try store.session(tokenSHA256: Self.digest(token), now: now) else { return .refused }
        return .success(token: token, session: session)
    }

    /// The live session of a cookie's token.
    func session(token: String) throws -> AccountSession? {
        guard Self.isWellFormed(token) else { return nil }
        return try store.session(tokenSHA256: Self.digest(token), now: settings.now())
    }

    /// Ends a session.
    func logout(token: String, session: AccountSession, address: String) throws {
        try store.endSession(tokenSHA256: Self.digest(token))
        try audit(session.account.name, address, "logout", "")
    }

    /// Writes an audit line at the current time.
    func audit(_ name: String, _ address: String, _ action: String, _ detail: String, importID: Int64? = nil) throws {
        try store.appendAudit(
            at: settings.now(), accountName: String(name.prefix(64)), address: address, action: action,
            detail: detail, importID: importID)
    }

    /// 32 random bytes as 64 hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }

    /// SHA-256 of a token, hex.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `token` looks like one this app made (64 hex digits).
    static func isWellFormed(_ token: String) -> Bool {
        token.utf8.count == 64 && token.unicodeScalars.allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Compares two tokens in time that does not depend on where they differ.
    static func matches(_ given: String?, _ expected: String) -> Bool {
        guard let given else { return false }
        let a = Array(given.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
