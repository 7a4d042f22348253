import Foundation

/// One path's dudect-style timing test: per-call times of a fixed secret (class 0) and of random secrets
/// (class 1), drawn in random order, and Welch's t statistic between the classes.
struct TimingTest: Encodable {
    /// What was timed.
    let path: String
    /// Samples taken (both classes).
    let samples: Int
    /// The largest |t| over the whole sample set and its cropped subsets.
    let maximumT: Double
    /// Whether this path is the variable-time control, which must leak.
    let isControl: Bool

    /// dudect's threshold: above it the classes' timings differ.
    static let threshold = 4.5

    /// Whether the timing depends on the secret.
    var leaks: Bool { maximumT > Self.threshold }

    /// A row of the text table.
    var line: String {
        let verdict = leaks ? (isControl ? "leaks, as a control must" : "LEAKS") : (isControl ? "CONTROL UNSEEN"
            : "no leak found")
        return path.padding(toLength: 58, withPad: " ", startingAt: 0)
            + String(format: " %9d %10.2f  ", samples, maximumT) + verdict
    }

    /// Times `body` `samples` times, each on `secret(true)` (a fresh copy of the fixed secret) or `secret(false)`
    /// (a random one), the class of each sample drawn at random. Every secret is made before the first sample,
    /// each in its own storage, so that making it takes no part in the timing and neither class finds its secret
    /// in the cache more often.
    static func run<Secret>(
        _ path: String, samples: Int, isControl: Bool = false, secret: (_ fixed: Bool) -> Secret,
        _ body: (Secret) -> Void
    ) -> TimingTest {
        let classes = (0..<samples).map { _ in Int.random(in: 0...1) }
        let secrets = classes.map { secret($0 == 0) }
        var times: [[Double]] = [[], []]
        for (secretClass, value) in zip(classes, secrets) {
            let start = DispatchTime.now().uptimeNanoseconds
            body(value)
            times[secretClass].append(Double(DispatchTime.now().uptimeNanoseconds - start))
        }
        let pooled = (times[0] + times[1]).sorted()
        var largest = abs(welch(times[0], times[1]))
        for percentile in [0.5, 0.9, 0.99] where !pooled.isEmpty {
            let cut = pooled[min(pooled.count - 1, Int(Double(pooled.count) * percentile))]
            largest = max(largest, abs(welch(times[0].filter { $0 <= cut }, times[1].filter { $0 <= cut })))
        }
        return TimingTest(path: path, samples: samples, maximumT: largest, isControl: isControl)
    }

    /// Welch's t statistic of two samples (0 when either has fewer than two values or no variance).
    static func welch(_ a: [Double], _ b: [Double]) -> Double {
        guard a.count > 1, b.count > 1 else { return 0 }
        func moments(_ values: [Double]) -> (mean: Double, variance: Double) {
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
            return (mean, variance)
        }
        let (x, y) = (moments(a), moments(b))
        let spread = (x.variance / Double(a.count) + y.variance / Double(b.count)).squareRoot()
        return spread > 0 ? (x.mean - y.mean) / spread : 0
    }
}
