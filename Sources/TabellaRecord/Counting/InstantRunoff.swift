/// Instant-runoff voting: each round counts every ballot for its highest-ranked standing candidate; a candidate
/// with more than half of the votes of the ballots not exhausted wins, or the last standing candidate does;
/// otherwise the candidate with the fewest votes is eliminated and its ballots move on at full value.
enum InstantRunoff {
    /// The count of `input` (Docs/mixnet.md).
    static func count(_ input: RankedCountInput) -> RankedCountOutcome {
        guard input.weight > 0 else { return RankedCountOutcome(elected: []) }
        var piles = BallotPiles(input.ballots)
        var log = RoundLog(input: input)
        var standing = Set(input.contest.options.indices)
        while true {
            let tallies = piles.tallies(of: standing)
            let continuing = tallies.values.reduce(Rational.zero, +)
            let exhausted = piles.exhausted
            if let winner = standing.first(where: { tallies[$0]! + tallies[$0]! > continuing })
                ?? (standing.count == 1 ? standing.first : nil) {
                log.record(tallies: tallies, exhausted: exhausted, elected: [winner], eliminated: nil, tieBreak: nil,
                           transfers: [])
                return RankedCountOutcome(rounds: log.rounds, elected: [winner])
            }
            log.eliminateFewest(tallies: tallies, exhausted: exhausted, standing: &standing, piles: &piles)
        }
    }
}
