import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionGuard20Verifier {
    /// Steps 9 and 10.A for one contest of the decrypted tally.
    func verifyTallyContest(_ context: VerificationContext, tally decrypted: ElectionGuardRecord.DecryptedTally,
                            position: Int) -> StepTally {
        var tally = StepTally()
        let file = "tally.json"
        let field = group.scalars
        let contest = decrypted.contests[position]
        let encryptedContest = record.encryptedTally?.contests.first { $0.contestId == contest.contestId }
        for selection in contest.selections {
            tally.count(9)
            tally.count(10)
            let object = "contest \(contest.contestId), selection \(selection.selectionId)"
            // The tally repeats (A, B): it must be the encrypted tally's.
            let aggregate = encryptedContest?.selections.first { $0.selectionId == selection.selectionId }
            if let aggregate, aggregate.ciphertext != selection.ciphertext {
                tally.fail(9, "", file: file, object: object, "(A, B) differs from encrypted_tally.json")
            }
            guard case .success(let ciphertext) = decode(selection.ciphertext),
                  let plain = try? group.decode(selection.bOverM)
            else {
                tally.fail(9, "", file: file, object: object, "A, B or T is not in Z_p^r")
                continue
            }
            guard let response = try? field.scalar(bigEndian: selection.proof.response) else {
                tally.fail(9, "A", file: file, object: object, "the response v is not below q")
                continue
            }
            let proof = ChaumPedersenProof<IntegerGroup>(challenge: field.reduce(bigEndian: selection.proof.challenge),
                                                         response: response)
            let partial = group.divide(ciphertext.beta, plain)
            let valid = proof.verify(key: context.key, base: ciphertext.alpha, result: partial) {
                context.rules.decryptionChallenge(ciphertext: ciphertext, a: $0, b: $1, partial: partial)
            }
            if !valid {
                tally.fail(9, "B", file: file, object: object, "c is not H(H_E; 0x30, K, A, B, a, b, M)")
            }
            // 10.A: T = K^t, from the key's table.
            if group.power(context.key.table, public: field.scalar(UInt64(selection.tally))) != plain {
                tally.fail(10, "A", file: file, object: object, "T is not K^t for t = \(selection.tally)")
            }
        }
        return tally
    }

    /// The checks over the whole record: 7.B to 7.G, step 8, 10.B to 10.E, and challenged ballots.
    func verifyRecordWide(_ context: VerificationContext, _ tally: inout StepTally) {
        verifyConfirmationCodes(context, &tally)
        verifyAggregation(context, &tally)
        verifyTallyLabels(context, &tally)
        for ballot in record.ballots where ballot.state != "CAST" {
            tally.fail(12, "", file: ballot.file, object: "ballot \(ballot.ballotId)",
                       "the ballot is \(ballot.state), and the record holds no decryption of it")
        }
    }

    /// 7.B: each code from the recorded contest hashes; 7.C: no duplicates; 7.D-G when codes are chained.
    private func verifyConfirmationCodes(_ context: VerificationContext, _ tally: inout StepTally) {
        let config = record.config
        var seen = [[UInt8]: String]()
        for ballot in record.ballots {
            tally.count(7)
            let object = "ballot \(ballot.ballotId)"
            if ballot.electionId != context.rules.extendedBaseHash {
                tally.fail(7, "B", file: ballot.file, object: object, "the ballot's election_id is not H_E")
            }
            let code = context.rules.confirmationCode(contestHashes: ballot.contests.map(\.contestHash),
                                                      aux: ballot.codeBaux)
            if code != ballot.confirmationCode {
                tally.fail(7, "B", file: ballot.file, object: object, "H(B) is not H(H_E; 0x24, χ_1, …, χ_m, B_aux)")
            }
            if !config.chainConfirmationCodes, ballot.codeBaux != config.baux0 {
                tally.fail(7, "B", file: ballot.file, object: object, "B_aux is not the configured B_aux,0")
            }
            if let other = seen[ballot.confirmationCode] {
                tally.fail(7, "C", file: ballot.file, object: object, "the same confirmation code as \(other)")
            }
            seen[ballot.confirmationCode] = object
        }
        guard config.chainConfirmationCodes else { return }
        // 7.D-F per device, in file order: B_aux,1 = H_0 (as the Kotlin record writes it), then H_{j-1} ∥ B_aux,0.
        let devices = Dictionary(grouping: record.ballots, by: \.encryptingDevice)
        for (device, ballots) in devices.sorted(by: { $0.key < $1.key }) {
            var previous = context.rules.chainStart(deviceAux: config.baux0)
            for (position, ballot) in ballots.enumerated() {
                let expected = position == 0
                    ? previous : context.rules.chainedAux(previous: previous, deviceAux: config.baux0)
                if ballot.codeBaux != expected {
                    tally.fail(7, position == 0 ? "D" : "E", file: ballot.file,
                               object: "ballot \(ballot.ballotId) on device \(device)",
                               "B_aux does not chain to the previous confirmation code")
                }
                previous = ballot.confirmationCode
            }
        }
    }

    /// Step 8: every option's (A, B) is the product over the cast ballots, which are exactly the tally's.
    private func verifyAggregation(_ context: VerificationContext, _ tally: inout StepTally) {
        guard let encrypted = record.encryptedTally else { return }
        let file = "encrypted_tally.json"
        let cast = record.ballots.filter { $0.state == "CAST" }
        if encrypted.castBallotIds.sorted() != cast.map(\.ballotId).sorted() {
            tally.fail(8, "", file: file, object: "cast_ballot_ids",
                       "the listed ballots are not the record's \(cast.count) cast ballots")
        }
        for description in record.manifest.contests {
            let contest = encrypted.contests.first { $0.contestId == description.id }
            for option in description.selections {
                tally.count(8)
                let object = "contest \(description.id), selection \(option.id)"
                guard let aggregate = contest?.selections.first(where: { $0.selectionId == option.id }),
                      case .success(let recorded) = decode(aggregate.ciphertext)
                else {
                    tally.fail(8, "", file: file, object: object, "missing, or A or B is not in Z_p^r")
                    continue
                }
                var terms = [ElGamalCiphertext<IntegerGroup>]()
                for ballot in cast {
                    let selection = ballot.contests.first { $0.contestId == description.id }?
                        .selections.first { $0.selectionId == option.id }
                    if let selection, case .success(let ciphertext) = decode(selection.ciphertext) {
                        terms.append(ciphertext)
                    }
                }
                let product = ElGamalCiphertext.sum(terms, in: group)
                if product.alpha != recorded.alpha {
                    tally.fail(8, "A", file: file, object: object, "A is not the product of the cast ballots' α")
                }
                if product.beta != recorded.beta {
                    tally.fail(8, "B", file: file, object: object, "B is not the product of the cast ballots' β")
                }
            }
        }
        if encrypted.electionId != context.rules.extendedBaseHash {
            tally.fail(8, "", file: file, object: "election_id", "not H_E")
        }
    }

    /// 10.B-E: the tally's labels are the manifest's, and every contest on a ballot is tallied.
    private func verifyTallyLabels(_ context: VerificationContext, _ tally: inout StepTally) {
        guard let decrypted = record.decryptedTally else { return }
        let file = "tally.json"
        for contest in decrypted.contests {
            guard let description = record.manifest.contest(id: contest.contestId) else {
                tally.fail(10, "B", file: file, object: "contest \(contest.contestId)", "not a contest of the manifest")
                continue
            }
            for selection in contest.selections where description.selection(id: selection.selectionId) == nil {
                let object = "contest \(contest.contestId), selection \(selection.selectionId)"
                tally.fail(10, "C", file: file, object: object, "not an option of this contest in the manifest")
            }
            let listed = Set(contest.selections.map(\.selectionId))
            for option in description.selections where !listed.contains(option.id) {
                tally.fail(10, "D", file: file, object: "contest \(contest.contestId), selection \(option.id)",
                           "an option of the manifest missing from the tally")
            }
        }
        let tallied = Set(decrypted.contests.map(\.contestId))
        let onBallots = Set(record.ballots.flatMap { $0.contests.map(\.contestId) })
        for contest in onBallots.subtracting(tallied).sorted() {
            tally.fail(10, "E", file: file, object: "contest \(contest)", "on a submitted ballot but not in the tally")
        }
        if decrypted.electionId != context.rules.extendedBaseHash {
            tally.fail(10, "", file: file, object: "election_id", "not H_E")
        }
    }
}
