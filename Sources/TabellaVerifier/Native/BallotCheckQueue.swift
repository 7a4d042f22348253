import TabellaBoard
import TabellaGroups

/// Checks ballots that arrive at the same time together: requests that come while a batch is being checked wait
/// and are checked as the next batch, so that their proofs share one multi-exponentiation (``BallotChecker``'s
/// `checkAll`). A batch smaller than ``fullBatch`` first waits ``gatheringTime`` for more arrivals. At most
/// `parallel` batches run at once. Each request gets exactly its own results.
///
/// Larger batches cost less per ballot: a multi-exponentiation of n terms costs about n·b / log n group operations.
/// Measured in `tabella bench election` (1,000 voters, 32 casting at once): batches checked as soon as a ballot
/// arrived held one ballot half of the time; gathered, most hold 10 to 32 (Docs/benchmarks.md).
actor BallotCheckQueue<Group: PrimeOrderGroup> {
    /// The number of ballots for which a batch does not wait for more.
    static var fullBatch: Int { 32 }
    /// How long a smaller batch waits for more ballots: latency no voter notices.
    static var gatheringTime: Duration { .milliseconds(2) }

    private typealias Outcome = [Result<CheckedBallot<Group>, ElectionRejection>]

    private let checker: BallotChecker<Group>
    private let parallel: Int
    private var waiting = [(entries: [BoardEntry], continuation: CheckedContinuation<Outcome, Never>)]()
    private var running = 0

    /// A queue over `checker` running at most `parallel` batches at once.
    init(checker: BallotChecker<Group>, parallel: Int) {
        self.checker = checker
        self.parallel = max(1, parallel)
    }

    /// The results of ``BallotChecker/check(_:)`` for `entries`, in order.
    func check(_ entries: [BoardEntry]) async -> [Result<CheckedBallot<Group>, ElectionRejection>] {
        await withCheckedContinuation { continuation in
            waiting.append((entries, continuation))
            if running < parallel {
                running += 1
                Task { await drain() }
            }
        }
    }

    private func drain() async {
        while !waiting.isEmpty {
            if waiting.reduce(0, { $0 + $1.entries.count }) < Self.fullBatch {
                try? await Task.sleep(for: Self.gatheringTime)
            }
            let batch = waiting
            waiting = []
            let checker = self.checker
            let all = batch.flatMap(\.entries)
            let results = await Task.detached { checker.checkAll(all) }.value
            var offset = 0
            for request in batch {
                request.continuation.resume(returning: Array(results[offset..<offset + request.entries.count]))
                offset += request.entries.count
            }
        }
        running -= 1
    }
}
