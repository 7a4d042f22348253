/// Counts the decrypted ballots of a ranked contest by the contest's method (Docs/mixnet.md, "Counting methods").
///
/// Pure and deterministic: the same ballots, contest and seed give the same ``RankedResult`` on every machine, so a
/// verifier recounts and compares.
public enum RankedCount {
    /// Counts `ballots` (in any order) for `contest`.
    ///
    /// - Parameters:
    ///   - ballots: the decrypted ballots; invalid ones are counted in the result's ``RankedResult/invalid``.
    ///   - contest: a valid contest of kind `ranked`.
    ///   - tieBreakSeed: the public seed of the tie-break order (the election's hash).
    /// - Throws: ``ElectionError`` when the contest is not a valid ranked contest (naming it and the field), or
    ///   `.overflow` when the ballots' total weight does not fit in 64 bits.
    public static func count(_ ballots: [RankedBallot], contest: Contest, tieBreakSeed: [UInt8])
        throws(ElectionError) -> RankedResult {
        try contest.validate()
        guard contest.kind == .ranked, let method = contest.method else {
            throw ElectionError(.kindMismatch, "contest \"\(contest.id)\" of kind \(contest.kind.rawValue) is not "
                + "counted by ranks")
        }
        var total: UInt64 = 0
        for ballot in ballots {
            let (sum, overflow) = total.addingReportingOverflow(ballot.weight)
            guard !overflow else {
                throw ElectionError(.overflow, "contest \"\(contest.id)\": the ballots' total weight does not fit in "
                    + "64 bits")
            }
            total = sum
        }
        var valid = [RankedBallot]()
        var invalid = InvalidBallots()
        for ballot in ballots {
            if let defect = ballot.defect(in: contest) {
                invalid.add(defect, weight: ballot.weight)
            } else {
                valid.append(ballot)
            }
        }
        let input = RankedCountInput(contest: contest, ballots: valid, weight: total - invalid.weight,
                                     order: TieBreakOrder(contest: contest, seed: tieBreakSeed))
        let seats = method == .stv ? contest.seats! : 1
        let outcome = switch method {
        case .instantRunoff: InstantRunoff.count(input)
        case .stv: SingleTransferableVote.count(input, seats: seats)
        case .schulze: Schulze.count(input)
        }
        return RankedResult(
            contest: contest.id, method: method, seats: seats, validBallots: valid.count, validWeight: input.weight,
            invalid: invalid, tieBreakOrder: input.ids(input.order.order), quota: outcome.quota,
            rounds: outcome.rounds, schulze: outcome.schulze, elected: input.ids(outcome.elected))
    }
}

/// What a counting method works on: the contest, its valid ballots and their weight, the tie-break order.
struct RankedCountInput {
    /// The contest.
    let contest: Contest
    /// The valid ballots.
    let ballots: [RankedBallot]
    /// Their total weight.
    let weight: UInt64
    /// The tie-break order.
    let order: TieBreakOrder

    /// The identifiers of candidates given by index.
    func ids(_ candidates: [Int]) -> [String] { candidates.map { contest.options[$0].id } }
}

/// What a counting method finds: the parts of a ``RankedResult`` that depend on the method.
struct RankedCountOutcome {
    /// The quota, for STV.
    var quota: UInt64?
    /// The rounds, for instant-runoff and STV.
    var rounds: [CountingRound] = []
    /// The Schulze table, for Schulze.
    var schulze: SchulzeTable?
    /// The elected candidates' indices, in order.
    var elected: [Int]
}
