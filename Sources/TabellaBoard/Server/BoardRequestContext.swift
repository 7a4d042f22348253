import Hummingbird
import NIOCore

/// The per-request context of the board's HTTP server: Hummingbird's core context and the client's address, which
/// rate limits are kept by.
public struct BoardRequestContext: RequestContext, RemoteAddressRequestContext {
    /// Hummingbird's context storage.
    public var coreContext: CoreRequestContextStorage
    /// The client's address.
    public let remoteAddress: SocketAddress?

    /// A context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address, the key of its rate limit.
    var clientKey: String { remoteAddress?.ipAddress ?? "unknown" }
}
