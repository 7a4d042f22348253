import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier
import Testing

/// Elections with a ranked and a write-in contest, counted through the mix-net: the whole chain on the board, and
/// every kind of tampering with it refused by the board and flagged by the verifier at the check that names it.
@Suite struct MixnetElectionTests {
    /// The contests: a homomorphic choice, an instant-runoff contest of four, and a write-in contest.
    static let contests = [
        TestElection.defaultContest,
        Contest(id: "chair", question: "Rank the candidates", kind: .ranked,
                options: ["ada", "bob", "cy", "di"].map { Contest.Option(id: $0, text: $0) },
                minimumSelections: 1, maximumSelections: 3,
                rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false), method: .instantRunoff),
        Contest(id: "motto", question: "Pick or write a motto", kind: .writeIn,
                options: [Contest.Option(id: "onward", text: "Onward")], minimumSelections: 0, maximumSelections: 1,
                rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false), maximumWriteInBytes: 20),
    ]

    /// Six voters: their choice in `pick`, their ranking of `chair` (best first) and their `motto` answer.
    static let ballots: [(pick: [Int], ranking: [Int], motto: (option: Bool, text: String))] = [
        ([1, 0, 0], [0, 1], (false, "per aspera")),
        ([0, 1, 0], [1, 0, 2], (false, "per aspera")),
        ([1, 1, 0], [2], (true, "")),
        ([0, 0, 1], [0, 2, 1], (false, "Ünïcode ✓")),
        ([1, 0, 0], [3, 1], (false, "")),
        ([0, 1, 1], [1], (false, "per aspera")),
    ]

    /// Casts the six ballots (voter 3 challenges one first), closes, and posts the mix-net's input.
    static func castAndClose(_ test: TestElection) async throws {
        let open = try await test.view()
        let contests = Self.contests
        for (index, ballot) in ballots.enumerated() {
            let choices = [ballot.pick, contests[1].values(choosing: ballot.ranking),
                           ballot.motto.option ? [1] : [0]]
            let writeIns = ballot.motto.text.isEmpty ? [:] : [2: ballot.motto.text]
            if index == 3 {
                try await test.append(try test.voter(index).challenge(open, choices: choices, writeIns: writeIns).entry)
            }
            try await test.append(try test.voter(index).ballot(open, choices: choices, writeIns: writeIns).entry)
        }
        try await test.append(try test.authority.close(try await test.view()))
        try await test.append(entries: try test.authority.mixInput(try await test.view()))
    }

    /// Opens an election whose manifest asks for three shuffles (all trustees; the threshold is two), casts,
    /// closes and shuffles by trustees 1, 2 and 3.
    static func shuffled() async throws -> TestElection {
        let test = try await TestElection.open(voters: 6, contests: contests, mixers: 3)
        try await castAndClose(test)
        for trustee in test.trustees {
            #expect(try await test.view().ledger.mixChain?.isShuffled == false)
            try await test.append(entries: try trustee.mix(try await test.view()))
        }
        return test
    }

    @Test func aRankedAndWriteInElectionRunsThroughTheMixnetAndVerifies() async throws {
        let test = try await Self.shuffled()
        var view = try await test.view()
        #expect(view.ledger.mixChain?.isShuffled == true)
        #expect(view.ledger.mixChain?.mixers == [1, 2, 3])
        #expect(view.ledger.mixChain?.width == 4 + 1 + MessageEncoding(group: test.suite.group).elementCount(limit: 20))
        for id in [1, 2] {
            try await test.append(entries: try test.trustees[id - 1].mixShare(view, secretShare: test.shares[id]!))
        }
        view = try await test.view()
        try await test.append(try test.authority.mixResult(view))
        view = try await test.view()
        let result: MixResultPost = try #require(view.ledger.mixChain?.result)
        #expect(result.ballots == 6)
        // Instant-runoff: first preferences ada 2, bob 2, cy 1, di 1; cy and di go out in either order (voter 2's
        // ballot exhausts, voter 4's moves to bob), and bob beats ada 3 to 2.
        #expect(result.contests[0].firstPreferences == [2, 2, 1, 1])
        #expect(result.contests[0].elected == ["bob"])
        let motto: WriteInTally = try #require(result.contests[1].writeIn)
        #expect(motto.answers.map(\.text) == ["per aspera", "Ünïcode ✓"])
        #expect(motto.answers.map(\.votes) == [3, 1])
        #expect(motto.blank == 1)
        #expect(result.contests[1].firstPreferences == [1])
        #expect(motto.winner == "write-in:per%20aspera")
        // The homomorphic tally of the other contest, its decryption and the decision follow as before.
        try await test.append(try test.authority.tally(view))
        let tallied = try await test.view()
        for id in [1, 2] {
            try await test.append(try test.trustees[id - 1].decryptionShare(tallied, secretShare: test.shares[id]!))
        }
        try await test.append(try test.authority.result(try await test.view()))
        view = try await test.view()
        #expect(view.ledger.phase == .decided)
        // `pick` is weighted (square roots of 1, 4, …, 36 tokens): a 1 + 3 + 5, b 2 + 3 + 6, c 4 + 6.
        #expect(view.ledger.result?.counts == [[9, 11, 10], [], []])
        #expect(view.ledger.result?.decisions.map(\.elected) == [["b", "c"], ["bob"], ["write-in:per%20aspera"]])
        try await test.append(try test.authority.decisionSignature(view))
        let signed = try await test.view()
        try await test.append(entries: try test.trustees.prefix(2).map { try $0.decisionSignature(signed) })
        let report = await test.verify(try await test.entries())
        #expect(report.isValid, "\(report.firstFailure.map(\.description) ?? "")")
        for check in [ElectionCheck.mixInput, .shuffle, .mixDecryption, .mixedCount] {
            #expect(report.steps.first { $0.step == check.rawValue }?.status == .passed)
        }
    }

    @Test func aMixInputThatIsNotTheCountedBallotsIsRefused() async throws {
        let test = try await TestElection.open(voters: 6, contests: Self.contests)
        let open = try await test.view()
        try await test.append(try test.voter(0).ballot(
            open, choices: [[1, 0, 0], Self.contests[1].values(choosing: [0]), [1]]).entry)
        try await test.append(try test.voter(1).ballot(
            open, choices: [[0, 1, 0], Self.contests[1].values(choosing: [1]), [1]]).entry)
        try await test.append(try test.authority.close(try await test.view()))
        let honest = try test.authority.mixInput(try await test.view())
        let (bytes, post) = try Self.document(honest, MixInputPost.self, .mixInput)
        let width = post.width * 2 * test.suite.group.bulkElementByteCount
        let swapped = Array(bytes[width...]) + Array(bytes[..<width])
        let entries = try Self.document(swapped, name: post.document.document, signer: test.authority.key) { summary in
            MixInputPost(rows: post.rows, width: post.width, document: summary)
        }
        try await test.append(entries: entries.dropLast())
        try await expectRefused(entries.last!, by: test, containing: "not the counted ballots' mixed ciphertexts")
        try await expectFlagged([entries.last!], by: test, at: .mixInput)
    }

    @Test func aShuffleWithAChangedRowOrArgumentOrADroppedOrDuplicatedRowIsRefused() async throws {
        let test = try await TestElection.open(voters: 6, contests: Self.contests)
        try await Self.castAndClose(test)
        let honest = try test.trustees[0].mix(try await test.view())
        let (bytes, post) = try Self.document(honest, MixPost.self, .mix)
        let rowBytes = post.width * 2 * test.suite.group.bulkElementByteCount
        let rows = (0..<post.rows).map { Array(bytes[$0 * rowBytes..<($0 + 1) * rowBytes]) }
        let argument = Array(bytes[post.rowByteCount...])
        func tampered(_ rows: [[UInt8]], _ argument: [UInt8], count: Int? = nil) throws -> [BoardEntry] {
            let flat = rows.flatMap { $0 }
            return try Self.document(flat + argument, name: post.document.document,
                                     signer: test.trustees[0].boardKey) { summary in
                MixPost(participant: 1, position: 1, rows: count ?? rows.count, width: post.width,
                        rowByteCount: flat.count, document: summary)
            }
        }
        var swappedRows = rows
        swappedRows.swapAt(0, 1)
        var duplicated = rows
        duplicated[1] = rows[0]
        var changedArgument = argument
        changedArgument[changedArgument.count / 2] ^= 0x01
        let cases: [(String, [BoardEntry])] = [
            ("two rows swapped", try tampered(swappedRows, argument)),
            ("a row duplicated", try tampered(duplicated, argument)),
            ("a row dropped", try tampered(Array(rows.dropLast()), argument, count: rows.count)),
            ("one bit of the argument", try tampered(rows, changedArgument)),
        ]
        for (name, entries) in cases {
            try await test.append(entries: entries.dropLast())
            try await expectRefused(entries.last!, by: test, containing: "trustee 1's shuffle (position 1)")
            try await expectFlagged([entries.last!], by: test, at: .shuffle, "\(name)")
        }
        let before = try await test.view()
        try await test.append(entries: honest)
        let again = try test.trustees[0].mix(before)
        try await test.append(entries: again.dropLast())
        try await expectRefused(again.last!, by: test, containing: "trustee 1 already shuffled")
    }

    @Test func aBadMixDecryptionShareAndAWrongMixResultAreRefused() async throws {
        let test = try await Self.shuffled()
        let view = try await test.view()
        let wrong = try test.trustees[0].mixShare(view, secretShare: test.shares[2]!)
        try await test.append(entries: wrong.dropLast())
        try await expectRefused(wrong.last!, by: test, containing: "does not verify")
        try await expectFlagged([wrong.last!], by: test, at: .mixDecryption)
        for id in [1, 2] {
            try await test.append(entries: try test.trustees[id - 1].mixShare(view, secretShare: test.shares[id]!))
        }
        let honest = try test.authority.mixResult(try await test.view())
        let post = try PayloadCoding.decode(MixResultPost.self, from: honest.payload, type: .mixResult)
        let motto = post.contests[1]
        let moved = MixedContestResult(contest: motto.contest, firstPreferences: [motto.firstPreferences[0] + 1],
                                       ranked: nil, writeIn: motto.writeIn)
        let bad = try TestElection.resigned(honest, by: test.authority.key, payload: PayloadCoding.encode(
            MixResultPost(trustees: post.trustees, ballots: post.ballots, contests: [post.contests[0], moved])))
        try await expectRefused(bad, by: test, containing: "contest \"motto\": the count is not what")
        try await expectFlagged([bad], by: test, at: .mixedCount)
        try await test.append(honest)
    }

    /// Cortier and Smyth's replay, on a write-in: another voter's answer, re-randomised into one's own ballot,
    /// keeps a proof of knowledge that is not the copier's and is bound to the other ballot: refused (check 4).
    @Test func aReRandomisedCopyOfAnotherVotersWriteInIsRefused() async throws {
        let test = try await TestElection.open(voters: 6, contests: Self.contests)
        let open = try await test.view()
        let group = test.suite.group
        let choices = [[1, 0, 0], Self.contests[1].values(choosing: [0]), [0]]
        let victim = try test.voter(0).ballot(open, choices: choices, writeIns: [2: "secret answer"])
        let copier = try test.voter(1).ballot(open, choices: choices, writeIns: [2: "x"])
        func ballot(_ entry: BoardEntry) throws -> (BallotPost, EncryptedBallot<TestElection.Suite.Group>) {
            let post = try PayloadCoding.decode(BallotPost.self, from: entry.payload, type: .ballot)
            return (post, try EncryptedBallot(decoding: Array(post.ballot), in: group))
        }
        let (_, stolen) = try ballot(victim.entry)
        let (post, own) = try ballot(copier.entry)
        let key = try #require(open.ledger.checker).rules.key
        let copied = stolen.contests[2].writeIns.map { writeIn in
            let r = group.scalars.random()
            return EncryptedWriteIn(ciphertext: ElGamalCiphertext(
                alpha: group.multiply(writeIn.ciphertext.alpha, group.generatorPower(secret: r)),
                beta: group.multiply(writeIn.ciphertext.beta, group.power(key.table, secret: r))),
                proof: writeIn.proof)
        }
        var contests = own.contests
        contests[2] = contests[2].adding(writeIns: copied)
        let forged = EncryptedBallot(identifier: own.identifier, contests: contests,
                                     chainingField: own.chainingField, confirmationCode: own.confirmationCode)
        let entry = try BoardEntry(
            type: ElectionEntryType.ballot.rawValue, election: TestElection.election,
            payload: PayloadCoding.encode(BallotPost(salt: try #require(Hex.decode(post.salt)),
                                                     ballot: forged.encoded(in: group))),
            signedBy: test.credentials[1])
        try await test.append(victim.entry)
        try await expectRefused(entry, by: test, containing: "the proof of write-in element 1 is invalid")
        try await expectFlagged([entry], by: test, at: .ballotValidity)
    }

    @Test func theTallyWaitsForTheMixnetsResult() async throws {
        let test = try await Self.shuffled()
        let view = try await test.view()
        #expect(throws: ElectionProcessError.self) { try test.authority.tally(view) }
    }

    /// A document's bytes and the post of its last entry.
    static func document<Post: Decodable>(_ entries: [BoardEntry], _ type: Post.Type, _ entryType: ElectionEntryType)
        throws -> ([UInt8], Post)
    {
        let parts = try entries.dropLast().map {
            try PayloadCoding.decode(DocumentPart.self, from: $0.payload, type: .part)
        }
        return (parts.flatMap { Array($0.bytes) },
                try PayloadCoding.decode(type, from: entries.last!.payload, type: entryType))
    }

    /// The entries of a document `bytes`, then its post, signed by `signer`.
    static func document(_ bytes: [UInt8], name: String, signer: Ed25519.PrivateKey,
                         post: (DocumentSummary) -> some Encodable) throws -> [BoardEntry] {
        let type: ElectionEntryType = name == "mix-input" ? .mixInput : .mix
        return try DocumentPart.split(bytes, document: name).map {
            try BoardEntry(type: ElectionEntryType.part.rawValue, election: TestElection.election,
                           payload: PayloadCoding.encode($0), signedBy: signer)
        } + [BoardEntry(type: type.rawValue, election: TestElection.election,
                        payload: PayloadCoding.encode(post(DocumentSummary(document: name, bytes: bytes))),
                        signedBy: signer)]
    }
}
