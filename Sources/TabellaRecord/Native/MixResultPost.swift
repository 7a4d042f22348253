import Foundation

/// The mix-net's result, by the authority: the count of every ranked and write-in contest from the decrypted last
/// list, and the trustees whose shares it combined. Every verifier decrypts the list again from those shares and
/// recounts; the post must be exactly what that gives.
public struct MixResultPost: Sendable, Hashable, Codable {
    /// The participant indices of the trustees whose shares were combined.
    public let trustees: [Int]
    /// The number of decrypted ballots (rows).
    public let ballots: Int
    /// The count of each mixed contest, in manifest order.
    public let contests: [MixedContestResult]

    /// A result.
    public init(trustees: [Int], ballots: Int, contests: [MixedContestResult]) {
        self.trustees = trustees
        self.ballots = ballots
        self.contests = contests
    }

    /// What differs between this post and the `expected` one, for a rejection's message.
    public func firstDifference(from expected: MixResultPost) -> String {
        guard ballots == expected.ballots else {
            return "the result counts \(ballots) ballots; the mixed list has \(expected.ballots)"
        }
        guard contests.count == expected.contests.count else {
            return "the result has \(contests.count) contest counts; the election has \(expected.contests.count) "
                + "ranked or write-in contests"
        }
        for (posted, computed) in zip(contests, expected.contests) where posted != computed {
            return "contest \"\(computed.contest)\": the count is not what the decrypted ballots give (elected "
                + "\(computed.elected))"
        }
        return "the result differs from the decrypted ballots' count"
    }
}

/// The count of one ranked or write-in contest from the decrypted ballots.
public struct MixedContestResult: Sendable, Hashable, Codable {
    /// The contest's identifier.
    public let contest: String
    /// Per option, the number of valid ballots that put it first (ranked) or chose it (write-in).
    public let firstPreferences: [UInt64]
    /// A ranked contest's count, round by round.
    public let ranked: RankedResult?
    /// A write-in contest's answers.
    public let writeIn: WriteInTally?

    /// A count.
    public init(contest: String, firstPreferences: [UInt64], ranked: RankedResult?, writeIn: WriteInTally?) {
        self.contest = contest
        self.firstPreferences = firstPreferences
        self.ranked = ranked
        self.writeIn = writeIn
    }

    /// The winners: a ranked contest's elected candidates, or a write-in contest's most chosen answer.
    public var elected: [String] { ranked?.elected ?? writeIn?.winner.map { [$0] } ?? [] }

    /// The contest's decision: nothing when the quorum is not met, else the winners.
    ///
    /// - Throws: ``ElectionError`` `.outOfRange` when this count is for another contest or option count.
    public func decision(contest definition: Contest, turnoutWeight: UInt64, eligibleWeight: UInt64)
        throws(ElectionError) -> ContestDecision
    {
        guard definition.id == contest, firstPreferences.count == definition.options.count else {
            throw ElectionError(.outOfRange, "the mix-net's count of \"\(contest)\" does not fit contest "
                + "\"\(definition.id)\"")
        }
        let quorum = definition.rule.quorum.isReached(by: turnoutWeight, of: eligibleWeight)
        return ContestDecision(contest: contest, outcome: quorum ? .elected : .quorumNotMet,
                               turnoutWeight: turnoutWeight, eligibleWeight: eligibleWeight,
                               votes: firstPreferences, elected: quorum ? elected : [])
    }
}

/// The answers of a write-in contest: the listed options chosen, and each written answer with its count.
public struct WriteInTally: Sendable, Hashable, Codable {
    /// One written answer and the number of ballots that wrote it.
    public struct Answer: Sendable, Hashable, Codable {
        /// The answer's text.
        public let text: String
        /// The ballots that wrote it.
        public let votes: UInt64

        /// An answer.
        public init(text: String, votes: UInt64) {
            self.text = text
            self.votes = votes
        }
    }

    /// The written answers, most votes first, then in the order of their UTF-8 bytes.
    public let answers: [Answer]
    /// The ballots that neither chose an option nor wrote an answer.
    public let blank: Int
    /// The ballots whose answer is no valid encoding of UTF-8 text within the contest's limit, or that both
    /// chose an option and wrote an answer.
    public let invalid: Int
    /// The most chosen answer: an option's identifier or `write-in:` and the percent-encoded text; `nil` for no
    /// answer. A tie goes to the listed option first, then to the answer first in the order above.
    public let winner: String?

    /// A tally.
    public init(answers: [Answer], blank: Int, invalid: Int, winner: String?) {
        self.answers = answers
        self.blank = blank
        self.invalid = invalid
        self.winner = winner
    }
}
