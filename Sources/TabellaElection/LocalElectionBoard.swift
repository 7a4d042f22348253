import AsyncHTTPClient
import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import TabellaMonitor
import TabellaVerifier

/// A board for one native election on this machine: SQLite in a file, the election's checks as its admission
/// policy, the HTTP API and its web page on loopback. It is what `tabella board serve --native` runs, started in-process.
public struct LocalElectionBoard: Sendable {
    /// The board.
    public let board: Board
    /// The running HTTP server.
    public let server: RunningBoardServer
    /// A client of the server.
    public let client: BoardClient
    /// The HTTP client behind ``client``, shut down by ``stop()``.
    private let http: HTTPClient
    /// The data of the board's web page.
    private let dashboard: BoardDashboard

    /// The key that verifies the board's checkpoints.
    public var logKey: Ed25519NoteVerifier { board.verifier }
    /// The board's origin.
    public var origin: String { board.origin }

    /// Opens (or creates) the database at `path` and serves the election on `host`, on a free port; ``client``
    /// keeps up to `connections` connections open at once (one per request in progress).
    public static func start(
        path: String, election: String, group: ElectionGroup, signer: Ed25519NoteSigner,
        authority: Ed25519.PublicKey?, host: String = "127.0.0.1", connections: Int = 8, logger: Logger
    ) async throws -> LocalElectionBoard {
        let storage = try SQLiteStorage(path: path)
        let policy = try await group.run(AdmissionFactory(election: election, authority: authority))
        let board = Board(storage: storage, signer: signer, election: election, policy: policy.policy)
        try await board.start()
        try await policy.load(board)
        var configuration = BoardServer.Configuration()
        configuration.host = host
        configuration.port = 0
        configuration.rateLimit = nil
        let dashboard = BoardDashboard(board: board)
        await dashboard.start()
        configuration.dashboard = dashboard
        let server = try await RunningBoardServer.start(board: board, configuration: configuration, logger: logger)
        var clientConfiguration = HTTPClient.Configuration()
        clientConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, connections)
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        return LocalElectionBoard(board: board, server: server,
                                  client: BoardClient(baseURL: server.baseURL, httpClient: http), http: http,
                                  dashboard: dashboard)
    }

    /// Stops the client and the server and closes the database.
    public func stop() async {
        try? await http.shutdown()
        await dashboard.stop()
        await server.stop()
        await board.close()
    }
}

/// An election's admission policy, made for the election's group, with a way to load it from its board's log.
public struct ElectionAdmissionHandle: Sendable {
    /// The policy.
    public let policy: any AdmissionPolicy
    /// Rebuilds the policy's state from the board's log (at start).
    public let load: @Sendable (Board) async throws -> Void
}

/// Makes the ``ElectionAdmission`` of an election in its group's ciphersuite.
public struct AdmissionFactory: ElectionSuiteAction {
    /// The election.
    public let election: String
    /// The authority key the definition must be signed with, if pinned.
    public let authority: Ed25519.PublicKey?

    /// A factory.
    public init(election: String, authority: Ed25519.PublicKey?) {
        self.election = election
        self.authority = authority
    }

    /// The policy and its loader.
    public func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> ElectionAdmissionHandle {
        let admission = ElectionAdmission(suite: suite, election: election, authority: authority)
        return ElectionAdmissionHandle(policy: admission) { board in
            try await admission.load { () async throws(BoardError) -> [BoardEntry] in
                let size = try await board.head().size
                return try await board.entries(from: 0, to: size)
            }
        }
    }
}
