import TabellaGroups

/// The stored hashes of the tree's upper levels (``lowestLevel`` and above) kept in memory, so that a proof reads
/// only its few lower-level hashes from the database.
///
/// A stored node never changes, so a cached hash is never stale. Each level is one contiguous buffer of the
/// hashes of its nodes `0..<count`, extended as commits complete new nodes: a log of `n` entries holds about
/// `n / 2^(lowestLevel - 1)` nodes here, 32 bytes each (two bytes per entry at level 5, 2 MB for a million
/// entries), with no per-node allocation. Nodes below ``lowestLevel`` are read from the database: the subtrees
/// beside a leaf within its 32-leaf block, which the SQLite file keeps in one or two pages (``NodeID/sqliteKey``).
final class UpperLevelCache: Sendable {
    /// The lowest level kept. The siblings of a leaf's path at levels 5 to 7 lie 32 to 256 leaves away, up to
    /// five pages apart in the file; in memory they save a proof most of its page reads.
    static let lowestLevel = 5

    private let levels = Locked<[[UInt8]]>([])

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
