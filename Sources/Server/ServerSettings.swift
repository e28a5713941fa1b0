import Foundation

/// How `bikepdca serve` runs: where it listens, TLS, and the limits of sessions, logins and uploads.
public struct ServerSettings: Sendable {
    /// The address listened on. Default `127.0.0.1` (this machine only).
    public var host = "127.0.0.1"
    /// The port. Default 8080.
    public var port = 8080
    /// A PEM certificate chain and key for HTTPS; both or neither.
    public var tlsCertificatePath: String?
    /// The PEM private key of ``tlsCertificatePath``.
    public var tlsKeyPath: String?
    /// Whether the app is reached over HTTPS (its own TLS, or a TLS reverse proxy in front): cookies get `Secure`.
    public var behindTLSProxy = false
    /// How long a session lasts after login, in seconds (no sliding: a request never writes). Default 8 hours.
    public var sessionLifetime: Int64 = 8 * 3600
    /// Failed logins in a row that lock an account. Default 5.
    public var maxFailedLogins = 5
    /// How long a lock-out lasts, in seconds. Default 15 minutes.
    public var lockoutSeconds: Int64 = 15 * 60
    /// The largest upload accepted, in bytes. Default 64 MiB.
    public var maxUploadBytes = 64 << 20
    /// Uploads waiting or running at most: each waiting upload holds its file in memory, so another one is
    /// refused (503, "try again shortly") until one ends. Default 8 (at most 512 MiB of files at the default
    /// upload size).
    public var maxQueuedUploads = 8
    /// The bcrypt cost of new password hashes (2^cost rounds). Default 12.
    public var bcryptCost: UInt8 = 12
    /// The clock (Unix seconds): tests move it to expire sessions and lock-outs.
    public var now: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    /// The folder of temporary upload and report files (default: the system's temporary folder).
    public var workFolder: String = NSTemporaryDirectory()
    /// The folder of the mapping profiles offered on the upload form (`--mapping-folder`): its `*.yaml`, `*.yml`
    /// and `*.json` files, by name. `nil`: none offered.
    public var mappingFolder: String?
    /// Called on the import queue as each upload starts, before the file is read; `nil` in the app. Tests hold
    /// an import back with it to see the job page while it waits and runs.
    public var importGate: (@Sendable () -> Void)?

    /// Creates the default settings.
    public init() {}

    /// Whether the server serves HTTPS itself.
    public var servesTLS: Bool { tlsCertificatePath != nil && tlsKeyPath != nil }

    /// Whether cookies must carry `Secure` (HTTPS here or at a proxy).
    public var isSecure: Bool { servesTLS || behindTLSProxy }

    /// Whether `host` reaches only this machine.
    public var isLoopback: Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }

    /// The warning printed when the app is reachable from other machines without TLS, or `nil`.
    public var exposureWarning: String? {
        guard !isLoopback, !isSecure else { return nil }
        return "warning: listening on \(host):\(port) without TLS: passwords and session cookies cross the network "
            + "in clear. Give --tls-cert and --tls-key, or put the app behind the force's TLS reverse proxy and pass "
            + "--behind-tls-proxy (docs/SERVE.md)."
    }
}
