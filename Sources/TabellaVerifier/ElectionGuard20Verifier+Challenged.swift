import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionGuard20Verifier {
    /// Steps 12, 13 and 14 for the decryption of one challenged ballot (2.0 §3.6.5), a
    /// `challenged_ballots/dballot-<id>.json` file.
    ///
    /// The decryption must be of a ballot of the record that was not cast, under this election (its `election_id`
    /// is H_E), and cover every contest of that ballot; each option's ciphertext must be the ballot's. Then, per
    /// option, 12.A/12.B check its proof as step 9 does for the tally and 13.A its value as 10.A does; per contest,
    /// 13.B each value is 0 or 1 (R = 1 in 2.0), 13.C they add up to at most L, 13.D-13.F the labels are the
    /// manifest's; and 14 checks each contest-data decryption as step 11 does.
    func verifyChallengedBallot(_ context: VerificationContext, decrypted: ElectionGuardRecord.DecryptedTally)
        -> StepTally
    {
        var tally = StepTally()
        let file = decrypted.file
        let ballotObject = "challenged ballot \(decrypted.id)"
        let ballot = record.ballots.first { $0.ballotId == decrypted.id }
        if ballot == nil {
            tally.fail(12, "", file: file, object: ballotObject, "no encrypted ballot of the record has this id")
        } else if ballot?.state == "CAST" {
            tally.fail(12, "", file: file, object: ballotObject, "the ballot was cast, so it must not be decrypted")
        }
        if decrypted.electionId != context.rules.extendedBaseHash {
            tally.fail(12, "", file: file, object: ballotObject, "the decryption's election_id is not H_E")
        }
        let decryptedContests = Set(decrypted.contests.map(\.contestId))
        for contest in ballot?.contests ?? [] where !decryptedContests.contains(contest.contestId) {
            tally.fail(12, "", file: file, object: "\(ballotObject), contest \(contest.contestId)",
                       "a contest of the ballot is not decrypted")
        }
        for contest in decrypted.contests {
            let contestObject = "\(ballotObject), contest \(contest.contestId)"
            let encrypted = ballot?.contests.first { $0.contestId == contest.contestId }
            guard let description = record.manifest.contest(id: contest.contestId) else {
                tally.count(13, contest.selections.count)
                tally.fail(13, "D", file: file, object: contestObject, "not a contest label of the manifest")
                continue
            }
            for selection in contest.selections {
                let object = "\(contestObject), selection \(selection.selectionId)"
                let recorded = encrypted?.selections.first { $0.selectionId == selection.selectionId }?.ciphertext
                if ballot != nil, recorded == nil {
                    tally.fail(12, "", file: file, object: object, "the ballot has no such selection to decrypt")
                }
                verifyDecryptedSelection(context, selection, recorded: recorded, steps: .challengedBallot,
                                         file: file, object: object, &tally)
                if !(0...1).contains(selection.tally) {
                    tally.fail(13, "B", file: file, object: object, "σ = \(selection.tally) is not 0 or 1")
                }
                if description.selection(id: selection.selectionId) == nil {
                    tally.fail(13, "E", file: file, object: object, "not an option label of this contest")
                }
            }
            let total = contest.selections.reduce(0) { $0 + $1.tally }
            if total > description.votesAllowed {
                tally.fail(13, "C", file: file, object: contestObject,
                           "the selections add up to \(total), more than L = \(description.votesAllowed)")
            }
            let listed = Set(contest.selections.map(\.selectionId))
            for option in description.selections where !listed.contains(option.id) {
                tally.fail(13, "F", file: file, object: "\(contestObject), selection \(option.id)",
                           "an option of the manifest missing from the decryption")
            }
            if let data = contest.contestData {
                verifyContestDataDecryption(context, data, recorded: encrypted?.contestData, step: 14, file: file,
                                            object: contestObject, &tally)
            }
        }
        return tally
    }
}
