import Synchronization
import TabellaGroups

/// What a board announces after each commit: the new checkpoint and the entries it added.
public struct BoardEvent: Sendable, Hashable {
    /// The log size after the commit.
    public let size: UInt64
    /// The signed checkpoint of that size.
    public let checkpoint: String
    /// The indices and leaf hashes of the entries added, in order.
    public let appended: [(index: UInt64, leafHash: [UInt8])]

    /// An event of a commit.
    public init(size: UInt64, checkpoint: String, appended: [(index: UInt64, leafHash: [UInt8])]) {
        self.size = size
        self.checkpoint = checkpoint
        self.appended = appended
    }

    /// Compares sizes, checkpoints and appended entries.
    public static func == (lhs: BoardEvent, rhs: BoardEvent) -> Bool {
        lhs.size == rhs.size && lhs.checkpoint == rhs.checkpoint
            && lhs.appended.elementsEqual(rhs.appended) { $0.index == $1.index && $0.leafHash == $1.leafHash }
    }

    /// Hashes the size and checkpoint.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(checkpoint)
    }
}

/// Hands each ``BoardEvent`` to every current subscriber. A subscriber that falls more than its buffer behind
/// loses the oldest events (it can read the entries it missed from the log).
public final class BoardEventHub: Sendable {
    private let subscribers = Locked([Int: AsyncStream<BoardEvent>.Continuation]())
    private let nextID = Atomic(0)

    /// A hub with no subscribers.
    public init() {}

    /// A stream of the events from now on, buffering at most `bufferSize` undelivered ones.
    public func subscribe(bufferSize: Int = 1024) -> AsyncStream<BoardEvent> {
        let id = nextID.add(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream.makeStream(
            of: BoardEvent.self, bufferingPolicy: .bufferingNewest(bufferSize))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// The number of current subscribers.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// Sends an event to every subscriber.
    public func publish(_ event: BoardEvent) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(event) }
    }

    /// Ends every subscriber's stream.
    public func finish() {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.finish() }
    }
}
