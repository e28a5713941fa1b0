import GRDB

extension StoreMigrations {
    /// The browser app's accounts (利用者), their sessions and the audit log (監査記録) of logins and imports.
    ///
    /// Passwords are kept only as bcrypt hashes and sessions only as the SHA-256 of their token, so a copy of the
    /// database lets no one log in.
    static func registerAccounts(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("accounts: users, sessions, audit log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE accounts (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        role TEXT NOT NULL CHECK (role IN ('admin', 'hq', 'station')),
                        station_id TEXT,
                        password_hash TEXT NOT NULL,
                        disabled INTEGER NOT NULL DEFAULT 0,
                        failed_logins INTEGER NOT NULL DEFAULT 0,
                        locked_until INTEGER NOT NULL DEFAULT 0,
                        created_at INTEGER NOT NULL,
                        CHECK ((role = 'station') = (station_id IS NOT NULL))
                    );
                    CREATE TABLE account_sessions (
                        token_sha256 TEXT PRIMARY KEY,
                        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                        csrf_token TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL
                    );
                    CREATE INDEX account_sessions_by_account ON account_sessions(account_id);
                    CREATE TABLE audit_log (
                        id INTEGER PRIMARY KEY,
                        at INTEGER NOT NULL,
                        account_name TEXT NOT NULL,
                        address TEXT NOT NULL,
                        action TEXT NOT NULL,
                        detail TEXT NOT NULL,
                        import_id INTEGER
                    );
                    CREATE INDEX audit_log_by_import ON audit_log(import_id) WHERE import_id IS NOT NULL;
                    """)
        }
    }
}
