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
    /// - Parameter choices: per contest, per option, 1 for selected and 0 for not.
    /// - Throws: ``ElectionProcessError`` `notReady` when voting is not open, `invalidChoice` for choices that
    ///   break a contest's limits; ``ElectionRejection`` if the ballot fails the board's check (a client bug).
    public func ballot(_ view: ElectionView<Suite>, choices: [[Int]]) throws -> PreparedBallot {
        try prepare(view, choices: choices, challenge: false)
    }

    /// Encrypts a ballot and reveals its nonce: the Benaloh challenge. The entry spoils the ballot; anyone can
    /// check that it encrypts `choices`, and it can never be cast.
    public func challenge(_ view: ElectionView<Suite>, choices: [[Int]]) throws -> PreparedBallot {
        try prepare(view, choices: choices, challenge: true)
    }

    private func prepare(_ view: ElectionView<Suite>, choices: [[Int]], challenge: Bool) throws -> PreparedBallot {
        guard view.ledger.phase == .voting, let checker = view.ledger.checker else {
            throw ElectionProcessError(.notReady, "voting is not open on this board")
        }
        try Self.validate(choices, contests: checker.contests)
        let salt = SecureRandom.bytes(count: BallotIdentity.saltByteCount)
        let nonce = SecureRandom.bytes(count: 32)
        let rules = checker.rules
        let plaintext = checker.contests.enumerated().map { offset, contest in
            PlaintextContest(index: offset + 1, contestLimit: contest.maximumSelections,
                             minimumTotal: contest.minimumSelections, optionLimit: 1, votes: choices[offset])
        }
        let ballot = BallotEncryptor(rules: rules).encrypt(
            identifier: BallotIdentity.identifier(election: election, credential: credential.publicKey, salt: salt),
            contests: plaintext, ballotNonce: nonce,
            chainingField: BallotIdentity.chainingField(rules: rules, election: election))
        let encoded = ballot.encoded(in: rules.group)
        let payload = challenge
            ? PayloadCoding.encode(ChallengePost(salt: salt, ballot: encoded, ballotNonce: nonce, choices: choices))
            : PayloadCoding.encode(BallotPost(salt: salt, ballot: encoded))
        let type = challenge ? ElectionEntryType.challenge : .ballot
        let entry = try BoardEntry(type: type.rawValue, election: election, payload: payload, signedBy: credential)
        _ = try checker.check(entry)
        return PreparedBallot(entry: entry, confirmationCode: ballot.confirmationCode, choices: choices)
    }

    /// The choices a challenged ballot encrypts, recovered with its revealed nonce: each selection's `β / K^ξ` is
    /// `K^0` or `K^1`. The voter compares them with what they chose; `nil` marks a selection that is neither.
    public static func reveal(_ post: ChallengePost, rules: ElectionGuard21<Suite.Group>) throws -> [[Int?]] {
        let group = rules.group
        let ballot = try EncryptedBallot<Suite.Group>(decoding: Array(post.ballot), in: group)
        guard let nonce = Hex.decode(post.ballotNonce) else {
            throw ElectionProcessError(.invalidChoice, "the challenge's nonce is not hexadecimal")
        }
        let identifierHash = rules.identifierHash(ballotIdentifier: ballot.identifier)
        return ballot.contests.map { contest in
            contest.selections.map { selection in
                let xi = rules.selectionNonce(identifierHash: identifierHash, ballotNonce: nonce,
                                              contestIndex: contest.index, optionIndex: selection.optionIndex)
                let plain = rules.key.exponentialPlaintext(of: selection.ciphertext, nonce: xi)
                return plain == group.identity ? 0 : plain == rules.key.element ? 1 : nil
            }
        }
    }

    /// Checks choices against the contests: one row per contest, one 0 or 1 per option, within the limits.
    ///
    /// - Throws: ``ElectionProcessError`` `invalidChoice` naming the contest.
    public static func validate(_ choices: [[Int]], contests: [Contest]) throws {
        guard choices.count == contests.count else {
            throw ElectionProcessError(.invalidChoice, "the ballot has choices for \(choices.count) contests, the "
                + "election has \(contests.count)")
        }
        for (row, contest) in zip(choices, contests) {
            let total = row.reduce(0, +)
            guard row.count == contest.options.count, row.allSatisfy({ $0 == 0 || $0 == 1 }) else {
                throw ElectionProcessError(.invalidChoice, "contest \"\(contest.id)\" needs one 0 or 1 per option")
            }
            guard (contest.minimumSelections...contest.maximumSelections).contains(total) else {
                throw ElectionProcessError(.invalidChoice, "contest \"\(contest.id)\" takes "
                    + "\(contest.minimumSelections) to \(contest.maximumSelections) selections, not \(total)")
            }
        }
    }
}
