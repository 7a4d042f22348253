import Foundation
import GRDB
import Synchronization

/// The embedded board storage: one SQLite file through GRDB, in WAL mode with `synchronous = FULL`, so that a
/// commit is on disk before it returns. One writer (this process), many concurrent readers.
///
/// The hashes of the tree's upper levels are also kept in memory (``UpperLevelCache``, loaded when the file is
/// opened and extended by every commit), so that a proof reads only its lower-level hashes from the file, in one
/// statement on the calling thread (``SQLiteNodeReader``).
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
    private let upperLevels = UpperLevelCache()
    private let nodeReader: SQLiteNodeReader

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
        nodeReader = SQLiteNodeReader(path: path)
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            if !options.readOnly { try pool.write(Self.createSchema) }
            upperLevels.record(try pool.read(Self.readUpperLevels))
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

    /// Every stored node at the cached levels, by level and index.
    private static func readUpperLevels(_ db: Database) throws -> [StoredNode] {
        let rows = try Row.fetchCursor(
            db, sql: "SELECT level, idx, hash FROM nodes WHERE level >= ? ORDER BY level, idx",
            arguments: [UpperLevelCache.lowestLevel])
        var nodes = [StoredNode]()
        while let row = try rows.next() {
            let id = NodeID(level: row[0], index: UInt64(row[1] as Int64))
            nodes.append(StoredNode(id: id, hash: [UInt8](row[2] as Data)))
        }
        return nodes
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
        let (result, edge, nodes): (CommitResult, CompactRange, [StoredNode])
        do {
            (result, edge, nodes) = try await pool.write { db in
                let size = try Self.readHead(db).size
                let edge = try cached.size == size ? cached : self.loadEdge(size: size)
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
                let result = CommitResult(outcomes: plan.outcomes, size: plan.edge.size, checkpoint: checkpoint)
                return (result, plan.edge, plan.nodes)
            }
        } catch {
            throw Self.storageError(error, doing: "append \(groups.count) groups")
        }
        edgeCache.withLock { $0 = edge }
        upperLevels.record(nodes)
        return result
    }

    private func loadEdge(size: UInt64) throws(BoardError) -> CompactRange {
        let ids = MerkleTree.decomposition(of: 0..<size)
        return try CompactRange(size: size, hashes: NodeID.required(ids, try nodeReader.hashes(of: ids)))
    }

    /// The stored hashes of the given nodes: the upper levels from memory, the others in one statement.
    public func hashes(of nodes: [NodeID]) async throws(BoardError) -> [[UInt8]?] {
        var found = upperLevels.hashes(of: nodes)
        let missing = found.indices.filter { found[$0] == nil }
        guard !missing.isEmpty else { return found }
        for (position, hash) in zip(missing, try nodeReader.hashes(of: missing.map { nodes[$0] })) {
            found[position] = hash
        }
        return found
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
        nodeReader.close()
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
