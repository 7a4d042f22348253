import Foundation
import GRDB
import Synchronization

/// The embedded board storage: one SQLite file through GRDB, in WAL mode with `synchronous = FULL`, so that a
/// commit is on disk before it returns. One writer (this process), many concurrent readers.
public final class SQLiteStorage: BoardStorage {
    /// How the database is opened.
    public struct Options: Sendable {
        /// Open the file read-only: every commit fails with `storageUnavailable`, reads work.
        public var readOnly = false
        /// A cap on the database's size in bytes (SQLite's `max_page_count`): a commit that would pass it fails
        /// as on a full disk. `nil` for no cap.
        public var maximumByteCount: Int?

        /// The defaults: read-write, no cap.
        public init(readOnly: Bool = false, maximumByteCount: Int? = nil) {
            self.readOnly = readOnly
            self.maximumByteCount = maximumByteCount
        }
    }

    private let pool: DatabasePool
    private let edgeCache = Mutex(CompactRange())

    /// Opens (creating if needed) the board database at `path`.
    ///
    /// - Throws: ``BoardError`` `storageUnavailable` when the file cannot be opened or its schema created.
    public init(path: String, options: Options = Options()) throws(BoardError) {
        var configuration = Configuration()
        configuration.readonly = options.readOnly
        configuration.busyMode = .timeout(10)
        configuration.label = "tabella-board"
        configuration.prepareDatabase { db in
            if !options.readOnly {
                try db.execute(sql: "PRAGMA synchronous = FULL")
                if let cap = options.maximumByteCount {
                    try db.execute(sql: "PRAGMA max_page_count = \(max(cap / 4096, 8))")
                }
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if !options.readOnly { try pool.write(Self.createSchema) }
        } catch {
            throw Self.storageError(error, doing: "open the board database \(path)")
        }
    }

    private static func createSchema(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS entries (
                    idx INTEGER PRIMARY KEY, entry_id BLOB NOT NULL UNIQUE, leaf BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS nodes (
                    level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                    PRIMARY KEY (level, idx)) WITHOUT ROWID;
                CREATE TABLE IF NOT EXISTS head (
                    id INTEGER PRIMARY KEY CHECK (id = 0), size INTEGER NOT NULL, checkpoint TEXT);
                INSERT OR IGNORE INTO head (id, size, checkpoint) VALUES (0, 0, NULL);
                """)
    }

    /// The log's size and latest checkpoint.
    public func head() async throws(BoardError) -> (size: UInt64, checkpoint: String?) {
        try await read("read the log head") { db in try Self.readHead(db) }
    }

    private static func readHead(_ db: Database) throws -> (size: UInt64, checkpoint: String?) {
        guard let row = try Row.fetchOne(db, sql: "SELECT size, checkpoint FROM head WHERE id = 0") else {
            return (0, nil)
        }
        return (UInt64(row["size"] as Int64), row["checkpoint"])
    }

    /// Appends groups in one durable transaction (see ``BoardStorage/commit(_:sign:)``).
    public func commit(
        _ groups: [[EntryRecord]], sign: @escaping @Sendable (UInt64, [UInt8]) -> String
    )
        async throws(BoardError) -> CommitResult
    {
        let cached = edgeCache.withLock { $0 }
        let (result, edge): (CommitResult, CompactRange)
        do {
            (result, edge) = try await pool.write { db in
                let size = try Self.readHead(db).size
                let edge = try cached.size == size ? cached : Self.loadEdge(db, size: size)
                var stored = [[UInt8]: UInt64]()
                let lookup = try db.cachedStatement(sql: "SELECT idx FROM entries WHERE entry_id = ?")
                for record in groups.joined() {
                    if let index = try Int64.fetchOne(lookup, arguments: [Data(record.id)]) {
                        stored[record.id] = UInt64(index)
                    }
                }
                let plan = AppendPlan(edge: edge, groups: groups, stored: stored)
                let insertEntry = try db.cachedStatement(
                    sql: "INSERT INTO entries (idx, entry_id, leaf) VALUES (?, ?, ?)")
                for (index, record) in plan.rows {
                    try insertEntry.execute(arguments: [Int64(index), Data(record.id), Data(record.leaf)])
                }
                let insertNode = try db.cachedStatement(sql: "INSERT INTO nodes (level, idx, hash) VALUES (?, ?, ?)")
                for node in plan.nodes {
                    try insertNode.execute(arguments: [node.id.level, Int64(node.id.index), Data(node.hash)])
                }
                let checkpoint = sign(plan.edge.size, plan.edge.root)
                try db.execute(
                    sql: "UPDATE head SET size = ?, checkpoint = ? WHERE id = 0",
                    arguments: [Int64(plan.edge.size), checkpoint])
                return (CommitResult(outcomes: plan.outcomes, size: plan.edge.size, checkpoint: checkpoint), plan.edge)
            }
        } catch {
            throw Self.storageError(error, doing: "append \(groups.count) groups")
        }
        edgeCache.withLock { $0 = edge }
        return result
    }

    private static func loadEdge(_ db: Database, size: UInt64) throws -> CompactRange {
        let ids = MerkleTree.decomposition(of: 0..<size)
        let found = try fetchHashes(db, ids)
        return try CompactRange(
            size: size,
            hashes: ids.map { id throws(BoardError) in
                guard let hash = found[id] else { throw BoardError(.corrupted, "edge node \(id) is not stored") }
                return hash
            })
    }

    private static func fetchHashes(_ db: Database, _ ids: [NodeID]) throws -> [NodeID: [UInt8]] {
        let statement = try db.cachedStatement(sql: "SELECT hash FROM nodes WHERE level = ? AND idx = ?")
        var found = [NodeID: [UInt8]]()
        for id in ids {
            if let hash = try Data.fetchOne(statement, arguments: [id.level, Int64(id.index)]) {
                found[id] = [UInt8](hash)
            }
        }
        return found
    }

    /// The stored hashes of the given nodes, in one read transaction.
    public func hashes(of nodes: [NodeID]) async throws(BoardError) -> [NodeID: [UInt8]] {
        try await read("read tree nodes") { db in try Self.fetchHashes(db, nodes) }
    }

    /// The leaves with indices in `range`.
    public func leaves(in range: Range<UInt64>) async throws(BoardError) -> [[UInt8]] {
        let rows = try await read("read entries") { db in
            try Data.fetchAll(
                db, sql: "SELECT leaf FROM entries WHERE idx >= ? AND idx < ? ORDER BY idx",
                arguments: [Int64(range.lowerBound), Int64(range.upperBound)])
        }
        guard rows.count == range.count else {
            throw BoardError(.corrupted, "entries \(range) are not all stored (\(rows.count) found)")
        }
        return rows.map { [UInt8]($0) }
    }

    /// The hashes of the nodes at `level` with indices in `range`.
    public func levelHashes(level: Int, in range: Range<UInt64>) async throws(BoardError) -> [[UInt8]] {
        let rows = try await read("read a tile") { db in
            try Data.fetchAll(
                db, sql: "SELECT hash FROM nodes WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx",
                arguments: [level, Int64(range.lowerBound), Int64(range.upperBound)])
        }
        guard rows.count == range.count else {
            throw BoardError(.corrupted, "nodes \(range) of level \(level) are not all stored")
        }
        return rows.map { [UInt8]($0) }
    }

    /// The index of the entry with identity `id`, if stored.
    public func index(ofEntry id: [UInt8]) async throws(BoardError) -> UInt64? {
        try await read("look up an entry") { db in
            try Int64.fetchOne(db, sql: "SELECT idx FROM entries WHERE entry_id = ?", arguments: [Data(id)])
                .map(UInt64.init)
        }
    }

    /// Closes the database.
    public func close() async {
        try? pool.close()
    }

    private func read<T: Sendable>(
        _ what: String, _ body: @escaping @Sendable (Database) throws -> T
    )
        async throws(BoardError) -> T
    {
        do { return try await pool.read(body) } catch { throw Self.storageError(error, doing: what) }
    }

    private static func storageError(_ error: any Error, doing what: String) -> BoardError {
        if let error = error as? BoardError { return error }
        if let error = error as? DatabaseError {
            return BoardError(
                .storageUnavailable, "could not \(what): SQLite \(error.resultCode): \(error.message ?? "")")
        }
        return BoardError(.storageUnavailable, "could not \(what): \(error)")
    }
}
