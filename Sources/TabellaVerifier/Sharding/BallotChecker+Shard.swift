import TabellaBoard
import TabellaCrypto
import TabellaGroups

extension BallotChecker {
    /// The results of checking the ballots and challenges of `entries` from position `start` on, as
    /// ``checkBallots(in:from:jobs:)`` gives them, with the proofs and challenge openings of only `shard`'s slice
    /// checked (the ballots whose position among the board's ballots it owns); the others are decoded and bound to
    /// their credentials only, so that the ledger can record them, and are checked by their own shard.
    public func checkBallots(in entries: [BoardEntry], from start: Int, jobs: Int, shard: VerificationShard) async
        -> [Int: Result<CheckedBallot<Group>, ElectionRejection>]
    {
        guard shard.count > 1 else { return await checkBallots(in: entries, from: start, jobs: jobs) }
        let positions = entries.indices.filter { Self.isBallot(entries[$0]) }
        let owned = positions.enumerated().filter { shard.owns($0.offset) && $0.element >= start }.map(\.element)
        var results = Dictionary(uniqueKeysWithValues: zip(owned, await checkAll(owned.map { entries[$0] },
                                                                                  jobs: jobs)))
        for position in positions where position >= start && results[position] == nil {
            let entry = entries[position]
            do throws(ElectionRejection) {
                let (voter, ballot, challenge) = try decode(entry)
                results[position] = .success(CheckedBallot(
                    entry: entry, voter: voter, ballot: ballot, isChallenge: challenge != nil,
                    fingerprints: Self.fingerprints(of: ballot, in: rules.group)))
            } catch {
                results[position] = .failure(error)
            }
        }
        return results
    }

    /// The encodings of every selection's and written answer's α, which no other ballot may reuse.
    static func fingerprints(of ballot: EncryptedBallot<Group>, in group: Group) -> [[UInt8]] {
        ballot.contests.flatMap {
            ($0.selections.map(\.ciphertext) + $0.writeIns.map(\.ciphertext)).map { group.encode($0.alpha) }
        }
    }
}
