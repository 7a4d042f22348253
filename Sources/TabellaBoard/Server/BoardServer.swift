import Foundation
import Hummingbird
import Logging
import NIOCore

/// The board's HTTP API on Hummingbird: appends, reads, c2sp.org/tlog-tiles, proofs, server-sent events, health
/// and Prometheus metrics. Errors are JSON with a stable code (``ErrorJSON``); Docs/board.md lists the routes.
public enum BoardServer {
    /// The server's settings.
    public struct Configuration: Sendable {
        /// The address to listen on.
        public var host = "127.0.0.1"
        /// The port (0 for any free port).
        public var port = 8080
        /// The largest request body read, in bytes.
        public var maximumBodyByteCount = 4 << 20
        /// Requests per second allowed per client address (`nil` for no limit).
        public var rateLimit: Double? = 200
        /// The burst of requests a client may make at once.
        public var rateBurst: Double = 400
        /// The witnesses each new checkpoint is pushed to; `GET /checkpoint` then carries their cosignatures
        /// (see ``WitnessPublisher``).
        public var witnesses: [WitnessEndpoint] = []
        /// The data of the web page at `/ui/` (the page is served without it, and says it has no data).
        public var dashboard: (any BoardDashboardSource)?

        /// The defaults: loopback port 8080, 4 MiB bodies, 200 requests per second per client.
        public init() {}
    }

    /// The Hummingbird application serving `board`; `onRunning` hears the bound port once it listens.
    public static func application(
        board: Board, configuration: Configuration, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let metrics = BoardMetrics()
        let router = Router(context: BoardRequestContext.self)
        router.add(
            middleware: BoardMiddleware(
                metrics: metrics,
                limiter: configuration.rateLimit.map {
                    RateLimiter(rate: $0, burst: configuration.rateBurst)
                }))
        let publisher =
            configuration.witnesses.isEmpty
            ? nil : WitnessPublisher(board: board, witnesses: configuration.witnesses, logger: logger)
        BoardRoutes(
            board: board, metrics: metrics, maximumBody: configuration.maximumBodyByteCount, witnesses: publisher
        ).add(to: router)
        BoardPageRoutes(source: configuration.dashboard).add(to: router)
        return Application(
            router: router,
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port),
                serverName: "tabella-board"),
            services: publisher.map { [$0] } ?? [],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}

extension BoardServer {
    /// Serves `board` until SIGINT or SIGTERM.
    public static func run(
        board: Board, configuration: Configuration, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await application(board: board, configuration: configuration, logger: logger, onRunning: onRunning)
            .runService()
    }
}

/// Rate limits, metrics and JSON errors around every route.
struct BoardMiddleware: RouterMiddleware {
    typealias Context = BoardRequestContext

    let metrics: BoardMetrics
    let limiter: RateLimiter?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    )
        async throws -> Response
    {
        let response: Response
        if let limiter, !["/health", "/live", "/metrics"].contains(request.uri.path),
            !limiter.allow(context.clientKey)
        {
            response = BoardError(.rateLimited, "more than the allowed requests per second from this client").response
        } else {
            do {
                response = try await next(request, context)
            } catch let error as BoardError {
                if error.httpStatus.code >= 500 {
                    context.logger.error(
                        "request failed", metadata: ["path": "\(request.uri.path)", "error": "\(error)"])
                }
                response = error.response
            } catch let error as HTTPResponseError {
                let code: BoardError.Code = error.status == .notFound ? .notFound : .malformedRequest
                response =
                    BoardError(code, "\(request.method) \(request.uri.path): \(error.status.reasonPhrase)")
                    .response
            }
        }
        metrics.request(route: context.endpointPath ?? "unmatched", status: response.status.code)
        return response
    }
}
