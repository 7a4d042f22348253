import Dispatch
import Foundation
import TabellaGroups

/// Work spread over the cores by `DispatchQueue.concurrentPerform`, in contiguous chunks whose results are put
/// back in order: the result does not depend on the scheduling.
enum ParallelWork {
    /// The number of chunks: a few per core, so that uneven chunks even out.
    static var chunkCount: Int { ProcessInfo.processInfo.activeProcessorCount * 4 }

    /// `(0..<count).map(body)`, computed in parallel chunks; `progress` receives the fraction of chunks done.
    static func map<T: Sendable>(
        count: Int, progress: @Sendable (Double) -> Void = { _ in }, _ body: @Sendable (Int) -> T
    ) -> [T] {
        let chunks = max(1, min(count, chunkCount))
        let results = ChunkResults<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * count / chunks)..<((chunk + 1) * count / chunks)
            let done = results.store(chunk, range.map(body))
            progress(Double(done) / Double(chunks))
        }
        return results.joined()
    }

    /// The concatenated results of `body` over contiguous ranges that cover `0..<count`, in parallel: for work
    /// whose cost per item falls when items are batched (one field inversion for a chunk's encodings).
    static func mapRanges<T: Sendable>(count: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
        let chunks = max(1, min(count, chunkCount))
        return map(count: chunks) { chunk in body((chunk * count / chunks)..<((chunk + 1) * count / chunks)) }
            .flatMap { $0 }
    }
}

extension ParallelWork {
    /// `∏_{i < count} term(i)` in `group`, the terms formed in parallel chunks when there are many of them.
    static func product<Group: PrimeOrderGroup>(
        count: Int, in group: Group, _ term: @Sendable (Int) -> Group.Element
    ) -> Group.Element {
        guard count >= 64 else { return group.product((0..<count).lazy.map(term)) }
        let chunks = chunkCount
        let partial = map(count: chunks) { chunk in
            group.product(((chunk * count / chunks)..<((chunk + 1) * count / chunks)).lazy.map(term))
        }
        return group.product(partial)
    }
}

/// The results of the chunks of ``ParallelWork/map(count:progress:_:)``.
private final class ChunkResults<T: Sendable>: Sendable {
    private let state: Locked<(chunks: [[T]], done: Int)>

    init(count: Int) { state = Locked((Array(repeating: [], count: count), 0)) }

    /// Stores a chunk's results; returns how many chunks are done.
    func store(_ index: Int, _ values: [T]) -> Int {
        state.withLock { state in
            state.chunks[index] = values
            state.done += 1
            return state.done
        }
    }

    /// All results in order.
    func joined() -> [T] { state.withLock { $0.chunks.flatMap { $0 } } }
}
