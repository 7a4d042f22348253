/// Alerts when revotes crowd together: many credentials replacing their ballots within a short window, as when
/// stolen credentials are used to overwrite their owners' votes (or owners fight back).
///
/// Assumes revotes are a steady share of arrivals (the profile's ``TimeOfDayProfile/revoteShare``), so that the
/// revotes in the window are Poisson around that share of the window's arrivals; a public call to check and
/// re-cast (after a reported client bug, say) is the known legitimate storm.
public struct RevoteStormDetector: Sendable {
    private let share: Double
    private let alpha: Double
    private let sampleSize = 32
    private var arrivals: SlidingCount
    private var revotes: SlidingCount
    private var recentVoters: [Int] = []

    /// A detector over `window` seconds, testing at size `alpha` against revotes making `share` of arrivals.
    public init(window: Double, share: Double, alpha: Double) {
        self.share = max(share, 1e-4)
        self.alpha = alpha
        arrivals = SlidingCount(window: window)
        revotes = SlidingCount(window: window)
    }

    /// Counts an arrival; the alert, if it is a revote that makes the window's revotes too many.
    public mutating func observe(_ arrival: BallotArrival) -> MonitorAlert? {
        arrivals.add(at: arrival.time)
        revotes.advance(to: arrival.time)
        guard arrival.isRevote else { return nil }
        revotes.add(at: arrival.time)
        recentVoters.append(arrival.voter)
        if recentVoters.count > sampleSize { recentVoters.removeFirst() }
        let expected = share * Double(arrivals.total)
        let observed = revotes.total
        // The tail is computed only past a cheap bound far below any alarm.
        guard Double(observed) > expected + 4 * expected.squareRoot() + 4 else { return nil }
        let pValue = Distributions.upperTail(observed, mean: expected, size: .infinity)
        guard pValue < alpha else { return nil }
        let voters = recentVoters.sorted()
        recentVoters.removeAll()
        return MonitorAlert(
            severity: .critical, detector: .revoteStorm, subject: .init(voters: voters), time: arrival.time,
            evidence: [.init("revotes", Double(observed)), .init("expected", expected),
                       .init("arrivals", Double(arrivals.total)), .init("p-value", pValue)],
            explanation: """
                \(observed) ballots in the last few minutes replaced earlier ballots of the same credentials, \
                where about \(Int(expected.rounded())) revotes were expected. Credentials revoting together may \
                have been stolen; their owners can re-cast, and the last ballot counts.
                """)
    }
}
