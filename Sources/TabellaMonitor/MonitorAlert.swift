/// A monitor's alert: evidence for a person to weigh, never a verdict. An alert changes no count.
///
/// Deterministic: the same arrivals give the same alerts, field for field, on every machine, so that anyone can
/// rerun the monitor over the public board and check a published alert.
public struct MonitorAlert: Sendable, Hashable, Codable {
    /// How urgently a person should look.
    public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
        /// Worth knowing (a forecast, a statistic past a soft line).
        case info
        /// Unusual enough to look at.
        case warning
        /// So unlikely under the clean model that someone should look now.
        case critical

        /// Orders info < warning < critical.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// Which detector raised the alert.
    public enum Detector: String, Sendable, Hashable, Codable, CaseIterable {
        /// A region's arrivals in one slot, against its learned rate (Poisson or negative binomial).
        case arrivalRate = "arrival-rate"
        /// A sustained shift of a region's slot counts (CUSUM).
        case cusum
        /// A sustained shift of the whole stream's rate (Page–Hinkley).
        case pageHinkley = "page-hinkley"
        /// A region far from the others (median / MAD).
        case regionOutlier = "region-outlier"
        /// Inter-arrival times too regular for people.
        case regularity
        /// Many ballots from one client fingerprint.
        case fingerprintBurst = "fingerprint-burst"
        /// Many revotes at once.
        case revoteStorm = "revote-storm"
        /// A few ballots carry much of the weight cast.
        case concentration
        /// The forecast turnout at the close risks missing the quorum.
        case quorumRisk = "quorum-risk"
        /// A region's slot whose features the learned model (``LearnedSlotDetector``) scores as an attack.
        case learned
        /// A post-tally test of the regional results.
        case tally
    }

    /// What an alert is about.
    public struct Subject: Sendable, Hashable, Codable {
        /// The regions concerned, by name (empty for the whole election).
        public let regions: [String]
        /// The voters concerned, by roll index (for revote storms and concentration), at most a bounded sample.
        public let voters: [Int]
        /// The client fingerprint concerned, if any.
        public let fingerprint: String?

        /// A subject.
        public init(regions: [String] = [], voters: [Int] = [], fingerprint: String? = nil) {
            self.regions = regions
            self.voters = voters
            self.fingerprint = fingerprint
        }
    }

    /// One number behind the alert.
    public struct Evidence: Sendable, Hashable, Codable {
        /// What the number is ("observed", "expected", "p-value" ...).
        public let name: String
        /// Its value.
        public let value: Double

        /// A number.
        public init(_ name: String, _ value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// How urgent.
    public let severity: Severity
    /// Which detector.
    public let detector: Detector
    /// About what.
    public let subject: Subject
    /// Seconds since voting opened, at the arrival or slot end that raised the alert.
    public let time: Double
    /// The numbers that triggered it, in a fixed order.
    public let evidence: [Evidence]
    /// What it means, in plain language.
    public let explanation: String

    /// An alert.
    public init(severity: Severity, detector: Detector, subject: Subject, time: Double, evidence: [Evidence],
                explanation: String) {
        self.severity = severity
        self.detector = detector
        self.subject = subject
        self.time = time
        self.evidence = evidence
        self.explanation = explanation
    }

    /// The value of the evidence named `name`, if present.
    public func evidence(_ name: String) -> Double? {
        evidence.first { $0.name == name }?.value
    }
}
