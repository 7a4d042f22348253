import Synchronization

/// The stored hashes of the tree's upper levels (``lowestLevel`` and above) kept in memory, so that a proof reads
/// only its few lower-level hashes from the database.
///
/// A stored node never changes, so a cached hash is never stale. Each level is one contiguous buffer of the
/// hashes of its nodes `0..<count`, extended as commits complete new nodes: a log of `n` entries holds about
/// `n / 2^(lowestLevel - 1)` nodes here, 32 bytes each (a quarter of a byte per entry at level 8, 250 KB for a
/// million entries), with no per-node allocation. Nodes below ``lowestLevel`` are one tile of a proof's path and
/// are read from the database.
final class UpperLevelCache: Sendable {
    /// The lowest level kept: the first level above a c2sp.org/tlog-tiles tile of leaves.
    static let lowestLevel = 8

    private let levels = Mutex<[[UInt8]]>([])

    /// An empty cache.
    init() {}

    /// The hashes of `nodes`, one per node in order, `nil` for those it does not hold.
    func hashes(of nodes: [NodeID]) -> [[UInt8]?] {
        levels.withLock { levels in
            nodes.map { node in
                let level = node.level - Self.lowestLevel
                guard level >= 0, level < levels.count else { return nil }
                let start = node.index.multipliedReportingOverflow(by: UInt64(MerkleHash.byteCount))
                guard !start.overflow, start.partialValue < UInt64(levels[level].count) else { return nil }
                let offset = Int(start.partialValue)
                return Array(levels[level][offset..<offset + MerkleHash.byteCount])
            }
        }
    }

    /// Adds the nodes at ``lowestLevel`` and above that extend their level by one, in order; other nodes (below
    /// the lowest level, already held, or after a gap) are left out.
    func record(_ nodes: some Sequence<StoredNode>) {
        levels.withLock { levels in
            for node in nodes where node.id.level >= Self.lowestLevel && node.hash.count == MerkleHash.byteCount {
                let level = node.id.level - Self.lowestLevel
                while levels.count <= level { levels.append([]) }
                guard UInt64(levels[level].count / MerkleHash.byteCount) == node.id.index else { continue }
                levels[level] += node.hash
            }
        }
    }
}
