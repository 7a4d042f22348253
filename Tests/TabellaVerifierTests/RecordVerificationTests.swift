import Foundation
import Testing
import TabellaRecord
import TabellaTestSupport
import TabellaVerifier

/// The shared ElectionGuard 2.0 record verifies completely, and each tampered copy fails at the step the
/// specification assigns to the damage.
@Suite("ElectionGuard 2.0 record verification", .serialized)
struct RecordVerificationTests {
    private static let ballotFile = "\(RecordCopy.ballots)/eballot-id-1.json"
    private static let keys = "election_initialized.json"

    @Test("the shared record passes every applicable step")
    func original() async throws {
        let directory = VectorFiles.url("electionguard-2.0/allAvailableJson")
        let report = await ElectionGuard20Verifier.verify(directory: directory, jobs: 2)
        #expect(report.importFailure == nil)
        #expect(report.isValid)
        let byStep = Dictionary(uniqueKeysWithValues: report.steps.map { ($0.step, $0) })
        for step in 1...10 { #expect(byStep[step]?.status == .passed, "step \(step)") }
        for step in 11...18 { #expect(byStep[step]?.status == .notApplicable, "step \(step)") }
        #expect(byStep[2]?.checked == 9)
        #expect(byStep[5]?.checked == 11 * 20 * 5)
        #expect(byStep[6]?.checked == 11 * 20)
        #expect(byStep[7]?.checked == 11)
        #expect(byStep[8]?.checked == 100)
        #expect(byStep[9]?.checked == 100)
    }

    /// One way of damaging the record, and the step (or step prefix) and file that must report it first.
    ///
    /// To keep the tests short, a copy may first be cut down to what the damaged step needs, where this cannot
    /// make an earlier step fail: damage to ballot id-1 keeps only that ballot (steps 5 to 7 come before the
    /// aggregation of step 8, which then fails too), and damage to the decrypted tally keeps no ballots and no
    /// encrypted tally (steps 5 to 8 are then not applicable), and so does damage to steps 1 to 4, which read no
    /// ballot.
    struct Tampering: Sendable, CustomTestStringConvertible {
        enum Scope: Sendable {
            case wholeRecord, firstBallot, decryptedTally
        }

        let name: String
        let step: String
        let file: String
        var scope = Scope.wholeRecord
        let apply: @Sendable (RecordCopy) throws -> Void
        var testDescription: String { name }
    }

    static let tamperings: [Tampering] = [
        Tampering(name: "a changed selection ciphertext", step: "5.D", file: ballotFile, scope: .firstBallot) {
            let other = try $0.value(ballotFile, key: "pad", occurrence: 1)
            try $0.replace(ballotFile, key: "pad") { _ in other }
        },
        Tampering(name: "a changed proof challenge", step: "5.D", file: ballotFile, scope: .firstBallot) {
            try $0.replace(ballotFile, key: "challenge") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed proof response", step: "5.D", file: ballotFile, scope: .firstBallot) {
            try $0.replace(ballotFile, key: "response", occurrence: 1) { $0.flippingLastDigit }
        },
        Tampering(name: "a changed contest-limit proof", step: "6.D", file: ballotFile, scope: .firstBallot) {
            // Occurrences 0-9 are the five selections' proofs of contest 1; 10 is its contest-limit proof.
            try $0.replace(ballotFile, key: "challenge", occurrence: 10) { $0.flippingLastDigit }
        },
        Tampering(name: "a changed guardian commitment", step: "2.C", file: keys, scope: .decryptedTally) {
            let other = try $0.value("election_initialized.json", key: "public_key", occurrence: 2)
            try $0.replace("election_initialized.json", key: "public_key", occurrence: 1) { _ in other }
        },
        Tampering(name: "a changed guardian proof", step: "2.C", file: keys, scope: .decryptedTally) {
            try $0.replace("election_initialized.json", key: "response", occurrence: 4) { $0.flippingLastDigit }
        },
        Tampering(name: "a changed joint key", step: "3.B", file: "election_initialized.json", scope: .decryptedTally) {
            let first = try $0.value("election_initialized.json", key: "public_key")
            try $0.replace("election_initialized.json", key: "joint_public_key") { _ in first }
        },
        Tampering(name: "a changed base hash", step: "1.H", file: "election_config.json", scope: .decryptedTally) {
            try $0.replace("election_config.json", key: "election_base_hash") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed extended base hash", step: "4.A", file: keys, scope: .decryptedTally) {
            try $0.replace("election_initialized.json", key: "extended_base_hash") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed manifest", step: "1.G", file: "election_config.json", scope: .decryptedTally) {
            try $0.replaceText("manifest.json", "\"ballot_title\": \"title\"", "\"ballot_title\": \"titles\"")
        },
        Tampering(name: "a changed confirmation code", step: "7.B", file: ballotFile, scope: .firstBallot) {
            try $0.replace(ballotFile, key: "confirmation_code") { $0.flippingLastDigit }
        },
        Tampering(name: "a changed tally count", step: "10.A", file: "tally.json", scope: .decryptedTally) {
            try $0.replaceText("tally.json", "\"tally\": 2,", "\"tally\": 3,")
        },
        Tampering(name: "a changed decryption (T = B/M)", step: "9.B", file: "tally.json", scope: .decryptedTally) {
            let other = try $0.value("tally.json", key: "b_over_m", occurrence: 1)
            try $0.replace("tally.json", key: "b_over_m") { _ in other }
        },
        Tampering(name: "a changed decryption proof", step: "9.B", file: "tally.json", scope: .decryptedTally) {
            try $0.replace("tally.json", key: "challenge") { $0.flippingLastDigit }
        },
        Tampering(name: "a duplicated ballot", step: "7.C", file: "\(RecordCopy.ballots)/eballot-id-9x.json") {
            try $0.keepOnlyBallot("eballot-id-1.json")
            try $0.write("\(RecordCopy.ballots)/eballot-id-9x.json", try $0.text(ballotFile))
        },
        Tampering(name: "a ballot removed from the aggregation", step: "8", file: "encrypted_tally.json") {
            // Ten of the eleven ballots are removed, the tally left as it was.
            try $0.keepOnlyBallot("eballot-id-2.json")
        },
        Tampering(name: "selections swapped between contests", step: "6.D", file: ballotFile, scope: .firstBallot) {
            // The first selection of contest 1 and the first of contest 2 exchange ciphertexts and proofs.
            let text = try $0.text(ballotFile)
            let first = try Self.selectionBody(text, id: "selection1")
            let second = try Self.selectionBody(text, id: "selection6")
            let swapped = text.replacingOccurrences(of: first, with: "@@FIRST@@")
                .replacingOccurrences(of: second, with: first).replacingOccurrences(of: "@@FIRST@@", with: second)
            try $0.write(ballotFile, swapped)
        },
        Tampering(name: "an element outside the subgroup", step: "5.A", file: ballotFile, scope: .firstBallot) {
            // p - 1 (p ends in F) has order 2.
            let modulus = try $0.value("constants.json", key: "large_prime")
            try $0.replace(ballotFile, key: "data") { _ in String(modulus.dropLast()) + "E" }
        },
        Tampering(name: "an exponent out of range", step: "5.C", file: ballotFile, scope: .firstBallot) {
            try $0.replace(ballotFile, key: "response") { _ in String(repeating: "F", count: 64) }
        },
        Tampering(name: "a truncated ballot file", step: "import", file: ballotFile, scope: .firstBallot) {
            let text = try $0.text(ballotFile)
            try $0.write(ballotFile, String(text.prefix(text.count / 2)))
        },
        Tampering(name: "an unknown field", step: "import", file: "election_config.json", scope: .decryptedTally) {
            try $0.replaceText("election_config.json", "\"quorum\": 3,", "\"quorum\": 3,\n    \"quorun\": 3,")
        },
    ]

    /// The text of one selection object, from its `selection_id` to its proof's end, for swapping.
    static func selectionBody(_ text: String, id: String) throws -> String {
        guard let start = text.range(of: "\"selection_id\": \"\(id)\""),
              let proof = text.range(of: "\"proof\"", range: start.upperBound..<text.endIndex),
              let end = text.range(of: "]", range: proof.upperBound..<text.endIndex)
        else { throw RecordCopy.CopyError(description: "selection \(id) not found") }
        let body = text[start.upperBound..<end.upperBound]
        guard let pad = body.range(of: "\"encrypted_vote\"") else {
            throw RecordCopy.CopyError(description: "selection \(id) has no ciphertext")
        }
        return String(body[pad.lowerBound...])
    }

    @Test("a tampered record fails at the right step", arguments: tamperings)
    func tampered(_ tampering: Tampering) async throws {
        let copy = try RecordCopy()
        defer { copy.remove() }
        switch tampering.scope {
        case .wholeRecord: break
        case .firstBallot: try copy.keepOnlyBallot("eballot-id-1.json")
        case .decryptedTally: try copy.keepOnlyDecryptedTally()
        }
        try tampering.apply(copy)
        let report = await ElectionGuard20Verifier.verify(directory: copy.directory, jobs: 2)
        #expect(!report.isValid)
        let failure = try #require(report.firstFailure)
        #expect(failure.step == tampering.step || failure.step.hasPrefix(tampering.step + "."), "\(failure)")
        #expect(failure.file == tampering.file, "\(failure)")
    }
}
