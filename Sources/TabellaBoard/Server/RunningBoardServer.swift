import Hummingbird
import Logging

/// A board's HTTP server running in this process, on a port chosen when it started, until ``stop()``.
public final class RunningBoardServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// The server's base URL, `http://host:port`.
    public let baseURL: String
    private let task: Task<Void, any Error>

    private init(port: Int, host: String, task: Task<Void, any Error>) {
        self.port = port
        baseURL = "http://\(host):\(port)"
        self.task = task
    }

    /// Starts serving `board` and returns once the server listens.
    ///
    /// - Throws: ``BoardError`` `storageUnavailable` when the server stops before it listens (the port is taken).
    public static func start(board: Board, configuration: BoardServer.Configuration, logger: Logger) async throws
        -> RunningBoardServer
    {
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = BoardServer.application(board: board, configuration: configuration, logger: logger,
                                          onRunning: { continuation.yield($0) })
        let task = Task {
            defer { continuation.finish() }
            try await app.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            _ = try await task.value
            throw BoardError(.storageUnavailable, "the board server stopped before it listened")
        }
        return RunningBoardServer(port: port, host: configuration.host, task: task)
    }

    /// Stops the server.
    public func stop() async {
        task.cancel()
        _ = try? await task.value
    }
}
