import Foundation
import TabellaBoard
import TabellaCrypto
@testable import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaTestSupport
import TabellaVerifier
import Testing

/// A board that takes any entry: a dishonest operator's second log, signed with the real board's key.
private struct AnyEntry: AdmissionPolicy {
    func admit(_ entry: BoardEntry) async throws(BoardError) {}
}

/// Known attacks on a native election, each refused by the board, flagged by the verifier or caught by a receipt.
@Suite struct KnownAttackTests {
    /// R. Küsters, T. Truderung, A. Vogt, "Clash attacks on the verifiability of e-voting systems" (IEEE S&P 2012):
    /// voters with the same choices are shown one ballot and one receipt, so that the others' ballots can be
    /// replaced. Here two voters with the same choices get different ballots, confirmation codes and leaves (the
    /// ballot identifier hashes the credential and a fresh salt); a receipt shown to the wrong voter names another
    /// leaf, signed by another credential; and one ballot cannot stand for both (Cortier-Smyth, below).
    @Test func clashAttackKustersTruderungVogt2012() async throws {
        let test = try await TestElection.open()
        let open = try await test.view()
        let ballots = try (0..<2).map { try test.voter($0).ballot(open, choices: [[1, 0, 0]]) }
        var receipts = [VoteReceipt]()
        for ballot in ballots {
            let index = try await test.append(ballot.entry)
            receipts.append(try await VoteReceipt(board: test.board, entry: ballot.entry, index: index,
                                                  confirmationCode: ballot.confirmationCode,
                                                  logKey: test.board.verifier, origin: test.board.origin))
        }
        #expect(ballots[0].confirmationCode != ballots[1].confirmationCode)
        #expect(receipts[0].leafHash != receipts[1].leafHash)
        // Voter 1 shown voter 0's receipt: the leaf is not the hash of voter 1's entry, nor its code voter 1's.
        #expect(receipts[0].leafHash != Hex.encode(MerkleHash.leaf(ballots[1].entry.encoded)))
        #expect(receipts[0].confirmationCode != Hex.encode(ballots[1].confirmationCode))
        // The one ballot, re-signed for voter 1, is refused.
        let shared = try TestElection.resigned(ballots[0].entry, by: test.credentials[1])
        try await expectRefused(shared, by: test, containing: "identifier")
        #expect(try await test.view().ledger.counted.count == 2)
    }

    /// A tally over a subset of the roll: the authority aggregates only voter 0's ballot of two cast, claiming
    /// either the true count or the subset's. The board refuses both and the verifier flags them.
    @Test func aTallyOverASubsetOfTheCastBallotsIsRefusedAndFlagged() async throws {
        let test = try await TestElection.open()
        let open = try await test.view()
        var first: BoardEntry?
        for index in 0..<2 {
            let entry = try test.voter(index).ballot(open, choices: [[1, 0, index]]).entry
            try await test.append(entry)
            first = first ?? entry
        }
        try await test.append(try test.authority.close(try await test.view()))
        let honest = try PayloadCoding.decode(TallyPost.self, from: try test.authority.tally(try await test.view())
            .payload, type: .tally)
        let group = test.suite.group
        let post = try PayloadCoding.decode(BallotPost.self, from: first!.payload, type: .ballot)
        let ballot = try EncryptedBallot(decoding: Array(post.ballot), in: group)
        // Voter 0 holds 1 token: weight 1, so its ballot's ciphertexts are the subset's weighted product.
        let subset = ballot.contests.map { contest in
            contest.selections.map { group.encode($0.ciphertext.alpha) + group.encode($0.ciphertext.beta) }
        }
        for (counted, weight) in [(honest.counted, honest.turnoutWeight), (1, UInt64(1))] {
            let entry = try BoardEntry(
                type: ElectionEntryType.tally.rawValue, election: TestElection.election,
                payload: PayloadCoding.encode(TallyPost(counted: counted, turnoutWeight: weight, ciphertexts: subset)),
                signedBy: test.authority.key)
            try await expectRefused(entry, by: test,
                                    containing: counted == 1 ? "the tally counts 1 ballots" : "weighted product")
            try await expectFlagged([entry], by: test, at: .aggregation)
        }
    }

    /// A decision note signed over another log root (a board view the signer did not check). A trustee's
    /// signature of a note other than the authority's is refused by the board. The authority's own note is the
    /// first, which the board admits without its tree (it checks the result entry and decisions it states): the
    /// verifier flags its root at check 10, and honest trustees refuse to cosign it.
    @Test func aDecisionNoteOverAnotherLogRootIsRefusedOrFlagged() async throws {
        for forger in ["trustee", "authority"] {
            let test = try await TestElection.open()
            try await test.closeTallyAndDecrypt()
            try await test.append(try test.authority.result(try await test.view()))
            let honest = try test.authority.decisionSignature(try await test.view())
            let text = try PayloadCoding.decode(DecisionSignaturePost.self, from: honest.payload,
                                                type: .decisionSignature).note
            let note = try DecisionNote(text: text)
            let forged = DecisionNote(election: note.election, board: note.board, logSize: note.logSize,
                                      logRoot: SecureRandom.bytes(count: 32), resultIndex: note.resultIndex,
                                      resultLeafHash: note.resultLeafHash, decisions: note.decisions)
            let election = TestElection.election
            if forger == "trustee" {
                try await test.append(honest)
                let key = test.trustees[0].boardKey
                let byTrustee = try DecisionSigning.entry(
                    note: forged, signer: Ed25519NoteSigner(
                        name: DecisionNote.trusteeKeyName(election: election, participant: 1), privateKey: key),
                    election: election, key: key)
                try await expectRefused(byTrustee, by: test, containing: "differs from the one already signed")
            } else {
                let key = test.authority.key
                try await test.append(try DecisionSigning.entry(
                    note: forged, signer: Ed25519NoteSigner(name: DecisionNote.authorityKeyName(election: election),
                                                            privateKey: key),
                    election: election, key: key))
                let report = await test.verify(try await test.entries())
                #expect(report.firstFailure?.reason.contains("log root is not the root") == true,
                        "\(report.firstFailure.map(\.description) ?? "")")
                let view = try await test.view()
                #expect(throws: ElectionProcessError.self) { try test.trustees[0].decisionSignature(view) }
            }
        }
    }

    /// A board that drops or rewrites a ballot it acknowledged, and signs the new log with its key: the voter's
    /// receipt proves the old log, and no consistency proof joins it to the new one.
    @Test func aBoardThatDropsOrRewritesAnAcknowledgedBallotIsCaughtByTheReceipt() async throws {
        let test = try await TestElection.open()
        let open = try await test.view()
        let ballot = try test.voter(0).ballot(open, choices: [[0, 1, 0]])
        let index = try await test.append(ballot.entry)
        let receipt = try await VoteReceipt(board: test.board, entry: ballot.entry, index: index,
                                            confirmationCode: ballot.confirmationCode, logKey: test.board.verifier,
                                            origin: test.board.origin)
        let later = try test.voter(1).ballot(open, choices: [[1, 0, 0]]).entry
        try await test.append(later)
        _ = try await receipt.check(against: test.board, logKey: test.board.verifier)
        let entries = try await test.entries()
        let rewritten = try test.voter(0).ballot(open, choices: [[0, 0, 1]]).entry
        for replacement in [[], [rewritten]] {
            let directory = ScratchDirectory.make("tabella-fork")
            let fork = Board(storage: try SQLiteStorage(path: directory.appendingPathComponent("f.sqlite").path),
                             signer: test.noteSigner, election: TestElection.election, policy: AnyEntry())
            try await fork.start()
            let forged = Array(entries[..<Int(index)]) + replacement + entries[(Int(index) + 1)...]
                + [try test.voter(2).ballot(open, choices: [[1, 1, 0]]).entry]
            _ = try await fork.append(forged)
            await #expect(throws: BoardError.self) {
                _ = try await receipt.check(against: fork, logKey: test.board.verifier)
            }
        }
    }
}
