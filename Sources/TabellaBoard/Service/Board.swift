import TabellaCrypto
import TabellaGroups

/// A running bulletin board: it checks entries, appends them in durable group commits, signs a checkpoint after
/// every commit, announces commits to followers, and answers reads and proofs from storage.
public final class Board: Sendable {
    /// The limits a board enforces.
    public struct Limits: Sendable {
        /// The most entries in one append request.
        public var maximumBatchCount = 1000
        /// The most entries in one group commit.
        public var maximumCommitCount = 4096
        /// The most entries returned by one range read.
        public var maximumReadCount = 1000

        /// The defaults.
        public init() {}
    }

    /// The election whose entries the board takes.
    public let election: String
    /// The log's identity, the origin line of its checkpoints and its key name.
    public let origin: String
    /// The key that verifies the board's checkpoints.
    public let verifier: Ed25519NoteVerifier
    /// The board's limits.
    public let limits: Limits
    /// Where commits are announced.
    public let events = BoardEventHub()

    private let storage: any BoardStorage
    private let policy: any AdmissionPolicy
    private let sequencer: Sequencer
    private let sign: @Sendable (UInt64, [UInt8]) -> String
    private let knownSize = KnownSize()

    /// A board over `storage` for `election`, signing checkpoints with `signer` (whose name is the origin) and
    /// admitting entries that pass `policy`.
    public init(
        storage: any BoardStorage, signer: Ed25519NoteSigner, election: String, policy: any AdmissionPolicy,
        limits: Limits = Limits()
    ) {
        self.storage = storage
        self.election = election
        self.policy = policy
        self.limits = limits
        origin = signer.keyName
        verifier = signer.verifier
        let origin = signer.keyName
        let hub = events
        let knownSize = self.knownSize
        let sign: @Sendable (UInt64, [UInt8]) -> String = { size, root in
            var note = SignedNote(text: Checkpoint(origin: origin, size: size, rootHash: root).text)
            note.sign(with: signer)
            return note.serialized
        }
        self.sign = sign
        sequencer = Sequencer(
            storage: storage, maximumCommitCount: limits.maximumCommitCount, sign: sign,
            committed: { result, groups, outcomes in
                var appended = [(index: UInt64, leafHash: [UInt8])]()
                for (group, outcome) in zip(groups, outcomes) {
                    guard case .appended(let first) = outcome else { continue }
                    for (offset, record) in group.enumerated() {
                        appended.append((first + UInt64(offset), record.leafHash))
                    }
                }
                knownSize.raise(to: result.size)
                hub.publish(BoardEvent(size: result.size, checkpoint: result.checkpoint, appended: appended))
            })
    }

    /// Signs and stores the checkpoint of the empty log when the storage has none yet, so that `/checkpoint`
    /// always has an answer.
    public func start() async throws(BoardError) {
        if try await storage.head().checkpoint == nil {
            _ = try await storage.commit([], sign: sign)
        }
    }

    /// Checks entries and appends them all, or none: they are durable when this returns.
    ///
    /// - Returns: the index of the first entry (the others follow in order) and the checkpoint that covers them.
    /// - Throws: ``BoardError`` naming the entry (by its position in the request) and the failed check:
    ///   `malformedRequest` for an empty or too large batch, `wrongElection`, `badSignature`, the policy's
    ///   `unknownEntryType` or `rejected`, `duplicate`, or `storageUnavailable`.
    public func append(_ entries: [BoardEntry]) async throws(BoardError) -> (firstIndex: UInt64, checkpoint: String) {
        guard !entries.isEmpty, entries.count <= limits.maximumBatchCount else {
            throw BoardError(
                .malformedRequest, "an append carries 1 to \(limits.maximumBatchCount) entries, not \(entries.count)")
        }
        for (position, entry) in entries.enumerated() {
            do { try check(entry) } catch {
                throw entries.count == 1 ? error : BoardError(error.code, "entry \(position): \(error.message)")
            }
        }
        try await policy.admit(batch: entries)
        do {
            let (first, commit) = try await sequencer.append(entries.map(EntryRecord.init))
            await policy.appended(entries, firstIndex: first)
            return (first, commit.checkpoint)
        } catch {
            await policy.abandoned(entries)
            throw error
        }
    }

    /// The board's own checks: this election, a valid signature. The admission policy's come after.
    private func check(_ entry: BoardEntry) throws(BoardError) {
        guard entry.election == election else {
            throw BoardError(
                .wrongElection, "the entry is for election `\(entry.election)`, this board is `\(election)`")
        }
        try entry.verifySignature()
    }

    /// The current size and latest signed checkpoint (`nil` before the first append).
    public func head() async throws(BoardError) -> (size: UInt64, checkpoint: String?) {
        try await storage.head()
    }

    /// The entries with indices in `range` (at most ``Limits/maximumReadCount``).
    ///
    /// - Throws: ``BoardError`` `outOfRange` for an empty, too long or out-of-log range.
    public func entries(_ range: Range<UInt64>) async throws(BoardError) -> [BoardEntry] {
        try await leaves(range).map { leaf throws(BoardError) in try BoardEntry(decoding: leaf) }
    }

    /// The stored leaves with indices in `range` (the checks of ``entries(_:)``).
    public func leaves(_ range: Range<UInt64>) async throws(BoardError) -> [[UInt8]] {
        let size = try await size(atLeast: range.upperBound)
        guard !range.isEmpty, range.upperBound <= size, range.count <= limits.maximumReadCount else {
            throw BoardError(
                .outOfRange,
                "entries \(range.lowerBound)..<\(range.upperBound) are not a range of 1 to "
                    + "\(limits.maximumReadCount) entries in a log of size \(size)")
        }
        return try await storage.leaves(in: range)
    }

    /// The inclusion proof of entry `index` in the tree of `size` entries.
    ///
    /// - Throws: ``BoardError`` `outOfRange` unless `index < size ≤ ` the log's size.
    public func inclusionProof(index: UInt64, size: UInt64) async throws(BoardError) -> [[UInt8]] {
        let current = try await self.size(atLeast: size)
        guard size <= current else {
            throw BoardError(.outOfRange, "tree size \(size) is larger than the log's \(current)")
        }
        return try await storage.inclusionProof(index: index, size: size)
    }

    /// The consistency proof from the tree of `oldSize` entries to that of `newSize`.
    ///
    /// - Throws: ``BoardError`` `outOfRange` unless `0 < oldSize ≤ newSize ≤ ` the log's size.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws(BoardError) -> [[UInt8]] {
        let current = try await size(atLeast: newSize)
        guard newSize <= current else {
            throw BoardError(.outOfRange, "tree size \(newSize) is larger than the log's \(current)")
        }
        return try await storage.consistencyProof(from: oldSize, to: newSize)
    }

    /// The root hash of the tree of `size` entries.
    public func root(size: UInt64) async throws(BoardError) -> [UInt8] {
        let current = try await self.size(atLeast: size)
        guard size <= current else {
            throw BoardError(.outOfRange, "tree size \(size) is larger than the log's \(current)")
        }
        return try await storage.root(size: size)
    }

    /// A c2sp.org/tlog-tiles hash tile: `width` hashes at tree level `8 · level` from position `256 · index`.
    ///
    /// - Throws: ``BoardError`` `notFound` for a tile the current tree does not have at that width.
    public func tile(level: Int, index: UInt64, width: Int) async throws(BoardError) -> [UInt8] {
        let available = try await tileWidth(level: level, index: index, wanted: width)
        guard width <= available else {
            throw BoardError(.notFound, "tile \(level)/\(index) has \(available) hashes, not \(width)")
        }
        let start = index * 256
        return try await storage.levelHashes(level: level * 8, in: start..<start + UInt64(width)).flatMap { $0 }
    }

    /// A c2sp.org/tlog-tiles entry bundle: `width` entries from index `256 · index`, each with a big-endian
    /// 16-bit length.
    public func entryBundle(index: UInt64, width: Int) async throws(BoardError) -> [UInt8] {
        let available = try await tileWidth(level: 0, index: index, wanted: width)
        guard width <= available else {
            throw BoardError(.notFound, "entry bundle \(index) has \(available) entries, not \(width)")
        }
        return EntryBundle.encode(try await storage.leaves(in: index * 256..<index * 256 + UInt64(width)))
    }

    /// How many hashes tile `level`/`index` has in the current tree (256 when full, 0 when it does not exist).
    private func tileWidth(level: Int, index: UInt64, wanted: Int) async throws(BoardError) -> Int {
        guard (0..<8).contains(level) else { throw BoardError(.notFound, "tile level \(level) is above 7") }
        let (first, overflow) = index.multipliedReportingOverflow(by: 256)
        let needed = (first &+ UInt64(max(wanted, 1))) << UInt64(8 * level)
        let size = try await size(atLeast: overflow || needed == 0 ? .max : needed)
        let hashesAtLevel = size >> UInt64(8 * level)
        let start = index.multipliedReportingOverflow(by: 256)
        guard !start.overflow, hashesAtLevel > start.partialValue else { return 0 }
        return Int(min(256, hashesAtLevel - start.partialValue))
    }

    /// The log's size, or a size at least `needed` that it had: a log only grows, so a size seen before is
    /// enough to admit a request within it, and the storage is read only when it is not.
    private func size(atLeast needed: UInt64) async throws(BoardError) -> UInt64 {
        let known = knownSize.value
        if known >= needed { return known }
        let current = try await storage.head().size
        knownSize.raise(to: current)
        return current
    }

    /// The index of an entry already on the board.
    public func index(of entry: BoardEntry) async throws(BoardError) -> UInt64? {
        try await storage.index(ofEntry: entry.id)
    }

    /// Stops announcing events and closes the storage.
    public func close() async {
        events.finish()
        await storage.close()
    }
}

/// The largest log size a board has seen, shared with its commit callback.
final class KnownSize: Sendable {
    private let size = Locked<UInt64>(0)

    /// The largest size seen.
    var value: UInt64 { size.withLock { $0 } }

    /// Records a size seen.
    func raise(to seen: UInt64) { size.withLock { $0 = max($0, seen) } }
}
