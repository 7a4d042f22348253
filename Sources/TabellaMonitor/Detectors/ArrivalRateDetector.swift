/// Alerts when a region's arrivals in the current slot reach a count that the region's learned rate makes less
/// likely than `alpha`: the fastest test for stuffing in bursts, raised at the arrival that reaches the count.
///
/// Assumes the ``RegionRateModel``'s counts (Poisson, or negative binomial with the profile's dispersion). With
/// `R` regions and `S` slots a day it runs `R · S` tests, so about `R · S · alpha` false alarms a day when the
/// model holds; a day unlike the learned ones (a holiday, an outage) breaks the model, not the election.
public struct ArrivalRateDetector: Sendable {
    private let alpha: Double
    private var critical: [Int]
    private var expected: [Double]
    private var alerted: [Bool]

    /// A detector over `regions` regions testing at size `alpha`.
    public init(regions: Int, alpha: Double) {
        self.alpha = alpha
        critical = [Int](repeating: .max, count: regions)
        expected = [Double](repeating: 0, count: regions)
        alerted = [Bool](repeating: false, count: regions)
    }

    /// Sets each region's critical count for a new slot.
    mutating func open(slot: Int, rates: RegionRateModel) {
        for region in critical.indices {
            expected[region] = rates.expected(region, slot: slot)
            critical[region] = Distributions.upperCriticalCount(alpha: alpha, mean: expected[region], size: rates.size)
            alerted[region] = false
        }
    }

    /// The alert, if the region's slot count just reached its critical count.
    mutating func observe(region: Int, count: Int, time: Double, regionName: String, rates: RegionRateModel,
                          slot: Int) -> MonitorAlert? {
        guard count >= critical[region], !alerted[region] else { return nil }
        alerted[region] = true
        let pValue = rates.upperTail(count, region: region, slot: slot)
        let mean = expected[region]
        return MonitorAlert(
            severity: .critical, detector: .arrivalRate, subject: .init(regions: [regionName]), time: time,
            evidence: [.init("observed", Double(count)), .init("expected", mean), .init("p-value", pValue),
                       .init("slot", Double(slot))],
            explanation: """
                Region \(regionName) received \(count) ballots so far in this time slot, where its usual rate \
                predicts about \(Int(mean.rounded())); so many arrive by chance with probability \
                \(MonitorFormat.probability(pValue)). Look for ballots cast in a burst.
                """)
    }
}
