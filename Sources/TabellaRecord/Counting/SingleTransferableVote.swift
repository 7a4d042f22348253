/// The single transferable vote with the Droop quota `⌊valid weight / (seats + 1)⌋ + 1` and the weighted inclusive
/// Gregory method (WIGM), in exact rational arithmetic.
///
/// Each round counts every ballot at its current value for its highest-ranked standing candidate. When the
/// standing candidates are no more than the seats left, they are all elected. Otherwise every candidate at or above
/// the quota is elected, most votes first, and their surpluses are transferred one after the other: all the
/// ballots counting for the candidate (inclusive) move on to their next standing or not yet transferred elected
/// preference, each at its value times `surplus / votes` (weighted). With nobody at the quota, the candidate with
/// the fewest votes is eliminated and its ballots move on at their current value.
enum SingleTransferableVote {
    /// The count of `input` for `seats` seats (Docs/mixnet.md).
    static func count(_ input: RankedCountInput, seats: Int) -> RankedCountOutcome {
        let quota = input.weight / UInt64(seats + 1) + 1
        guard input.weight > 0 else { return RankedCountOutcome(quota: quota, elected: []) }
        let quotaValue = Rational(quota)
        var piles = BallotPiles(input.ballots)
        var log = RoundLog(input: input)
        var standing = Set(input.contest.options.indices)
        var elected = [Int]()
        while elected.count < seats, !standing.isEmpty {
            let tallies = piles.tallies(of: standing)
            let exhausted = piles.exhausted
            if standing.count <= seats - elected.count {
                let (last, tieBreak) = input.order.descending(Array(standing), votes: tallies, history: log.history)
                elected += last
                log.record(tallies: tallies, exhausted: exhausted, elected: last, eliminated: nil,
                           tieBreak: tieBreak, transfers: [])
                break
            }
            let reached = standing.filter { tallies[$0]! >= quotaValue }
            if !reached.isEmpty {
                let (winners, tieBreak) = input.order.descending(Array(reached), votes: tallies,
                                                                 history: log.history)
                elected += winners
                standing.subtract(winners)
                var votes = tallies
                var transfers = [(from: Int, value: Rational, moved: [(to: Int?, votes: Rational)])]()
                for (offset, winner) in winners.enumerated() {
                    let total = votes[winner]!
                    let value = (total - quotaValue) / total
                    let moved = piles.transfer(from: winner, transferValue: value,
                                               to: standing.union(winners[(offset + 1)...]))
                    for (target, amount) in moved { if let target { votes[target] = votes[target]! + amount } }
                    transfers.append((winner, value, moved))
                }
                log.record(tallies: tallies, exhausted: exhausted, elected: winners, eliminated: nil,
                           tieBreak: tieBreak, transfers: transfers)
            } else {
                log.eliminateFewest(tallies: tallies, exhausted: exhausted, standing: &standing, piles: &piles)
            }
        }
        return RankedCountOutcome(quota: quota, rounds: log.rounds, elected: elected)
    }
}
