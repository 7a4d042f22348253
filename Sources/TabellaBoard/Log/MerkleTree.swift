/// The shape of an RFC 6962 / RFC 9162 Merkle tree: which subtree hashes make up a root or a proof, and how they
/// fold together. Everything here is arithmetic on indices; the hashes come from a ``NodeSource``.
public enum MerkleTree {
    /// The largest power of two strictly below `count` (for `count` ≥ 2): where RFC 6962 splits a range.
    static func split(_ count: UInt64) -> UInt64 {
        precondition(count >= 2, "only a range of two or more leaves is split")
        return 1 << UInt64(63 - (count - 1).leadingZeroBitCount)
    }

    /// The complete subtrees that make up the leaves of `range`, left to right, largest first.
    ///
    /// The range must be one that RFC 6962's recursion produces: its start is a multiple of the smallest power of
    /// two that is at least its length (every range of ``inclusionRanges(index:size:)``,
    /// ``consistencyRanges(from:to:)`` and `0..<size` is).
    public static func decomposition(of range: Range<UInt64>) -> [NodeID] {
        var nodes = [NodeID]()
        var start = range.lowerBound
        while start < range.upperBound {
            let remaining = range.upperBound - start
            var level = 63 - remaining.leadingZeroBitCount
            while start & ((1 << UInt64(level)) - 1) != 0 { level -= 1 }
            nodes.append(NodeID(level: level, index: start >> UInt64(level)))
            start += 1 << UInt64(level)
        }
        return nodes
    }

    /// The Merkle tree hash of a range from the hashes of its ``decomposition(of:)``, in the same order.
    public static func fold(_ hashes: [[UInt8]]) -> [UInt8] {
        guard var result = hashes.last else { return MerkleHash.empty }
        for hash in hashes.dropLast().reversed() { result = MerkleHash.node(hash, result) }
        return result
    }

    /// The ranges whose hashes form the inclusion proof of leaf `index` in a tree of `size` leaves
    /// (RFC 9162 §2.1.3.1), from the leaf's sibling up to the root's child.
    ///
    /// - Throws: ``BoardError`` `outOfRange` when `index` is not below `size`.
    public static func inclusionRanges(index: UInt64, size: UInt64) throws(BoardError) -> [Range<UInt64>] {
        guard index < size else {
            throw BoardError(.outOfRange, "leaf index \(index) is not in a tree of size \(size)")
        }
        var ranges = [Range<UInt64>]()
        var (low, high) = (UInt64(0), size)
        while high - low > 1 {
            let half = split(high - low)
            if index < low + half {
                ranges.append(low + half..<high)
                high = low + half
            } else {
                ranges.append(low..<low + half)
                low += half
            }
        }
        return ranges.reversed()
    }

    /// The ranges whose hashes form the consistency proof from a tree of `oldSize` leaves to one of `newSize`
    /// (RFC 9162 §2.1.4.1); empty when the sizes are equal.
    ///
    /// - Throws: ``BoardError`` `outOfRange` unless `0 < oldSize ≤ newSize`.
    public static func consistencyRanges(
        from oldSize: UInt64, to newSize: UInt64
    ) throws(BoardError)
        -> [Range<UInt64>]
    {
        guard oldSize > 0, oldSize <= newSize else {
            throw BoardError(
                .outOfRange, "no consistency proof from size \(oldSize) to size \(newSize): need 0 < old ≤ new")
        }
        var ranges = [Range<UInt64>]()
        var (low, high) = (UInt64(0), newSize)
        var isWholeOldTree = true
        while true {
            if oldSize == high {
                if !isWholeOldTree { ranges.append(low..<high) }
                break
            }
            let half = split(high - low)
            if oldSize <= low + half {
                ranges.append(low + half..<high)
                high = low + half
            } else {
                ranges.append(low..<low + half)
                low += half
                isWholeOldTree = false
            }
        }
        return ranges.reversed()
    }

    /// Checks that `proof` proves the leaf with hash `leafHash` at `index` in the tree of `size` leaves with root
    /// `root` (RFC 9162 §2.1.3.2).
    ///
    /// - Throws: ``BoardError`` `outOfRange` for an index outside the tree, `invalidProof` when the proof has the
    ///   wrong length or leads to another root.
    public static func verifyInclusion(
        leafHash: [UInt8], index: UInt64, size: UInt64, proof: [[UInt8]], root: [UInt8]
    ) throws(BoardError) {
        guard index < size else {
            throw BoardError(.outOfRange, "leaf index \(index) is not in a tree of size \(size)")
        }
        guard leafHash.count == MerkleHash.byteCount else {
            throw BoardError(.invalidProof, "the leaf hash has \(leafHash.count) bytes, not 32")
        }
        try checkHashLengths(proof)
        var (position, last) = (index, size - 1)
        var hash = leafHash
        for sibling in proof {
            guard last != 0 else {
                throw BoardError(.invalidProof, "the inclusion proof has more than the \(proof.count) hashes needed")
            }
            if position & 1 == 1 || position == last {
                hash = MerkleHash.node(sibling, hash)
                while position & 1 == 0 && position != 0 {
                    position >>= 1
                    last >>= 1
                }
            } else {
                hash = MerkleHash.node(hash, sibling)
            }
            position >>= 1
            last >>= 1
        }
        guard last == 0 else {
            throw BoardError(.invalidProof, "the inclusion proof of leaf \(index) in size \(size) is too short")
        }
        guard hash == root else {
            throw BoardError(
                .invalidProof, "the inclusion proof of leaf \(index) leads to another root than size \(size)'s")
        }
    }

    /// Checks that `proof` proves the tree of `oldSize` leaves with root `oldRoot` to be a prefix of the tree of
    /// `newSize` leaves with root `newRoot` (RFC 9162 §2.1.4.2).
    ///
    /// Equal sizes need an empty proof and equal roots (the root of the empty tree when both are 0). A proof from
    /// the empty tree to a larger one proves nothing and is refused, as in the reference implementation's vectors:
    /// a caller that accepts any tree after an empty one checks for that case itself.
    ///
    /// - Throws: ``BoardError`` `outOfRange` for sizes that allow no proof, `invalidProof` when it does not verify.
    public static func verifyConsistency(
        oldSize: UInt64, newSize: UInt64, proof: [[UInt8]], oldRoot: [UInt8], newRoot: [UInt8]
    ) throws(BoardError) {
        guard oldSize <= newSize else {
            throw BoardError(.outOfRange, "old size \(oldSize) is larger than new size \(newSize)")
        }
        if oldSize == newSize {
            guard proof.isEmpty else {
                throw BoardError(
                    .invalidProof, "equal sizes need an empty consistency proof, not \(proof.count) hashes")
            }
            guard oldRoot == newRoot else {
                throw BoardError(.invalidProof, "two trees of size \(oldSize) have different roots")
            }
            guard oldSize > 0 || oldRoot == MerkleHash.empty else {
                throw BoardError(.invalidProof, "the empty tree's root must be SHA-256 of the empty string")
            }
            return
        }
        guard oldSize > 0 else {
            throw BoardError(.outOfRange, "a consistency proof from the empty tree proves nothing")
        }
        guard !proof.isEmpty else {
            throw BoardError(.invalidProof, "the consistency proof from \(oldSize) to \(newSize) is empty")
        }
        try checkHashLengths(proof)
        var path = proof
        if oldSize & (oldSize - 1) == 0 { path.insert(oldRoot, at: 0) }
        var (oldLast, newLast) = (oldSize - 1, newSize - 1)
        while oldLast & 1 == 1 {
            oldLast >>= 1
            newLast >>= 1
        }
        var (oldHash, newHash) = (path[0], path[0])
        for hash in path.dropFirst() {
            guard newLast != 0 else {
                throw BoardError(.invalidProof, "the consistency proof from \(oldSize) to \(newSize) is too long")
            }
            if oldLast & 1 == 1 || oldLast == newLast {
                oldHash = MerkleHash.node(hash, oldHash)
                newHash = MerkleHash.node(hash, newHash)
                while oldLast & 1 == 0 && oldLast != 0 {
                    oldLast >>= 1
                    newLast >>= 1
                }
            } else {
                newHash = MerkleHash.node(newHash, hash)
            }
            oldLast >>= 1
            newLast >>= 1
        }
        guard newLast == 0 else {
            throw BoardError(.invalidProof, "the consistency proof from \(oldSize) to \(newSize) is too short")
        }
        guard oldHash == oldRoot else {
            throw BoardError(.invalidProof, "the consistency proof does not lead to the root of size \(oldSize)")
        }
        guard newHash == newRoot else {
            throw BoardError(.invalidProof, "the consistency proof does not lead to the root of size \(newSize)")
        }
    }

    private static func checkHashLengths(_ proof: [[UInt8]]) throws(BoardError) {
        for (position, hash) in proof.enumerated() where hash.count != MerkleHash.byteCount {
            throw BoardError(.invalidProof, "proof hash \(position) has \(hash.count) bytes, not 32")
        }
    }
}
