/// The right edge of a growing Merkle tree: the complete subtrees that make up `[0, size)`, at most one per level.
///
/// It is all an appender needs to know of the tree: appending a leaf completes zero or more subtrees, whose hashes
/// it returns for storage, and the root is the fold of the edge.
public struct CompactRange: Sendable, Equatable {
    /// The number of leaves covered.
    public private(set) var size: UInt64
    /// The subtrees of ``MerkleTree/decomposition(of:)`` for `0..<size`, left to right, with their hashes.
    public private(set) var nodes: [StoredNode]

    /// The edge of the empty tree.
    public init() {
        size = 0
        nodes = []
    }

    /// The edge of a tree of `size` leaves from the hashes of `MerkleTree.decomposition(of: 0..<size)`, in order.
    ///
    /// - Throws: ``BoardError`` `corrupted` when the number of hashes does not match the size.
    public init(size: UInt64, hashes: [[UInt8]]) throws(BoardError) {
        let ids = MerkleTree.decomposition(of: 0..<size)
        guard ids.count == hashes.count else {
            throw BoardError(.corrupted, "a tree of size \(size) has \(ids.count) edge nodes, \(hashes.count) given")
        }
        self.size = size
        nodes = zip(ids, hashes).map { StoredNode(id: $0, hash: $1) }
    }

    /// The root hash of the tree.
    public var root: [UInt8] { MerkleTree.fold(nodes.map(\.hash)) }

    /// Appends a leaf and returns the nodes it completes: the leaf itself first, then each new parent.
    public mutating func append(leafHash: [UInt8]) -> [StoredNode] {
        var completed = [StoredNode(id: NodeID(level: 0, index: size), hash: leafHash)]
        nodes.append(completed[0])
        while nodes.count >= 2, nodes[nodes.count - 1].id.level == nodes[nodes.count - 2].id.level {
            let right = nodes.removeLast()
            let left = nodes.removeLast()
            let parent = StoredNode(
                id: NodeID(level: left.id.level + 1, index: left.id.index >> 1),
                hash: MerkleHash.node(left.hash, right.hash))
            nodes.append(parent)
            completed.append(parent)
        }
        size += 1
        return completed
    }
}

/// The hash of one complete subtree, as stored.
public struct StoredNode: Sendable, Hashable {
    /// Which subtree.
    public let id: NodeID
    /// Its Merkle tree hash.
    public let hash: [UInt8]

    /// A node and its hash.
    public init(id: NodeID, hash: [UInt8]) {
        self.id = id
        self.hash = hash
    }
}
