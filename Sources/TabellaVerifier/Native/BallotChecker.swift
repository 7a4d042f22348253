import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// A ballot or challenge entry that passed the checks that need no state: its form, its identifier's binding to
/// the credential, its proofs, and for a challenge its revealed choices.
public struct CheckedBallot<Group: PrimeOrderGroup>: Sendable {
    /// The entry.
    public let entry: BoardEntry
    /// The voter's position in the roll.
    public let voter: Int
    /// The decoded ballot.
    public let ballot: EncryptedBallot<Group>
    /// Whether it is a challenge (spoiled, never counted).
    public let isChallenge: Bool
    /// The encodings of every selection's α, which no other ballot may reuse.
    public let fingerprints: [[UInt8]]
}

/// The stateless checks of ballots and challenges, fixed when voting opens: the voter client runs them before it
/// casts, the board before it appends (concurrently, outside its state), the verifier on every ballot.
public struct BallotChecker<Group: PrimeOrderGroup>: Sendable {
    /// The election.
    public let election: String
    /// The ballot rules, with the joint key.
    public let rules: ElectionGuard21<Group>
    /// The ballot validator of the election's contests.
    public let validator: BallotValidator<Group>
    /// The contests, for the limits of challenged choices.
    public let contests: [Contest]
    /// Each credential's position in the roll.
    public let voters: [[UInt8]: Int]

    /// A checker.
    public init(election: String, rules: ElectionGuard21<Group>, contests: [Contest], voters: [[UInt8]: Int]) {
        self.election = election
        self.rules = rules
        self.contests = contests
        self.voters = voters
        validator = BallotValidator(rules: rules, contests: Self.contestRules(contests, in: rules.group))
    }

    /// The ballot rules of the contests: each option's value lies within the contest's option limit, the total
    /// within its total range (``Contest/optionLimit``, ``Contest/totalRange``); a write-in contest carries its
    /// answer's elements in `group`.
    public static func contestRules(_ contests: [Contest], in group: Group) -> [ContestRule] {
        contests.enumerated().map { offset, contest in
            ContestRule(index: offset + 1, contestLimit: contest.totalRange.upperBound,
                        minimumTotal: contest.totalRange.lowerBound, optionLimit: contest.optionLimit,
                        optionCount: contest.options.count,
                        writeInCount: MixedBallot.writeInElements(of: contest, in: group))
        }
    }

    /// Checks a `ballot` or `ballot-challenge` entry.
    ///
    /// - Throws: ``ElectionRejection``: check 3 for a credential not on the roll, check 4 for a malformed or
    ///   invalid ballot, check 6 for a challenge whose choices do not match its ciphertexts.
    public func check(_ entry: BoardEntry) throws(ElectionRejection) -> CheckedBallot<Group> {
        try checkAll([entry])[0].get()
    }

    /// Checks many entries as ``check(_:)`` does, with the proofs of all of them in one batch (cheaper per proof
    /// the more there are); each entry gets its own result.
    public func checkAll(_ entries: [BoardEntry]) -> [Result<CheckedBallot<Group>, ElectionRejection>] {
        var results = [Result<CheckedBallot<Group>, ElectionRejection>?](repeating: nil, count: entries.count)
        var decoded = [(position: Int, voter: Int, ballot: EncryptedBallot<Group>, challenge: ChallengePost?)]()
        for (position, entry) in entries.enumerated() {
            do throws(ElectionRejection) {
                let (voter, ballot, challenge) = try decode(entry)
                decoded.append((position, voter, ballot, challenge))
            } catch {
                results[position] = .failure(error)
            }
        }
        let problems = validator.problems(of: decoded.map(\.ballot))
        let group = rules.group
        for (item, found) in zip(decoded, problems) {
            let entry = entries[item.position]
            do throws(ElectionRejection) {
                guard found.isEmpty else {
                    throw ElectionRejection(.ballotValidity, found.map(\.description).joined(separator: "; "))
                }
                if let challenge = item.challenge { try checkChoices(challenge, of: item.ballot) }
                results[item.position] = .success(CheckedBallot(
                    entry: entry, voter: item.voter, ballot: item.ballot, isChallenge: item.challenge != nil,
                    fingerprints: Self.fingerprints(of: item.ballot, in: group)))
            } catch {
                results[item.position] = .failure(error)
            }
        }
        return results.map { $0! }
    }

    /// Whether an entry is a ballot or a challenge: the entries this checker checks.
    public static func isBallot(_ entry: BoardEntry) -> Bool {
        entry.type == ElectionEntryType.ballot.rawValue || entry.type == ElectionEntryType.challenge.rawValue
    }

    /// The results of checking every ballot and challenge of `entries` from position `start` on, by position,
    /// `jobs` batches at a time (the verifier and a participant's view check a board's ballots this way, ahead of
    /// the ledger, which then only records them).
    public func checkBallots(in entries: [BoardEntry], from start: Int, jobs: Int) async
        -> [Int: Result<CheckedBallot<Group>, ElectionRejection>]
    {
        let positions = entries.indices.filter { $0 >= start && Self.isBallot(entries[$0]) }
        let results = await checkAll(positions.map { entries[$0] }, jobs: jobs)
        return Dictionary(uniqueKeysWithValues: zip(positions, results))
    }

    /// Checks entries `jobs` at a time, in batches of at most `batchSize`; the results by position.
    public func checkAll(_ entries: [BoardEntry], jobs: Int, batchSize: Int = 256) async
        -> [Result<CheckedBallot<Group>, ElectionRejection>]
    {
        let batches = stride(from: 0, to: entries.count, by: batchSize).map { $0..<min(entries.count, $0 + batchSize) }
        var results = [Result<CheckedBallot<Group>, ElectionRejection>?](repeating: nil, count: entries.count)
        await withTaskGroup(of: (Range<Int>, [Result<CheckedBallot<Group>, ElectionRejection>]).self) { tasks in
            var next = 0
            func start() {
                let range = batches[next]
                next += 1
                tasks.addTask { (range, checkAll(Array(entries[range]))) }
            }
            while next < min(batches.count, max(1, jobs)) { start() }
            for await (range, part) in tasks {
                for (offset, result) in zip(range, part) { results[offset] = result }
                if next < batches.count { start() }
            }
        }
        return results.map { $0! }
    }

    /// The entry's voter, decoded ballot (identifier and chaining field checked) and challenge post, if any.
    func decode(_ entry: BoardEntry) throws(ElectionRejection)
        -> (voter: Int, ballot: EncryptedBallot<Group>, challenge: ChallengePost?)
    {
        guard let voter = voters[entry.signer.bytes] else {
            throw ElectionRejection(.authorisation, "the \(entry.type) entry is signed by a credential that is not "
                + "on the roll")
        }
        let salt: String
        let encoded: [UInt8]
        var challenge: ChallengePost?
        do {
            if entry.type == ElectionEntryType.challenge.rawValue {
                let post = try PayloadCoding.decode(ChallengePost.self, from: entry.payload, type: .challenge)
                (salt, encoded, challenge) = (post.salt, Array(post.ballot), post)
            } else {
                let post = try PayloadCoding.decode(BallotPost.self, from: entry.payload, type: .ballot)
                (salt, encoded) = (post.salt, Array(post.ballot))
            }
        } catch {
            throw ElectionRejection(.ballotValidity, error.message)
        }
        let ballot: EncryptedBallot<Group>
        do {
            let saltBytes = try PayloadCoding.bytes(hex: salt, "the salt", count: BallotIdentity.saltByteCount)
            ballot = try EncryptedBallot(decoding: encoded, in: rules.group)
            guard ballot.identifier == BallotIdentity.identifier(election: election, credential: entry.signer,
                                                                 salt: saltBytes) else {
                throw ElectionRejection(.ballotValidity, "the ballot identifier is not the one of its credential "
                    + "and salt (a ballot copied from another voter?)")
            }
        } catch let error as ElectionError {
            throw ElectionRejection(.ballotValidity, error.message)
        } catch let error as BallotEncodingError {
            throw ElectionRejection(.ballotValidity, "the ballot encoding: \(error.message)")
        } catch let error as ElectionRejection {
            throw error
        } catch {
            throw ElectionRejection(.ballotValidity, "\(error)")
        }
        guard ballot.chainingField == BallotIdentity.chainingField(rules: rules, election: election) else {
            throw ElectionRejection(.ballotValidity, "the ballot's chaining field is not this election's")
        }
        return (voter, ballot, challenge)
    }

    /// Checks a challenge's revealed answer of a write-in contest: encoded and encrypted with the nonces derived
    /// from the revealed ballot nonce, it gives the ballot's write-in ciphertexts.
    private func checkWriteIn(_ text: String, of encrypted: EncryptedContest<Group>, contest: Contest,
                              contestIndex: Int, identifierHash: [UInt8], nonce: [UInt8]) throws(ElectionRejection) {
        let group = rules.group
        let elements: [Group.Element]
        do {
            elements = try MessageEncoding(group: group).encode(text, limit: contest.maximumWriteInBytes ?? 0,
                                                                contest: contest.id)
        } catch {
            throw ElectionRejection(.challenges, "the challenged answer: \(error.message)")
        }
        guard elements.count == encrypted.writeIns.count else {
            throw ElectionRejection(.challenges, "contest \"\(contest.id)\": the challenged answer has "
                + "\(elements.count) elements, the ballot \(encrypted.writeIns.count)")
        }
        for (offset, (element, writeIn)) in zip(elements, encrypted.writeIns).enumerated() {
            let xi = EncryptedWriteIn<Group>.nonce(rules: rules, identifierHash: identifierHash, ballotNonce: nonce,
                                                   contestIndex: contestIndex, optionCount: contest.options.count,
                                                   position: offset + 1)
            guard group.generatorPower(secret: xi) == writeIn.ciphertext.alpha,
                  group.multiply(group.power(rules.key.table, secret: xi), element) == writeIn.ciphertext.beta else {
                throw ElectionRejection(.challenges, "contest \"\(contest.id)\", write-in element \(offset + 1): the "
                    + "ciphertext does not encrypt the claimed answer with the revealed nonce")
            }
        }
    }

    /// Checks a challenge's revealed choices: within the contests' limits, and re-encrypting each with the nonce
    /// derived from the revealed ballot nonce gives the ballot's ciphertext.
    private func checkChoices(_ post: ChallengePost, of ballot: EncryptedBallot<Group>) throws(ElectionRejection) {
        func fail(_ message: String) -> ElectionRejection { ElectionRejection(.challenges, message) }
        let nonce: [UInt8]
        do { nonce = try PayloadCoding.bytes(hex: post.ballotNonce, "the ballot nonce", count: 32) } catch {
            throw fail(error.message)
        }
        guard post.choices.count == contests.count else { throw fail("the challenge has choices for "
            + "\(post.choices.count) contests, the election has \(contests.count)") }
        let answers = post.writeIns ?? Array(repeating: "", count: contests.count)
        guard answers.count == contests.count,
              zip(contests, answers).allSatisfy({ $0.kind == .writeIn || $1.isEmpty }) else {
            throw fail("the challenge's written answers are not one per contest, with none outside write-in contests")
        }
        let identifierHash = rules.identifierHash(ballotIdentifier: ballot.identifier)
        for (offset, (contest, choices)) in zip(contests, post.choices).enumerated() {
            do { try contest.validateChoices(choices) } catch {
                throw fail("the challenged choices: \(error.message)")
            }
            if contest.kind == .writeIn {
                try checkWriteIn(answers[offset], of: ballot.contests[offset], contest: contest,
                                 contestIndex: offset + 1, identifierHash: identifierHash, nonce: nonce)
            }
            for (position, choice) in choices.enumerated() {
                let selectionNonce = rules.selectionNonce(identifierHash: identifierHash, ballotNonce: nonce,
                                                          contestIndex: offset + 1, optionIndex: position + 1)
                guard rules.key.encrypt(UInt64(choice), nonce: selectionNonce)
                        == ballot.contests[offset].selections[position].ciphertext else {
                    throw fail("contest \"\(contest.id)\", option \(position + 1): the ciphertext does not encrypt "
                        + "the claimed choice \(choice) with the revealed nonce")
                }
            }
        }
    }
}
