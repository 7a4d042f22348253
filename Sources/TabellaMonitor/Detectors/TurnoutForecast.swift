/// A forecast of the turnout at the close of voting, with an interval, and the risk of missing the quorum.
///
/// The final count is the count so far divided by the share of the day's arrivals the profile expects by now;
/// its relative uncertainty combines how far that share varied between learned days with the counting noise,
/// `σ = √(spread(t)² + 1/n)`, on a log scale. Assumes today follows the learned shape up to a constant factor: a
/// last-hour rush unlike any learned day falls outside the interval.
public struct TurnoutForecast: Sendable, Hashable, Codable {
    /// Seconds since opening.
    public let time: Double
    /// Voters who have cast so far.
    public let voted: Int
    /// The expected number of voters at the close.
    public let expected: Double
    /// The interval's lower end.
    public let low: Double
    /// The interval's upper end.
    public let high: Double
    /// The interval's coverage.
    public let level: Double
    /// The probability that the count at the close stays below the quorum, if one is set.
    public let quorumRisk: Double?

    /// The forecast at `time` from `voted` voters so far, on a roll of `rollSize`.
    public init(time: Double, voted: Int, rollSize: Int, profile: TimeOfDayProfile, level: Double, quorum: Int?) {
        self.time = time
        self.voted = voted
        self.level = level
        let reached = profile.cumulativeShare(at: time)
        guard reached > 0, voted > 0 else {
            expected = 0
            low = 0
            high = Double(rollSize)
            quorumRisk = quorum.map { _ in 1 }
            return
        }
        let spread = reached >= 1 ? 0 : profile.cumulativeShareSpread[profile.slot(at: time)]
        let sigma = (spread * spread + 1 / Double(voted)).squareRoot()
        let center = min(Double(rollSize), Double(voted) / reached)
        let z = Distributions.normalQuantile(0.5 + level / 2)
        expected = center
        low = max(Double(voted), center * Double.exp(-z * sigma))
        high = min(Double(rollSize), center * Double.exp(z * sigma))
        quorumRisk = quorum.map { quorum in
            guard voted < quorum else { return 0 }
            return Distributions.normalCDF((Double.log(Double(quorum)) - Double.log(center)) / sigma)
        }
    }
}
