import Testing
import TabellaCrypto
import TabellaGroups

/// Ballots that Tabella encrypts under the 2.1 rules pass its own check in every group; altered ones do not.
@Suite("Ballot encryption round trip")
struct BallotRoundTripTests {
    @Test("integer-4096") func integer() throws { try check(IntegerGroup.electionGuard) }
    @Test("ristretto255") func ristretto() throws { try check(Ristretto255()) }
    @Test("p256") func p256() throws { try check(P256()) }

    private func check<G: PrimeOrderGroup>(_ group: G) throws {
        let field = group.scalars
        let secret = field.randomNonzero()
        let element = group.generatorPower(secret: secret)
        let key = ElGamalPublicKey(group: group, element: element)
        let parameterHash = ElectionGuard21.parameterBaseHash(group: group, guardians: 3, quorum: 2)
        let baseHash = ElectionGuard21<G>.baseHash(parameterBaseHash: parameterHash, manifest: Array("m".utf8))
        let extended = ElectionGuard21.extendedBaseHash(baseHash: baseHash, voteKey: element, dataKey: element,
                                                        in: group)
        let rules = ElectionGuard21(key: key, extendedBaseHash: extended)
        let contests = [
            PlaintextContest(index: 1, contestLimit: 1, optionLimit: 1, votes: [0, 1, 0]),
            PlaintextContest(index: 2, contestLimit: 2, optionLimit: 2, votes: [0, 0]),
            PlaintextContest(index: 3, contestLimit: 3, optionLimit: 2, votes: [2, 1]),
            // A minimum total: the contest-limit statement is the total shifted down by m.
            PlaintextContest(index: 4, contestLimit: 2, minimumTotal: 1, optionLimit: 1, votes: [1, 0, 1]),
        ]
        let device = rules.deviceHash("booth 7")
        let first = rules.chainStart(deviceHash: device)
        let ballot = BallotEncryptor(rules: rules).encrypt(
            identifier: [UInt8](repeating: 9, count: 32), contests: contests,
            ballotNonce: SecureRandom.bytes(count: 32),
            chainingField: rules.chainedField(previous: first))
        let validator = BallotValidator(rules: rules, contests: contests.map {
            ContestRule(index: $0.index, contestLimit: $0.contestLimit, minimumTotal: $0.minimumTotal,
                        optionLimit: $0.optionLimit, optionCount: $0.votes.count)
        })
        #expect(validator.problems(of: ballot).isEmpty)
        // The binary encoding (elements in the group's bulk encoding) reads back to a ballot that encodes the same
        // and passes the same checks.
        let bytes = ballot.encoded(in: group)
        let elementCount = contests.reduce(0) {
            $0 + $1.votes.count * (2 + 2 * ($1.optionLimit + 1)) + 2 * ($1.contestLimit + 1)
        }
        #expect(bytes.count > elementCount * group.bulkElementByteCount)
        let decoded = try EncryptedBallot(decoding: bytes, in: group)
        #expect(decoded.encoded(in: group) == bytes)
        #expect(validator.problems(of: decoded).isEmpty)
        // Decrypting with the secret key gives the votes back.
        for (contest, plain) in zip(ballot.contests, contests) {
            let votes = contest.selections.map {
                key.discreteLog(of: key.exponentialPlaintext(of: $0.ciphertext, secretKey: secret), upTo: 5)
            }
            #expect(votes == plain.votes.map { UInt64($0) })
        }

        // A changed ciphertext breaks its range proof, the contest-limit proof and the contest hash.
        var contest = ballot.contests[0]
        var selection = contest.selections[1]
        let changed = key.reencrypt(selection.ciphertext, nonce: field.randomNonzero())
        selection = EncryptedSelection(optionIndex: 2, ciphertext: changed, proof: selection.proof)
        contest = EncryptedContest(index: 1, selections: [contest.selections[0], selection, contest.selections[2]],
                                   limitProof: contest.limitProof, contestHash: contest.contestHash)
        let altered = EncryptedBallot(identifier: ballot.identifier,
                                      contests: [contest] + ballot.contests.dropFirst(),
                                      chainingField: ballot.chainingField, confirmationCode: ballot.confirmationCode)
        let problems = validator.problems(of: altered)
        #expect(problems.contains(BallotProblem(contestIndex: 1, optionIndex: 2, reason: "the range proof is invalid")))
        #expect(problems.contains(BallotProblem(contestIndex: 1, optionIndex: nil,
                                                reason: "the contest-limit proof is invalid")))
        #expect(problems.contains(BallotProblem(contestIndex: 1, optionIndex: nil,
                                                reason: "the contest hash is wrong")))
        // A different chaining field changes the confirmation code.
        let rechained = EncryptedBallot(identifier: ballot.identifier, contests: ballot.contests,
                                        chainingField: rules.unchainedField(deviceHash: device),
                                        confirmationCode: ballot.confirmationCode)
        #expect(validator.problems(of: rechained)
            == [BallotProblem(contestIndex: nil, optionIndex: nil, reason: "the confirmation code is wrong")])
        // Contest rules that do not match the ballot.
        let strict = BallotValidator(rules: rules, contests: [ContestRule(index: 1, contestLimit: 1, optionLimit: 1,
                                                                           optionCount: 3)])
        #expect(!strict.problems(of: ballot).isEmpty)
    }
}
