/// Page's two-sided CUSUM on a standardised stream: alarms when the running sum of `z − k` (upward) or `−z − k`
/// (downward) passes `h`, then restarts that side.
///
/// Assumes that under no change the values are independent with mean 0 and standard deviation 1; `k` is half
/// the smallest shift worth finding (in standard deviations), `h` sets the false-alarm rate (for `k = 0.5`,
/// `h = 5` gives an in-control average run length of about 930 values).
public struct Cusum: Sendable, Hashable, Codable {
    /// Which way the mean moved.
    public enum Direction: String, Sendable, Hashable, Codable {
        /// The mean rose.
        case up
        /// The mean fell.
        case down
    }

    /// The allowance: half the shift to detect, in standard deviations.
    public let allowance: Double
    /// The decision threshold.
    public let threshold: Double
    /// The upward sum.
    public private(set) var upper = 0.0
    /// The downward sum.
    public private(set) var lower = 0.0

    /// A CUSUM with allowance `k` and threshold `h`.
    public init(allowance: Double, threshold: Double) {
        self.allowance = allowance
        self.threshold = threshold
    }

    /// Adds one standardised value; returns the direction of a change when a sum passes the threshold.
    public mutating func observe(_ z: Double) -> Direction? {
        upper = max(0, upper + z - allowance)
        lower = max(0, lower - z - allowance)
        if upper > threshold {
            upper = 0
            return .up
        }
        if lower > threshold {
            lower = 0
            return .down
        }
        return nil
    }
}
