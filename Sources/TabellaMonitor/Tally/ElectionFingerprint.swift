/// The election fingerprint (Klimek, Yegorov, Hanel and Thurner, 2012): a 2-D histogram of regions by turnout and
/// by the overall winner's share of the votes, each region weighted by its voters.
///
/// A clean election usually shows one compact, roughly round cloud; stuffing for the winner smears it towards the
/// top right (high turnout, high share), and a cluster at 100 % / 100 % is the classic mark of fabricated
/// results. Caveat: real electorates can be bimodal (urban and rural regions, minority areas voting as a block),
/// and small regions scatter widely by chance, so the shape is a reason to look, never a proof.
public struct ElectionFingerprint: Sendable, Hashable, Codable {
    /// The number of bins along each axis.
    public let bins: Int
    /// The index of the overall winner among the options.
    public let winner: Int
    /// `cells[t][s]`: the voters of regions with turnout in bin `t` and winner's share in bin `s`.
    public let cells: [[Int]]

    /// The fingerprint of `results` in `bins` × `bins` cells.
    ///
    /// - Throws: ``MonitorError`` `.malformed` for no results, or results with different numbers of options.
    public init(results: [RegionResult], bins: Int = 20) throws(MonitorError) {
        guard let options = results.first?.votes.count, options > 0,
              results.allSatisfy({ $0.votes.count == options }), bins > 0 else {
            throw MonitorError(.malformed, "a fingerprint needs results with the same options, and bins")
        }
        let totals = (0..<options).map { option in results.reduce(0) { $0 + $1.votes[option] } }
        let winner = totals.indices.max { (totals[$0], -$0) < (totals[$1], -$1) }!
        var cells = [[Int]](repeating: [Int](repeating: 0, count: bins), count: bins)
        for result in results {
            let valid = result.votes.reduce(0, +)
            guard valid > 0 else { continue }
            let share = Double(result.votes[winner]) / Double(valid)
            cells[Self.bin(result.turnout, bins)][Self.bin(share, bins)] += result.cast
        }
        self.bins = bins
        self.winner = winner
        self.cells = cells
    }

    /// The bin of a share in [0, 1]; 1 falls in the last bin.
    static func bin(_ share: Double, _ bins: Int) -> Int {
        min(bins - 1, Int(share * Double(bins)))
    }
}
