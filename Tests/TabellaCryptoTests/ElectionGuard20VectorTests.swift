import Testing
import TabellaCrypto
import TabellaGroups
import TabellaTestSupport

/// The ElectionGuard 2.0 known-answer vectors of the Kotlin implementation (`Vectors/electionguard-2.0/testvectors`).
///
/// They come from drafts of mid-2023, and some files predate the 2.0.0 text: ballot encryption, confirmation codes
/// and decryption with a nonce derive selection nonces (and the confirmation-code file its contest hashes) from the
/// contest and selection labels as raw UTF-8, where 2.0.0 uses indices; the tally files flag the guardians that take
/// part with `"missing": true`. The tests reproduce each file with Tabella's primitives and say where they follow a
/// draft.
@Suite("ElectionGuard 2.0 test vectors")
struct ElectionGuard20VectorTests {
    typealias Group = IntegerGroup
    let group = IntegerGroup.electionGuard

    private func load(_ name: String) throws -> [String: Any] {
        try VectorFiles.json("electionguard-2.0/testvectors/\(name).json")
    }

    private func element(_ object: [String: Any], _ key: String) throws -> Group.Element {
        try group.decode(try object.hex(key))
    }

    private func scalar(_ object: [String: Any], _ key: String) throws -> Scalar {
        try group.scalars.scalar(bigEndian: try object.hex(key))
    }

    private func ciphertext(_ object: [String: Any]) throws -> ElGamalCiphertext<Group> {
        let vote = try object.object("encrypted_vote")
        return ElGamalCiphertext(alpha: try element(vote, "pad"), beta: try element(vote, "data"))
    }

    private func rules(_ vector: [String: Any]) throws -> ElectionGuard20<Group> {
        let key = ElGamalPublicKey(group: group, element: try element(vector, "joint_public_key"))
        return ElectionGuard20(key: key, extendedBaseHash: try vector.hex("extended_base_hash"))
    }

    /// The draft's selection nonce `H(H_E; 0x20, ξ_B, contest label, selection label)` with raw UTF-8 labels.
    private func labelNonce(_ rules: ElectionGuard20<Group>, ballotNonce: [UInt8], contest: String,
                            selection: String) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x20)
        input.append(bytes: ballotNonce)
        input.append(bytes: Array(contest.utf8))
        input.append(bytes: Array(selection.utf8))
        return group.scalars.reduce(bigEndian: ElectionGuardHash.hash(key: rules.extendedBaseHash, input))
    }

    /// Reproduces a range proof from the vector's u_j and c_j and compares every challenge and response.
    private func checkProof(_ expected: [String: Any], rules: ElectionGuard20<Group>,
                            ciphertext: ElGamalCiphertext<Group>, value: Int, nonce: Scalar) throws {
        let steps = try expected.objects("proofs")
        let randomness = try steps.map {
            RangeProof<Group>.Randomness(nonce: try scalar($0, "u_nonce"), challenge: try scalar($0, "c_nonce"))
        }
        let proof = RangeProof.prove(ciphertext: ciphertext, value: value, nonce: nonce, limit: steps.count - 1,
                                     key: rules.key, randomness: randomness) {
            rules.rangeChallenge(ciphertext: ciphertext, commitments: $0)
        }
        #expect(proof.challenges == (try steps.map { try scalar($0, "expected_challenge") }))
        #expect(proof.responses == (try steps.map { try scalar($0, "expected_response") }))
        #expect(proof.withoutCommitments.verify(ciphertext: ciphertext, limit: steps.count - 1, key: rules.key) {
            rules.rangeChallenge(ciphertext: ciphertext, commitments: $0)
        })
    }

    @Test("ballot encryption: nonces, ciphertexts, selection and contest range proofs")
    func ballotEncryption() throws {
        let vector = try load("BallotEncryptionTestVector")
        let rules = try rules(vector)
        let field = group.scalars
        for (ballot, expected) in zip(try vector.objects("ballots"), try vector.objects("expected_encrypted_ballots")) {
            let ballotNonce = try expected.hex("ballotNonce")
            for (contest, expectedContest) in zip(try ballot.objects("contests"), try expected.objects("contests")) {
                var total = ElGamalCiphertext<Group>.identity(in: group)
                var nonceSum = field.zero
                var votes = 0
                let pairs = zip(try contest.objects("selections"), try expectedContest.objects("selections"))
                for (selection, expectedSelection) in pairs {
                    let nonce = labelNonce(rules, ballotNonce: ballotNonce, contest: try contest.string("contest_id"),
                                           selection: try selection.string("selection_id"))
                    #expect(nonce == (try scalar(expectedSelection, "expected_selection_nonce")))
                    let vote = try selection.int("vote")
                    let encrypted = rules.key.encrypt(UInt64(vote), nonce: nonce)
                    let vote2 = try expectedSelection.object("expected_encrypted_vote")
                    #expect(encrypted == ElGamalCiphertext(alpha: try element(vote2, "pad"),
                                                           beta: try element(vote2, "data")))
                    try checkProof(try expectedSelection.object("expected_proof"), rules: rules, ciphertext: encrypted,
                                   value: vote, nonce: nonce)
                    total = total.adding(encrypted, in: group)
                    nonceSum = field.add(nonceSum, nonce)
                    votes += vote
                }
                try checkProof(try expectedContest.object("expected_proof"), rules: rules, ciphertext: total,
                               value: votes, nonce: nonceSum)
            }
        }
    }

    /// Encrypts a vector's plaintext ballot and returns the contest ciphertexts, with nonces from `nonce`.
    private func encryptContests(_ ballot: [String: Any], rules: ElectionGuard20<Group>,
                                 nonce: ([String: Any], [String: Any]) throws -> Scalar)
        throws -> [[ElGamalCiphertext<Group>]]
    {
        try ballot.objects("contests").map { contest in
            try contest.objects("selections").map { selection in
                rules.key.encrypt(UInt64(try selection.int("vote")), nonce: try nonce(contest, selection))
            }
        }
    }

    @Test("confirmation codes: contest hashes over labels (draft) and codes without a length prefix")
    func confirmationCodes() throws {
        let vector = try load("ConfirmationCodeTestVector")
        let rules = try rules(vector)
        for (ballot, expected) in zip(try vector.objects("ballots"), try vector.objects("expected_encrypted_ballots")) {
            let ballotNonce = try expected.hex("ballotNonce")
            let ciphertexts = try encryptContests(ballot, rules: rules) { contest, selection in
                labelNonce(rules, ballotNonce: ballotNonce, contest: try contest.string("contest_id"),
                           selection: try selection.string("selection_id"))
            }
            var hashes = [[UInt8]]()
            for (contest, encrypted) in zip(try ballot.objects("contests"), ciphertexts) {
                var input = ElectionGuardHashInput(domain: 0x23)
                input.append(bytes: Array(try contest.string("contest_id").utf8))
                input.append(element: rules.key.element, of: group)
                for ciphertext in encrypted { input.append(elements: [ciphertext.alpha, ciphertext.beta], of: group) }
                hashes.append(ElectionGuardHash.hash(key: rules.extendedBaseHash, input))
            }
            #expect(hashes == (try expected.objects("contests").map { try $0.hex("expected_contestHash") }))
            let code = rules.confirmationCode(contestHashes: hashes, aux: try expected.hex("codeBaux"))
            #expect(code == (try expected.hex("expected_confirmationCode")))
        }
    }

    @Test("ballot chaining: H_0, each ballot's B_aux and confirmation code, under the 2.0.0 index rules")
    func chaining() throws {
        let vector = try load("BallotChainingTestVector")
        let rules = try rules(vector)
        let deviceAux = (vector["configBaux0"] as? [Int] ?? []).map { UInt8(truncatingIfNeeded: $0) }
        #expect(deviceAux.count == 32)
        var previous = rules.chainStart(deviceAux: deviceAux)
        var first = true
        let pairs = zip(try vector.objects("ballots"), try vector.objects("expected_encrypted_ballots"))
        for (ballot, expected) in pairs {
            let ballotNonce = try expected.hex("ballotNonce")
            let ciphertexts = try encryptContests(ballot, rules: rules) { contest, selection in
                rules.selectionNonce(ballotNonce: ballotNonce, contestIndex: try contest.int("sequence_order"),
                                     optionIndex: try selection.int("sequence_order"))
            }
            let hashes = try zip(ballot.objects("contests"), ciphertexts).map { contest, encrypted in
                rules.contestHash(contestIndex: try contest.int("sequence_order"), ciphertexts: encrypted)
            }
            #expect(hashes == (try expected.objects("contests").map { try $0.hex("expected_contestHash") }))
            // The first ballot's B_aux is H_0 itself; later ones are H_{j-1} ∥ B_aux,0.
            let aux = first ? previous : rules.chainedAux(previous: previous, deviceAux: deviceAux)
            #expect(aux == (try expected.hex("codeBaux")))
            let code = rules.confirmationCode(contestHashes: hashes, aux: aux)
            #expect(code == (try expected.hex("expected_confirmationCode")))
            previous = code
            first = false
        }
    }

    @Test("aggregation: the tally is the product of the ballots' ciphertexts")
    func aggregation() throws {
        let vector = try load("BallotAggregationTestVector")
        let ballots = try vector.objects("encrypted_ballots")
        let tally = try vector.object("expected_encrypted_tally")
        for (contestIndex, contest) in (try tally.objects("contests")).enumerated() {
            for (selectionIndex, selection) in (try contest.objects("selections")).enumerated() {
                let terms = try ballots.map {
                    try ciphertext(try $0.objects("contests")[contestIndex].objects("selections")[selectionIndex])
                }
                #expect(ElGamalCiphertext.sum(terms, in: group) == (try ciphertext(selection)))
            }
        }
        #expect((tally["cast_ballot_ids"] as? [String])?.count == ballots.count)
    }

    @Test("tally decryption by a quorum: key shares, Lagrange combination, discrete logs", arguments: [
        "TallyPartialDecryptionTestVector", "TallyDecryptionTestVector",
    ])
    func tallyDecryption(name: String) throws {
        let vector = try load(name)
        let rules = try rules(vector)
        let field = group.scalars
        let trustees = try vector.objects("trustees")
        let coefficients = try trustees.map { trustee in
            try (trustee["polynomial_coefficients"] as? [String] ?? []).map {
                try field.scalar(bigEndian: Hex.decode($0) ?? [])
            }
        }
        // K = ∏ g^{a_i,0}, and each key share P(i) = Σ_j P_j(i).
        #expect(group.product(coefficients.map { group.generatorPower(public: $0[0]) }) == rules.key.element)
        var shares = [Int: Scalar]()
        for trustee in trustees {
            let x = try trustee.int("xCoordinate")
            let share = coefficients.reduce(field.zero) { sum, polynomial in
                let value = polynomial.reversed().reduce(field.zero) {
                    field.add(field.multiply($0, field.scalar(UInt64(x))), $1)
                }
                return field.add(sum, value)
            }
            #expect(share == (try scalar(trustee, "keyShare")))
            if trustee["missing"] as? Bool == true { shares[x] = share }
        }
        let quorum = coefficients[0].count
        #expect(shares.count >= quorum)
        let expected = try vector.object("expected_decrypted_tally").objects("contests")
        for (contest, expectedContest) in zip(try vector.object("encrypted_tally").objects("contests"), expected) {
            for (selection, expectedSelection) in zip(try contest.objects("selections"),
                                                      try expectedContest.objects("selections")) {
                let encrypted = try ciphertext(selection)
                let partials = shares.mapValues {
                    ThresholdDecryption.partialDecryption(of: encrypted, share: $0, in: group)
                }
                let combined = ThresholdDecryption.combine(partials, in: group)
                let plain = ThresholdDecryption.exponentialPlaintext(of: encrypted, combined: combined, in: group)
                let tally = rules.key.discreteLog(of: plain, upTo: 100)
                #expect(tally == UInt64(try expectedSelection.int("expected_decrypted_vote")))
                // One share fewer than the quorum does not decrypt.
                let short = partials.filter { $0.key != partials.keys.min() }
                if short.count < quorum {
                    let wrong = ThresholdDecryption.combine(short, in: group)
                    #expect(ThresholdDecryption.exponentialPlaintext(of: encrypted, combined: wrong, in: group)
                        != plain)
                }
            }
        }
    }

    @Test("decryption with the ballot nonce (nonces over labels, as in the draft)")
    func decryptWithNonce() throws {
        let vector = try load("DecryptWithNonceTestVector")
        let rules = try rules(vector)
        let ballotNonce = try vector.hex("primary_nonce")
        let ballot = try vector.object("encrypted_ballot")
        let expected = try vector.object("expected_decrypted_ballot")
        for (contest, expectedContest) in zip(try ballot.objects("contests"), try expected.objects("contests")) {
            for (selection, expectedSelection) in zip(try contest.objects("selections"),
                                                      try expectedContest.objects("selections")) {
                let nonce = labelNonce(rules, ballotNonce: ballotNonce, contest: try contest.string("contest_id"),
                                       selection: try selection.string("selection_id"))
                let encrypted = try ciphertext(selection)
                #expect(encrypted.alpha == group.generatorPower(public: nonce))
                let vote = rules.key.discreteLog(of: rules.key.exponentialPlaintext(of: encrypted, nonce: nonce),
                                                 upTo: 10)
                #expect(vote == UInt64(try expectedSelection.int("vote")))
            }
        }
    }
}
