import Testing
import TabellaGroups
@testable import TabellaCrypto

/// The weak Fiat-Shamir attacks, for every proof type Tabella checks: D. Bernhard, O. Pereira, B. Warinschi, "How
/// not to prove yourself: pitfalls of the Fiat-Shamir heuristic and applications to Helios" (ASIACRYPT 2012), and
/// the "Frozen Heart" class (Trail of Bits, 2022: challenges that leave out the statement or public inputs).
///
/// Each test forges a proof against a challenge that leaves out part of the statement, shows that the forgery is
/// real (it verifies under that weak challenge, for a false statement), and that Tabella's own challenge rejects it.
@Suite("Known attacks: weak Fiat-Shamir")
struct FiatShamirAttackTests {
    @Test("Bernhard-Pereira-Warinschi 2012: a range proof whose challenge omits the ciphertext is refused")
    func rangeProofWithoutTheCiphertext() {
        forgeSelection(IntegerGroup.electionGuard)
        forgeSelection(Ristretto255())
        forgeSelection(P256())
    }

    @Test("Bernhard-Pereira-Warinschi 2012: a contest-limit proof whose challenge omits its statement is refused")
    func contestLimitProofWithoutTheStatement() {
        forgeContestLimit(IntegerGroup.electionGuard)
        forgeContestLimit(Ristretto255())
        forgeContestLimit(P256())
    }

    @Test("Frozen Heart 2022: ballot proofs replayed under another ballot identifier are refused")
    func ballotProofsUnderAnotherIdentifier() {
        replayUnderAnotherIdentifier(IntegerGroup.electionGuard)
        replayUnderAnotherIdentifier(Ristretto255())
        replayUnderAnotherIdentifier(P256())
    }

    @Test("Frozen Heart 2022: a decryption proof whose challenge omits the statement proves a wrong share; refused")
    func decryptionProofWithoutTheStatement() {
        forgeDecryption(IntegerGroup.electionGuard)
        forgeDecryption(Ristretto255())
        forgeDecryption(P256())
    }

    @Test("Frozen Heart 2022: a coefficient (Schnorr) proof whose challenge omits the commitment is refused")
    func schnorrProofWithoutTheCommitment() {
        forgeSchnorr(IntegerGroup.electionGuard)
        forgeSchnorr(Ristretto255())
        forgeSchnorr(P256())
    }

    @Test("Frozen Heart 2022: a COCKTAIL proof of possession whose challenge omits the key is refused in round 2")
    func possessionProofWithoutTheKey() throws {
        try forgePossession(CocktailRistretto255())
        try forgePossession(CocktailP256())
        try forgePossession(CocktailElectionGuard())
    }

    // MARK: The forgeries

    /// A range proof for `0...limit` under a `weak` challenge of the commitments alone, for a ciphertext chosen
    /// after the challenge. Branch 0 takes the whole challenge `c`: with `a_j = g^(t_j)`, `b_0 = K^(t_0 + e)` and
    /// `b_j = K^(t_j)` for j ≥ 1, the ciphertext `(g^x, K^(x + e/c))` satisfies every verification equation with
    /// `c_0 = c`, `c_j = 0` and `v_j = t_j − x·c_j`. It encrypts `e/c`, a random value far outside `0...limit`.
    static func forgeRangeProof<G: PrimeOrderGroup>(
        limit: Int, key: ElGamalPublicKey<G>, weak: ([G.Element]) -> Scalar
    ) -> (ciphertext: ElGamalCiphertext<G>, proof: RangeProof<G>) {
        let group = key.group
        let field = group.scalars
        let t = (0...limit).map { _ in field.random() }
        let e = field.randomNonzero()
        var commitments = [G.Element]()
        for j in 0...limit {
            commitments += [group.generatorPower(public: t[j]),
                            group.power(key.table, public: j == 0 ? field.add(t[0], e) : t[j])]
        }
        let c = weak(commitments)
        let value = field.multiply(e, field.inverse(c)!)
        let x = field.random()
        let ciphertext = ElGamalCiphertext<G>(alpha: group.generatorPower(public: x),
                                              beta: group.power(key.table, public: field.add(x, value)))
        let challenges = (0...limit).map { $0 == 0 ? c : field.zero }
        let responses = (0...limit).map { field.subtract(t[$0], field.multiply(x, challenges[$0])) }
        return (ciphertext, RangeProof(challenges: challenges, responses: responses, commitments: commitments))
    }

    /// The 2.1 range-proof hash (`H_q(H_I; 0x24, i, [j,] …)`) without the ciphertext: the Helios mistake.
    static func weakBallotChallenge<G: PrimeOrderGroup>(
        rules: ElectionGuard21<G>, identifierHash: [UInt8], contest: Int, option: Int?, commitments: [G.Element]
    ) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x24)
        input.append(index: UInt32(contest))
        if let option { input.append(index: UInt32(option)) }
        input.append(elements: commitments, of: rules.group)
        return ElectionGuardHash.hashToScalar(key: identifierHash, input, field: rules.group.scalars)
    }

    private func forgeSelection<G: PrimeOrderGroup>(_ group: G) {
        let election = AttackElection(group: group)
        let identifierHash = election.rules.identifierHash(ballotIdentifier: election.ballot.identifier)
        let (ciphertext, proof) = Self.forgeRangeProof(limit: 1, key: election.rules.key) {
            Self.weakBallotChallenge(rules: election.rules, identifierHash: identifierHash, contest: 1, option: 1,
                                     commitments: $0)
        }
        // The forgery is real: a verifier with the weak challenge accepts an encryption of a value outside 0...1.
        #expect(proof.verify(ciphertext: ciphertext, limit: 1, key: election.rules.key) {
            Self.weakBallotChallenge(rules: election.rules, identifierHash: identifierHash, contest: 1, option: 1,
                                     commitments: $0)
        })
        #expect(election.decrypt(ciphertext, upTo: 1000) == nil)
        let forged = election.replacing(option: 0, with: EncryptedSelection(optionIndex: 1, ciphertext: ciphertext,
                                                                            proof: proof))
        #expect(election.validator.problems(of: forged).contains(
            BallotProblem(contestIndex: 1, optionIndex: 1, reason: "the range proof is invalid")))
    }

    private func forgeContestLimit<G: PrimeOrderGroup>(_ group: G) {
        let election = AttackElection(group: group)
        let rules = election.rules
        let identifierHash = rules.identifierHash(ballotIdentifier: election.ballot.identifier)
        let (statement, proof) = Self.forgeRangeProof(limit: 1, key: rules.key) {
            Self.weakBallotChallenge(rules: rules, identifierHash: identifierHash, contest: 1, option: nil,
                                     commitments: $0)
        }
        #expect(proof.verify(ciphertext: statement, limit: 1, key: rules.key) {
            Self.weakBallotChallenge(rules: rules, identifierHash: identifierHash, contest: 1, option: nil,
                                     commitments: $0)
        })
        // The first selection is changed so that the contest's total is the forged statement.
        let contest = election.ballot.contests[0]
        let others = ElGamalCiphertext.sum(contest.selections.dropFirst().map(\.ciphertext), in: group)
        let first = ElGamalCiphertext<G>(alpha: group.divide(statement.alpha, others.alpha),
                                         beta: group.divide(statement.beta, others.beta))
        var selections = contest.selections
        selections[0] = EncryptedSelection(optionIndex: 1, ciphertext: first, proof: selections[0].proof)
        let forged = EncryptedBallot(
            identifier: election.ballot.identifier,
            contests: [EncryptedContest(index: 1, selections: selections, limitProof: proof,
                                        contestHash: contest.contestHash)],
            chainingField: election.ballot.chainingField, confirmationCode: election.ballot.confirmationCode)
        #expect(contest.total(in: group) != statement)
        #expect(forged.contests[0].total(in: group) == statement)
        #expect(election.validator.problems(of: forged).contains(
            BallotProblem(contestIndex: 1, optionIndex: nil, reason: "the contest-limit proof is invalid")))
    }

    private func replayUnderAnotherIdentifier<G: PrimeOrderGroup>(_ group: G) {
        let election = AttackElection(group: group)
        let ballot = election.ballot
        #expect(election.validator.problems(of: ballot).isEmpty)
        let copied = EncryptedBallot(identifier: [UInt8](repeating: 7, count: 32), contests: ballot.contests,
                                     chainingField: ballot.chainingField, confirmationCode: ballot.confirmationCode)
        let problems = election.validator.problems(of: copied)
        for option in 1...3 {
            #expect(problems.contains(BallotProblem(contestIndex: 1, optionIndex: option,
                                                    reason: "the range proof is invalid")))
        }
        #expect(problems.contains(BallotProblem(contestIndex: 1, optionIndex: nil,
                                                reason: "the contest-limit proof is invalid")))
    }

    /// A trustee with share s posts `M ≠ A^s` with a Chaum-Pedersen proof whose challenge hashes only the
    /// commitments: `a = g^u`, `b = A^w` with w ≠ u, `v = u − c·s`, and `M = (b / A^v)^(1/c)`.
    private func forgeDecryption<G: PrimeOrderGroup>(_ group: G) {
        let field = group.scalars
        let share = field.randomNonzero()
        let key = ElGamalPublicKey(group: group, element: group.generatorPower(secret: share))
        let ciphertext = key.encrypt(1, nonce: field.random())
        let domain = Array("election-A".utf8)
        let weak: (G.Element, G.Element) -> Scalar = { a, b in
            field.hashToScalar(domain: ChaumPedersenProof<G>.challengeDomain, [domain, group.encodeAll([a, b])])
        }
        let (u, w) = (field.random(), field.random())
        let a = group.generatorPower(public: u)
        let b = group.power(ciphertext.alpha, public: w)
        let c = weak(a, b)
        let v = field.subtract(u, field.multiply(c, share))
        let wrong = group.power(group.divide(b, group.power(ciphertext.alpha, public: v)), public: field.inverse(c)!)
        let proof = ChaumPedersenProof<G>(challenge: c, response: v)
        #expect(wrong != group.power(ciphertext.alpha, public: share))
        #expect(proof.verify(key: key, base: ciphertext.alpha, result: wrong, challenge: weak))
        // Tabella's challenge binds K, A and M: the share is refused, naming the trustee and the ciphertext.
        let partial = PartialDecryption<G>(trustee: 2, values: [wrong], proofs: [proof])
        #expect(throws: CeremonyError.self) {
            try partial.verify(verificationShare: key, ciphertexts: [ciphertext], domain: domain)
        }
        // So does the ElectionGuard 2.1 challenge (H_E; 0x31, i, j, A, B, a, b, M).
        let rules = ElectionGuard21(key: key, extendedBaseHash: [UInt8](repeating: 3, count: 32))
        #expect(!proof.verify(key: key, base: ciphertext.alpha, result: wrong) {
            rules.decryptionChallenge(contestIndex: 1, optionIndex: 1, ciphertext: ciphertext, a: $0, b: $1,
                                      partial: wrong)
        })
    }

    /// A guardian's coefficient proof made before its commitment: `h = g^r`, `c = H(H_P; 0x10, i, j, h)`, v random,
    /// and then `K = (h / g^v)^(1/c)`. The 2.0 challenge hashes K as well, so the proof fails, and it fails for
    /// another guardian's index too.
    private func forgeSchnorr<G: PrimeOrderGroup>(_ group: G) {
        let field = group.scalars
        let parameterHash = [UInt8](repeating: 5, count: 32)
        let weak: (G.Element) -> Scalar = { h in
            var input = ElectionGuardHashInput(domain: 0x10)
            input.append(index: 1)
            input.append(index: 0)
            input.append(element: h, of: group)
            return ElectionGuardHash.hashToScalar(key: parameterHash, input, field: field)
        }
        let h = group.generatorPower(public: field.random())
        let c = weak(h)
        let v = field.random()
        let commitment = group.power(group.divide(h, group.generatorPower(public: v)), public: field.inverse(c)!)
        let proof = SchnorrProof<G>(challenge: c, response: v)
        #expect(proof.verify(publicKey: commitment, in: group, challenge: weak))
        for guardian in [1, 2] {
            #expect(!proof.verify(publicKey: commitment, in: group) {
                ElectionGuard20<G>.coefficientChallenge(parameterBaseHash: parameterHash, guardian: guardian,
                                                        coefficient: 0, commitment: commitment, proofCommitment: $0,
                                                        in: group)
            })
        }
    }

    /// Participant 3 of a COCKTAIL ceremony publishes a constant-term commitment `C₀` it chose after a challenge
    /// `H(prefix ‖ R ‖ context)` that leaves out the key and the commitments: `C₀ = (g^z / R)^(1/c)`. The real
    /// challenge hashes `R ‖ C₀ ‖ context ‖ C ‖ E`, and round 2 blames participant 3.
    private func forgePossession<Suite: CocktailCiphersuite>(_ suite: Suite) throws {
        let group = suite.group
        let field = group.scalars
        let harness = try CeremonyHarness(suite: suite, threshold: 2, count: 3)
        var messages = try harness.round1()
        let commitment = group.generatorPower(public: field.randomNonzero())
        let c = suite.hashToScalar(Array(suite.challengePrefix.utf8) + group.encode(commitment)
            + harness.setup.context)
        let z = field.random()
        let key = group.power(group.divide(group.generatorPower(public: z), commitment), public: field.inverse(c)!)
        let proof = SchnorrSignature<Suite>(commitment: commitment, response: z)
        // The weak equation holds: g^z = R · C₀^c.
        #expect(group.generatorPower(public: z) == group.multiply(commitment, group.power(key, public: c)))
        let honest = messages[2]
        let forgedCommitment = [key] + honest.commitment.dropFirst()
        let signed = Round1Message<Suite>.possessionMessage(context: harness.setup.context,
                                                            commitment: forgedCommitment,
                                                            ephemeralKey: honest.ephemeralKey, suite: suite)
        #expect(!proof.isValid(for: signed, publicKey: key, suite: suite))
        messages[2] = Round1Message(commitment: forgedCommitment, proofOfPossession: proof,
                                    ephemeralKey: honest.ephemeralKey, encryptedShares: honest.encryptedShares)
        try harness.expectRound2Failure(receiver: 1, messages: messages, code: .invalidProofOfPossession, blaming: 3)
    }
}

/// A one-contest ballot (choose up to 1 of 3, one selected) under fresh 2.1 rules, with its validator.
struct AttackElection<G: PrimeOrderGroup> {
    let secret: Scalar
    let rules: ElectionGuard21<G>
    let ballot: EncryptedBallot<G>
    let validator: BallotValidator<G>

    init(group: G) {
        secret = group.scalars.randomNonzero()
        let element = group.generatorPower(secret: secret)
        let key = ElGamalPublicKey(group: group, element: element)
        let parameterHash = ElectionGuard21.parameterBaseHash(group: group, guardians: 3, quorum: 2)
        let baseHash = ElectionGuard21<G>.baseHash(parameterBaseHash: parameterHash, manifest: Array("m".utf8))
        rules = ElectionGuard21(key: key, extendedBaseHash: ElectionGuard21.extendedBaseHash(
            baseHash: baseHash, voteKey: element, dataKey: element, in: group))
        let contest = PlaintextContest(index: 1, contestLimit: 1, optionLimit: 1, votes: [0, 1, 0])
        ballot = BallotEncryptor(rules: rules).encrypt(
            identifier: [UInt8](repeating: 9, count: 32), contests: [contest],
            ballotNonce: SecureRandom.bytes(count: 32),
            chainingField: rules.chainedField(previous: rules.chainStart(deviceHash: rules.deviceHash("booth"))))
        validator = BallotValidator(rules: rules, contests: [
            ContestRule(index: 1, contestLimit: 1, optionLimit: 1, optionCount: 3),
        ])
    }

    /// σ of `K^σ` in `ciphertext`, if it lies in `0...bound`.
    func decrypt(_ ciphertext: ElGamalCiphertext<G>, upTo bound: UInt64) -> UInt64? {
        rules.key.discreteLog(of: rules.key.exponentialPlaintext(of: ciphertext, secretKey: secret), upTo: bound)
    }

    /// The ballot with the selection at `position` of its contest replaced.
    func replacing(option position: Int, with selection: EncryptedSelection<G>) -> EncryptedBallot<G> {
        let contest = ballot.contests[0]
        var selections = contest.selections
        selections[position] = selection
        return EncryptedBallot(
            identifier: ballot.identifier,
            contests: [EncryptedContest(index: 1, selections: selections, limitProof: contest.limitProof,
                                        contestHash: contest.contestHash)],
            chainingField: ballot.chainingField, confirmationCode: ballot.confirmationCode)
    }
}
