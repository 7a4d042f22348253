/// An entry ready to be stored: its replay identity and its leaf bytes.
public struct EntryRecord: Sendable, Hashable {
    /// The entry's identity (``BoardEntry/id``), unique on the board.
    public let id: [UInt8]
    /// The leaf bytes (``BoardEntry/encoded``).
    public let leaf: [UInt8]
    /// The leaf's RFC 6962 hash, worked out once when the record is made (on the request's thread, not in the
    /// commit that all requests wait for).
    public let leafHash: [UInt8]

    /// A record of `entry`.
    public init(_ entry: BoardEntry) {
        self.init(id: entry.id, leaf: entry.encoded)
    }

    /// A record from stored parts.
    public init(id: [UInt8], leaf: [UInt8]) {
        self.id = id
        self.leaf = leaf
        leafHash = MerkleHash.leaf(leaf)
    }
}

/// What happened to one group (one append request) in a commit.
public enum GroupOutcome: Sendable, Hashable {
    /// All its entries were appended, the first at this index.
    case appended(firstIndex: UInt64)
    /// Nothing of it was appended: its entry at `position` is already on the board (at `existingIndex` when that
    /// is known) or appears twice in the commit.
    case duplicate(position: Int, existingIndex: UInt64?)
}

/// The result of one durable commit.
public struct CommitResult: Sendable, Hashable {
    /// One outcome per group, in order.
    public let outcomes: [GroupOutcome]
    /// The log's size after the commit.
    public let size: UInt64
    /// The signed checkpoint of that size, stored in the same transaction.
    public let checkpoint: String
}

/// Where a board keeps its log: entries, tree nodes and checkpoints.
///
/// Implementations are SQLite (``SQLiteStorage``, the embedded default) and PostgreSQL (``PostgresStorage``, for
/// several front ends over one database). Both run ``AppendPlan`` inside one transaction, so the rules of what
/// is appended live in one place.
public protocol BoardStorage: NodeSource {
    /// The log's size and its latest checkpoint (`nil` before the first commit).
    func head() async throws(BoardError) -> (size: UInt64, checkpoint: String?)

    /// Appends groups of entries atomically and durably, and stores the checkpoint that `sign` makes for the new
    /// tree. The commit has returned only once it is on stable storage. A group with an entry that is already
    /// stored (or that repeats an entry of an earlier group) is skipped whole.
    ///
    /// - Throws: ``BoardError`` `storageUnavailable` when nothing could be written (read-only, full, gone);
    ///   nothing of the commit is then stored.
    func commit(
        _ groups: [[EntryRecord]], sign: @escaping @Sendable (UInt64, [UInt8]) -> String
    )
        async throws(BoardError) -> CommitResult

    /// The leaves at the indices of `range`, which must lie within the log.
    func leaves(in range: Range<UInt64>) async throws(BoardError) -> [[UInt8]]

    /// The stored hashes of the nodes at `level` with the indices in `range`.
    func levelHashes(level: Int, in range: Range<UInt64>) async throws(BoardError) -> [[UInt8]]

    /// The index of the entry with this identity, if it is stored.
    func index(ofEntry id: [UInt8]) async throws(BoardError) -> UInt64?

    /// Releases connections; the storage is not used afterwards.
    func close() async
}

/// What one commit writes, worked out from the tree's current edge: indices, new nodes, outcomes.
///
/// Both storage backends call it inside their write transaction, after reading the stored size and which of the
/// commit's entry identities are already stored.
public struct AppendPlan: Sendable {
    /// The entries to insert, with their indices.
    public private(set) var rows: [(index: UInt64, record: EntryRecord)] = []
    /// The tree nodes the new leaves complete.
    public private(set) var nodes: [StoredNode] = []
    /// One outcome per group.
    public private(set) var outcomes: [GroupOutcome] = []
    /// The tree's edge after the commit.
    public private(set) var edge: CompactRange

    /// Plans appending `groups` to the tree whose edge is `edge`, given the stored indices of those entry
    /// identities that are already on the board.
    public init(edge: CompactRange, groups: [[EntryRecord]], stored: [[UInt8]: UInt64]) {
        self.edge = edge
        var seen = Set<[UInt8]>()
        for group in groups {
            var groupSeen = Set<[UInt8]>()
            let clash = group.firstIndex {
                stored[$0.id] != nil || seen.contains($0.id) || !groupSeen.insert($0.id).inserted
            }
            if let clash {
                outcomes.append(.duplicate(position: clash, existingIndex: stored[group[clash].id]))
                continue
            }
            outcomes.append(.appended(firstIndex: self.edge.size))
            for record in group {
                seen.insert(record.id)
                rows.append((self.edge.size, record))
                nodes += self.edge.append(leafHash: record.leafHash)
            }
        }
    }
}
