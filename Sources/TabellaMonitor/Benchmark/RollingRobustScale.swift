/// The median, MAD and ranks of the last `capacity` values, kept in a sorted array beside the arrival order: adding
/// a value costs a binary search and a shift, the median and ranks are read by binary search, and the MAD is the
/// k-th smallest distance from the median, found by walking outwards from the median in the sorted array.
struct RollingRobustScale: Sendable {
    let capacity: Int
    private var sorted: [Double] = []
    private var order: [Double] = []
    private var oldest = 0

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { sorted.count }

    mutating func add(_ value: Double) {
        if order.count < capacity {
            order.append(value)
        } else {
            let leaving = order[oldest]
            order[oldest] = value
            oldest = (oldest + 1) % capacity
            sorted.remove(at: insertionIndex(leaving))
        }
        sorted.insert(value, at: insertionIndex(value))
    }

    /// The median of the kept values (the mean of the middle two for an even count).
    var median: Double {
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median absolute deviation from the median.
    var medianAbsoluteDeviation: Double {
        let center = median
        let n = sorted.count
        // Distances from the centre, in increasing order, come from two sorted runs: leftwards and rightwards.
        var left = n / 2 - 1
        var right = n % 2 == 1 ? n / 2 + 1 : n / 2
        var taken = n % 2 == 1 ? 1 : 0
        var last = 0.0
        let wanted = n / 2 + 1
        var previous = 0.0
        while taken < wanted {
            let leftDistance = left >= 0 ? center - sorted[left] : .infinity
            let rightDistance = right < n ? sorted[right] - center : .infinity
            previous = last
            if leftDistance <= rightDistance {
                last = leftDistance
                left -= 1
            } else {
                last = rightDistance
                right += 1
            }
            taken += 1
        }
        // For an even count the MAD is the mean of the two middle distances.
        return n % 2 == 1 ? last : (previous + last) / 2
    }

    /// How many kept values are at or above `value`.
    func count(atLeast value: Double) -> Int { sorted.count - insertionIndex(value) }

    /// The largest kept value, nil when none is kept.
    var largest: Double? { sorted.last }

    /// The first index whose value is not below `value`.
    private func insertionIndex(_ value: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
