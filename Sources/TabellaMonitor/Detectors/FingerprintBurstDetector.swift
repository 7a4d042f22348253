/// Alerts when one client fingerprint casts many ballots within a short window: one device voting for many
/// credentials.
///
/// Assumes that a fingerprint identifies one client install, so that a household shares one at most; a shared
/// terminal at a polling place or a proxy that strips client details makes many voters look like one, and is
/// the known false positive (an election that uses kiosks should raise the threshold).
public struct FingerprintBurstDetector: Sendable {
    private let window: Double
    private let threshold: Int
    private var recent: [String: [Double]] = [:]
    private var arrivalsSincePrune = 0

    /// A detector alerting at `threshold` ballots from one fingerprint within `window` seconds.
    public init(window: Double, threshold: Int) {
        self.window = window
        self.threshold = threshold
    }

    /// The alert, if the fingerprint's ballot at `time` reached the threshold.
    public mutating func observe(fingerprint: String, time: Double, region: String) -> MonitorAlert? {
        var times = recent[fingerprint, default: []]
        times.removeAll { $0 <= time - window }
        times.append(time)
        recent[fingerprint] = times
        prune(before: time - window)
        guard times.count == threshold else { return nil }
        let span = time - times[0]
        return MonitorAlert(
            severity: .critical, detector: .fingerprintBurst,
            subject: .init(regions: [region], fingerprint: fingerprint), time: time,
            evidence: [.init("ballots", Double(times.count)), .init("seconds", span),
                       .init("window", window)],
            explanation: """
                One client (fingerprint \(fingerprint)) cast \(times.count) ballots for different credentials \
                within \(Int(span.rounded())) seconds. One device voting for many people is how a vote-buying \
                or credential-collecting operation casts; a shared kiosk does the same legitimately.
                """)
    }

    /// Drops fingerprints with no ballot in the window, now and then, so that memory follows the active ones.
    private mutating func prune(before limit: Double) {
        arrivalsSincePrune += 1
        guard arrivalsSincePrune >= 100_000 else { return }
        arrivalsSincePrune = 0
        recent = recent.filter { ($0.value.last ?? limit) > limit }
    }
}
