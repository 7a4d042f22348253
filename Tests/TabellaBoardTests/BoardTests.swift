import Foundation
import TabellaBoard
import TabellaCrypto
import Testing

/// A board over SQLite with one entry type, `note`, that any signer may post, and `tally`, that only the
/// election authority may post.
struct TestBoard {
    let board: Board
    let logSigner: Ed25519NoteSigner
    let authority = Ed25519.PrivateKey()
    let voter = Ed25519.PrivateKey()

    init(
        storage: (any BoardStorage)? = nil, limits: Board.Limits = Board.Limits(), origin: String = "board.test/e1",
        signer: Ed25519NoteSigner? = nil
    ) throws {
        logSigner = signer ?? Ed25519NoteSigner(name: origin, privateKey: Ed25519.PrivateKey())
        var rules = EntryTypeRules()
        rules.register("note") { _ in }
        rules.register("tally", check: EntryTypeRules.signedBy([authority.publicKey]))
        let path = temporaryDirectory().appendingPathComponent("board.sqlite").path
        board = Board(
            storage: try storage ?? SQLiteStorage(path: path), signer: logSigner, election: "e1", policy: rules,
            limits: limits)
    }

    func entry(
        _ text: String, type: String = "note", election: String = "e1", by key: Ed25519.PrivateKey? = nil
    )
        throws -> BoardEntry
    {
        try BoardEntry(type: type, election: election, payload: Array(text.utf8), signedBy: key ?? voter)
    }
}

@Suite struct BoardTests {
    @Test func entriesRoundTripThroughTheirEncoding() throws {
        let key = Ed25519.PrivateKey()
        let entry = try BoardEntry(type: "ballot", election: "city-2027", payload: [1, 2, 3], signedBy: key)
        let decoded = try BoardEntry(decoding: entry.encoded)
        #expect(decoded == entry)
        try decoded.verifySignature()
        var truncated = entry.encoded
        truncated.removeLast()
        #expect((#expect(throws: BoardError.self) { try BoardEntry(decoding: truncated) })?.code == .malformedEntry)
        #expect(throws: BoardError.self) { try BoardEntry(decoding: entry.encoded + [0]) }
        #expect(throws: BoardError.self) { try BoardEntry(type: "Bad Type", election: "e", payload: [], signedBy: key) }
        #expect(throws: BoardError.self) {
            try BoardEntry(type: "t", election: "e", payload: [UInt8](repeating: 0, count: 65_500), signedBy: key)
        }
        let forged = try BoardEntry(
            type: entry.type, election: entry.election, payload: [9], signer: entry.signer, signature: entry.signature)
        #expect((#expect(throws: BoardError.self) { try forged.verifySignature() })?.code == .badSignature)
    }

    @Test func appendsAreCheckedOrderedAndProvable() async throws {
        let test = try TestBoard()
        let (first, note) = try await test.board.append([try test.entry("a")])
        #expect(first == 0)
        let (second, _) = try await test.board.append([try test.entry("b"), try test.entry("c")])
        #expect(second == 1)
        let (checkpoint, _) = try Checkpoint.open(note, logKeys: [test.board.verifier], origin: "board.test/e1")
        #expect(checkpoint.size == 1)
        let (size, latest) = try await test.board.head()
        #expect(size == 3)
        let head = try Checkpoint.open(#require(latest), logKeys: [test.board.verifier]).checkpoint
        let entries = try await test.board.entries(0..<3)
        #expect(entries.map(\.payload) == [[97], [98], [99]])
        for index: UInt64 in 0..<3 {
            let proof = try await test.board.inclusionProof(index: index, size: 3)
            try MerkleTree.verifyInclusion(
                leafHash: MerkleHash.leaf(entries[Int(index)].encoded), index: index, size: 3, proof: proof,
                root: head.rootHash)
        }
        let consistency = try await test.board.consistencyProof(from: 1, to: 3)
        try MerkleTree.verifyConsistency(
            oldSize: 1, newSize: 3, proof: consistency, oldRoot: checkpoint.rootHash, newRoot: head.rootHash)
        #expect(try await test.board.index(of: entries[1]) == 1)
    }

    @Test func badEntriesAreRefusedWithTheirCodeAndNothingIsAppended() async throws {
        let test = try TestBoard(
            limits: {
                var limits = Board.Limits()
                limits.maximumBatchCount = 3
                return limits
            }())
        let good = try test.entry("good")
        _ = try await test.board.append([good])
        let valid = try test.entry("other")
        let forged = try BoardEntry(
            type: "note", election: "e1", payload: [1], signer: valid.signer, signature: valid.signature)
        let cases: [([BoardEntry], BoardError.Code)] = [
            ([try test.entry("x", election: "e2")], .wrongElection),
            ([forged], .badSignature),
            ([try test.entry("x", type: "shuffle")], .unknownEntryType),
            ([try test.entry("x", type: "tally")], .rejected),
            ([good], .duplicate),
            ([try test.entry("new"), good], .duplicate),
            ([try test.entry("twice"), try test.entry("twice")], .duplicate),
            ([valid, forged], .badSignature),
            ([], .malformedRequest),
            ((0..<4).map { _ in valid }, .malformedRequest),
        ]
        for (entries, code) in cases {
            let error = await #expect(throws: BoardError.self) { try await test.board.append(entries) }
            #expect(error?.code == code, "\(String(describing: error))")
        }
        #expect(try await test.board.head().size == 1)
        _ = try await test.board.append([try test.entry("t", type: "tally", by: test.authority)])
        #expect(try await test.board.head().size == 2)
    }

    @Test func concurrentAppendsGetDistinctIndicesInGroupCommits() async throws {
        let test = try TestBoard()
        let events = test.board.events.subscribe()
        let entries = try (0..<200).map { try test.entry("entry \($0)") }
        let indices = try await withThrowingTaskGroup(of: (Int, UInt64).self) { group in
            for (position, entry) in entries.enumerated() {
                group.addTask { (position, try await test.board.append([entry]).firstIndex) }
            }
            return try await group.reduce(into: [UInt64](repeating: 0, count: entries.count)) { $0[$1.0] = $1.1 }
        }
        #expect(Set(indices) == Set(0..<200))
        let stored = try await test.board.entries(0..<200)
        for (index, entry) in zip(indices, entries) { #expect(stored[Int(index)] == entry) }
        var announced = 0
        var commits = 0
        for await event in events {
            announced += event.appended.count
            commits += 1
            if event.size == 200 { break }
        }
        #expect(announced == 200)
        #expect(commits < 200)
    }

    @Test func tilesAndEntryBundlesFollowTlogTiles() async throws {
        let test = try TestBoard()
        let entries = try (0..<300).map { try test.entry("e\($0)") }
        for chunk in stride(from: 0, to: 300, by: 100) {
            _ = try await test.board.append(Array(entries[chunk..<chunk + 100]))
        }
        let full = try await test.board.tile(level: 0, index: 0, width: 256)
        #expect(full == entries[0..<256].flatMap { MerkleHash.leaf($0.encoded) })
        let partial = try await test.board.tile(level: 0, index: 1, width: 44)
        #expect(partial.count == 44 * 32)
        let upper = try await test.board.tile(level: 1, index: 0, width: 1)
        #expect(upper == (try await test.board.root(size: 256)))
        await #expect(throws: BoardError.self) { try await test.board.tile(level: 0, index: 1, width: 45) }
        await #expect(throws: BoardError.self) { try await test.board.tile(level: 1, index: 0, width: 2) }
        await #expect(throws: BoardError.self) { try await test.board.tile(level: 0, index: 2, width: 1) }
        var bundle = try await test.board.entryBundle(index: 1, width: 44)[...]
        var decoded = [BoardEntry]()
        while !bundle.isEmpty {
            let length = Int(bundle[bundle.startIndex]) << 8 | Int(bundle[bundle.startIndex + 1])
            decoded.append(try BoardEntry(decoding: Array(bundle.dropFirst(2).prefix(length))))
            bundle = bundle.dropFirst(2 + length)
        }
        #expect(decoded == Array(entries[256..<300]))
    }

    @Test func proofRequestsOutsideTheLogAreRefused() async throws {
        let test = try TestBoard()
        _ = try await test.board.append([try test.entry("a"), try test.entry("b")])
        await #expect(throws: BoardError.self) { try await test.board.inclusionProof(index: 2, size: 2) }
        await #expect(throws: BoardError.self) { try await test.board.inclusionProof(index: 0, size: 3) }
        await #expect(throws: BoardError.self) { try await test.board.consistencyProof(from: 0, to: 2) }
        await #expect(throws: BoardError.self) { try await test.board.consistencyProof(from: 1, to: 3) }
        await #expect(throws: BoardError.self) { try await test.board.consistencyProof(from: 2, to: 1) }
        await #expect(throws: BoardError.self) { try await test.board.entries(1..<3) }
    }
}
