import RealModule

/// A simulated voting day, generated reproducibly from a seed: regions of varied size and turnout, a daily rhythm
/// (morning, lunch and evening peaks that shift from day to day), overdispersed noise per region and ten-minute
/// bin, revotes, households sharing a client fingerprint, heavy-tailed weights; and optionally one injected
/// attack, with its truth.
public struct SyntheticElection: Sendable {
    /// The generator's settings.
    public struct Settings: Sendable, Hashable, Codable {
        /// The number of regions.
        public var regions = 20
        /// The smallest and largest region, in voters.
        public var regionVoters = 1_000...6_000
        /// The length of voting, in seconds (12 hours).
        public var duration = 43_200.0
        /// The share of voters who revote once.
        public var revoteShare = 0.02
        /// The shape of the gamma noise on each region's rate per ten-minute bin (smaller is noisier).
        public var noiseShape = 20.0

        /// The default settings.
        public init() {}
    }

    /// The seed it was generated from.
    public let seed: UInt64
    /// The roll.
    public let roll: MonitorRoll
    /// The arrivals, in time order.
    public let arrivals: [BallotArrival]
    /// The injected attack, if any.
    public let truth: AttackTruth?
    /// The length of voting, in seconds.
    public let duration: Double

    /// The clean days' form for learning a ``TimeOfDayProfile``.
    public var day: TimeOfDayProfile.Day {
        TimeOfDayProfile.Day(regionVoters: roll.regions.map(\.voters), arrivals: arrivals)
    }

    /// The election of `seed`, with `attack` injected if given.
    public init(seed: UInt64, attack: InjectedAttack? = nil, settings: Settings = .init()) {
        var builder = SyntheticElectionBuilder(settings: settings, random: SeededRandom(seed: seed))
        builder.castCleanBallots()
        let truth = attack.map { builder.inject($0) }
        self.seed = seed
        roll = builder.makeRoll()
        arrivals = builder.makeArrivals(roll: roll)
        self.truth = truth
        duration = settings.duration
    }
}
