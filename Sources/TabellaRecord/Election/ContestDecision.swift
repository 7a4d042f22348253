/// The decision of one contest, from its weighted tally, by its ``DecisionRule``.
public struct ContestDecision: Sendable, Hashable, Codable {
    /// What the contest decided.
    public enum Outcome: String, Sendable, Hashable, Codable {
        /// Too little weight took part: nothing is decided.
        case quorumNotMet = "quorum-not-met"
        /// A proposal (yes/no/abstain or referendum) passed.
        case passed
        /// A proposal did not reach its threshold.
        case rejected
        /// The options in ``ContestDecision/elected`` won.
        case elected
        /// Options tied for the last seat: the decision is left to the rules outside the election.
        case tie
    }

    /// The contest's identifier.
    public let contest: String
    /// The outcome.
    public let outcome: Outcome
    /// The total weight of the counted ballots.
    public let turnoutWeight: UInt64
    /// The roll's total weight.
    public let eligibleWeight: UInt64
    /// The weighted votes per option, in the contest's order.
    public let votes: [UInt64]
    /// The winning option identifiers (choose and approval contests), most votes first.
    public let elected: [String]

    /// A decision from its parts, as read from a note or a result entry (not yet checked against the tally).
    public init(contest: String, outcome: Outcome, turnoutWeight: UInt64, eligibleWeight: UInt64, votes: [UInt64],
                elected: [String]) {
        self.contest = contest
        self.outcome = outcome
        self.turnoutWeight = turnoutWeight
        self.eligibleWeight = eligibleWeight
        self.votes = votes
        self.elected = elected
    }

    /// Decides `contest` from its weighted votes per option.
    ///
    /// - Parameters:
    ///   - votes: the weighted tally of each option, in the contest's option order.
    ///   - turnoutWeight: the total weight of the counted ballots.
    ///   - eligibleWeight: the roll's total weight.
    /// - Throws: ``ElectionError`` `.outOfRange` when the tally does not have one count per option, `.kindMismatch`
    ///   for a contest that is not tallied homomorphically (ranked, write-in).
    public init(contest: Contest, votes: [UInt64], turnoutWeight: UInt64, eligibleWeight: UInt64) throws(ElectionError) {
        try contest.requireHomomorphicTally()
        guard votes.count == contest.options.count else {
            throw ElectionError(.outOfRange, "contest \"\(contest.id)\" has \(contest.options.count) options but "
                + "\(votes.count) counts")
        }
        self.contest = contest.id
        self.votes = votes
        self.turnoutWeight = turnoutWeight
        self.eligibleWeight = eligibleWeight
        guard contest.rule.quorum.isReached(by: turnoutWeight, of: eligibleWeight) else {
            (outcome, elected) = (.quorumNotMet, [])
            return
        }
        switch contest.kind {
        case .yesNoAbstain, .referendum:
            let (yes, no) = (votes[0], votes[1])
            let (decided, overflow) = yes.addingReportingOverflow(no)
            let passed = !overflow && contest.rule.passes(yes, of: decided)
            (outcome, elected) = (passed ? .passed : .rejected, [])
        case .ranked, .writeIn:
            preconditionFailure("requireHomomorphicTally() let a contest of kind \(contest.kind) through")
        case .choose, .approval:
            let ranked = contest.options.indices
                .filter { contest.rule.passes(votes[$0], of: turnoutWeight) }
                .sorted { votes[$0] > votes[$1] || (votes[$0] == votes[$1] && $0 < $1) }
            let seats = contest.maximumSelections
            let winners = Array(ranked.prefix(seats))
            let tied = ranked.count > seats && votes[ranked[seats]] == votes[ranked[seats - 1]]
            (outcome, elected) = (tied ? .tie : .elected, winners.map { contest.options[$0].id })
        }
    }
}
