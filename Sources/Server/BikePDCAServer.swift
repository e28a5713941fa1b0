import Foundation
import Hummingbird
import HummingbirdTLS
import Store

/// `bikepdca serve` (ブラウザ版): the HQ's browser app over one database. Stations upload, analysts read reports;
/// every import and every report goes through `Workflows`, exactly as on the command line.
public struct BikePDCAServer: Sendable {
    /// The database, opened for writing: imports, accounts, sessions, the audit log.
    public let store: RecordStore
    /// The same database opened read-only (a pool of connections, as the CLI's readers): reports and the dashboard
    /// read through it, in parallel and without waiting for an import that is writing.
    public let reader: RecordStore
    /// Where it listens and its limits.
    public let settings: ServerSettings
    let imports = ImportQueue()
    /// The uploads waiting, running and finished lately, with their results.
    let jobs: ImportJobs

    /// Creates the app over `store`; `reader` defaults to `store` itself.
    public init(store: RecordStore, reader: RecordStore? = nil, settings: ServerSettings) {
        self.store = store
        self.reader = reader ?? store
        self.settings = settings
        jobs = ImportJobs(now: settings.now)
    }

    /// The Hummingbird application: the routes behind the security middleware, HTTP or HTTPS.
    public func makeApplication() throws -> some ApplicationProtocol {
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: PageMiddleware(secure: settings.isSecure))
        Routes(server: self).register(on: router)
        let configuration = ApplicationConfiguration(
            address: .hostname(settings.host, port: settings.port), serverName: nil)
        if let certificate = settings.tlsCertificatePath, let key = settings.tlsKeyPath {
            let tls = TLSConfiguration.makeServerConfiguration(
                certificateChain: try NIOSSLCertificate.fromPEMFile(certificate).map { .certificate($0) },
                privateKey: .privateKey(try NIOSSLPrivateKey(file: key, format: .pem)))
            return Application(
                router: router, server: try .tls(.http1(), tlsConfiguration: tls), configuration: configuration)
        }
        return Application(router: router, server: .http1(), configuration: configuration)
    }

    /// Serves until the process is stopped (Ctrl-C or SIGTERM).
    public func run() async throws {
        try await makeApplication().runService()
    }
}
