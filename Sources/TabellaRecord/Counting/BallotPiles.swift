/// The valid ballots of a transfer count (instant-runoff, STV), grouped by ranking: each group's current value
/// and the candidate it counts for, moved on as candidates are elected or eliminated.
struct BallotPiles {
    /// The distinct rankings, in order of first appearance.
    private let rankings: [[Int]]
    /// Each ranking's current value: its total weight, times the transfer values it went through.
    private var values: [Rational]
    /// The position in its ranking of the candidate each group counts for, or `nil` once exhausted.
    private var positions: [Int?]
    /// The total value of the exhausted groups.
    private(set) var exhausted = Rational.zero

    /// The piles of `ballots`, each counting for its first preference.
    ///
    /// - Precondition: every ranking is valid and not empty.
    init(_ ballots: [RankedBallot]) {
        var index = [[Int]: Int]()
        var rankings = [[Int]]()
        var weights = [UInt64]()
        for ballot in ballots {
            if let known = index[ballot.ranking] {
                weights[known] += ballot.weight
            } else {
                index[ballot.ranking] = rankings.count
                rankings.append(ballot.ranking)
                weights.append(ballot.weight)
            }
        }
        self.rankings = rankings
        values = weights.map(Rational.init)
        positions = rankings.map { _ in 0 }
    }

    /// The votes of each of `candidates`: the value of the groups that count for it.
    func tallies(of candidates: some Sequence<Int>) -> [Int: Rational] {
        var votes = Dictionary(uniqueKeysWithValues: candidates.map { ($0, Rational.zero) })
        for (group, position) in positions.enumerated() {
            guard let position else { continue }
            let candidate = rankings[group][position]
            if let current = votes[candidate] { votes[candidate] = current + values[group] }
        }
        return votes
    }

    /// Moves every group that counts for `candidate` to its next preference among `receivers`, its value
    /// multiplied by `transferValue`, or to the exhausted pile when it has none.
    ///
    /// - Returns: the value received by each receiver (and by `nil`, the exhausted pile), in order of first move.
    mutating func transfer(from candidate: Int, transferValue: Rational, to receivers: Set<Int>)
        -> [(to: Int?, votes: Rational)] {
        var moved = [(to: Int?, votes: Rational)]()
        for group in positions.indices {
            guard let position = positions[group], rankings[group][position] == candidate else { continue }
            let value = values[group] * transferValue
            values[group] = value
            let ranking = rankings[group]
            let next = ranking[(position + 1)...].firstIndex(where: receivers.contains)
            positions[group] = next
            let target = next.map { ranking[$0] }
            if next == nil { exhausted = exhausted + value }
            if let known = moved.firstIndex(where: { $0.to == target }) {
                moved[known].votes = moved[known].votes + value
            } else {
                moved.append((target, value))
            }
        }
        return moved
    }
}
