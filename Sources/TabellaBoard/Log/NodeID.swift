/// The root of a complete, aligned subtree of the Merkle tree: at `level` ℓ and position `index` k it covers
/// the leaves `[k·2^ℓ, (k+1)·2^ℓ)`. Level 0 nodes are the leaves' hashes.
///
/// These are the only hashes a board stores; the hash of any other range is folded from at most 64 of them.
public struct NodeID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The height of the subtree (0 for a leaf).
    public let level: Int
    /// The position of the subtree among those of its level.
    public let index: UInt64

    /// The node at `level` and `index`.
    public init(level: Int, index: UInt64) {
        precondition((0..<64).contains(level), "a node level is between 0 and 63")
        self.level = level
        self.index = index
    }

    /// The first leaf the subtree covers.
    public var firstLeaf: UInt64 { index << UInt64(level) }

    /// Orders by level, then by index.
    public static func < (lhs: NodeID, rhs: NodeID) -> Bool {
        (lhs.level, lhs.index) < (rhs.level, rhs.index)
    }

    /// `level/index`.
    public var description: String { "\(level)/\(index)" }

    /// The hashes `found` for `nodes` (one per node, in order), all of which must be there.
    ///
    /// - Throws: ``BoardError`` `corrupted` naming the first node without a hash.
    static func required(_ nodes: [NodeID], _ found: [[UInt8]?]) throws(BoardError) -> [[UInt8]] {
        try zip(nodes, found).map { node, hash throws(BoardError) in
            guard let hash else { throw BoardError(.corrupted, "tree node \(node) is not stored") }
            return hash
        }
    }
}
