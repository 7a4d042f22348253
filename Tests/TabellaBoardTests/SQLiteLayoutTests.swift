import Foundation
import GRDB
import TabellaBoard
import Testing

/// The SQLite file's tree nodes: a file written with the earlier table of nodes keyed by level and index is moved
/// to the integer-keyed table when opened for writing, and gives the same tree; opened read-only, it is refused.
struct SQLiteLayoutTests {
    @Test func aFileWithTheEarlierNodeTableIsMovedAndKeepsItsTree() async throws {
        let folder = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("board.sqlite").path
        let storage = try SQLiteStorage(path: path)
        _ = try await storage.commit([records(0..<700)], sign: plainCheckpoint)
        await storage.close()

        let file = try DatabaseQueue(path: path)
        try await file.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE nodes (
                        level INTEGER NOT NULL, idx INTEGER NOT NULL, hash BLOB NOT NULL,
                        PRIMARY KEY (level, idx)) WITHOUT ROWID;
                    INSERT INTO nodes (level, idx, hash)
                        SELECT key & 63, (key >> 6) >> (key & 63), hash FROM tree_nodes;
                    DROP TABLE tree_nodes;
                    """)
        }
        try file.close()

        // Read-only, the file cannot be converted: a clear refusal, and the file is left as it was.
        let refusal = #expect(throws: BoardError.self) { try SQLiteStorage(path: path, options: .init(readOnly: true)) }
        #expect(refusal?.code == .storageUnavailable)
        #expect(refusal?.message.contains("open it once for writing") == true)

        let reopened = try SQLiteStorage(path: path)
        defer { Task { await reopened.close() } }
        _ = try await reopened.commit([records(700..<1000)], sign: plainCheckpoint)
        let reference = MemoryNodes(leaves: records(0..<1000).map(\.leaf))
        for size: UInt64 in [1, 256, 700, 1000] {
            #expect(try await reopened.root(size: size) == reference.root(size: size))
            for index in Set([0, size / 2, size - 1]) {
                #expect(
                    try await reopened.inclusionProof(index: index, size: size)
                        == reference.inclusionProof(index: index, size: size))
            }
        }
        let leafHashes = try await reference.storedHashes(of: (0..<256).map { NodeID(level: 0, index: $0) })
        #expect(try await reopened.levelHashes(level: 0, in: 0..<256) == leafHashes)
        let tables = try await DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables.contains("tree_nodes") && !tables.contains("nodes"))
    }
}
