/// The Page–Hinkley test for a rise in the mean of a stream: the cumulative deviation from the running mean,
/// less a tolerance `delta` per value, against its running minimum; alarms when the gap passes `lambda`.
///
/// Assumes a stream whose mean is constant until it changes; the running mean is the test's own, so no baseline
/// is needed, but a slow drift is absorbed and may go unseen. After an alarm the test restarts.
public struct PageHinkley: Sendable, Hashable, Codable {
    /// The tolerated drift per value.
    public let delta: Double
    /// The alarm threshold.
    public let lambda: Double
    private var count = 0
    private var mean = 0.0
    private var cumulative = 0.0
    private var minimum = 0.0

    /// A test with tolerance `delta` and threshold `lambda`.
    public init(delta: Double, lambda: Double) {
        self.delta = delta
        self.lambda = lambda
    }

    /// The current gap between the cumulative deviation and its minimum.
    public var statistic: Double { cumulative - minimum }

    /// Adds a value; true when the test alarms.
    public mutating func observe(_ value: Double) -> Bool {
        count += 1
        mean += (value - mean) / Double(count)
        cumulative += value - mean - delta
        minimum = min(minimum, cumulative)
        guard statistic > lambda else { return false }
        self = PageHinkley(delta: delta, lambda: lambda)
        return true
    }
}
