/// Scores the monitor on synthetic elections: which attacks it finds, how fast, and how often it alarms on clean
/// days. Seeds for learning the profile, for tuning and for reporting are disjoint ranges chosen by the caller.
public enum SyntheticEvaluation {
    /// The score on one attack type.
    public struct AttackScore: Sendable, Hashable, Codable {
        /// The attack.
        public let attack: InjectedAttack
        /// Elections run.
        public let elections: Int
        /// Elections in which an alert matched the attack.
        public let detected: Int
        /// Elections in which a matching alert came within ten minutes of the attack's first ballot.
        public let detectedWithinTenMinutes: Int
        /// The median delay from the attack's first ballot to the first matching alert, in seconds.
        public let medianDelay: Double?
        /// Alerts raised in these elections.
        public let alerts: Int
        /// Those that matched the attack.
        public let matchedAlerts: Int
        /// The detectors of the first matching alerts, with how often each came first.
        public let firstDetectors: [String: Int]

        /// The share of elections in which the attack was found.
        public var recall: Double { Double(detected) / Double(max(1, elections)) }
        /// The share found within ten minutes.
        public var recallWithinTenMinutes: Double { Double(detectedWithinTenMinutes) / Double(max(1, elections)) }
    }

    /// The whole score.
    public struct Report: Sendable, Hashable, Codable {
        /// Per attack type.
        public let attacks: [AttackScore]
        /// Clean elections run (each one voting day).
        public let cleanElections: Int
        /// Alerts raised on them: all false.
        public let cleanAlerts: Int
        /// Those alerts by detector.
        public let cleanAlertsByDetector: [String: Int]
        /// Arrivals consumed in all.
        public let arrivals: Int

        /// False alarms per clean election-day.
        public var falseAlarmsPerDay: Double { Double(cleanAlerts) / Double(max(1, cleanElections)) }
        /// Matched alerts over all alerts, clean days included.
        public var precision: Double {
            let matched = attacks.reduce(0) { $0 + $1.matchedAlerts }
            let all = attacks.reduce(0) { $0 + $1.alerts } + cleanAlerts
            return Double(matched) / Double(max(1, all))
        }
    }

    /// How long after an attack's last ballot an alert still counts as finding it, in seconds.
    public static let grace = 1800.0

    /// The profile learned from the clean elections of `seeds`.
    ///
    /// - Throws: ``MonitorError`` from ``TimeOfDayProfile/learn(from:slotLength:duration:)``.
    public static func learnProfile(seeds: [UInt64], settings: SyntheticElection.Settings, slotLength: Double)
        throws(MonitorError) -> TimeOfDayProfile
    {
        let days = seeds.map { SyntheticElection(seed: $0, settings: settings).day }
        return try TimeOfDayProfile.learn(from: days, slotLength: slotLength, duration: settings.duration)
    }

    /// True when `alert` is evidence of the attack `truth`: raised between its first ballot and the grace after
    /// its last, about one of its regions (or the whole election), or by the detector of its kind for revote
    /// storms and whales.
    public static func matches(_ alert: MonitorAlert, _ truth: AttackTruth) -> Bool {
        guard alert.time >= truth.start, alert.time <= truth.end + grace else { return false }
        switch truth.attack {
        case .revoteStorm: return alert.detector == .revoteStorm
        case .lateWhale: return alert.detector == .concentration && alert.subject.voters.contains(truth.voters[0])
        default:
            return alert.subject.regions.isEmpty
                ? alert.detector == .pageHinkley
                : !Set(alert.subject.regions).isDisjoint(with: truth.regions)
        }
    }

    /// The alerts of the monitor over one election.
    ///
    /// - Throws: ``MonitorError`` from the monitor.
    public static func alerts(_ election: SyntheticElection, profile: TimeOfDayProfile,
                              configuration: MonitorConfiguration) throws(MonitorError) -> [MonitorAlert] {
        var monitor = try ElectionMonitor(roll: election.roll, profile: profile, configuration: configuration)
        for arrival in election.arrivals { _ = try monitor.consume(arrival) }
        _ = monitor.advance(to: election.duration)
        return monitor.alerts
    }

    /// The score over `seeds`: every attack type once per seed, and one clean election per seed.
    ///
    /// - Throws: ``MonitorError`` from the monitor.
    public static func run(seeds: [UInt64], attacks: [InjectedAttack] = InjectedAttack.allCases,
                           profile: TimeOfDayProfile, configuration: MonitorConfiguration,
                           settings: SyntheticElection.Settings,
                           progress: (Int, Int) -> Void = { _, _ in }) throws(MonitorError) -> Report {
        var scores = [AttackScore]()
        var arrivals = 0
        let total = seeds.count * (attacks.count + 1)
        var done = 0
        for attack in attacks {
            var detected = 0, quick = 0, alertCount = 0, matched = 0
            var delays = [Double]()
            var first = [String: Int]()
            for seed in seeds {
                let election = SyntheticElection(seed: seed, attack: attack, settings: settings)
                arrivals += election.arrivals.count
                let raised = try alerts(election, profile: profile, configuration: configuration)
                let truth = election.truth!
                let matching = raised.filter { matches($0, truth) }
                alertCount += raised.count
                matched += matching.count
                if let earliest = matching.first {
                    detected += 1
                    let delay = max(0, earliest.time - truth.start)
                    delays.append(delay)
                    if delay <= 600 { quick += 1 }
                    first[earliest.detector.rawValue, default: 0] += 1
                }
                done += 1
                progress(done, total)
            }
            scores.append(AttackScore(
                attack: attack, elections: seeds.count, detected: detected, detectedWithinTenMinutes: quick,
                medianDelay: RobustStatistics.median(delays), alerts: alertCount, matchedAlerts: matched,
                firstDetectors: first))
        }
        var cleanAlerts = [String: Int]()
        for seed in seeds {
            let election = SyntheticElection(seed: seed, settings: settings)
            arrivals += election.arrivals.count
            for alert in try alerts(election, profile: profile, configuration: configuration) {
                cleanAlerts[alert.detector.rawValue, default: 0] += 1
            }
            done += 1
            progress(done, total)
        }
        return Report(attacks: scores, cleanElections: seeds.count, cleanAlerts: cleanAlerts.values.reduce(0, +),
                      cleanAlertsByDetector: cleanAlerts, arrivals: arrivals)
    }
}
