/// The Schulze method's working, for the board: who is preferred to whom, the strongest paths, the ranking.
public struct SchulzeTable: Sendable, Hashable, Codable {
    /// `preferences[i][j]`: the weight of the ballots that rank candidate `i` above candidate `j` (a ranked
    /// candidate is above every unranked one; unranked candidates are level).
    public let preferences: [[UInt64]]
    /// `strongestPaths[i][j]`: the width of the strongest path from `i` to `j` through links `x → y` with
    /// `preferences[x][y] > preferences[y][x]`, whose strength is `preferences[x][y]` (winning votes); 0 when none.
    public let strongestPaths: [[UInt64]]
    /// The candidates that no one beats (`strongestPaths[j][i] > strongestPaths[i][j]` for no `j`): the Schulze
    /// winners, in the contest's order.
    public let winners: [String]
    /// Every candidate, best first: at each step the unbeaten remaining candidate earliest in the tie-break order.
    public let ranking: [String]
}

/// The Schulze method (Condorcet): candidate `i` beats `j` when `strongestPaths[i][j] > strongestPaths[j][i]`,
/// a transitive relation; the elected candidate is the first of the ranking.
enum Schulze {
    /// The count of `input` (Docs/mixnet.md).
    static func count(_ input: RankedCountInput) -> RankedCountOutcome {
        let size = input.contest.options.count
        var preferences = [[UInt64]](repeating: [UInt64](repeating: 0, count: size), count: size)
        for ballot in input.ballots {
            var unranked = Set(0..<size)
            for candidate in ballot.ranking {
                unranked.remove(candidate)
                for other in unranked { preferences[candidate][other] += ballot.weight }
            }
        }
        var paths = [[UInt64]](repeating: [UInt64](repeating: 0, count: size), count: size)
        for i in 0..<size {
            for j in 0..<size where i != j && preferences[i][j] > preferences[j][i] { paths[i][j] = preferences[i][j] }
        }
        for k in 0..<size {
            for i in 0..<size where i != k {
                for j in 0..<size where j != i && j != k {
                    paths[i][j] = max(paths[i][j], min(paths[i][k], paths[k][j]))
                }
            }
        }
        let beats = { (i: Int, j: Int) in paths[i][j] > paths[j][i] }
        let unbeaten = { (among: [Int]) in among.filter { i in !among.contains { beats($0, i) } } }
        var ranking = [Int]()
        var remaining = Array(0..<size)
        while !remaining.isEmpty {
            let next = unbeaten(remaining).min { input.order.prefers($0, over: $1) }!
            ranking.append(next)
            remaining.removeAll { $0 == next }
        }
        let table = SchulzeTable(preferences: preferences, strongestPaths: paths,
                                 winners: input.ids(unbeaten(Array(0..<size))), ranking: input.ids(ranking))
        return RankedCountOutcome(schulze: table, elected: input.weight > 0 ? [ranking[0]] : [])
    }
}
