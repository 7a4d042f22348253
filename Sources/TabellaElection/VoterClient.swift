import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// A voter's client: it encrypts the choices with proofs, runs on the ballot the same check the board runs, and
/// signs it with the voter's credential.
public struct VoterClient<Suite: CocktailCiphersuite>: Sendable {
    /// A ballot ready to cast or challenge, with what the voter keeps.
    public struct PreparedBallot: Sendable {
        /// The signed entry.
        public let entry: BoardEntry
        /// The ballot's confirmation code.
        public let confirmationCode: [UInt8]
        /// The choices, per contest, per option.
        public let choices: [[Int]]
    }

    /// The election.
    public let election: String
    /// The voter's credential.
    public let credential: Ed25519.PrivateKey

    /// A client for the holder of `credential`.
    public init(election: String, credential: Ed25519.PrivateKey) {
        self.election = election
        self.credential = credential
    }

    /// Encrypts and signs a ballot for casting.
    ///
    /// - Parameters:
    ///   - choices: per contest, per option, 1 for selected and 0 for not (in a ranked contest, the option's rank).
    ///   - writeIns: the written answers of write-in contests, by contest position (none leaves it blank).
    /// - Throws: ``ElectionProcessError`` `notReady` when voting is not open, `invalidChoice` for choices that
    ///   break a contest's limits or an answer too long; ``ElectionRejection`` if the ballot fails the board's
    ///   check (a client bug).
    public func ballot(_ view: ElectionView<Suite>, choices: [[Int]], writeIns: [Int: String] = [:]) throws
        -> PreparedBallot
    {
        try prepare(view, choices: choices, writeIns: writeIns, challenge: false)
    }

    /// Encrypts a ballot and reveals its nonce: the Benaloh challenge. The entry spoils the ballot; anyone can
    /// check that it encrypts `choices` and `writeIns`, and it can never be cast.
    public func challenge(_ view: ElectionView<Suite>, choices: [[Int]], writeIns: [Int: String] = [:]) throws
        -> PreparedBallot
    {
        try prepare(view, choices: choices, writeIns: writeIns, challenge: true)
    }

    private func prepare(_ view: ElectionView<Suite>, choices: [[Int]], writeIns: [Int: String], challenge: Bool)
        throws -> PreparedBallot
    {
        guard view.ledger.phase == .voting, let checker = view.ledger.checker else {
            throw ElectionProcessError(.notReady, "voting is not open on this board")
        }
        try Self.validate(choices, contests: checker.contests, writeIns: writeIns)
        let salt = SecureRandom.bytes(count: BallotIdentity.saltByteCount)
        let nonce = SecureRandom.bytes(count: 32)
        let rules = checker.rules
        let plaintext = checker.contests.enumerated().map { offset, contest in
            PlaintextContest(index: offset + 1, contestLimit: contest.totalRange.upperBound,
                             minimumTotal: contest.totalRange.lowerBound, optionLimit: contest.optionLimit,
                             votes: choices[offset])
        }
        let ballot = try Self.addingWriteIns(writeIns, to: BallotEncryptor(rules: rules).encrypt(
            identifier: BallotIdentity.identifier(election: election, credential: credential.publicKey, salt: salt),
            contests: plaintext, ballotNonce: nonce,
            chainingField: BallotIdentity.chainingField(rules: rules, election: election)),
            contests: checker.contests, rules: rules, ballotNonce: nonce)
        let encoded = ballot.encoded(in: rules.group)
        let answers = checker.contests.indices.map { writeIns[$0] ?? "" }
        let payload = challenge
            ? PayloadCoding.encode(ChallengePost(salt: salt, ballot: encoded, ballotNonce: nonce, choices: choices,
                                                 writeIns: answers.contains { !$0.isEmpty } ? answers : nil))
            : PayloadCoding.encode(BallotPost(salt: salt, ballot: encoded))
        let type = challenge ? ElectionEntryType.challenge : .ballot
        let entry = try BoardEntry(type: type.rawValue, election: election, payload: payload, signedBy: credential)
        _ = try checker.check(entry)
        return PreparedBallot(entry: entry, confirmationCode: ballot.confirmationCode, choices: choices)
    }

    /// The choices a challenged ballot encrypts, recovered with its revealed nonce: each selection's `β / K^ξ` is
    /// `K^v` for a value v from 0 to the contest's option limit. The voter compares them with what they chose;
    /// `nil` marks a selection that is none of those.
    public static func reveal(_ post: ChallengePost, rules: ElectionGuard21<Suite.Group>, contests: [Contest]) throws
        -> [[Int?]]
    {
        let group = rules.group
        let ballot = try EncryptedBallot<Suite.Group>(decoding: Array(post.ballot), in: group)
        guard let nonce = Hex.decode(post.ballotNonce) else {
            throw ElectionProcessError(.invalidChoice, "the challenge's nonce is not hexadecimal")
        }
        let identifierHash = rules.identifierHash(ballotIdentifier: ballot.identifier)
        guard ballot.contests.count == contests.count else {
            throw ElectionProcessError(.invalidChoice, "the challenged ballot has \(ballot.contests.count) contests, "
                + "the election \(contests.count)")
        }
        return zip(ballot.contests, contests).map { contest, definition in
            let table = DiscreteLogTable(group: group, base: rules.key.element, bound: UInt64(definition.optionLimit))
            return contest.selections.map { selection in
                let xi = rules.selectionNonce(identifierHash: identifierHash, ballotNonce: nonce,
                                              contestIndex: contest.index, optionIndex: selection.optionIndex)
                return table.logarithm(of: rules.key.exponentialPlaintext(of: selection.ciphertext, nonce: xi))
                    .map { Int($0) }
            }
        }
    }

    /// The ballot with the encrypted answer of each write-in contest (blank where none is given); the nonces
    /// derive from the ballot nonce, so that a challenge reveals the answers too.
    static func addingWriteIns(_ writeIns: [Int: String], to ballot: EncryptedBallot<Suite.Group>,
                               contests: [Contest], rules: ElectionGuard21<Suite.Group>, ballotNonce: [UInt8]) throws
        -> EncryptedBallot<Suite.Group>
    {
        let identifierHash = rules.identifierHash(ballotIdentifier: ballot.identifier)
        let encoding = MessageEncoding(group: rules.group)
        var encrypted = ballot.contests
        for (offset, contest) in contests.enumerated() where contest.kind == .writeIn {
            let elements: [Suite.Group.Element]
            do {
                elements = try encoding.encode(writeIns[offset] ?? "", limit: contest.maximumWriteInBytes ?? 0,
                                               contest: contest.id)
            } catch {
                throw ElectionProcessError(.invalidChoice, error.message)
            }
            encrypted[offset] = encrypted[offset].adding(writeIns: EncryptedWriteIn.encryptAnswer(
                elements, rules: rules, identifierHash: identifierHash, ballotNonce: ballotNonce,
                contestIndex: offset + 1, optionCount: contest.options.count))
        }
        return EncryptedBallot(identifier: ballot.identifier, contests: encrypted,
                               chainingField: ballot.chainingField, confirmationCode: ballot.confirmationCode)
    }

    /// Checks choices against the contests: one row per contest, each valid for its contest
    /// (``Contest/validateChoices(_:)``: 0 or 1 per option within the limits, or ranks 1 … r), and written answers
    /// only for write-in contests, where no listed option is chosen as well.
    ///
    /// - Throws: ``ElectionProcessError`` `invalidChoice` naming the contest.
    public static func validate(_ choices: [[Int]], contests: [Contest], writeIns: [Int: String] = [:]) throws {
        for (offset, text) in writeIns where !text.isEmpty {
            guard contests.indices.contains(offset), contests[offset].kind == .writeIn else {
                throw ElectionProcessError(.invalidChoice, "an answer is written for a contest that is not a write-in "
                    + "contest (position \(offset + 1))")
            }
            guard offset >= choices.count || choices[offset].allSatisfy({ $0 == 0 }) else {
                throw ElectionProcessError(.invalidChoice, "contest \"\(contests[offset].id)\" takes a listed "
                    + "option or a written answer, not both")
            }
        }
        guard choices.count == contests.count else {
            throw ElectionProcessError(.invalidChoice, "the ballot has choices for \(choices.count) contests, the "
                + "election has \(contests.count)")
        }
        for (row, contest) in zip(choices, contests) {
            do { try contest.validateChoices(row) } catch {
                throw ElectionProcessError(.invalidChoice, error.message)
            }
        }
    }
}
