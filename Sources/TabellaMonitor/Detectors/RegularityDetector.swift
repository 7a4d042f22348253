/// Alerts when the gaps between consecutive ballots of one stream (a region, or a client fingerprint) are too
/// regular for people acting independently.
///
/// For a Poisson stream the gaps are exponential whatever the rate, and the variance of their logarithm is
/// π²/6; a script casting on a timer makes that variance collapse. The test compares the variance of the last
/// `window` log-gaps with π²/6 through its sampling standard deviation, `√((π²/6)² · (2/(n−1) + 2.4/n))` (2.4 is
/// the excess kurtosis of the log of an exponential); a variance of zero is `−1 / √(2/(n−1) + 2.4/n)` deviations
/// away (−7.6 for 256 gaps), which bounds the threshold that can be reached. Assumes a rate roughly constant over the window; a rate
/// that varies only raises the variance, so it hides bots rather than inventing them. Timestamps rounded to
/// whole seconds make gaps regular too, so the monitor must see the board's sub-second times.
public struct RegularityDetector<Key: Hashable & Sendable>: Sendable {
    private struct Stream: Sendable {
        var last: Double
        var logGaps: [Double] = []
        var next = 0
    }

    private static var exponentialLogVariance: Double { Double.pi * Double.pi / 6 }
    private let window: Int
    private let zThreshold: Double
    private let spread: Double
    private var streams: [Key: Stream] = [:]

    /// A detector over the last `window` gaps of each stream, alerting below `−zThreshold`.
    public init(window: Int, zThreshold: Double) {
        self.window = window
        self.zThreshold = zThreshold
        let n = Double(window)
        spread = Self.exponentialLogVariance * (2 / (n - 1) + 2.4 / n).squareRoot()
    }

    /// The z-score of the stream's log-gap variance after an arrival at `time`, once the window is full.
    public mutating func observe(_ key: Key, time: Double) -> Double? {
        guard var stream = streams[key] else {
            streams[key] = Stream(last: time)
            return nil
        }
        let gap = Double.log(max(time - stream.last, 1e-3))
        stream.last = time
        if stream.logGaps.count < window {
            stream.logGaps.append(gap)
        } else {
            stream.logGaps[stream.next] = gap
            stream.next = (stream.next + 1) % window
        }
        streams[key] = stream
        guard stream.logGaps.count == window else { return nil }
        let mean = stream.logGaps.reduce(0, +) / Double(window)
        let variance = stream.logGaps.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(window - 1)
        return (variance - Self.exponentialLogVariance) / spread
    }

    /// True when a z-score from ``observe(_:time:)`` is below the threshold.
    public func isTooRegular(_ z: Double) -> Bool { z < -zThreshold }

    /// Forgets a stream's gaps (after an alert, so that the next alert needs a fresh window).
    public mutating func reset(_ key: Key) {
        streams[key].map { streams[key] = Stream(last: $0.last) }
    }
}
