/// Alerts when a region's arrivals in the current slot, or in the last `burstWindow` seconds, reach a count
/// that the region's learned rate makes less likely than `alpha`: the fastest test for stuffing in bursts, raised
/// at the arrival that reaches the count.
///
/// Assumes the ``RegionRateModel``'s counts (Poisson, or negative binomial with the profile's dispersion; the
/// rate noise is multiplicative, so the same size holds for the short window). With `R` regions and `S` slots a
/// day it runs about `R · S · (1 + slot / burstWindow)` tests, so that many times `alpha` false alarms a day when
/// the model holds; a day unlike the learned ones (a holiday, an outage) breaks the model, not the election.
public struct ArrivalRateDetector: Sendable {
    private let alpha: Double
    private let burstWindow: Double
    private var critical: [Int]
    private var burstCritical: [Int]
    private var expected: [Double]
    private var bursts: [SlidingCount]
    private var alerted: [Bool]

    /// A detector over `regions` regions testing at size `alpha`, over slots and over `burstWindow` seconds.
    public init(regions: Int, alpha: Double, burstWindow: Double) {
        self.alpha = alpha
        self.burstWindow = burstWindow
        critical = [Int](repeating: .max, count: regions)
        burstCritical = [Int](repeating: .max, count: regions)
        expected = [Double](repeating: 0, count: regions)
        bursts = [SlidingCount](repeating: SlidingCount(window: burstWindow, buckets: 12), count: regions)
        alerted = [Bool](repeating: false, count: regions)
    }

    /// Sets each region's critical counts for a new slot.
    mutating func open(slot: Int, rates: RegionRateModel) {
        let burstShare = burstWindow / rates.profile.slotLength
        for region in critical.indices {
            expected[region] = rates.expected(region, slot: slot)
            critical[region] = Distributions.upperCriticalCount(alpha: alpha, mean: expected[region], size: rates.size)
            burstCritical[region] = Distributions.upperCriticalCount(
                alpha: alpha, mean: expected[region] * burstShare, size: rates.size)
            alerted[region] = false
        }
    }

    /// The alert, if the region's slot count or burst-window count just reached its critical count.
    mutating func observe(region: Int, count: Int, time: Double, regionName: String, rates: RegionRateModel,
                          slot: Int) -> MonitorAlert? {
        bursts[region].add(at: time)
        guard !alerted[region] else { return nil }
        let burst = bursts[region].total
        let window: Double, observed: Int, mean: Double
        if count >= critical[region] {
            (window, observed, mean) = (rates.profile.slotLength, count, expected[region])
        } else if burst >= burstCritical[region] {
            (window, observed, mean) = (burstWindow, burst, expected[region] * burstWindow / rates.profile.slotLength)
        } else {
            return nil
        }
        alerted[region] = true
        let pValue = Distributions.upperTail(observed, mean: mean, size: rates.size)
        return MonitorAlert(
            severity: .critical, detector: .arrivalRate, subject: .init(regions: [regionName]), time: time,
            evidence: [.init("observed", Double(observed)), .init("expected", mean), .init("p-value", pValue),
                       .init("window-seconds", window), .init("slot", Double(slot))],
            explanation: """
                Region \(regionName) received \(observed) ballots in the last \(Int(window)) seconds, where its \
                usual rate predicts about \(MonitorFormat.decimal(mean)); so many arrive by chance with \
                probability \(MonitorFormat.probability(pValue)). Look for ballots cast in a burst.
                """)
    }
}
