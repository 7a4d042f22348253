import Foundation
import TabellaBoard
import Testing

/// The storage contract, run against every backend: atomic group commits, duplicate groups skipped whole, tree
/// nodes that give the same roots and proofs as an in-memory tree, durability across reopening.
@Suite struct StorageTests {
    static let backends = [StorageBackend.sqlite] + PostgresTestServer.backends

    @Test(arguments: backends)
    func commitsAssignIndicesAndStoreTheTree(backend: StorageBackend) async throws {
        let (storage, _) = try await backend.open()
        defer { Task { await storage.close() } }
        #expect(try await storage.head().size == 0)
        #expect(try await storage.head().checkpoint == nil)
        let first = try await storage.commit([records(0..<3), records(3..<10)], sign: plainCheckpoint)
        #expect(first.outcomes == [.appended(firstIndex: 0), .appended(firstIndex: 3)])
        #expect(first.size == 10)
        let second = try await storage.commit([records(10..<300)], sign: plainCheckpoint)
        #expect(second.outcomes == [.appended(firstIndex: 10)])
        let all = records(0..<300)
        let reference = MemoryNodes(leaves: all.map(\.leaf))
        #expect(try await storage.head().size == 300)
        let checkpoint = try Checkpoint(text: #require(try await storage.head().checkpoint))
        #expect(checkpoint.rootHash == reference.edge.root)
        #expect(try await storage.leaves(in: 5..<9) == all[5..<9].map(\.leaf))
        for size: UInt64 in [1, 7, 256, 257, 300] {
            #expect(try await storage.root(size: size) == reference.root(size: size))
        }
        #expect(
            try await storage.inclusionProof(index: 17, size: 300) == reference.inclusionProof(index: 17, size: 300))
        #expect(try await storage.consistencyProof(from: 9, to: 300) == reference.consistencyProof(from: 9, to: 300))
        let tile = try await storage.levelHashes(level: 8, in: 0..<1)
        #expect(tile == [try await reference.root(size: 256)])
        #expect(try await storage.index(ofEntry: all[42].id) == 42)
        #expect(try await storage.index(ofEntry: [UInt8](repeating: 7, count: 32)) == nil)
    }

    @Test(arguments: backends)
    func groupsWithAStoredOrRepeatedEntryAreSkippedWhole(backend: StorageBackend) async throws {
        let (storage, _) = try await backend.open()
        defer { Task { await storage.close() } }
        _ = try await storage.commit([records(0..<5)], sign: plainCheckpoint)
        let replay = records(3..<4) + records(5..<6, tag: "new")
        let repeated = records(6..<7, tag: "new") + records(6..<7, tag: "new")
        let result = try await storage.commit(
            [records(7..<8, tag: "new"), replay, repeated, records(7..<8, tag: "new"), records(9..<10, tag: "new")],
            sign: plainCheckpoint)
        #expect(
            result.outcomes == [
                .appended(firstIndex: 5), .duplicate(position: 0, existingIndex: 3),
                .duplicate(position: 1, existingIndex: nil), .duplicate(position: 0, existingIndex: nil),
                .appended(firstIndex: 6),
            ])
        #expect(result.size == 7)
        #expect(
            try await storage.leaves(in: 5..<7)
                == (records(7..<8, tag: "new") + records(9..<10, tag: "new")).map(\.leaf))
        // A commit of nothing but duplicates leaves the size and signs the same tree again.
        let none = try await storage.commit([records(0..<1)], sign: plainCheckpoint)
        #expect(none.size == 7)
    }

    @Test(arguments: backends)
    func aReopenedStorageContinuesTheSameTree(backend: StorageBackend) async throws {
        let (storage, reopen) = try await backend.open()
        _ = try await storage.commit([records(0..<77)], sign: plainCheckpoint)
        await storage.close()
        let again = try await reopen()
        defer { Task { await again.close() } }
        #expect(try await again.head().size == 77)
        _ = try await again.commit([records(77..<100)], sign: plainCheckpoint)
        let reference = MemoryNodes(leaves: records(0..<100).map(\.leaf))
        #expect(try await again.root(size: 100) == reference.edge.root)
        #expect(try Checkpoint(text: #require(try await again.head().checkpoint)).rootHash == reference.edge.root)
    }

    @Test(arguments: backends)
    func proofsAcrossManyTilesMatchTheReferenceBeforeAndAfterReopening(backend: StorageBackend) async throws {
        // 2,000 entries make nodes up to level 10, so proofs mix lower levels read from the database with the
        // upper levels a storage may keep in memory (filled by commits, then reloaded when reopened).
        let (storage, reopen) = try await backend.open()
        var committed = 0
        for count in [1, 255, 2, 300, 700, 742] {
            _ = try await storage.commit([records(committed..<committed + count)], sign: plainCheckpoint)
            committed += count
        }
        let reference = MemoryNodes(leaves: records(0..<committed).map(\.leaf))
        func check(_ storage: any BoardStorage) async throws {
            for size: UInt64 in [1, 256, 257, 511, 512, 513, 1024, 1258, 2000] {
                #expect(try await storage.root(size: size) == reference.root(size: size), "root of \(size)")
                for index in Set([0, size / 3, size / 2, size - 1]) {
                    #expect(
                        try await storage.inclusionProof(index: index, size: size)
                            == reference.inclusionProof(index: index, size: size), "leaf \(index) in \(size)")
                }
                for old: UInt64 in [1, 255, 256, 700] where old <= size {
                    #expect(
                        try await storage.consistencyProof(from: old, to: size)
                            == reference.consistencyProof(from: old, to: size), "from \(old) to \(size)")
                }
            }
        }
        try await check(storage)
        await storage.close()
        let again = try await reopen()
        defer { Task { await again.close() } }
        try await check(again)
    }

    @Test func aReadOnlySQLiteDatabaseRefusesCommitsAndStillReads() async throws {
        let path = temporaryDirectory().appendingPathComponent("board.sqlite").path
        let writable = try SQLiteStorage(path: path)
        _ = try await writable.commit([records(0..<4)], sign: plainCheckpoint)
        await writable.close()
        let readOnly = try SQLiteStorage(path: path, options: .init(readOnly: true))
        defer { Task { await readOnly.close() } }
        let error = await #expect(throws: BoardError.self) {
            try await readOnly.commit([records(4..<5)], sign: plainCheckpoint)
        }
        #expect(error?.code == .storageUnavailable)
        #expect(try await readOnly.head().size == 4)
        #expect(try await readOnly.leaves(in: 0..<4) == records(0..<4).map(\.leaf))
    }

    @Test func aFullSQLiteDatabaseRefusesTheCommitAndKeepsWhatItHad() async throws {
        let path = temporaryDirectory().appendingPathComponent("board.sqlite").path
        let storage = try SQLiteStorage(path: path, options: .init(maximumByteCount: 256 * 1024))
        defer { Task { await storage.close() } }
        var committed = 0
        var failure: BoardError?
        let big = { (range: Range<Int>) in
            range.map {
                EntryRecord(
                    id: MerkleHash.leaf([UInt8($0 & 0xff), UInt8($0 >> 8)]),
                    leaf: [UInt8](repeating: UInt8($0 & 0xff), count: 1000))
            }
        }
        while failure == nil, committed < 2000 {
            do {
                _ = try await storage.commit([big(committed..<committed + 20)], sign: plainCheckpoint)
                committed += 20
            } catch { failure = error }
        }
        #expect(failure?.code == .storageUnavailable)
        #expect(committed > 0)
        #expect(try await storage.head().size == UInt64(committed))
        let reference = MemoryNodes(leaves: big(0..<committed).map(\.leaf))
        #expect(try await storage.root(size: UInt64(committed)) == reference.edge.root)
    }
}
