import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The count of the mix-net's decrypted ballots: what each row's plaintexts say in each ranked or write-in
/// contest, counted by the contest's method. The authority posts it and every verifier computes it again.
enum MixedCount {
    /// The result from the plaintexts of the last list, row by row (`width` per row), for the mixed `contests`
    /// in manifest order.
    static func compute<Group: PrimeOrderGroup>(
        plaintexts: [Group.Element], width: Int, contests: [Contest], key: ElGamalPublicKey<Group>,
        tieBreakSeed: [UInt8], trustees: [Int]
    ) throws(ElectionError) -> MixResultPost {
        let rows = width == 0 ? 0 : plaintexts.count / width
        let bound = contests.map(\.optionLimit).max() ?? 1
        let table = DiscreteLogTable(group: key.group, base: key.element, bound: UInt64(bound))
        var start = 0
        var results = [MixedContestResult]()
        for contest in contests {
            let columns = MixedBallot.width(of: contest, in: key.group)
            let values = (0..<rows).map { row in
                Array(plaintexts[row * width + start..<row * width + start + contest.options.count])
                    .map { table.logarithm(of: $0).map(Int.init) }
            }
            if contest.kind == .ranked {
                let ballots = values.map { RankedBallot(ranks: $0) }
                let counted = try RankedCount.count(ballots, contest: contest, tieBreakSeed: tieBreakSeed)
                results.append(MixedContestResult(
                    contest: contest.id, firstPreferences: firstPreferences(ballots, contest: contest),
                    ranked: counted, writeIn: nil))
            } else {
                let encoding = MessageEncoding(group: key.group)
                let limit = contest.maximumWriteInBytes ?? 0
                let elements = encoding.elementCount(limit: limit)
                let written = (0..<rows).map { row in
                    let first = row * width + start + contest.options.count
                    return try? encoding.decode(Array(plaintexts[first..<first + elements]), limit: limit,
                                                contest: contest.id)
                }
                let (tally, chosen) = WriteInCount.tally(choices: values, written: written, contest: contest)
                results.append(MixedContestResult(contest: contest.id, firstPreferences: chosen, ranked: nil,
                                                  writeIn: tally))
            }
            start += columns
        }
        return MixResultPost(trustees: trustees, ballots: rows, contests: results)
    }

    /// Per candidate, the number of valid ballots that rank it first.
    private static func firstPreferences(_ ballots: [RankedBallot], contest: Contest) -> [UInt64] {
        var counts = [UInt64](repeating: 0, count: contest.options.count)
        for ballot in ballots where ballot.defect(in: contest) == nil {
            if let first = ballot.ranking.first { counts[first] += 1 }
        }
        return counts
    }
}
