/// What an election's participants need of a board, over HTTP (``BoardClient``) or in the same process
/// (``Board``): append, read, the latest checkpoint, and proofs.
public protocol BoardAccess: Sendable {
    /// Appends entries all together or not at all; returns the first index and the checkpoint of the commit.
    func appendEntries(_ entries: [BoardEntry]) async throws(BoardError) -> (firstIndex: UInt64, checkpoint: String)
    /// The entries with indices in `range` (at most 1,000).
    func entries(_ range: Range<UInt64>) async throws(BoardError) -> [BoardEntry]
    /// The latest signed checkpoint's text.
    func latestCheckpoint() async throws(BoardError) -> String
    /// The inclusion proof of entry `index` in the tree of `size` entries.
    func inclusionProof(index: UInt64, size: UInt64) async throws(BoardError) -> [[UInt8]]
    /// The consistency proof from size `old` to size `new`.
    func consistencyProof(from old: UInt64, to new: UInt64) async throws(BoardError) -> [[UInt8]]
}

extension BoardClient: BoardAccess {
    /// Appends over HTTP.
    public func appendEntries(_ entries: [BoardEntry]) async throws(BoardError)
        -> (firstIndex: UInt64, checkpoint: String)
    {
        let receipt = try await append(entries)
        return (receipt.index, receipt.checkpoint)
    }

    /// `GET /checkpoint`.
    public func latestCheckpoint() async throws(BoardError) -> String { try await checkpoint() }
}

extension Board: BoardAccess {
    /// Appends in this process.
    public func appendEntries(_ entries: [BoardEntry]) async throws(BoardError)
        -> (firstIndex: UInt64, checkpoint: String)
    {
        try await append(entries)
    }

    /// The stored latest checkpoint.
    ///
    /// - Throws: ``BoardError`` `notFound` before ``start()``.
    public func latestCheckpoint() async throws(BoardError) -> String {
        guard let checkpoint = try await head().checkpoint else {
            throw BoardError(.notFound, "the board has no checkpoint yet")
        }
        return checkpoint
    }
}

extension BoardAccess {
    /// Every entry from `start` to the size of the checkpoint `size`, read in pages.
    public func entries(from start: UInt64, to size: UInt64) async throws(BoardError) -> [BoardEntry] {
        var result = [BoardEntry]()
        var next = start
        while next < size {
            let end = min(size, next + 1000)
            result += try await entries(next..<end)
            next = end
        }
        return result
    }
}
