import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier
import Testing

@Suite struct TallyRejectionTests {
    @Test func aDecryptionShareWithABadProofIsRefusedAndFlagged() async throws {
        let test = try await TestElection.open()
        try await test.closeTallyAndDecrypt(present: [1])
        let share = try test.trustees[1].decryptionShare(try await test.view(), secretShare: test.shares[2]!)
        var post = try PayloadCoding.decode(DecryptionSharePost.self, from: share.payload, type: .decryptionShare)
        let wrong = try test.trustees[1].decryptionShare(try await test.view(), secretShare: test.shares[3]!)
        let wrongPost = try PayloadCoding.decode(DecryptionSharePost.self, from: wrong.payload, type: .decryptionShare)
        post = DecryptionSharePost(participant: 2, values: wrongPost.values.map(Array.init),
                                   proofs: post.proofs.map(Array.init))
        let bad = try TestElection.resigned(share, by: test.trustees[1].boardKey, payload: PayloadCoding.encode(post))
        try await expectRefused(bad, by: test, containing: "the proof of trustee 2 for ciphertext 1 does not verify")
        try await expectFlagged([bad], by: test, at: .decryption)
        try await test.append(share)
        let result = try test.authority.result(try await test.view())
        try await test.append(result)
        #expect(try await test.view().ledger.phase == .decided)
    }

    @Test func aResultThatDoesNotMatchTheAggregationIsRefusedAndFlagged() async throws {
        let test = try await TestElection.open()
        try await test.closeTallyAndDecrypt()
        let honest = try test.authority.result(try await test.view())
        let post = try PayloadCoding.decode(ResultPost.self, from: honest.payload, type: .result)
        var counts = post.counts
        counts[0][0] += 1
        let inflated = try TestElection.resigned(honest, by: test.authority.key, payload: PayloadCoding.encode(
            ResultPost(counts: counts, decisions: post.decisions, trustees: post.trustees)))
        try await expectRefused(inflated, by: test, containing: "is not what the trustees' shares decrypt")
        try await expectFlagged([inflated], by: test, at: .result)
        var decisions = post.decisions
        decisions[0] = ContestDecision(contest: "pick", outcome: .tie, turnoutWeight: decisions[0].turnoutWeight,
                                       eligibleWeight: decisions[0].eligibleWeight, votes: decisions[0].votes,
                                       elected: [])
        let misdecided = try TestElection.resigned(honest, by: test.authority.key, payload: PayloadCoding.encode(
            ResultPost(counts: post.counts, decisions: decisions, trustees: post.trustees)))
        try await expectRefused(misdecided, by: test, containing: "is not the one its rule gives")
    }

    @Test func aTallyThatIsNotTheWeightedProductIsRefusedAndFlagged() async throws {
        let test = try await TestElection.open()
        for index in 0..<2 {
            try await test.append(try test.voter(index).ballot(try await test.view(), choices: [[1, 0, 0]]).entry)
        }
        try await test.append(try test.authority.close(try await test.view()))
        let honest = try test.authority.tally(try await test.view())
        let post = try PayloadCoding.decode(TallyPost.self, from: honest.payload, type: .tally)
        var ciphertexts = post.ciphertexts.map { $0.map(Array.init) }
        ciphertexts[0].swapAt(0, 1)
        let swapped = try TestElection.resigned(honest, by: test.authority.key, payload: PayloadCoding.encode(
            TallyPost(counted: post.counted, turnoutWeight: post.turnoutWeight, ciphertexts: ciphertexts)))
        try await expectRefused(swapped, by: test, containing: "not the weighted product")
        try await expectFlagged([swapped], by: test, at: .aggregation)
        // Weights: voter 0 holds 1 token (weight 1), voter 1 holds 4 (weight 2).
        #expect(post.turnoutWeight == 3)
    }

    @Test func theDecisionNoteNeedsTheAuthorityAndTheThreshold() async throws {
        let test = try await TestElection.open()
        try await test.closeTallyAndDecrypt()
        try await test.append(try test.authority.result(try await test.view()))
        try await test.append(try test.authority.decisionSignature(try await test.view()))
        let partial = await test.verify(try await test.entries())
        #expect(partial.firstFailure?.reason.contains("0 trustees signed") == true)
        let decided = try await test.view()
        for trustee in test.trustees.prefix(2) { try await test.append(try trustee.decisionSignature(decided)) }
        let complete = await test.verify(try await test.entries())
        #expect(complete.isValid, "\(complete.firstFailure.map(\.description) ?? "")")
        let signed = try await test.view().ledger.signedDecision!
        #expect(signed.signatures.count == 3)
        let twice = try test.trustees[0].decisionSignature(decided)
        try await expectRefused(twice, by: test, containing: "already signed")
    }
}
