/// The rounds of a transfer count as they happen, and the tallies that earlier-round tie-breaks look back on.
struct RoundLog {
    /// The contest's candidates, for their identifiers.
    private let input: RankedCountInput
    /// The rounds so far.
    private(set) var rounds = [CountingRound]()
    /// Each round's tallies, by candidate index.
    private(set) var history = [[Int: Rational]]()

    /// An empty log.
    init(input: RankedCountInput) { self.input = input }

    /// Records a round.
    ///
    /// - Parameters:
    ///   - tallies: the standing candidates' votes at the start of the round.
    ///   - exhausted: the exhausted value at the start of the round.
    ///   - transfers: the moves at the end of the round, each from one candidate at one transfer value.
    mutating func record(tallies: [Int: Rational], exhausted: Rational, elected: [Int], eliminated: Int?,
                         tieBreak: CountingRound.TieBreak?,
                         transfers: [(from: Int, value: Rational, moved: [(to: Int?, votes: Rational)])]) {
        let ids = input.contest.options.map(\.id)
        rounds.append(CountingRound(
            number: rounds.count + 1,
            tallies: tallies.keys.sorted().map { CountingRound.Tally(candidate: ids[$0], votes: tallies[$0]!) },
            exhausted: exhausted, elected: elected.map { ids[$0] }, eliminated: eliminated.map { ids[$0] },
            tieBreak: tieBreak,
            transfers: transfers.flatMap { transfer in
                transfer.moved.filter { !$0.votes.isZero }.map {
                    CountingRound.Transfer(from: ids[transfer.from], to: $0.to.map { ids[$0] }, votes: $0.votes,
                                           transferValue: transfer.value)
                }
            }))
        history.append(tallies)
    }

    /// Eliminates the standing candidate with the fewest votes (a tie decided by the tie-break rules), moves its
    /// ballots on at their current value, and records the round.
    mutating func eliminateFewest(tallies: [Int: Rational], exhausted: Rational, standing: inout Set<Int>,
                                  piles: inout BallotPiles) {
        let fewest = tallies.values.min()!
        let (loser, tieBreak) = input.order.resolve(standing.filter { tallies[$0]! == fewest }.sorted(),
                                                    lowest: true, history: history)
        standing.remove(loser)
        let moved = piles.transfer(from: loser, transferValue: .one, to: standing)
        record(tallies: tallies, exhausted: exhausted, elected: [], eliminated: loser, tieBreak: tieBreak,
               transfers: [(loser, .one, moved)])
    }
}
