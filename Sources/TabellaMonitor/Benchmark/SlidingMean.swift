/// The mean of the last `capacity` values (of all of them while fewer have come), in constant time per value.
struct SlidingMean: Sendable {
    let capacity: Int
    private var kept: [Double] = []
    private var oldest = 0
    private var sum = 0.0

    init(capacity: Int) { self.capacity = capacity }

    mutating func add(_ value: Double) {
        if kept.count < capacity {
            kept.append(value)
        } else {
            sum -= kept[oldest]
            kept[oldest] = value
            oldest = (oldest + 1) % capacity
        }
        sum += value
    }

    /// The mean of the kept values, 0 when none is kept.
    var mean: Double { kept.isEmpty ? 0 : max(0, sum) / Double(kept.count) }
}
