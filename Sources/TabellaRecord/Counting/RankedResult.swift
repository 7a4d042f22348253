/// The count of one ranked contest, with every step, for the board: a verifier recounts the decrypted ballots and
/// compares its result with this one as a whole.
public struct RankedResult: Sendable, Hashable, Codable {
    /// The contest's identifier.
    public let contest: String
    /// The counting method.
    public let method: CountingMethod
    /// The seats filled: the contest's `seats` for `stv`, otherwise 1.
    public let seats: Int
    /// The number of valid ballots.
    public let validBallots: Int
    /// The total weight of the valid ballots.
    public let validWeight: UInt64
    /// The ballots not counted, by defect.
    public let invalid: InvalidBallots
    /// The candidate identifiers in tie-break order, the one that wins a tie first (Docs/mixnet.md).
    public let tieBreakOrder: [String]
    /// The Droop quota `⌊validWeight / (seats + 1)⌋ + 1` (`stv` only).
    public let quota: UInt64?
    /// The rounds, first to last (`instant-runoff` and `stv`; empty for `schulze`).
    public let rounds: [CountingRound]
    /// The pairwise preferences and strongest paths (`schulze` only).
    public let schulze: SchulzeTable?
    /// The elected candidates' identifiers, in order of election (none when no valid ballot carries weight).
    public let elected: [String]

    /// A result from its parts.
    public init(contest: String, method: CountingMethod, seats: Int, validBallots: Int, validWeight: UInt64,
                invalid: InvalidBallots, tieBreakOrder: [String], quota: UInt64?, rounds: [CountingRound],
                schulze: SchulzeTable?, elected: [String]) {
        self.contest = contest
        self.method = method
        self.seats = seats
        self.validBallots = validBallots
        self.validWeight = validWeight
        self.invalid = invalid
        self.tieBreakOrder = tieBreakOrder
        self.quota = quota
        self.rounds = rounds
        self.schulze = schulze
        self.elected = elected
    }
}

/// One round of an instant-runoff or STV count: the standing candidates' votes, what was decided, what moved.
public struct CountingRound: Sendable, Hashable, Codable {
    /// One candidate's votes at the start of the round.
    public struct Tally: Sendable, Hashable, Codable {
        /// The candidate's identifier.
        public let candidate: String
        /// The value of the ballots that count for the candidate.
        public let votes: Rational
    }

    /// Votes moved from one candidate to the next preference of each of its ballots, at the end of the round.
    public struct Transfer: Sendable, Hashable, Codable {
        /// The elected or eliminated candidate the ballots leave.
        public let from: String
        /// The candidate they go to, or `nil` for ballots with no further standing preference (exhausted).
        public let to: String?
        /// The value moved.
        public let votes: Rational
        /// The factor each moving ballot's value was multiplied by: 1 for an elimination, surplus / votes for an
        /// elected candidate's surplus.
        public let transferValue: Rational
    }

    /// How a tie in the round was decided.
    public enum TieBreak: String, Sendable, Hashable, Codable {
        /// By the tied candidates' votes in the latest earlier round where they differed.
        case earlierRounds = "earlier-rounds"
        /// By the tie-break order, the tied candidates having had equal votes in every earlier round.
        case order
    }

    /// The round's number, from 1.
    public let number: Int
    /// The votes of the candidates still standing (neither elected nor eliminated) at the start of the round, in
    /// the contest's order.
    public let tallies: [Tally]
    /// The value of the exhausted ballots at the start of the round.
    public let exhausted: Rational
    /// The candidates elected in this round, in order of election.
    public let elected: [String]
    /// The candidate eliminated in this round, if any.
    public let eliminated: String?
    /// How the round's last tie was decided, if it had one.
    public let tieBreak: TieBreak?
    /// The votes moved at the end of the round, in the order they were moved.
    public let transfers: [Transfer]
}
