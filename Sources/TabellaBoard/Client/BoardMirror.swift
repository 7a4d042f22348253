/// Follows another board entry by entry into a storage of its own, checking every entry's signature and that the
/// entries rebuild the root of the source's signed checkpoint before storing them with that checkpoint.
public actor BoardMirror {
    private let source: BoardClient
    private let logKeys: [any NoteVerifier]
    private let origin: String
    private let storage: any BoardStorage
    private var edge: CompactRange?

    /// A mirror of the log `origin` served at `source`, verified with `logKeys`, kept in `storage`.
    public init(source: BoardClient, logKeys: [any NoteVerifier], origin: String, storage: any BoardStorage) {
        self.source = source
        self.logKeys = logKeys
        self.origin = origin
        self.storage = storage
    }

    /// Copies what the source added since the last call; returns the mirrored size.
    ///
    /// - Throws: ``BoardError`` `inconsistent` when the source's checkpoint is smaller than what was mirrored or
    ///   the entries do not rebuild its root (a fork or a rewrite), or the entry's own error naming its index.
    @discardableResult
    public func sync() async throws(BoardError) -> UInt64 {
        let (checkpoint, note) = try await source.checkpoint(logKeys: logKeys, origin: origin)
        var edge = try await currentEdge()
        guard checkpoint.size >= edge.size else {
            throw BoardError(.inconsistent, "the source went back from size \(edge.size) to \(checkpoint.size)")
        }
        guard checkpoint.size > edge.size else {
            guard checkpoint.rootHash == edge.root else {
                throw BoardError(.inconsistent, "the source signed another root for size \(edge.size)")
            }
            return edge.size
        }
        var records = [EntryRecord]()
        while edge.size < checkpoint.size {
            let start = edge.size
            let entries = try await source.entries(start..<min(checkpoint.size, start + 1000))
            for (offset, entry) in entries.enumerated() {
                do { try entry.verifySignature() } catch {
                    throw BoardError(error.code, "entry \(start + UInt64(offset)): \(error.message)")
                }
                records.append(EntryRecord(entry))
                _ = edge.append(leafHash: MerkleHash.leaf(entry.encoded))
            }
        }
        guard edge.root == checkpoint.rootHash else {
            throw BoardError(
                .inconsistent, "the source's entries do not rebuild its checkpoint of size \(checkpoint.size)")
        }
        let signed = note.serialized
        let result = try await storage.commit([records]) { _, _ in signed }
        guard result.size == checkpoint.size else {
            throw BoardError(.corrupted, "the mirror stored \(result.size) entries, not \(checkpoint.size)")
        }
        self.edge = edge
        return edge.size
    }

    private func currentEdge() async throws(BoardError) -> CompactRange {
        if let edge { return edge }
        let size = try await storage.head().size
        let ids = MerkleTree.decomposition(of: 0..<size)
        let loaded = try CompactRange(size: size, hashes: try await storage.storedHashes(of: ids))
        edge = loaded
        return loaded
    }
}
