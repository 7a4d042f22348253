/// Compares the regions with one another: each region's arrivals over the last few slots against its own rate,
/// as a log ratio, and flags a region whose robust z-score (median / MAD across regions) is far above the rest
/// while its own count is also unlikely.
///
/// Assumes that most regions behave normally at any time (the median and MAD resist up to half of them being
/// odd) and that news, weather or an outage moves all regions together, so that only a region moving alone
/// stands out. Needs at least five regions.
public struct RegionOutlierDetector: Sendable {
    private let window: Int
    private let zThreshold: Double
    private let alpha: Double
    private var observed: [[Int]] = []
    private var expected: [[Double]] = []

    /// A detector over windows of `window` slots.
    public init(window: Int, zThreshold: Double, alpha: Double) {
        self.window = window
        self.zThreshold = zThreshold
        self.alpha = alpha
    }

    /// The alerts for regions standing out after a slot whose counts and expectations are given per region.
    mutating func close(counts: [Int], expectations: [Double], size: Double, time: Double,
                        regionNames: [String]) -> [MonitorAlert] {
        observed.append(counts)
        expected.append(expectations)
        if observed.count > window {
            observed.removeFirst()
            expected.removeFirst()
        }
        guard counts.count >= 5, observed.count == window else { return [] }
        let sums = counts.indices.map { region in observed.reduce(0) { $0 + $1[region] } }
        let means = counts.indices.map { region in expected.reduce(0) { $0 + $1[region] } }
        let ratios = counts.indices.map { Double.log((Double(sums[$0]) + 0.5) / (means[$0] + 0.5)) }
        let scores = RobustStatistics.robustZScores(ratios, minimumScale: 0.05)
        var alerts = [MonitorAlert]()
        for region in counts.indices where scores[region] > zThreshold {
            let pValue = Distributions.upperTail(sums[region], mean: means[region], size: size * Double(window))
            guard pValue < alpha else { continue }
            alerts.append(MonitorAlert(
                severity: .warning, detector: .regionOutlier, subject: .init(regions: [regionNames[region]]),
                time: time,
                evidence: [.init("observed", Double(sums[region])), .init("expected", means[region]),
                           .init("robust-z", scores[region]), .init("p-value", pValue),
                           .init("window-slots", Double(window))],
                explanation: """
                    Region \(regionNames[region]) received \(sums[region]) ballots over the last \(window) slots, \
                    about \(Int(means[region].rounded())) expected; relative to its own rate it stands \
                    \(Int(scores[region].rounded())) robust deviations above the other regions, which moved \
                    together.
                    """))
        }
        return alerts
    }
}
