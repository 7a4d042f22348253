/// Where stored subtree hashes are read from: a database, a cache, tiles fetched from a server.
public protocol NodeSource: Sendable {
    /// The hashes of the given complete subtrees, in one read.
    ///
    /// - Throws: ``BoardError`` `corrupted` when a node of a tree the source claims to hold is missing,
    ///   `storageUnavailable` when the storage cannot be read.
    func hashes(of nodes: [NodeID]) async throws(BoardError) -> [NodeID: [UInt8]]
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
        let wanted = Array(Set(decompositions.joined()))
        let found = try await hashes(of: wanted)
        return try decompositions.map { ids throws(BoardError) in
            try MerkleTree.fold(
                ids.map { id throws(BoardError) in
                    guard let hash = found[id] else { throw BoardError(.corrupted, "tree node \(id) is not stored") }
                    return hash
                })
        }
    }
}
