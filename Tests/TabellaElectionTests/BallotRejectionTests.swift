import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier
import Testing

/// Appends `entry` and expects the board to refuse it with `rejected` (or `code`) and a message containing `text`;
/// the log's size must not change.
func expectRefused(_ entry: BoardEntry, by test: TestElection, code: BoardError.Code = .rejected,
                   containing text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let before = try await test.board.head().size
    do {
        try await test.append(entry)
        Issue.record("the board appended a bad \(entry.type) entry", sourceLocation: sourceLocation)
    } catch let error as BoardError {
        #expect(error.code == code, sourceLocation: sourceLocation)
        #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
    }
    #expect(try await test.board.head().size == before, sourceLocation: sourceLocation)
}

/// Expects the verifier, given the board's entries plus `extra`, to fail exactly at `check`.
func expectFlagged(_ extra: [BoardEntry], by test: TestElection, at check: ElectionCheck, _ name: String = "",
                   sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let report = await test.verify(try await test.entries() + extra)
    let failed = report.steps.filter { $0.status == .failed }.map(\.step)
    #expect(failed == [check.rawValue],
            "\(name) failed checks \(failed): \(report.firstFailure.map(\.description) ?? "")",
            sourceLocation: sourceLocation)
}

@Suite struct BallotRejectionTests {
    @Test func aValidBoardVerifiesAndRevotesReplaceEarlierBallots() async throws {
        let test = try await TestElection.open()
        let open = try await test.view()
        try await test.append(try test.voter(0).ballot(open, choices: [[1, 1, 0]]).entry)
        try await test.append(try test.voter(0).ballot(open, choices: [[0, 0, 1]]).entry)
        let challenged = try test.voter(1).challenge(open, choices: [[0, 1, 0]])
        try await test.append(challenged.entry)
        let view = try await test.view()
        #expect(view.ledger.ballotCount == 2)
        #expect(view.ledger.challengeCount == 1)
        #expect(view.ledger.counted.count == 1)
        #expect(view.ledger.counted[0]?.index == 10)
        let report = await test.verify(try await test.entries())
        #expect(report.isValid, "\(report.firstFailure.map(\.description) ?? "")")
        #expect(report.steps[ElectionCheck.challenges.rawValue - 1].checked == 1)
    }

    @Test func aCredentialNotOnTheRollIsRefusedAndFlagged() async throws {
        let test = try await TestElection.open()
        let ballot = try test.voter(0).ballot(try await test.view(), choices: [[1, 0, 0]]).entry
        let forged = try TestElection.resigned(ballot, by: test.outsider)
        try await expectRefused(forged, by: test, containing: "not on the roll")
        try await expectFlagged([forged], by: test, at: .authorisation)
    }

    @Test func aBallotSignedByAnotherVotersKeyIsRefused() async throws {
        let test = try await TestElection.open()
        let ballot = try test.voter(0).ballot(try await test.view(), choices: [[1, 0, 0]]).entry
        let wrongKey = try TestElection.resigned(ballot, by: test.credentials[1])
        try await expectRefused(wrongKey, by: test, containing: "identifier")
        try await expectFlagged([wrongKey], by: test, at: .ballotValidity)
    }

    @Test func aCopiedBallotIsRefusedWhetherReplayedOrReSigned() async throws {
        let test = try await TestElection.open()
        let original = try test.voter(0).ballot(try await test.view(), choices: [[0, 1, 0]]).entry
        try await test.append(original)
        try await expectRefused(original, by: test, containing: "reuses a ciphertext already cast")
        let copied = try TestElection.resigned(original, by: test.credentials[1])
        try await expectRefused(copied, by: test, containing: "identifier")
        try await expectFlagged([original], by: test, at: .uniqueness)
        try await expectFlagged([copied], by: test, at: .ballotValidity)
    }

    @Test func aBallotOverTheContestLimitIsRefused() async throws {
        let test = try await TestElection.open()
        let view = try await test.view()
        let rules = view.ledger.checker!.rules
        let salt = SecureRandom.bytes(count: 16)
        let credential = test.credentials[0]
        let ballot = BallotEncryptor(rules: rules).encrypt(
            identifier: BallotIdentity.identifier(election: TestElection.election, credential: credential.publicKey,
                                                  salt: salt),
            contests: [PlaintextContest(index: 1, contestLimit: 3, minimumTotal: 1, optionLimit: 1, votes: [1, 1, 1])],
            ballotNonce: SecureRandom.bytes(count: 32),
            chainingField: BallotIdentity.chainingField(rules: rules, election: TestElection.election))
        let entry = try BoardEntry(
            type: "ballot", election: TestElection.election,
            payload: PayloadCoding.encode(BallotPost(salt: salt, ballot: ballot.encoded(in: rules.group))),
            signedBy: credential)
        try await expectRefused(entry, by: test, containing: "contest-limit proof is invalid")
        try await expectFlagged([entry], by: test, at: .ballotValidity)
        #expect(throws: ElectionProcessError.self) {
            try test.voter(0).ballot(view, choices: [[1, 1, 1]])
        }
    }

    @Test func malformedBallotEncodingsAreRefusedNamingTheField() async throws {
        let test = try await TestElection.open()
        let ballot = try test.voter(0).ballot(try await test.view(), choices: [[1, 0, 0]])
        let post = try PayloadCoding.decode(BallotPost.self, from: ballot.entry.payload, type: .ballot)
        let truncated = BallotPost(salt: Hex.decode(post.salt)!, ballot: Array(post.ballot.dropLast(10)))
        let entry = try BoardEntry(type: "ballot", election: TestElection.election,
                                   payload: PayloadCoding.encode(truncated), signedBy: test.credentials[0])
        try await expectRefused(entry, by: test, containing: "ballot ends inside")
        var flipped = Array(post.ballot)
        // α of the first selection follows the 100-byte header, the contest count, index and option count.
        flipped.replaceSubrange(103..<135, with: [UInt8](repeating: 0xff, count: 32))
        let offCurve = try BoardEntry(
            type: "ballot", election: TestElection.election,
            payload: PayloadCoding.encode(BallotPost(salt: Hex.decode(post.salt)!, ballot: flipped)),
            signedBy: test.credentials[0])
        try await expectRefused(offCurve, by: test, containing: "contest 1, option 1")
        let notJSON = try BoardEntry(type: "ballot", election: TestElection.election, payload: Array("{".utf8),
                                     signedBy: test.credentials[0])
        try await expectRefused(notJSON, by: test, containing: "ballot payload")
        try await expectFlagged([entry], by: test, at: .ballotValidity)
    }

    @Test func ballotsForAClosedOrUnknownElectionAreRefused() async throws {
        let test = try await TestElection.open()
        let open = try await test.view()
        let late = try test.voter(0).ballot(open, choices: [[1, 0, 0]]).entry
        let elsewhere = try BoardEntry(type: "ballot", election: "another-election", payload: late.payload,
                                       signedBy: test.credentials[0])
        try await expectRefused(elsewhere, by: test, code: .wrongElection, containing: "another-election")
        try await test.append(try test.authority.close(try await test.view()))
        try await expectRefused(late, by: test, containing: "closed phase")
        try await expectFlagged([late], by: test, at: .authorisation)
    }
}
