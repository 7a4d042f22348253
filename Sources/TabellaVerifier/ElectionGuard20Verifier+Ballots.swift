import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionGuard20Verifier {
    /// The units of work that run in parallel: one per contest of each ballot (steps 5, 6 and 7.A), one per
    /// contest of the decrypted tally (steps 9, 10.A and 11), one per contest of the manifest for the aggregation
    /// (8.A, 8.B), one per decrypted challenged ballot (12 to 14).
    func workUnits(_ context: VerificationContext) -> [@Sendable () -> StepTally] {
        var units = [@Sendable () -> StepTally]()
        for ballot in record.ballots {
            for position in ballot.contests.indices {
                units.append { [self] in verifyBallotContest(context, ballot: ballot, position: position) }
            }
        }
        if let decrypted = record.decryptedTally {
            for position in decrypted.contests.indices {
                units.append { [self] in verifyTallyContest(context, tally: decrypted, position: position) }
            }
        }
        if record.encryptedTally != nil {
            for description in record.manifest.contests {
                units.append { [self] in verifyAggregatedContest(context, description: description) }
            }
        }
        for decrypted in record.challengedBallots {
            units.append { [self] in verifyChallengedBallot(context, decrypted: decrypted) }
        }
        return units
    }

    /// Decodes a ciphertext, or names the component that is not in Z_p^r.
    func decode(_ ciphertext: ElectionGuardRecord.Ciphertext) -> Result<ElGamalCiphertext<IntegerGroup>, GroupError> {
        do throws(GroupError) {
            return .success(ElGamalCiphertext(alpha: try group.decode(ciphertext.pad),
                                              beta: try group.decode(ciphertext.data)))
        } catch {
            return .failure(error)
        }
    }

    /// Reads a record's range proof: challenges reduced modulo q (each is below 2^256, condition B, by its 32-byte
    /// form), responses that must be below q (condition C).
    func rangeProof(_ steps: [ElectionGuardRecord.ChallengeResponse]) -> RangeProof<IntegerGroup>? {
        let field = group.scalars
        var responses = [Scalar]()
        for step in steps {
            guard let response = try? field.scalar(bigEndian: step.response) else { return nil }
            responses.append(response)
        }
        return RangeProof(challenges: steps.map { field.reduce(bigEndian: $0.challenge) }, responses: responses)
    }

    /// Steps 5, 6 and 7.A for one contest of one ballot.
    func verifyBallotContest(_ context: VerificationContext, ballot: ElectionGuardRecord.Ballot, position: Int)
        -> StepTally
    {
        var tally = StepTally()
        let contest = ballot.contests[position]
        let file = ballot.file
        let contestObject = "ballot \(ballot.ballotId), contest \(contest.contestId)"
        guard let description = record.manifest.contest(id: contest.contestId),
              description.sequenceOrder == contest.sequenceOrder
        else {
            tally.fail(6, "", file: file, object: contestObject, "no contest of the manifest has this label and index")
            return tally
        }
        // Step 5, per selection: R = 1 (2.0 manifests have no option selection limit).
        let optionLimit = 1
        var ciphertexts = [ElGamalCiphertext<IntegerGroup>?]()
        if contest.selections.map(\.selectionId) != description.selections.map(\.id)
            || contest.selections.map(\.sequenceOrder) != description.selections.map(\.sequenceOrder)
        {
            tally.fail(5, "", file: file, object: contestObject,
                       "the selections are not the manifest's options in the manifest's order")
        }
        for selection in contest.selections {
            tally.count(5)
            let object = "\(contestObject), selection \(selection.selectionId)"
            switch decode(selection.ciphertext) {
            case .failure(let error):
                tally.fail(5, "A", file: file, object: object, "α or β is not in Z_p^r: \(error.message)")
                ciphertexts.append(nil)
            case .success(let ciphertext):
                ciphertexts.append(ciphertext)
                guard selection.proof.count == optionLimit + 1 else {
                    tally.fail(5, "", file: file, object: object,
                               "\(selection.proof.count) challenge-response pairs, not R + 1 = \(optionLimit + 1)")
                    continue
                }
                guard let proof = rangeProof(selection.proof) else {
                    tally.fail(5, "C", file: file, object: object, "a response v_j is not below q")
                    continue
                }
                let valid = proof.verify(ciphertext: ciphertext, limit: optionLimit, key: context.key) {
                    context.rules.rangeChallenge(ciphertext: ciphertext, commitments: $0)
                }
                if !valid {
                    tally.fail(5, "D", file: file, object: object,
                               "H(H_E; 0x21, K, α, β, a_0, b_0, …) is not c_0 + … + c_R mod q")
                }
            }
        }
        // Step 6: the contest total and its 0...L proof.
        tally.count(6)
        let limit = description.votesAllowed
        if contest.votesAllowed != limit {
            tally.fail(6, "", file: file, object: contestObject,
                       "the ballot's votes_allowed \(contest.votesAllowed) is not the manifest's L = \(limit)")
        }
        let decoded = ciphertexts.compactMap { $0 }
        if decoded.count != ciphertexts.count {
            tally.fail(6, "A", file: file, object: contestObject, "a selection's α or β is not in Z_p^r")
        } else if contest.proof.count != limit + 1 {
            tally.fail(6, "", file: file, object: contestObject,
                       "\(contest.proof.count) challenge-response pairs, not L + 1 = \(limit + 1)")
        } else if let proof = rangeProof(contest.proof) {
            let total = ElGamalCiphertext.sum(decoded, in: group)
            let valid = proof.verify(ciphertext: total, limit: limit, key: context.key) {
                context.rules.rangeChallenge(ciphertext: total, commitments: $0)
            }
            if !valid {
                tally.fail(6, "D", file: file, object: contestObject,
                           "H(H_E; 0x21, K, ᾱ, β̄, a_0, b_0, …) is not c_0 + … + c_L mod q")
            }
        } else {
            tally.fail(6, "C", file: file, object: contestObject, "a response v_j is not below q")
        }
        // Step 7.A: the contest hash (counted per ballot in 7.B's pass).
        if decoded.count == ciphertexts.count {
            let hash = context.rules.contestHash(contestIndex: contest.sequenceOrder, ciphertexts: decoded)
            if hash != contest.contestHash {
                tally.fail(7, "A", file: file, object: contestObject,
                           "χ_l is not H(H_E; 0x23, l, K, α_1, β_1, …, α_m, β_m)")
            }
        }
        return tally
    }
}
