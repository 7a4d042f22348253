import Foundation
import TabellaGroups
import TabellaRecord
import TabellaTestSupport
@testable import TabellaVerifier
import Testing

/// The Belenios archives made by `belenios-tool` verify, and altered copies are rejected at the step named.
@Suite("Belenios archive verification")
struct BeleniosVerifierTests {
    /// The verification report of `url`.
    private func verify(_ url: URL) async -> VerificationReport {
        await BeleniosVerifier.verify(url: url, jobs: 2)
    }

    /// The report of an edited copy of `vector`, rehashed so that only the edit is wrong.
    private func verifyEdited(_ vector: String, rehash: Bool = true,
                              _ edit: (inout BeleniosArchiveEdit) -> Void) async throws -> VerificationReport {
        var archive = try BeleniosArchiveEdit(vector)
        edit(&archive)
        if rehash { archive.rehash() }
        return await verify(try archive.write())
    }

    @Test("belenios-tool's archives verify: threshold trustees with a single key, and weighted single keys",
          arguments: ["threshold.bel", "single.bel"])
    func shippedArchivesVerify(vector: String) async throws {
        let report = await verify(VectorFiles.url("belenios/\(vector)"))
        #expect(report.isValid, "\(String(describing: report.firstFailure))")
        #expect(report.steps.count == 10)
        #expect(report.steps.allSatisfy { $0.status == .passed })
    }

    @Test("the threshold archive counts the revote once and decrypts with two of three Pedersen trustees")
    func thresholdCounts() async throws {
        let report = await verify(VectorFiles.url("belenios/threshold.bel"))
        #expect(report.steps[5].checked == 5)
        #expect(report.steps[6].checked == 4)
        #expect(report.steps[2].checked == 4)
        #expect(report.steps[8].checked == 18)
    }

    @Test("the archive rewritten unchanged by the test's editor still verifies (the editor breaks nothing)")
    func unchangedCopyVerifies() async throws {
        let report = try await verifyEdited("threshold.bel") { _ in }
        #expect(report.isValid)
    }

    @Test("an individual proof swapped: step 6, the ballot's proof")
    func individualProof() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            archive.swapProof(occurrence: 0, at: archive.payload(ofEvent: 1)!)
        }
        #expect(report.firstFailure?.step == "6.proof")
        #expect(report.firstFailure?.object == "event 1 (Ballot)")
        #expect(report.firstFailure?.reason.contains("answer 0 choice 0's individual proof") == true)
    }

    @Test("an overall proof swapped: step 6, the overall proof")
    func overallProof() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            archive.swapProof(occurrence: 4, at: archive.payload(ofEvent: 2)!)
        }
        #expect(report.firstFailure?.step == "6.proof")
        #expect(report.firstFailure?.reason.contains("answer 0's overall proof") == true)
    }

    @Test("a blank proof swapped: step 6, the blank proof")
    func blankProof() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            archive.swapProof(occurrence: 17, at: archive.payload(ofEvent: 3)!)
        }
        #expect(report.firstFailure?.step == "6.proof")
        #expect(report.firstFailure?.reason.contains("answer 1's blank proof") == true)
    }

    @Test("a ballot's ciphertext changed (alpha and beta swapped): step 6")
    func ciphertext() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            let position = archive.payload(ofEvent: 1)!
            let text = archive.members[position].text
            let alpha = BeleniosArchiveEdit.field("alpha", in: text)!
            let beta = BeleniosArchiveEdit.field("beta", in: text)!
            archive.replace("{\"alpha\":\"\(alpha)\",\"beta\":\"\(beta)\"}",
                            with: "{\"alpha\":\"\(beta)\",\"beta\":\"\(alpha)\"}", at: position)
        }
        #expect(report.firstFailure?.step == "6.proof")
        #expect(report.firstFailure?.object == "event 1 (Ballot)")
    }

    @Test("a ballot's signature swapped: step 6, the signature")
    func signature() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            archive.swapProof(occurrence: 19, at: archive.payload(ofEvent: 4)!)
        }
        #expect(report.firstFailure?.step == "6.signature")
        #expect(report.firstFailure?.object == "event 4 (Ballot)")
    }

    @Test("a single trustee's proof of knowledge swapped: step 3")
    func singleTrusteeKey() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            archive.swapProof(occurrence: 0, at: archive.member(containing: "[[\"Single\""))
        }
        #expect(report.firstFailure?.step == "3")
        #expect(report.firstFailure?.object == "$[0]")
        #expect(report.firstFailure?.reason.contains("trustee 1's key's proof of knowledge") == true)
    }

    @Test("a Pedersen trustee's signed polynomial commitments and verification key: step 3",
          arguments: [(4, "trustee 2's signature"), (8, "trustee 3's verification key's proof")])
    func pedersenTrustee(occurrence: Int, named: String) async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            archive.swapProof(occurrence: occurrence, at: archive.member(containing: "[[\"Single\""))
        }
        #expect(report.firstFailure?.step == "3")
        #expect(report.firstFailure?.object == "$[1]")
        #expect(report.firstFailure?.reason.contains(named) == true)
    }

    @Test("the election key replaced by a trustee's key: step 4")
    func electionKey() async throws {
        let report = try await verifyEdited("single.bel") { archive in
            let trustees = archive.members[archive.member(containing: "[[\"Single\"")].text
            let key = BeleniosArchiveEdit.field("public_key", in: trustees)!
            let election = archive.member(containing: "\"questions\"")
            let old = BeleniosArchiveEdit.field("public_key", in: archive.members[election].text)!
            archive.replace(old, with: key, at: election)
        }
        #expect(report.firstFailure?.step == "4")
        #expect(report.steps[5].failures.first?.step == "6.election")
    }

    @Test("a credential outside the order-q subgroup (p − 1): step 5")
    func credentialOutsideSubgroup() async throws {
        let report = try await verifyEdited("single.bel") { archive in
            let position = archive.member(containing: ",2\"")
            let credential = archive.members[position].text.dropFirst(2).prefix { $0 != "," }
            let p = DecimalInteger.text(BeleniosGroups.belenios2048.modulus)
            let pMinusOne = String(p.dropLast()) + String(Int(String(p.last!))! - 1)
            archive.replace(String(credential), with: pMinusOne, at: position)
        }
        #expect(report.firstFailure?.step == "5")
        #expect(report.firstFailure?.reason.contains("subgroup") == true)
    }

    @Test("a ballot dropped (the chain rebuilt without it): step 7, the counts")
    func droppedBallot() async throws {
        let report = try await verifyEdited("single.bel") { archive in archive.removeEvent(1) }
        #expect(report.steps[0].status == .passed)
        #expect(report.firstFailure?.step == "7.count")
    }

    @Test("a ballot replayed by a second event: step 7, the replay")
    func replayedBallot() async throws {
        let report = try await verifyEdited("single.bel") { archive in archive.repeatEvent(3) }
        #expect(report.steps[0].status == .passed)
        #expect(report.firstFailure?.step == "7.replay")
        #expect(report.firstFailure?.reason == "replays the ballot of event 3")
    }

    @Test("two ciphertexts of the encrypted tally swapped: step 8")
    func tallyCiphertexts() async throws {
        let report = try await verifyEdited("single.bel") { archive in
            let position = archive.member(containing: "[[{\"alpha\"")
            let text = archive.members[position].text
            let first = BeleniosArchiveEdit.field("alpha", in: text, occurrence: 0)!
            let second = BeleniosArchiveEdit.field("alpha", in: text, occurrence: 1)!
            archive.replace(first, with: "FIRST", at: position)
            archive.replace(second, with: first, at: position)
            archive.replace("FIRST", with: second, at: position)
        }
        #expect(report.firstFailure?.step == "8.product")
        #expect(report.firstFailure?.object == "$[0][0]")
    }

    @Test("a partial decryption's proof swapped: step 9")
    func partialDecryptionProof() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in
            let owned = archive.members[archive.payload(ofEvent: 8)!].text
            let hash = BeleniosArchiveEdit.field("payload", in: owned)!
            archive.swapProof(occurrence: 3, at: archive.members.firstIndex { $0.hash == hash }!)
        }
        #expect(report.firstFailure?.step == "9.proof")
        #expect(report.firstFailure?.object == "event 8 (PartialDecryption) $[1][1]")
    }

    @Test("a Pedersen trustee's partial decryption removed, leaving one of two: step 10")
    func missingThresholdDecryption() async throws {
        let report = try await verifyEdited("threshold.bel") { archive in archive.removeEvent(9) }
        #expect(report.firstFailure?.step == "10.decryptions")
        #expect(report.firstFailure?.reason.contains("1 valid partial decryptions; 2 are needed") == true)
    }

    @Test("the result changed: step 10")
    func result() async throws {
        let report = try await verifyEdited("single.bel") { archive in
            archive.replace("{\"result\":[[1,5,0]]}", with: "{\"result\":[[1,4,1]]}",
                            at: archive.member(containing: "{\"result\""))
        }
        #expect(report.firstFailure?.step == "10.count")
        #expect(report.steps[9].failures.count == 2)
    }

    @Test("an event's parent pointing two events back: step 1, the chain")
    func chainLink() async throws {
        var archive = try BeleniosArchiveEdit("threshold.bel")
        let grandparent = archive.members[archive.event(2)].hash
        let parent = archive.members[archive.event(3)].hash
        archive.replace("\"parent\":\"\(parent)\"", with: "\"parent\":\"\(grandparent)\"", at: archive.event(4))
        archive.rehash(relinking: false)
        let report = await verify(try archive.write())
        #expect(report.firstFailure?.step == "1.chain")
        #expect(report.firstFailure?.object == "event 4 (Ballot)")
    }

    @Test("a member whose contents no longer hash to its name: step 1, the hash")
    func memberHash() async throws {
        let report = try await verifyEdited("single.bel", rehash: false) { archive in
            archive.replace("[[1,5,0]]", with: "[[1,4,1]]", at: archive.member(containing: "{\"result\""))
        }
        #expect(report.firstFailure?.step == "1.hash")
    }

    @Test("an archive ending during voting passes, its tally steps not applicable")
    func duringVoting() async throws {
        let report = try await verifyEdited("single.bel") { archive in
            for height in (4...8).reversed() { archive.removeEvent(height) }
        }
        #expect(report.isValid)
        #expect(report.steps[5].status == .passed)
        #expect(report.steps[7...9].allSatisfy { $0.status == .notApplicable })
    }

    @Test("not a tar, or an election with a non-homomorphic question: an import failure")
    func importFailures() async throws {
        let scratch = ScratchDirectory.make("belenios").appendingPathComponent("junk.bel")
        try Data("not an archive".utf8).write(to: scratch)
        #expect(await verify(scratch).importFailure != nil)
        let report = try await verifyEdited("single.bel") { archive in
            archive.replace("\"questions\":[{", with: "\"questions\":[{\"type\":\"NonHomomorphic\",",
                            at: archive.member(containing: "\"questions\""))
        }
        #expect(report.importFailure?.reason.contains("unsupported") == true)
    }
}
