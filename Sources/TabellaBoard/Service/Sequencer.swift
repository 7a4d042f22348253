/// Orders append requests and writes them in group commits: while one commit is on its way to disk, the requests
/// that arrive wait together and go down in the next one, so that one `fsync` serves many entries.
actor Sequencer {
    private struct Waiter {
        let group: [EntryRecord]
        let continuation: CheckedContinuation<Result<(UInt64, CommitResult), BoardError>, Never>
    }

    private let storage: any BoardStorage
    private let sign: @Sendable (UInt64, [UInt8]) -> String
    private let maximumCommitCount: Int
    private let committed: @Sendable (CommitResult, [[EntryRecord]], [GroupOutcome]) -> Void
    private var pending: [Waiter] = []
    private var isDraining = false

    /// A sequencer writing to `storage`, signing each new tree head with `sign`, at most `maximumCommitCount`
    /// entries per commit (a larger single group goes alone); `committed` hears of every successful commit.
    init(
        storage: any BoardStorage, maximumCommitCount: Int, sign: @escaping @Sendable (UInt64, [UInt8]) -> String,
        committed: @escaping @Sendable (CommitResult, [[EntryRecord]], [GroupOutcome]) -> Void
    ) {
        self.storage = storage
        self.sign = sign
        self.maximumCommitCount = maximumCommitCount
        self.committed = committed
    }

    /// Appends a group durably; returns its first index and the commit it went into.
    func append(_ group: [EntryRecord]) async throws(BoardError) -> (firstIndex: UInt64, commit: CommitResult) {
        let result = await withCheckedContinuation { continuation in
            pending.append(Waiter(group: group, continuation: continuation))
            if !isDraining {
                isDraining = true
                Task { await self.drain() }
            }
        }
        return try result.get()
    }

    private func drain() async {
        while !pending.isEmpty {
            var count = 0
            var taken = 0
            while taken < pending.count, taken == 0 || count + pending[taken].group.count <= maximumCommitCount {
                count += pending[taken].group.count
                taken += 1
            }
            let batch = Array(pending.prefix(taken))
            pending.removeFirst(taken)
            let groups = batch.map(\.group)
            do {
                let result = try await storage.commit(groups, sign: sign)
                committed(result, groups, result.outcomes)
                for (waiter, outcome) in zip(batch, result.outcomes) {
                    switch outcome {
                    case .appended(let first):
                        waiter.continuation.resume(returning: .success((first, result)))
                    case .duplicate(let position, let existing):
                        let where_ = existing.map { " at index \($0)" } ?? " in the same request"
                        waiter.continuation.resume(
                            returning: .failure(
                                BoardError(.duplicate, "entry \(position) is already on the board\(where_)")))
                    }
                }
            } catch {
                for waiter in batch { waiter.continuation.resume(returning: .failure(error)) }
            }
        }
        isDraining = false
    }
}
