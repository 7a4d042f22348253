import TabellaGroups

/// The errors of sharded verification: a bad `--shard`, a partial report that does not open, or a set of partial
/// reports that cannot be merged.
public typealias ShardError = CodedError<ShardErrorDomain>

/// The domain of ``ShardError``.
public enum ShardErrorDomain: ErrorDomain {}

extension ShardError.Code where Domain == ShardErrorDomain {
    /// `--shard` is not `i/n` with 0 ≤ i < n.
    public static let malformedShard = Self("malformedShard")
    /// A partial report is not one this version writes, or its signature does not hold.
    public static let badReport = Self("badReport")
    /// A shard of the set is missing.
    public static let missingShard = Self("missingShard")
    /// Two reports are of the same shard.
    public static let duplicateShard = Self("duplicateShard")
    /// A report is of another record, another kind of record, or another number of shards.
    public static let foreignShard = Self("foreignShard")
}

/// One of `count` slices of a verification: slice `index` (0 ≤ index < count) checks the independent objects whose
/// ordinal o (the position of a ballot among the board's ballots) has o mod count = index, and every check that
/// needs the whole record (the ledger's order, uniqueness, aggregation, the checkpoint).
public struct VerificationShard: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The slice, from 0.
    public let index: Int
    /// The number of slices.
    public let count: Int

    /// The whole verification, one slice.
    public static let whole = VerificationShard(uncheckedIndex: 0, count: 1)

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Slice `index` of `count`.
    ///
    /// - Throws: ``ShardError`` `malformedShard` unless 1 ≤ count and 0 ≤ index < count.
    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1, (0..<count).contains(index) else {
            throw ShardError(.malformedShard, "shard \(index)/\(count): the slice must be 0 to \(count - 1) of "
                + "\(count) (and there must be at least one)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Reads `i/n`, as a Kubernetes Indexed Job's `$JOB_COMPLETION_INDEX/n` gives it.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError(.malformedShard, "`\(text)` is not i/n (for example 0/4)")
        }
        try self.init(index: index, count: count)
    }

    /// Whether this slice checks the object with this ordinal.
    public func owns(_ ordinal: Int) -> Bool { ordinal % count == index }

    /// `i/n`.
    public var description: String { "\(index)/\(count)" }
}
