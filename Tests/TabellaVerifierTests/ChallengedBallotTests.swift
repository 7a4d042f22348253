import Foundation
import Testing
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// Steps 12 to 14 on a record with a challenged ballot and its decryption, built with Tabella's 2.0 rules and the
/// election's secret key; each tampered copy fails at the step the specification assigns to the damage.
@Suite("ElectionGuard 2.0 challenged ballots", .serialized)
struct ChallengedBallotTests {
    static let ballot = "\(RecordCopy.ballots)/eballot-challenged-1.json"
    static let decryption = "challenged_ballots/dballot-challenged-1.json"

    /// A copy of the record with ballot id-1 (cast) and a new challenged ballot of two contests, one vote each,
    /// with its decryption (selections and contest data); the tallies are removed, so steps 8 to 11 do not apply.
    static func record() throws -> RecordCopy {
        let copy = try RecordCopy()
        try copy.keepOnlyBallot("eballot-id-1.json")
        for file in ["encrypted_tally.json", "tally.json"] {
            try FileManager.default.removeItem(at: copy.directory.appendingPathComponent(file))
        }
        let election = try RecordElection(copy)
        let group = election.group
        let field = group.scalars
        let rules = election.rules
        let template = try #require(election.record.ballots.first)
        var ballot = try RecordElection.object(copy, "\(RecordCopy.ballots)/eballot-id-1.json")
        let contestObjects = try #require(ballot["contests"] as? [[String: Any]])
        var contests = [[String: Any]]()
        var decrypted = [[String: Any]]()
        var hashes = [[UInt8]]()
        for (position, var contest) in contestObjects.prefix(2).enumerated() {
            let selectionObjects = try #require(contest["selections"] as? [[String: Any]])
            var selections = [[String: Any]]()
            var decryptedSelections = [[String: Any]]()
            var ciphertexts = [ElGamalCiphertext<IntegerGroup>]()
            var nonceSum = field.zero
            for (index, var selection) in selectionObjects.enumerated() {
                let vote = index == 0 ? 1 : 0
                let nonce = field.randomNonzero()
                nonceSum = field.add(nonceSum, nonce)
                let ciphertext = rules.key.encrypt(UInt64(vote), nonce: nonce)
                let proof = RangeProof.prove(ciphertext: ciphertext, value: vote, nonce: nonce, limit: 1,
                                             key: rules.key) {
                    rules.rangeChallenge(ciphertext: ciphertext, commitments: $0)
                }
                selection["encrypted_vote"] = election.json(ciphertext)
                selection["proof"] = election.json(proof)
                selections.append(selection)
                ciphertexts.append(ciphertext)
                let partial = group.power(ciphertext.alpha, secret: election.secret)
                let proofOfM = ChaumPedersenProof.prove(secret: election.secret, base: ciphertext.alpha,
                                                        in: group) {
                    rules.decryptionChallenge(ciphertext: ciphertext, a: $0, b: $1, partial: partial)
                }
                decryptedSelections.append([
                    "selection_id": selection["selection_id"]!, "tally": vote,
                    "b_over_m": election.hex(group.encode(group.divide(ciphertext.beta, partial))),
                    "encrypted_vote": election.json(ciphertext),
                    "proof": election.json(challenge: proofOfM.challenge, response: proofOfM.response),
                ])
            }
            let total = ElGamalCiphertext.sum(ciphertexts, in: group)
            let limit = try #require(contest["votes_allowed"] as? Int)
            let limitProof = RangeProof.prove(ciphertext: total, value: 1, nonce: nonceSum, limit: limit,
                                              key: rules.key) {
                rules.rangeChallenge(ciphertext: total, commitments: $0)
            }
            let hash = rules.contestHash(contestIndex: try #require(contest["sequence_order"] as? Int),
                                         ciphertexts: ciphertexts)
            hashes.append(hash)
            contest["selections"] = selections
            contest["proof"] = election.json(limitProof)
            contest["contest_hash"] = election.hex(hash)
            contests.append(contest)
            // The contest data keeps the template's ciphertext; its decryption is β = C0^s with its proof.
            let data = try #require(template.contests[position].contestData)
            let c0 = try group.decode(data.c0)
            let beta = group.power(c0, secret: election.secret)
            let proof = ChaumPedersenProof.prove(secret: election.secret, base: c0, in: group) {
                rules.contestDataChallenge(c0: c0, c1: data.c1, c2: data.c2, a: $0, b: $1, beta: beta)!
            }
            decrypted.append([
                "contest_id": contest["contest_id"]!, "selections": decryptedSelections,
                "decrypted_contest_data": [
                    "contest_data": ["over_votes": [Int](), "write_ins": [String](), "status": "normal"],
                    "encrypted_contest_data": contest["encrypted_contest_data"]!,
                    "proof": election.json(challenge: proof.challenge, response: proof.response),
                    "beta": election.hex(group.encode(beta)),
                ] as [String: Any],
            ])
        }
        ballot["ballot_id"] = "challenged-1"
        ballot["state"] = "SPOILED"
        ballot["contests"] = contests
        ballot["confirmation_code"] = election.hex(rules.confirmationCode(contestHashes: hashes,
                                                                          aux: election.record.config.baux0))
        try RecordElection.write(ballot, to: Self.ballot, in: copy)
        try RecordElection.write(["id": "challenged-1", "contests": decrypted, "election_id": ballot["election_id"]!],
                                 to: Self.decryption, in: copy)
        return copy
    }

    @Test("a challenged ballot's decryption passes steps 12 to 14, and the rest of the record still verifies")
    func valid() async throws {
        let copy = try Self.record()
        defer { copy.remove() }
        let report = await ElectionGuard20Verifier.verify(directory: copy.directory, jobs: 2)
        #expect(report.isValid, "\(String(describing: report.firstFailure))")
        let byStep = Dictionary(uniqueKeysWithValues: report.steps.map { ($0.step, $0) })
        for step in [1, 2, 3, 4, 5, 6, 7, 12, 13, 14] { #expect(byStep[step]?.status == .passed, "step \(step)") }
        for step in [8, 9, 10, 11] { #expect(byStep[step]?.status == .notApplicable, "step \(step)") }
        #expect(byStep[7]?.checked == 2)
        #expect(byStep[12]?.checked == 10)
        #expect(byStep[13]?.checked == 10)
        #expect(byStep[14]?.checked == 2)
    }

    /// One way of damaging the challenged ballot's decryption: the step that must fail first, its file, and other
    /// conditions that must fail too.
    struct Tampering: Sendable, CustomTestStringConvertible {
        let name: String
        let step: String
        var file = ChallengedBallotTests.decryption
        var alsoFails: [String] = []
        let apply: @Sendable (RecordCopy) throws -> Void
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "a decrypted value T replaced by another option's", step: "12.B", alsoFails: ["13.A"]) {
            let other = try $0.value(decryption, key: "b_over_m", occurrence: 1)
            try $0.replace(decryption, key: "b_over_m") { _ in other }
        },
        Tampering(name: "a changed decryption proof response", step: "12.B") {
            // Occurrence 0 is the first contest's contest-data proof, 1 its first selection's.
            try $0.replace(decryption, key: "response", occurrence: 1) { $0.flippingLastDigit }
        },
        Tampering(name: "a ciphertext other than the ballot's", step: "12") {
            let other = try $0.value(decryption, key: "pad", occurrence: 1)
            try $0.replace(decryption, key: "pad") { _ in other }
        },
        Tampering(name: "a decryption of a cast ballot", step: "12") {
            try $0.replace(decryption, key: "id") { _ in "id-1" }
        },
        Tampering(name: "a challenged ballot without its decryption", step: "12", file: ballot) {
            try FileManager.default.removeItem(at: $0.directory.appendingPathComponent(decryption))
        },
        Tampering(name: "a selection decrypted as 0 instead of 1", step: "13.A") {
            try $0.replaceText(decryption, "\"tally\": 1", "\"tally\": 0")
        },
        Tampering(name: "a second vote in a one-vote contest", step: "13.A", alsoFails: ["13.C"]) {
            try $0.replaceText(decryption, "\"tally\": 0", "\"tally\": 1")
        },
        Tampering(name: "an option label that is not the manifest's", step: "12", alsoFails: ["13.E", "13.F"]) {
            try $0.replaceText(decryption, "\"selection_id\": \"selection2\"", "\"selection_id\": \"selection99\"")
        },
        Tampering(name: "a contest-data decryption β of another contest", step: "14.B") {
            let other = try $0.value(decryption, key: "beta", occurrence: 1)
            try $0.replace(decryption, key: "beta") { _ in other }
        },
        Tampering(name: "a changed contest-data proof challenge", step: "14.B") {
            // The file's keys are sorted: a contest's contest data comes before its selections.
            try $0.replace(decryption, key: "challenge") { $0.flippingLastDigit }
        },
    ]

    @Test("a tampered challenged-ballot decryption fails at the right step", arguments: tamperings)
    func tampered(_ tampering: Tampering) async throws {
        let copy = try Self.record()
        defer { copy.remove() }
        try tampering.apply(copy)
        let report = try await copy.expectFirstFailure(step: tampering.step, file: tampering.file,
                                                       alsoFails: tampering.alsoFails)
        for step in 1...11 {
            #expect(report.steps.first { $0.step == step }?.status != .failed, "step \(step) must not fail")
        }
    }
}
