/// A count of events over the last `window` seconds, kept in buckets of a fixed width: constant memory and
/// constant time per event, with the window's edge rounded to a bucket.
struct SlidingCount: Sendable {
    private let bucketWidth: Double
    private var buckets: [Int]
    private var newest = 0
    private var newestIndex = 0
    private(set) var total = 0

    init(window: Double, buckets: Int = 60) {
        bucketWidth = window / Double(buckets)
        self.buckets = [Int](repeating: 0, count: buckets)
    }

    /// Moves the window's end to `time`, emptying the buckets that fell out.
    mutating func advance(to time: Double) {
        let index = Int(time / bucketWidth)
        guard index > newestIndex else { return }
        let steps = min(index - newestIndex, buckets.count)
        for step in 1...steps {
            let slot = (newest + step) % buckets.count
            total -= buckets[slot]
            buckets[slot] = 0
        }
        newest = (newest + index - newestIndex) % buckets.count
        newestIndex = index
    }

    /// Counts one event at `time`.
    mutating func add(at time: Double) {
        advance(to: time)
        buckets[newest] += 1
        total += 1
    }
}
