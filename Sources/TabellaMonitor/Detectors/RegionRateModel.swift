/// Each region's expected arrivals per slot: its day rate, learned online from its own closed slots and shrunk
/// towards the roll average, times the profile's share of the slot.
///
/// Assumes that a region's arrivals follow the common time-of-day shape up to a constant factor (its turnout),
/// and that slots flagged as unlikely are not normal behaviour and must not teach the rate.
struct RegionRateModel: Sendable {
    let profile: TimeOfDayProfile
    let size: Double
    private let priorWeight: Double
    private let priorRate: [Double]
    private var learnedArrivals: [Double]
    private var learnedShare: [Double]

    init(profile: TimeOfDayProfile, regionVoters: [Int], model: MonitorConfiguration.RateModel, priorWeight: Double) {
        self.profile = profile
        size = model == .poisson ? .infinity : profile.dispersion
        self.priorWeight = priorWeight
        priorRate = regionVoters.map { Double($0) * profile.arrivalsPerVoter }
        learnedArrivals = [Double](repeating: 0, count: regionVoters.count)
        learnedShare = [Double](repeating: 0, count: regionVoters.count)
    }

    /// The region's expected arrivals over the whole day.
    func dayRate(_ region: Int) -> Double {
        (priorRate[region] * priorWeight + learnedArrivals[region]) / (priorWeight + learnedShare[region])
    }

    /// The region's expected arrivals in `slot`, floored so that an empty slot of the profile tests nothing.
    func expected(_ region: Int, slot: Int) -> Double {
        max(1e-3, dayRate(region) * profile.slotShare[slot])
    }

    /// The count's standard deviation under the model.
    func standardDeviation(mean: Double) -> Double {
        (mean + (size.isFinite ? mean * mean / size : 0)).squareRoot()
    }

    /// `P(X ≥ count)` for the region's slot.
    func upperTail(_ count: Int, region: Int, slot: Int) -> Double {
        Distributions.upperTail(count, mean: expected(region, slot: slot), size: size)
    }

    /// Teaches the region's rate the slot's count, unless the count was flagged.
    mutating func learn(region: Int, slot: Int, count: Int) {
        learnedArrivals[region] += Double(count)
        learnedShare[region] += profile.slotShare[slot]
    }
}
