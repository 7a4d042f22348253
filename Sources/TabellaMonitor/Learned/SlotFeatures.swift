import RealModule

/// The features of each region at the close of a slot, which the learned detector scores: all from public data the
/// monitor already reads (arrival times and the regions' learned rates).
///
/// Per region: the slot's standardised count `z` (the CUSUM's input), the sums of the last 3, 6 and 12 `z` over
/// the square roots of their counts (15, 30 and 60 minutes at 5-minute slots), the CUSUM's upward sum, the z-score
/// of the variance of the region's last ``shortGaps`` log-gaps against a Poisson stream's (a short, noisy form of
/// the regularity test; 0 until the window is full), and the log of the slot count over its expectation without
/// the common factor.
public struct SlotFeatures: Sendable {
    /// The features' names, in row order.
    public static let names = ["z", "z-15min", "z-30min", "z-60min", "cusum", "gap-variance-z", "log-ratio"]
    /// The gaps of the short regularity window.
    public static let shortGaps = 64
    private static let spans = [3, 6, 12]
    private var recent: [[Double]]
    private var regularity = RegularityDetector<Int>(window: SlotFeatures.shortGaps, zThreshold: 1)
    private var gapVariance: [Double]

    /// The features of `regions` regions.
    public init(regions: Int) {
        recent = [[Double]](repeating: [], count: regions)
        gapVariance = [Double](repeating: 0, count: regions)
    }

    /// Takes a ballot of `region` at `time`.
    mutating func observe(region: Int, time: Double) {
        if let z = regularity.observe(region, time: time) { gapVariance[region] = z }
    }

    /// The row of `region` at the close of a slot whose standardised count is `z`, with the CUSUM's upward sum
    /// `cusum`, and `count` ballots where `expected` were expected.
    mutating func close(region: Int, z: Double, cusum: Double, count: Int, expected: Double) -> [Double] {
        recent[region].append(z)
        if recent[region].count > Self.spans.last! { recent[region].removeFirst() }
        let sums = Self.spans.map { span in
            let last = recent[region].suffix(span)
            return last.reduce(0, +) / Double(last.count).squareRoot()
        }
        let ratio = Double.log((Double(count) + 1) / (expected + 1))
        return [z] + sums + [cusum, gapVariance[region], ratio]
    }
}
