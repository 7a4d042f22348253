import Foundation
import TabellaGroups
@testable import TabellaRecord
import TabellaTestSupport
@testable import TabellaVerifier
import Testing

/// A ballot made here for the election of `single.bel` passes step 6 when its proofs hash Belenios's statements,
/// and fails when they hash only their commitments, as Helios's weak Fiat-Shamir did.
@Suite("Belenios ballots: the Fiat-Shamir statement")
struct BeleniosWeakHashTests {
    typealias Element = IntegerGroup.Element

    /// A voter of the `single.bel` election with a credential made here.
    struct Voter {
        let election: BeleniosElection
        let proofs: BeleniosProofs
        let secret: Scalar
        let credential: String

        init() throws {
            let archive = try BeleniosArchiveEdit("single.bel")
            let text = archive.members[archive.member(containing: "\"questions\"")].text
            election = try BeleniosElection(bytes: Array(text.utf8), file: "election")
            let group = BeleniosGroups.belenios2048
            proofs = BeleniosProofs(group: group,
                                    publicKey: try BeleniosProofs.element(election.publicKey, "key", in: group),
                                    fingerprint: election.fingerprint)
            secret = group.scalars.randomNonzero()
            credential = DecimalInteger.text(group.encode(group.generatorPower(secret: secret)))
        }

        /// A disjunctive proof that `(alpha, beta)` encrypts the `real`-th case, with the challenge hashing
        /// `statement` of the commitments.
        func prove(_ cases: [(alpha: Element, beta: Element, value: Int)], real: Int, randomness: Scalar,
                   statement: (String) -> String) -> [BeleniosProof] {
            let group = proofs.group
            let scalars = group.scalars
            var challenges = scalars.random(count: cases.count)
            var responses = scalars.random(count: cases.count)
            let nonce = scalars.random()
            var commitments = [String]()
            for (index, statementCase) in cases.enumerated() {
                if index == real {
                    commitments += [proofs.text(group.generatorPower(secret: nonce)),
                                    proofs.text(group.power(proofs.publicKey, secret: nonce))]
                } else {
                    let shifted = group.divide(statementCase.beta, proofs.encoded(statementCase.value))
                    commitments += [
                        proofs.text(group.multiPower([group.generator, statementCase.alpha],
                                                     [responses[index], challenges[index]])),
                        proofs.text(group.multiPower([proofs.publicKey, shifted],
                                                     [responses[index], challenges[index]])),
                    ]
                }
            }
            var challenge = proofs.challenge(statement(commitments.joined(separator: ",")))
            for index in cases.indices where index != real {
                challenge = scalars.subtract(challenge, challenges[index])
            }
            challenges[real] = challenge
            responses[real] = scalars.subtract(nonce, scalars.multiply(randomness, challenge))
            return zip(challenges, responses).map {
                BeleniosProof(challenge: DecimalInteger.text(scalars.encode($0)),
                              response: DecimalInteger.text(scalars.encode($1)))
            }
        }

        /// A signed ballot for `votes` (one question of three answers, at most one chosen); with `weak`, every proof
        /// hashes only its commitments.
        func ballot(_ votes: [Int], weak: Bool) throws -> [UInt8] {
            let group = proofs.group
            let scalars = group.scalars
            let randomness = scalars.random(count: votes.count)
            let ciphertexts = zip(votes, randomness).map { vote, r in
                (alpha: group.generatorPower(secret: r),
                 beta: group.multiply(group.power(proofs.publicKey, secret: r), proofs.encoded(vote)))
            }
            let texts = ciphertexts.map { (proofs.text($0.alpha), proofs.text($0.beta)) }
            let prefix = "\(election.fingerprint)|\(credential)"
            let individual = zip(zip(ciphertexts, texts), zip(votes, randomness)).map { pair, secret in
                prove([(pair.0.alpha, pair.0.beta, 0), (pair.0.alpha, pair.0.beta, 1)], real: secret.0,
                      randomness: secret.1) { weak ? $0 : "prove|\(prefix)|\(pair.1.0),\(pair.1.1)|\($0)" }
            }
            let sum = (group.product(ciphertexts.map(\.alpha)), group.product(ciphertexts.map(\.beta)))
            let statement = prefix + "|" + texts.map { "\($0.0),\($0.1)" }.joined(separator: ",")
            let overall = prove([(sum.0, sum.1, 0), (sum.0, sum.1, 1)], real: votes.reduce(0, +),
                                randomness: randomness.reduce(scalars.zero, scalars.add)) {
                weak ? $0 : "prove|\(statement)|\(proofs.text(sum.0)),\(proofs.text(sum.1))|\($0)"
            }
            func json(_ proofs: [BeleniosProof]) -> String {
                "[" + proofs.map { "{\"challenge\":\"\($0.challenge)\",\"response\":\"\($0.response)\"}" }
                    .joined(separator: ",") + "]"
            }
            let answer = "{\"choices\":[" + texts.map { "{\"alpha\":\"\($0.0)\",\"beta\":\"\($0.1)\"}" }
                .joined(separator: ",") + "],\"individual_proofs\":[" + individual.map(json).joined(separator: ",")
                + "],\"overall_proof\":" + json(overall) + "}"
            let unsigned = "{\"election_uuid\":\"\(election.uuid)\",\"election_hash\":\"\(election.fingerprint)\","
                + "\"credential\":\"\(credential)\",\"answers\":[\(answer)]}"
            let hash = BeleniosElection.fingerprint(Array(unsigned.utf8))
            let nonce = scalars.random()
            let commitment = proofs.text(group.generatorPower(secret: nonce))
            let challenge = proofs.challenge("sig|\(hash)|\(commitment)")
            let response = scalars.subtract(nonce, scalars.multiply(secret, challenge))
            let signed = String(unsigned.dropLast()) + ",\"signature\":{\"hash\":\"\(hash)\",\"proof\":"
                + "{\"challenge\":\"\(DecimalInteger.text(scalars.encode(challenge)))\",\"response\":"
                + "\"\(DecimalInteger.text(scalars.encode(response)))\"}}}"
            return Array(signed.utf8)
        }

        /// Step 6's verdict on a ballot.
        func check(_ bytes: [UInt8]) -> Result<BeleniosRun.CheckedBallot, BallotRejection> {
            let member = BeleniosArchive.Member(name: "ballot", hash: "", kind: .data, bytes: bytes, position: 0)
            let context = BallotContext(proofs: proofs, election: election, credentials: [credential])
            return context.check(height: 1, member: member)
        }
    }

    @Test("proofs over Belenios's statements pass; the same ballot with weak hashes fails at its first proof")
    func weakHashFails() throws {
        let voter = try Voter()
        if case .failure(let rejection) = voter.check(try voter.ballot([0, 1, 0], weak: false)) {
            Issue.record("a correct ballot was rejected: \(rejection.reason)")
        }
        guard case .failure(let rejection) = voter.check(try voter.ballot([0, 1, 0], weak: true)) else {
            Issue.record("a ballot with weak Fiat-Shamir hashes was accepted")
            return
        }
        #expect(rejection.condition == "proof")
        #expect(rejection.reason.contains("answer 0 choice 0's individual proof does not verify"))
    }
}
