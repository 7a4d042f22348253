import Foundation
import Logging
import NIOCore
import PostgresNIO
import TabellaGroups

/// Board storage in PostgreSQL through postgres-nio, so that several board front ends can share one database.
///
/// Each commit runs in one transaction that first locks the log's head row (`SELECT … FOR UPDATE`): front ends
/// take turns, each starting from the size the last one committed, so no index is ever given twice. PostgreSQL
/// commits are durable (`synchronous_commit` on, its default) before the transaction returns.
public final class PostgresStorage: BoardStorage {
    private let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger
    private let edgeCache = Locked(CompactRange())

    /// Connects to the database at `url` (`postgres://user:password@host:port/database`) and creates the tables
    /// if they are missing, in `schema` (created too), so that several boards can share one database.
    ///
    /// - Throws: ``BoardError`` `malformedRequest` for a URL that cannot be read, `storageUnavailable` when the
    ///   server cannot be reached or the schema cannot be created.
    public init(url: String, schema: String = "tabella_board", logger: Logger) async throws(BoardError) {
        guard !schema.isEmpty,
            schema.utf8.allSatisfy({ (0x61...0x7a).contains($0) || (0x30...0x39).contains($0) || $0 == 0x5f })
        else {
            throw BoardError(.malformedRequest, "the schema name `\(schema)` is not lower-case letters, digits and `_`")
        }
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme),
            let host = components.host, let user = components.user
        else {
            throw BoardError(.malformedRequest, "`\(url)` is not a postgres://user:password@host:port/database URL")
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: components.path.isEmpty ? nil : String(components.path.dropFirst()), tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let client = self.client
        runner = Task { await client.run() }
        self.logger = logger
        do {
            try await client.withConnection { connection in
                try await connection.query(
                    PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS entries (
                        idx BIGINT PRIMARY KEY, entry_id BYTEA NOT NULL UNIQUE, leaf BYTEA NOT NULL)
                    """,
                    logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS nodes (
                        level INTEGER NOT NULL, idx BIGINT NOT NULL, hash BYTEA NOT NULL, PRIMARY KEY (level, idx))
                    """,
                    logger: logger)
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS head (
                        id INTEGER PRIMARY KEY CHECK (id = 0), size BIGINT NOT NULL, checkpoint TEXT)
                    """,
                    logger: logger)
                try await connection.query(
                    "INSERT INTO head (id, size, checkpoint) VALUES (0, 0, NULL) ON CONFLICT (id) DO NOTHING",
                    logger: logger)
            }
        } catch {
            runner.cancel()
            throw Self.storageError(error, doing: "open the PostgreSQL board database at \(host)")
        }
    }

    /// The log's size and latest checkpoint.
    public func head() async throws(BoardError) -> (size: UInt64, checkpoint: String?) {
        do {
            let rows = try await client.query("SELECT size, checkpoint FROM head WHERE id = 0", logger: logger)
            for try await (size, checkpoint) in rows.decode((Int64, String?).self) {
                return (UInt64(size), checkpoint)
            }
            return (0, nil)
        } catch { throw Self.storageError(error, doing: "read the log head") }
    }

    /// Appends groups in one transaction that holds the head row's lock (see ``BoardStorage/commit(_:sign:)``).
    public func commit(
        _ groups: [[EntryRecord]], sign: @escaping @Sendable (UInt64, [UInt8]) -> String
    )
        async throws(BoardError) -> CommitResult
    {
        let cached = edgeCache.withLock { $0 }
        let logger = self.logger
        let outcome: (CommitResult, CompactRange)
        do {
            outcome = try await client.withTransaction(logger: logger) { connection in
                var size: UInt64 = 0
                let head = try await connection.query("SELECT size FROM head WHERE id = 0 FOR UPDATE", logger: logger)
                for try await value in head.decode(Int64.self) { size = UInt64(value) }
                let edge =
                    try await cached.size == size ? cached : Self.loadEdge(connection, size: size, logger: logger)
                let ids = groups.joined().map { ByteBuffer(bytes: $0.id) }
                var stored = [[UInt8]: UInt64]()
                if !ids.isEmpty {
                    let rows = try await connection.query(
                        "SELECT entry_id, idx FROM entries WHERE entry_id = ANY(\(ids))", logger: logger)
                    for try await (id, index) in rows.decode((ByteBuffer, Int64).self) {
                        stored[Array(buffer: id)] = UInt64(index)
                    }
                }
                let plan = AppendPlan(edge: edge, groups: groups, stored: stored)
                if !plan.rows.isEmpty {
                    let indices = plan.rows.map { Int64($0.index) }
                    let entryIDs = plan.rows.map { ByteBuffer(bytes: $0.record.id) }
                    let leaves = plan.rows.map { ByteBuffer(bytes: $0.record.leaf) }
                    try await connection.query(
                        """
                        INSERT INTO entries (idx, entry_id, leaf)
                        SELECT * FROM UNNEST(\(indices)::BIGINT[], \(entryIDs)::BYTEA[], \(leaves)::BYTEA[])
                        """, logger: logger)
                    let levels = plan.nodes.map { Int32($0.id.level) }
                    let positions = plan.nodes.map { Int64($0.id.index) }
                    let hashes = plan.nodes.map { ByteBuffer(bytes: $0.hash) }
                    try await connection.query(
                        """
                        INSERT INTO nodes (level, idx, hash)
                        SELECT * FROM UNNEST(\(levels)::INTEGER[], \(positions)::BIGINT[], \(hashes)::BYTEA[])
                        """, logger: logger)
                }
                let checkpoint = sign(plan.edge.size, plan.edge.root)
                try await connection.query(
                    "UPDATE head SET size = \(Int64(plan.edge.size)), checkpoint = \(checkpoint) WHERE id = 0",
                    logger: logger)
                return (CommitResult(outcomes: plan.outcomes, size: plan.edge.size, checkpoint: checkpoint), plan.edge)
            }
        } catch {
            throw Self.storageError(error, doing: "append \(groups.count) groups")
        }
        edgeCache.withLock { $0 = outcome.1 }
        return outcome.0
    }

    private static func loadEdge(
        _ connection: PostgresConnection, size: UInt64, logger: Logger
    ) async throws
        -> CompactRange
    {
        let ids = MerkleTree.decomposition(of: 0..<size)
        let found = try await fetch(connection, ids, logger: logger)
        return try CompactRange(size: size, hashes: NodeID.required(ids, ids.map { found[$0] }))
    }

    private static func fetch(
        _ connection: PostgresConnection, _ ids: [NodeID], logger: Logger
    ) async throws
        -> [NodeID: [UInt8]]
    {
        guard !ids.isEmpty else { return [:] }
        let levels = ids.map { Int32($0.level) }
        let positions = ids.map { Int64($0.index) }
        let rows = try await connection.query(
            """
            SELECT n.level, n.idx, n.hash FROM nodes n
            JOIN UNNEST(\(levels)::INTEGER[], \(positions)::BIGINT[]) AS w(level, idx)
            ON n.level = w.level AND n.idx = w.idx
            """, logger: logger)
        var found = [NodeID: [UInt8]]()
        for try await (level, index, hash) in rows.decode((Int32, Int64, ByteBuffer).self) {
            found[NodeID(level: Int(level), index: UInt64(index))] = Array(buffer: hash)
        }
        return found
    }

    /// The stored hashes of the given nodes.
    public func hashes(of nodes: [NodeID]) async throws(BoardError) -> [[UInt8]?] {
        let logger = self.logger
        do {
            let found = try await client.withConnection { try await Self.fetch($0, nodes, logger: logger) }
            return nodes.map { found[$0] }
        } catch { throw Self.storageError(error, doing: "read tree nodes") }
    }

    /// The leaves with indices in `range`.
    public func leaves(in range: Range<UInt64>) async throws(BoardError) -> [[UInt8]] {
        var leaves = [[UInt8]]()
        do {
            let rows = try await client.query(
                """
                SELECT leaf FROM entries WHERE idx >= \(Int64(range.lowerBound))
                AND idx < \(Int64(range.upperBound)) ORDER BY idx
                """,
                logger: logger)
            for try await leaf in rows.decode(ByteBuffer.self) { leaves.append(Array(buffer: leaf)) }
        } catch { throw Self.storageError(error, doing: "read entries") }
        guard leaves.count == range.count else {
            throw BoardError(.corrupted, "entries \(range) are not all stored (\(leaves.count) found)")
        }
        return leaves
    }

    /// The hashes of the nodes at `level` with indices in `range`.
    public func levelHashes(level: Int, in range: Range<UInt64>) async throws(BoardError) -> [[UInt8]] {
        var hashes = [[UInt8]]()
        do {
            let rows = try await client.query(
                """
                SELECT hash FROM nodes WHERE level = \(Int32(level)) AND idx >= \(Int64(range.lowerBound))
                AND idx < \(Int64(range.upperBound)) ORDER BY idx
                """, logger: logger)
            for try await hash in rows.decode(ByteBuffer.self) { hashes.append(Array(buffer: hash)) }
        } catch { throw Self.storageError(error, doing: "read a tile") }
        guard hashes.count == range.count else {
            throw BoardError(.corrupted, "nodes \(range) of level \(level) are not all stored")
        }
        return hashes
    }

    /// The index of the entry with identity `id`, if stored.
    public func index(ofEntry id: [UInt8]) async throws(BoardError) -> UInt64? {
        do {
            let rows = try await client.query(
                "SELECT idx FROM entries WHERE entry_id = \(ByteBuffer(bytes: id))", logger: logger)
            for try await index in rows.decode(Int64.self) { return UInt64(index) }
            return nil
        } catch { throw Self.storageError(error, doing: "look up an entry") }
    }

    /// Stops the connection pool.
    public func close() async {
        runner.cancel()
        await runner.value
    }

    private static func storageError(_ error: any Error, doing what: String) -> BoardError {
        if let error = error as? BoardError { return error }
        if let error = error as? PSQLError {
            let detail = error.serverInfo?[.message] ?? "\(error.code)"
            return BoardError(.storageUnavailable, "could not \(what): PostgreSQL: \(detail)")
        }
        return BoardError(.storageUnavailable, "could not \(what): \(error)")
    }
}
