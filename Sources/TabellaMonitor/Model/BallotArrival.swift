/// One cast ballot as the monitor sees it on the board: when, from which voter and region, with what weight, and
/// whether it replaces an earlier ballot of the same credential.
public struct BallotArrival: Sendable, Hashable, Codable {
    /// Seconds since voting opened.
    public let time: Double
    /// The voter's index on the roll.
    public let voter: Int
    /// The voter's region index (``MonitorRoll/regions``).
    public let region: Int
    /// The voter's weight.
    public let weight: UInt64
    /// True when the credential had cast a ballot before (the new one replaces it).
    public let isRevote: Bool
    /// A fingerprint of the casting client, when the ballot entry carries one (a native ``BallotPost`` carries
    /// none today, so arrivals read from the board have nil).
    public let fingerprint: String?

    /// An arrival.
    public init(time: Double, voter: Int, region: Int, weight: UInt64, isRevote: Bool, fingerprint: String? = nil) {
        self.time = time
        self.voter = voter
        self.region = region
        self.weight = weight
        self.isRevote = isRevote
        self.fingerprint = fingerprint
    }
}

/// Turns the board's ballots, in board order, into arrivals: looks the credential up on the roll and remembers who
/// has voted, to tell first ballots from revotes.
public struct ArrivalReader: Sendable {
    /// The roll.
    public let roll: MonitorRoll
    private var hasVoted: [Bool]
    private var lastTime = -Double.infinity

    /// A reader for the ballots cast on `roll`.
    public init(roll: MonitorRoll) {
        self.roll = roll
        hasVoted = [Bool](repeating: false, count: roll.voterCount)
    }

    /// The arrival of a ballot by `credential` at `time` seconds after the opening.
    ///
    /// - Throws: ``MonitorError`` `.unknownCredential`, or `.outOfOrder` when `time` is before the last ballot's.
    public mutating func arrival(time: Double, credential: [UInt8], fingerprint: String? = nil)
        throws(MonitorError) -> BallotArrival
    {
        try arrival(time: time, voter: roll.voter(credential: credential), fingerprint: fingerprint)
    }

    /// The arrival of a ballot by the voter at roll index `voter` at `time` seconds after the opening.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` for an index off the roll, `.outOfOrder` for a time before the last.
    public mutating func arrival(time: Double, voter: Int, fingerprint: String? = nil)
        throws(MonitorError) -> BallotArrival
    {
        guard roll.voterWeight.indices.contains(voter) else {
            throw MonitorError(.outOfRange, "voter \(voter) is not on the roll of \(roll.voterCount)")
        }
        guard time >= lastTime else {
            throw MonitorError(.outOfOrder, "a ballot at \(time) s follows one at \(lastTime) s")
        }
        lastTime = time
        let isRevote = hasVoted[voter]
        hasVoted[voter] = true
        return BallotArrival(time: time, voter: voter, region: roll.voterRegion[voter],
                             weight: roll.voterWeight[voter], isRevote: isRevote, fingerprint: fingerprint)
    }
}
