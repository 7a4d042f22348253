/// Where stored subtree hashes are read from: a database, a cache, tiles fetched from a server.
public protocol NodeSource: Sendable {
    /// The hashes of the given complete subtrees, in one read: one per node, in the order given, `nil` for a node
    /// the source does not hold.
    ///
    /// - Throws: ``BoardError`` `corrupted` when a node of a tree the source claims to hold is missing,
    ///   `storageUnavailable` when the storage cannot be read.
    func hashes(of nodes: [NodeID]) async throws(BoardError) -> [[UInt8]?]
}

extension NodeSource {
    /// The root hash of the tree of the first `size` leaves.
    public func root(size: UInt64) async throws(BoardError) -> [UInt8] {
        try await rangeHashes([0..<size])[0]
    }

    /// The inclusion proof of leaf `index` in the tree of `size` leaves (which the caller knows to be stored).
    public func inclusionProof(index: UInt64, size: UInt64) async throws(BoardError) -> [[UInt8]] {
        try await rangeHashes(MerkleTree.inclusionRanges(index: index, size: size))
    }

    /// The consistency proof from the tree of `oldSize` leaves to that of `newSize` leaves.
    public func consistencyProof(from oldSize: UInt64, to newSize: UInt64) async throws(BoardError) -> [[UInt8]] {
        try await rangeHashes(MerkleTree.consistencyRanges(from: oldSize, to: newSize))
    }

    /// The Merkle tree hashes of RFC 6962 ranges, read in one batch of stored nodes.
    public func rangeHashes(_ ranges: [Range<UInt64>]) async throws(BoardError) -> [[UInt8]] {
        let decompositions = ranges.map { MerkleTree.decomposition(of: $0) }
        let found = try await storedHashes(of: Array(decompositions.joined()))
        var start = 0
        return decompositions.map { ids in
            defer { start += ids.count }
            return MerkleTree.fold(Array(found[start..<start + ids.count]))
        }
    }

    /// The hashes of nodes that must all be held, in the order given.
    ///
    /// - Throws: ``BoardError`` `corrupted` naming the first node that is not held, or the source's error.
    public func storedHashes(of nodes: [NodeID]) async throws(BoardError) -> [[UInt8]] {
        try NodeID.required(nodes, try await hashes(of: nodes))
    }
}
