/// Trains the learned detector on synthetic elections and sets its threshold on clean ones, from seed ranges the
/// caller keeps apart from each other and from the reported seeds.
public enum LearnedEvaluation {
    /// The attacks the model learns: those that raise a region's arrivals (the others have detectors of their own
    /// kind, on revotes and weights, that a per-region slot model cannot see).
    public static let attacks: [InjectedAttack] = [.stuffing1, .stuffing5, .stuffing20, .bot, .turnoutSpike]

    /// Feature rows with their labels.
    public struct Rows: Sendable {
        /// The rows, in ``SlotFeatures/names`` order.
        public var features: [[Double]] = []
        /// True for a row of an attacked region in a slot that held attack ballots.
        public var labels: [Bool] = []
    }

    /// The rows of one election: each region's features at the close of each slot, labelled positive where the
    /// slot, of an attacked region, ended after the attack's first ballot and began before its last.
    ///
    /// - Throws: ``MonitorError`` from the monitor.
    public static func rows(_ election: SyntheticElection, profile: TimeOfDayProfile,
                            configuration: MonitorConfiguration) throws(MonitorError) -> Rows {
        var monitor = try ElectionMonitor(roll: election.roll, profile: profile, configuration: configuration,
                                          recordsFeatures: true)
        for arrival in election.arrivals { _ = try monitor.consume(arrival) }
        _ = monitor.advance(to: election.duration)
        let attacked = Set(election.truth.map { truth in
            truth.regions.compactMap { name in election.roll.regions.firstIndex { $0.name == name } }
        } ?? [])
        var rows = Rows()
        for row in monitor.featureRows {
            rows.features.append(row.features)
            let inAttack = election.truth.map { truth in
                row.time > truth.start && row.time - profile.slotLength <= truth.end
            } ?? false
            rows.labels.append(inAttack && attacked.contains(row.region))
        }
        return rows
    }

    /// The model trained on ``attacks`` and a clean election for each of `seeds`.
    ///
    /// - Throws: ``MonitorError`` from the monitor or the training.
    public static func train(seeds: [UInt64], profile: TimeOfDayProfile, configuration: MonitorConfiguration,
                             settings: SyntheticElection.Settings, training: BoostedStumps.Training = .init(),
                             progress: (Int, Int) -> Void = { _, _ in }) throws(MonitorError) -> BoostedStumps {
        var all = Rows()
        let kinds: [InjectedAttack?] = attacks + [nil]
        for (number, (seed, attack)) in seeds.flatMap({ seed in kinds.map { (seed, $0) } }).enumerated() {
            let election = SyntheticElection(seed: seed, attack: attack, settings: settings)
            let rows = try rows(election, profile: profile, configuration: configuration)
            all.features += rows.features
            all.labels += rows.labels
            progress(number + 1, seeds.count * kinds.count)
        }
        return try BoostedStumps(rows: all.features, labels: all.labels, training: training)
    }

    /// The lowest threshold at which `model` alerts on at most `alertDays` (a share) of the clean elections of
    /// `seeds`: just above the largest probability it gives any row of the clean day ranked at that share when the
    /// days are sorted by their largest.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` for `alertDays` outside [0, 1) or no seeds, or from the monitor.
    public static func threshold(for model: BoostedStumps, cleanSeeds seeds: [UInt64], alertDays: Double,
                                 profile: TimeOfDayProfile, configuration: MonitorConfiguration,
                                 settings: SyntheticElection.Settings) throws(MonitorError) -> Double {
        try checkAlertDays(alertDays)
        guard !seeds.isEmpty else { throw MonitorError(.outOfRange, "learned threshold: no clean seeds were given") }
        var largest = [Double]()
        for seed in seeds {
            let rows = try rows(SyntheticElection(seed: seed, settings: settings), profile: profile,
                                configuration: configuration)
            largest.append(rows.features.reduce(0) { max($0, model.probability($1)) })
        }
        largest.sort(by: >)
        let allowed = Int((alertDays * Double(largest.count)).rounded(.down))
        return min(1, largest[allowed].nextUp)
    }

    /// Checks a share of clean days for ``threshold(for:cleanSeeds:alertDays:profile:configuration:settings:)``.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` for a share outside [0, 1).
    public static func checkAlertDays(_ alertDays: Double) throws(MonitorError) {
        guard alertDays >= 0, alertDays < 1 else {
            throw MonitorError(.outOfRange, "learned threshold: alertDays \(alertDays) is outside [0, 1)")
        }
    }
}
