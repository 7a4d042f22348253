import Foundation
import GRDB
import TabellaGroups

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
    private let edgeCache = Locked(CompactRange())
    private let upperLevels = UpperLevelCache()
    private let nodeReader: SQLiteNodeReader

    /// Opens (creating if needed) the board database at `path`.
    ///
    /// - Throws: ``BoardError`` `storageUnavailable` when the file cannot be opened or its schema created, or when
    ///   a file with the earlier tree-node table is opened read-only (only a writable open converts it).
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
            if options.readOnly, try pool.read({ try $0.tableExists("nodes") && !$0.tableExists("tree_nodes") }) {
                throw BoardError(
                    .storageUnavailable, "the board database \(path) keeps its tree in the earlier `nodes` table; "
                        + "open it once for writing (without --read-only) to move it to `tree_nodes`")
            }
            try loadUpperLevels(size: try pool.read(Self.readHead).size)
        } catch {
            throw Self.storageError(error, doing: "open the board database \(path)")
        }
    }

    /// Creates the tables, and moves the tree nodes of a file written before nodes were keyed by
    /// ``NodeID/sqliteKey`` (a table `nodes` keyed by level and index) into `tree_nodes`.
    private static func createSchema(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE IF NOT EXISTS entries (
                    idx INTEGER PRIMARY KEY, entry_id BLOB NOT NULL UNIQUE, leaf BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS tree_nodes (key INTEGER PRIMARY KEY, hash BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS head (
                    id INTEGER PRIMARY KEY CHECK (id = 0), size INTEGER NOT NULL, checkpoint TEXT);
                INSERT OR IGNORE INTO head (id, size, checkpoint) VALUES (0, 0, NULL);
                """)
        if try db.tableExists("nodes") {
            try db.execute(
                sql: """
                    INSERT INTO tree_nodes (key, hash) SELECT ((idx << level) << 6) | level, hash FROM nodes;
                    DROP TABLE nodes;
                    """)
        }
    }

    /// Reads the stored nodes at the cached levels of a tree of `size` leaves into the cache, level by level.
    private func loadUpperLevels(size: UInt64) throws(BoardError) {
        var level = UpperLevelCache.lowestLevel
        while level < 57, size >> UInt64(level) > 0 {
            let ids = (0..<size >> UInt64(level)).map { NodeID(level: level, index: $0) }
            let hashes = try NodeID.required(ids, try nodeReader.hashes(of: ids))
            upperLevels.record(zip(ids, hashes).map { StoredNode(id: $0, hash: $1) })
            level += 1
        }
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
                let insertNode = try db.cachedStatement(sql: "INSERT INTO tree_nodes (key, hash) VALUES (?, ?)")
                for node in plan.nodes {
                    guard let key = node.id.sqliteKey else {
                        throw BoardError(.storageUnavailable, "a SQLite board holds fewer than 2^57 entries")
                    }
                    try insertNode.execute(arguments: [key, Data(node.hash)])
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
        try await storedHashes(of: range.map { NodeID(level: level, index: $0) })
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
