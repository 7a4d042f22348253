import TabellaGroups

/// The public order that decides ties in a count: candidates sorted by `SHA-256(len(seed) ‖ seed ‖ id)`, where
/// `len(seed)` is the seed's byte count as 8 bytes big-endian, the seed is public (the election's hash) and `id` is
/// the candidate's identifier in UTF-8. Earlier in the order wins a tie.
///
/// Anyone can recompute it, and no one can move a candidate in it without changing the election's hash.
struct TieBreakOrder: Sendable {
    /// The candidate indices in order, the one that wins a tie first.
    let order: [Int]
    /// Each candidate's position in ``order``.
    private let position: [Int]

    /// The order of `contest`'s candidates under `seed`.
    init(contest: Contest, seed: [UInt8]) {
        let length = withUnsafeBytes(of: UInt64(seed.count).bigEndian, Array.init)
        let keys = contest.options.map { Digest.sha256.hash(length, seed, Array($0.id.utf8)) }
        order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var position = [Int](repeating: 0, count: order.count)
        for (rank, candidate) in order.enumerated() { position[candidate] = rank }
        self.position = position
    }

    /// Whether `a` wins a tie against `b`.
    func prefers(_ a: Int, over b: Int) -> Bool { position[a] < position[b] }

    /// The candidate that a tie among `tied` (equal votes now) gives up or down: the lowest (to eliminate) or the
    /// highest, first by the latest earlier round in which the tied candidates' votes differ, keeping those at the
    /// extreme and going further back while several remain, then by this order.
    ///
    /// - Parameter history: the tallies of the earlier rounds, latest last; each holds every tied candidate.
    func resolve(_ tied: [Int], lowest: Bool, history: [[Int: Rational]]) -> (Int, CountingRound.TieBreak?) {
        guard tied.count > 1 else { return (tied[0], nil) }
        var remaining = tied
        for tallies in history.reversed() {
            let votes = remaining.map { tallies[$0]! }
            let extreme = lowest ? votes.min()! : votes.max()!
            remaining = zip(remaining, votes).filter { $0.1 == extreme }.map(\.0)
            if remaining.count == 1 { return (remaining[0], .earlierRounds) }
        }
        let byOrder = remaining.sorted(by: prefers)
        return (lowest ? byOrder.last! : byOrder.first!, .order)
    }

    /// `candidates` from most to fewest votes, equal votes ordered by ``resolve(_:lowest:history:)``.
    func descending(_ candidates: [Int], votes: [Int: Rational], history: [[Int: Rational]])
        -> ([Int], CountingRound.TieBreak?) {
        var sorted = [Int]()
        var tieBreak: CountingRound.TieBreak?
        var rest = candidates
        while !rest.isEmpty {
            let top = rest.map { votes[$0]! }.max()!
            var tied = rest.filter { votes[$0]! == top }
            while !tied.isEmpty {
                let (next, how) = resolve(tied, lowest: false, history: history)
                tieBreak = how ?? tieBreak
                sorted.append(next)
                tied.removeAll { $0 == next }
            }
            rest.removeAll { votes[$0]! == top }
        }
        return (sorted, tieBreak)
    }
}
