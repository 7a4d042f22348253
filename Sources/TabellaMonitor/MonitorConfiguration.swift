/// The monitor's thresholds. The defaults were set on the tuning seeds of the synthetic elections (never on the
/// seeds whose scores are reported); Docs/monitor.md gives the method and the figures.
public struct MonitorConfiguration: Sendable, Hashable, Codable {
    /// The count model of a region's arrivals in one slot.
    public enum RateModel: String, Sendable, Hashable, Codable {
        /// Poisson around the learned rate: no overdispersion.
        case poisson
        /// Negative binomial with the profile's learned dispersion.
        case negativeBinomial = "negative-binomial"
    }

    /// The slot count model.
    public var rateModel = RateModel.negativeBinomial
    /// The size of the one-sided test of each region-slot count; alerts as critical.
    public var rateAlpha = 1e-6
    /// The short window of the arrival-rate test, in seconds, beside the slot.
    public var burstWindow = 120.0
    /// Slots whose count is this unlikely do not teach the region's rate (so that an attack does not become the
    /// baseline).
    public var exclusionAlpha = 1e-3
    /// The weight, as a share of the day, of the prior that a region votes like the roll average.
    public var priorWeight = 0.1
    /// The CUSUM allowance, in standard deviations of a slot count.
    public var cusumAllowance = 0.75
    /// The CUSUM threshold.
    public var cusumThreshold = 12.0
    /// The Page–Hinkley tolerance on the whole stream's standardised slot counts.
    public var pageHinkleyDelta = 1.0
    /// The Page–Hinkley threshold.
    public var pageHinkleyLambda = 80.0
    /// The slots over which regions are compared with one another.
    public var outlierWindowSlots = 6
    /// The robust z-score above which a region stands out.
    public var outlierZ = 8.0
    /// The region's own count must also be this unlikely under its rate.
    public var outlierAlpha = 1e-4
    /// The number of inter-arrival gaps in the regularity test.
    public var regularityWindow = 256
    /// The z-score below which gaps are too regular.
    public var regularityZ = 5.0
    /// The window of the fingerprint burst test, in seconds.
    public var fingerprintWindow = 600.0
    /// The ballots from one fingerprint within the window that raise an alert.
    public var fingerprintThreshold = 10
    /// The window of the revote storm test, in seconds.
    public var revoteWindow = 600.0
    /// The size of the revote storm test.
    public var revoteAlpha = 1e-6
    /// One ballot carrying this share of the weight cast raises an alert.
    public var singleBallotShare = 0.05
    /// ... once this share of the roll's weight has been cast.
    public var concentrationWarmUp = 0.02
    /// A Nakamoto coefficient at or below this raises an alert.
    public var nakamotoThreshold = 3
    /// The quorum, in voters, whose risk of being missed is forecast; nil for none.
    public var quorum: Int?
    /// The risk of missing the quorum that raises an alert.
    public var quorumRiskThreshold = 0.5
    /// The forecast interval's coverage.
    public var forecastLevel = 0.9
    /// After an alert, the same detector stays silent on the same subject for this long, in seconds.
    public var cooldown = 3600.0
    /// The learned detector, nil for the statistical detectors alone (Docs/monitor.md, "The learned detector").
    public var learned: LearnedSlotDetector?

    /// The default thresholds.
    public init() {}

    /// Checks every threshold's range.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` naming the first field out of range.
    public func validate() throws(MonitorError) {
        func check(_ ok: Bool, _ field: String) throws(MonitorError) {
            if !ok { throw MonitorError(.outOfRange, "monitor configuration: \(field) is out of range") }
        }
        try check(rateAlpha > 0 && rateAlpha < 1, "rateAlpha")
        try check(burstWindow > 0, "burstWindow")
        try check(exclusionAlpha > 0 && exclusionAlpha < 1, "exclusionAlpha")
        try check(priorWeight > 0, "priorWeight")
        try check(cusumAllowance >= 0 && cusumThreshold > 0, "cusum")
        try check(pageHinkleyDelta >= 0 && pageHinkleyLambda > 0, "pageHinkley")
        try check(outlierWindowSlots > 0 && outlierZ > 0 && outlierAlpha > 0 && outlierAlpha < 1, "outlier")
        try check(regularityWindow >= 8 && regularityZ > 0, "regularity")
        try check(fingerprintWindow > 0 && fingerprintThreshold > 1, "fingerprint")
        try check(revoteWindow > 0 && revoteAlpha > 0 && revoteAlpha < 1, "revote")
        try check(singleBallotShare > 0 && singleBallotShare <= 1 && concentrationWarmUp >= 0, "concentration")
        try check(nakamotoThreshold >= 0, "nakamotoThreshold")
        try check(quorum.map { $0 > 0 } ?? true, "quorum")
        try check(quorumRiskThreshold > 0 && quorumRiskThreshold < 1, "quorumRiskThreshold")
        try check(forecastLevel > 0 && forecastLevel < 1, "forecastLevel")
        try check(cooldown >= 0, "cooldown")
    }
}
