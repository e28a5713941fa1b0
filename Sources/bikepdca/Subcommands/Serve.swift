import ArgumentParser
import Dispatch
import Foundation
import Server

extension BikePDCA {
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The browser app: stations upload, HQ reads reports (http://127.0.0.1:8080/).",
            discussion: """
                Add an account first: bikepdca user add admin --role hq. Listens on 127.0.0.1 (this machine
                only) unless --host says otherwise; reached from other machines it needs TLS: --tls-cert and
                --tls-key, or the force's TLS reverse proxy in front and --behind-tls-proxy (docs/SERVE.md).
                """)

        @OptionGroup var store: StoreOptions

        @Option(help: "The address to listen on (default 127.0.0.1: this machine only).")
        var host = "127.0.0.1"

        @Option(help: "The port (default 8080).")
        var port = 8080

        @Option(help: "A PEM certificate chain: serve HTTPS (with --tls-key).")
        var tlsCert: String?

        @Option(help: "The PEM private key of --tls-cert.")
        var tlsKey: String?

        @Flag(help: "A TLS reverse proxy in front serves HTTPS: mark cookies Secure.")
        var behindTLSProxy = false

        @Option(help: "The largest upload, in MiB (default 64).")
        var maxUploadMib = 64

        @Option(help: "Uploads waiting or running at most; another is refused until one ends (default 8).")
        var maxQueuedUploads = 8

        @Option(help: "Session lifetime in minutes (default 480).")
        var sessionMinutes = 480

        @Option(
            help: ArgumentHelp(
                "A folder of mapping profiles (*.yaml, *.yml, *.json) offered by name on the upload form.",
                valueName: "folder"))
        var mappingFolder: String?

        func validate() throws {
            guard (tlsCert == nil) == (tlsKey == nil) else {
                throw ValidationError("give both --tls-cert and --tls-key")
            }
            guard (1...65535).contains(port) else { throw ValidationError("--port must be 1 to 65535") }
            guard maxUploadMib > 0, sessionMinutes > 0, maxQueuedUploads > 0 else {
                throw ValidationError("--max-upload-mib, --max-queued-uploads and --session-minutes must be positive")
            }
            if let mappingFolder {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: mappingFolder, isDirectory: &isFolder), isFolder.boolValue
                else { throw ValidationError("no such folder: \(mappingFolder)") }
            }
        }

        func run() throws {
            var settings = ServerSettings()
            settings.host = host
            settings.port = port
            settings.tlsCertificatePath = tlsCert
            settings.tlsKeyPath = tlsKey
            settings.behindTLSProxy = behindTLSProxy
            settings.maxUploadBytes = maxUploadMib << 20
            settings.maxQueuedUploads = maxQueuedUploads
            settings.sessionLifetime = Int64(sessionMinutes) * 60
            settings.mappingFolder = mappingFolder.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            // Opened for writing first (it migrates), then read-only for the reports.
            let writer = try store.openForWriting()
            let server = BikePDCAServer(
                store: writer, reader: try store.openForReading(warnsOfPendingAssignment: false), settings: settings)
            if let warning = settings.exposureWarning { Console.error(warning) }
            Console.error(
                "bikepdca serve: \(settings.servesTLS ? "https" : "http")://\(host):\(port)/ (database \(store.path))")
            let done = DispatchSemaphore(value: 0)
            let failure = FailureBox()
            Task {
                do { try await server.run() } catch { failure.set("error: \(error)") }
                done.signal()
            }
            done.wait()
            if let message = failure.message {
                Console.error(message)
                throw ExitCode(1)
            }
        }
    }
}

/// The server task's failure, read after it ended.
private final class FailureBox: @unchecked Sendable {
    // Written once by the server task before the semaphore is signalled, read after the wait.
    private(set) var message: String?
    func set(_ text: String) { message = text }
}
