internal import GRDBSQLite
import TabellaGroups

/// Looks up stored tree nodes in a board's SQLite file through read-only connections of its own, on the calling
/// thread, with one prepared statement per number of nodes: a proof reads its lower-level hashes in one statement,
/// one read transaction and one lock of the write-ahead log's index, without a hop to another thread.
///
/// The statement is a `UNION ALL` of primary-key lookups by ``NodeID/sqliteKey``. A stored node never changes, so
/// no read needs to see the same snapshot as another. Idle connections wait in a pool; there is one per thread
/// reading at the same time.
final class SQLiteNodeReader: Sendable {
    /// The most nodes looked up by one statement; longer lists take several.
    static let nodesPerStatement = 64

    private let path: String
    private let idle = Locked<[SQLiteNodeConnection]>([])

    /// A reader of the board database at `path` (which a ``SQLiteStorage`` has created).
    init(path: String) {
        self.path = path
    }

    /// The stored hashes of `ids`, one per node in order, `nil` for a node that is not stored.
    ///
    /// - Throws: ``BoardError`` `storageUnavailable` when the file cannot be opened or read.
    func hashes(of ids: [NodeID]) throws(BoardError) -> [[UInt8]?] {
        let connection: SQLiteNodeConnection
        if let pooled = idle.withLock({ $0.popLast() }) {
            connection = pooled
        } else {
            connection = try SQLiteNodeConnection(path: path)
        }
        var found = [[UInt8]?](repeating: nil, count: ids.count)
        for start in stride(from: 0, to: ids.count, by: Self.nodesPerStatement) {
            try connection.lookUp(ids[start..<min(start + Self.nodesPerStatement, ids.count)], into: &found)
        }
        idle.withLock { $0.append(connection) }
        return found
    }

    /// Closes the idle connections (a read afterwards opens a new one).
    func close() {
        idle.withLock { $0.removeAll() }
    }
}

/// One read-only connection and its prepared lookups; used by one thread at a time (it is taken out of the
/// reader's pool for the duration of a read), which is what makes sending it between threads safe.
final class SQLiteNodeConnection: @unchecked Sendable {
    private let database: OpaquePointer
    private var statements = [Int: OpaquePointer]()

    /// Opens `path` read-only.
    init(path: String) throws(BoardError) {
        var handle: OpaquePointer?
        let status = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(handle)
            throw BoardError(.storageUnavailable, "could not open \(path) to read tree nodes: \(message)")
        }
        database = handle
        sqlite3_busy_timeout(handle, 10_000)
    }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(database)
    }

    /// Sets the stored hashes of `ids` at their positions in `found`, in one statement.
    func lookUp(_ ids: ArraySlice<NodeID>, into found: inout [[UInt8]?]) throws(BoardError) {
        let statement = try prepared(count: ids.count)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        var next = ids.startIndex
        for (position, id) in ids.enumerated() {
            // A node beyond any log is looked up as key -1, which no node has.
            sqlite3_bind_int64(statement, Int32(position + 1), id.sqliteKey ?? -1)
        }
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { return }
            guard status == SQLITE_ROW else { throw failure("read tree nodes") }
            let id = try NodeID(sqliteKey: sqlite3_column_int64(statement, 0))
            let count = Int(sqlite3_column_bytes(statement, 1))
            guard let bytes = sqlite3_column_blob(statement, 1) else {
                throw BoardError(.corrupted, "the stored tree node \(id) has no hash")
            }
            // SQLite returns the rows of a UNION ALL in the order of its parts, so the next node asked for is
            // normally the row's; the search goes on around the list in case it is not.
            let positions = ids.indices
            guard let position = (next..<positions.upperBound).first(where: { ids[$0] == id })
                    ?? (positions.lowerBound..<next).first(where: { ids[$0] == id })
            else { throw BoardError(.corrupted, "the database returned tree node \(id), which was not asked for") }
            found[position] = Array(UnsafeRawBufferPointer(start: bytes, count: count).bindMemory(to: UInt8.self))
            next = position + 1
        }
    }

    private func prepared(count: Int) throws(BoardError) -> OpaquePointer {
        if let statement = statements[count] { return statement }
        let sql = Array(repeating: "SELECT key, hash FROM tree_nodes WHERE key = ?", count: count)
            .joined(separator: " UNION ALL ")
        var statement: OpaquePointer?
        guard sqlite3_prepare_v3(database, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil) == SQLITE_OK,
            let statement
        else { throw failure("prepare a lookup of \(count) tree nodes") }
        statements[count] = statement
        return statement
    }

    private func failure(_ what: String) -> BoardError {
        let message = String(cString: sqlite3_errmsg(database))
        return BoardError(
            .storageUnavailable, "could not \(what): SQLite \(sqlite3_extended_errcode(database)): \(message)")
    }
}
