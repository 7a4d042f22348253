import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionGuard20Verifier {
    /// Steps 9, 10.A and 11 for one contest of the decrypted tally.
    func verifyTallyContest(_ context: VerificationContext, tally decrypted: ElectionGuardRecord.DecryptedTally,
                            position: Int) -> StepTally {
        var tally = StepTally()
        let contest = decrypted.contests[position]
        let encryptedContest = record.encryptedTally?.contests.first { $0.contestId == contest.contestId }
        for selection in contest.selections {
            let aggregate = encryptedContest?.selections.first { $0.selectionId == selection.selectionId }
            verifyDecryptedSelection(context, selection, recorded: aggregate?.ciphertext, steps: .tally,
                                     file: decrypted.file,
                                     object: "contest \(contest.contestId), selection \(selection.selectionId)",
                                     &tally)
        }
        if let data = contest.contestData {
            verifyContestDataDecryption(context, data, recorded: nil, step: 11, file: decrypted.file,
                                        object: "contest \(contest.contestId)", &tally)
        }
        return tally
    }

    /// The steps that check one kind of decryption: of the tally (9, 10, 11) or of a challenged ballot (12, 13, 14).
    struct DecryptionSteps {
        /// The proof of M (9 or 12).
        let proof: Int
        /// The value: S = K^σ (10 or 13).
        let value: Int
        /// A contest-data decryption (11 or 14).
        let contestData: Int

        static let tally = DecryptionSteps(proof: 9, value: 10, contestData: 11)
        static let challengedBallot = DecryptionSteps(proof: 12, value: 13, contestData: 14)
    }

    /// One decrypted option, of the tally or of a challenged ballot: its ciphertext is the one `recorded` elsewhere
    /// in the record (when given); A (α), B (β) and T (S) are valid; (9.A/12.A) v < q; (9.B/12.B)
    /// c = H(H_E; 0x30, K, A, B, a, b, M) with M = B/T, a = g^v K^c, b = A^v M^c; (10.A/13.A) T = K^t.
    func verifyDecryptedSelection(
        _ context: VerificationContext, _ selection: ElectionGuardRecord.DecryptedSelection,
        recorded: ElectionGuardRecord.Ciphertext?, steps: DecryptionSteps, file: String, object: String,
        _ tally: inout StepTally
    ) {
        let field = group.scalars
        tally.count(steps.proof)
        tally.count(steps.value)
        if let recorded, recorded != selection.ciphertext {
            tally.fail(steps.proof, "", file: file, object: object,
                       "the ciphertext differs from the one it decrypts elsewhere in the record")
        }
        guard case .success(let ciphertext) = decode(selection.ciphertext),
              let plain = try? group.decode(selection.bOverM)
        else {
            tally.fail(steps.proof, "", file: file, object: object, "A, B or T is not in Z_p^r")
            return
        }
        guard let response = try? field.scalar(bigEndian: selection.proof.response) else {
            tally.fail(steps.proof, "A", file: file, object: object, "the response v is not below q")
            return
        }
        let proof = ChaumPedersenProof<IntegerGroup>(challenge: field.reduce(bigEndian: selection.proof.challenge),
                                                     response: response)
        let partial = group.divide(ciphertext.beta, plain)
        let valid = proof.verify(key: context.key, base: ciphertext.alpha, result: partial) {
            context.rules.decryptionChallenge(ciphertext: ciphertext, a: $0, b: $1, partial: partial)
        }
        if !valid {
            tally.fail(steps.proof, "B", file: file, object: object, "c is not H(H_E; 0x30, K, A, B, a, b, M)")
        }
        // 10.A / 13.A: T = K^t, from the key's table.
        if group.power(context.key.table, public: field.scalar(UInt64(selection.tally))) != plain {
            tally.fail(steps.value, "A", file: file, object: object, "T is not K^t for t = \(selection.tally)")
        }
    }

    /// Steps 11 and 14 for one contest-data decryption: its ciphertext is the ballot's (when given); C0 and β are
    /// valid; (A) v < q; (B) c = H(H_E; 0x31, K, C0, C1, C2, a, b, β) with a = g^v K^c, b = C0^v β^c, C1 and C2 as
    /// bytes (eq. 81) or 512 bytes each (§5.5.4); a challenge over C1's hexadecimal text is named as such.
    func verifyContestDataDecryption(
        _ context: VerificationContext, _ data: ElectionGuardRecord.DecryptedContestData,
        recorded: ElectionGuardRecord.ContestData?, step: Int, file: String, object: String, _ tally: inout StepTally
    ) {
        let field = group.scalars
        tally.count(step)
        let object = "\(object), contest data"
        if let recorded, recorded != data.ciphertext {
            tally.fail(step, "", file: file, object: object, "(C0, C1, C2) is not the ballot's encrypted contest data")
        }
        guard let c0 = try? group.decode(data.ciphertext.c0), let beta = try? group.decode(data.beta) else {
            tally.fail(step, "", file: file, object: object, "C0 or β is not in Z_p^r")
            return
        }
        guard let response = try? field.scalar(bigEndian: data.proof.response) else {
            tally.fail(step, "A", file: file, object: object, "the response v is not below q")
            return
        }
        let proof = ChaumPedersenProof<IntegerGroup>(challenge: field.reduce(bigEndian: data.proof.challenge),
                                                     response: response)
        let (a, b) = proof.commitments(key: context.key, base: c0, result: beta)
        let challenge = { (form: ElectionGuard20<IntegerGroup>.ContestDataForm) in
            context.rules.contestDataChallenge(c0: c0, c1: data.ciphertext.c1, c2: data.ciphertext.c2, a: a, b: b,
                                               beta: beta, form: form)
        }
        // Eq. 81 hashes C1 and C2 as bytes, the table of §5.5.4 as 512 bytes each: both are the specification's.
        if challenge(.bytes) == proof.challenge || challenge(.fixedWidth) == proof.challenge { return }
        if challenge(.kotlinHexText) == proof.challenge {
            tally.fail(step, "B", file: file, object: object,
                       "c is H(H_E; 0x31, K, C0, C1, C2, a, b, β) with C1 as its hexadecimal text (the Kotlin "
                           + "implementation's form), not C1's bytes as the specification hashes them")
        } else {
            tally.fail(step, "B", file: file, object: object, "c is not H(H_E; 0x31, K, C0, C1, C2, a, b, β)")
        }
    }

    /// The checks over the whole record: 7.B to 7.G, step 8, 10.B to 10.E, and challenged ballots without a
    /// decryption.
    func verifyRecordWide(_ context: VerificationContext, _ tally: inout StepTally) {
        verifyConfirmationCodes(context, &tally)
        verifyAggregation(context, &tally)
        verifyTallyLabels(context, &tally)
        let decrypted = Set(record.challengedBallots.map(\.id))
        for ballot in record.ballots where ballot.state != "CAST" && !decrypted.contains(ballot.ballotId) {
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
        guard config.chainConfirmationCodes else {
            for chain in record.ballotChains where chain.chaining {
                tally.fail(7, "", file: chain.file, object: "device \(chain.encryptingDevice)",
                           "the device chained its confirmation codes, but the election does not")
            }
            return
        }
        let chains = Dictionary(record.ballotChains.map { ($0.encryptingDevice, $0) }) { first, _ in first }
        let devices = Dictionary(grouping: record.ballots, by: \.encryptingDevice)
        for (device, ballots) in devices.sorted(by: { $0.key < $1.key }) {
            verifyChain(context, device: device, ballots: ballots, chain: chains[device], &tally)
        }
        for chain in record.ballotChains where devices[chain.encryptingDevice] == nil {
            tally.fail(7, "F", file: chain.file, object: "device \(chain.encryptingDevice)",
                       "a chain for a device with no ballots in the record")
        }
    }

    /// 7.D-7.G for one device: B_aux,1 = H_0 ∥ B_aux,0 (or H_0, as the Kotlin record writes it), then
    /// B_aux,j = H_{j-1} ∥ B_aux,0, in the order of the device's `ballot_chain.json` (file order without one); the
    /// chain file's `baux0` (B_aux,0 or H_0) and last code are the device's; the chain is closed with
    /// H = H(H_E; 0x24, H(B_ℓ) ∥ B_aux,0 ∥ "CLOSE").
    private func verifyChain(_ context: VerificationContext, device: String, ballots: [ElectionGuardRecord.Ballot],
                             chain: ElectionGuardRecord.BallotChain?, _ tally: inout StepTally) {
        let baux0 = record.config.baux0
        let object = "device \(device)"
        let chainFile = chain?.file ?? ballots[0].file.split(separator: "/").dropLast().joined(separator: "/")
            + "/ballot_chain.json"
        var ordered = ballots
        let start = context.rules.chainStart(deviceAux: baux0)
        if let chain {
            let byId = Dictionary(ballots.map { ($0.ballotId, $0) }) { first, _ in first }
            if chain.ballotIds.sorted() == byId.keys.sorted(), chain.ballotIds.count == ballots.count {
                ordered = chain.ballotIds.map { byId[$0]! }
            } else {
                tally.fail(7, "E", file: chain.file, object: object, "ballot_ids are not the device's ballots")
            }
            if !chain.chaining {
                tally.fail(7, "", file: chain.file, object: object, "the chain says the device did not chain codes")
            }
            // The specification does not define the chain file: its `baux0` may be B_aux,0 itself or, as the Kotlin
            // implementation writes it, the chain's start H_0 = H(H_E; 0x24, B_aux,0); either fixes B_aux,0.
            if chain.baux0 != baux0, chain.baux0 != start {
                tally.fail(7, "D", file: chain.file, object: object,
                           "baux0 is neither the configured B_aux,0 nor H_0 = H(H_E; 0x24, B_aux,0)")
            }
        }
        var previous = start
        for (position, ballot) in ordered.enumerated() {
            // B_aux,1 is H_0 ∥ B_aux,0 (eq. 60), or H_0 alone as the Kotlin implementation writes it.
            let expected = context.rules.chainedAux(previous: previous, deviceAux: baux0)
            if ballot.codeBaux != expected, position > 0 || ballot.codeBaux != start {
                tally.fail(7, position == 0 ? "D" : "E", file: ballot.file,
                           object: "ballot \(ballot.ballotId) on \(object)",
                           "B_aux does not chain to the previous confirmation code")
            }
            previous = ballot.confirmationCode
        }
        guard let chain else {
            tally.fail(7, "G", file: chainFile, object: object, "the chain is not closed: the device has no chain file")
            return
        }
        if chain.lastConfirmationCode != previous {
            tally.fail(7, "F", file: chain.file, object: object,
                       "H(B_ℓ) in the closing input is not the device's final confirmation code")
        }
        guard let closing = chain.closingHash else {
            tally.fail(7, "G", file: chain.file, object: object, "the chain is not closed: no closing hash")
            return
        }
        if closing != context.rules.chainClose(last: previous, deviceAux: baux0) {
            tally.fail(7, "G", file: chain.file, object: object,
                       "the closing hash is not H(H_E; 0x24, H(B_ℓ) ∥ B_aux,0 ∥ \"CLOSE\")")
        }
    }

    /// Step 8 over the whole record: the cast ballots are exactly the tally's, and the tally is this election's
    /// (the options' products are checked per contest, ``verifyAggregatedContest(_:description:)``).
    private func verifyAggregation(_ context: VerificationContext, _ tally: inout StepTally) {
        guard let encrypted = record.encryptedTally else { return }
        let file = "encrypted_tally.json"
        let cast = record.ballots.filter { $0.state == "CAST" }
        if encrypted.castBallotIds.sorted() != cast.map(\.ballotId).sorted() {
            tally.fail(8, "", file: file, object: "cast_ballot_ids",
                       "the listed ballots are not the record's \(cast.count) cast ballots")
        }
        if encrypted.electionId != context.rules.extendedBaseHash {
            tally.fail(8, "", file: file, object: "election_id", "not H_E")
        }
    }

    /// Step 8 for one contest of the manifest: every option's (A, B) is the product of the cast ballots' (α, β).
    func verifyAggregatedContest(_ context: VerificationContext, description: ElectionGuardRecord.ContestDescription)
        -> StepTally
    {
        var tally = StepTally()
        guard let encrypted = record.encryptedTally else { return tally }
        let file = "encrypted_tally.json"
        let cast = record.ballots.filter { $0.state == "CAST" }
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
        return tally
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
