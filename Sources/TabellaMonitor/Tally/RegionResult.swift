/// One region's published result after the tally: its roll size, its voters, and the votes of each option of one
/// contest.
public struct RegionResult: Sendable, Hashable, Codable {
    /// The region's name.
    public let region: String
    /// Its voters on the roll.
    public let eligible: Int
    /// Its voters who cast a ballot.
    public let cast: Int
    /// The votes for each option, in the contest's order.
    public let votes: [Int]

    /// A result.
    ///
    /// - Throws: ``MonitorError`` `.outOfRange` when the counts are negative, `cast` exceeds `eligible`, or the
    ///   votes exceed `cast`.
    public init(region: String, eligible: Int, cast: Int, votes: [Int]) throws(MonitorError) {
        guard eligible > 0, cast >= 0, cast <= eligible, votes.allSatisfy({ $0 >= 0 }),
              votes.reduce(0, +) <= cast else {
            throw MonitorError(.outOfRange, "region \(region): eligible \(eligible), cast \(cast), votes \(votes) "
                + "are not counts with votes ≤ cast ≤ eligible")
        }
        self.region = region
        self.eligible = eligible
        self.cast = cast
        self.votes = votes
    }

    /// The share of the roll that voted.
    public var turnout: Double { Double(cast) / Double(eligible) }
}
