import Hummingbird

/// The request context of the browser app: Hummingbird's core storage and the client's address (for the audit
/// log).
public struct AppRequestContext: RequestContext {
    /// Hummingbird's per-request storage.
    public var coreContext: CoreRequestContextStorage
    /// The client's IP address, or `-` when unknown (in-process tests).
    public let clientAddress: String

    /// Creates the context of a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
