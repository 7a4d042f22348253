import TabellaGroups

/// What every participant agrees on before round 1: the ciphersuite, the threshold `t`, the ordered static public
/// keys `P₁ … Pₙ` (participant `i` is the one whose key is at position `i`), the session id and the context.
public struct CeremonySetup<Suite: CocktailCiphersuite>: Sendable {
    /// The ciphersuite.
    public let suite: Suite
    /// The threshold `t`: any `t` participants can use the key, fewer learn nothing.
    public let threshold: Int
    /// The static public keys in participant order.
    public let publicKeys: [Suite.Group.Element]
    /// The session id, unique to this ceremony.
    public let sessionID: [UInt8]
    /// `context`: the hash binding the session id, the ciphersuite and the ordered keys.
    public let context: [UInt8]

    /// The largest encrypted share accepted (the spec's recommended `MAX_CIPHERTEXT_SIZE`, 64 KiB).
    public static var maximumCiphertextByteCount: Int { 65_536 }

    /// Checks and fixes the setup.
    ///
    /// - Throws: ``CeremonyError`` with `invalidSetup` when `t < 1`, `t > n`, `n = 0` or `n ≥ 2³²`, or a key is
    ///   the identity; `duplicateKey` when two participants share a key.
    public init(suite: Suite, threshold: Int, publicKeys: [Suite.Group.Element], sessionID: [UInt8])
        throws(CeremonyError)
    {
        try self.init(suite: suite, threshold: threshold, publicKeys: publicKeys, sessionID: sessionID,
            context: suite.context(sessionID: sessionID, publicKeys: publicKeys))
    }

    /// Checks a setup whose context is already known (read from a transcript); the session id may be unknown.
    init(
        suite: Suite, threshold: Int, publicKeys: [Suite.Group.Element], sessionID: [UInt8], context: [UInt8]
    ) throws(CeremonyError) {
        let count = publicKeys.count
        guard count >= 1, count <= Int(UInt32.max) else {
            throw CeremonyError(.invalidSetup, "a ceremony needs between 1 and 2³² − 1 participants, not \(count)")
        }
        guard threshold >= 1, threshold <= count else {
            throw CeremonyError(.invalidSetup,
                "the threshold must satisfy 1 ≤ t ≤ n = \(count), but t = \(threshold)")
        }
        for (offset, key) in publicKeys.enumerated() {
            guard key != suite.group.identity else {
                throw CeremonyError(.invalidSetup, "the public key of participant \(offset + 1) is the identity",
                    participant: offset + 1)
            }
            if let first = publicKeys[..<offset].firstIndex(of: key) {
                throw CeremonyError(.duplicateKey,
                    "participants \(first + 1) and \(offset + 1) have the same public key", participant: offset + 1)
            }
        }
        self.suite = suite
        self.threshold = threshold
        self.publicKeys = publicKeys
        self.sessionID = sessionID
        self.context = context
    }

    /// `n`, the number of participants.
    public var participantCount: Int { publicKeys.count }

    /// Checks that `index` is a participant id, 1 through `n`.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/invalidParticipant``.
    public func checkParticipant(_ index: Int) throws(CeremonyError) {
        guard index >= 1, index <= participantCount else {
            throw CeremonyError(.invalidParticipant,
                "participant id \(index) is outside 1…\(participantCount)", participant: index)
        }
    }

    /// The AEAD key and nonce of the share from `sender` to `recipient`, given `Sᵉ ‖ Sᵈ`.
    func shareKey(sharedSecrets: [UInt8], ephemeralKey: Suite.Group.Element, sender: Int, recipient: Int)
        -> (key: [UInt8], nonce: [UInt8])
    {
        let group = suite.group
        return suite.shareKey(
            sharedSecrets: sharedSecrets, ephemeral: group.encode(ephemeralKey),
            sender: group.encode(publicKeys[sender - 1]), recipient: group.encode(publicKeys[recipient - 1]),
            context: context)
    }

    /// `∏ₖ C_k^(index^k)`: the public image `g^f(index)` of a committed polynomial at a participant id.
    public func commitmentValue(_ commitment: [Suite.Group.Element], at index: Int) -> Suite.Group.Element {
        let scalars = suite.group.scalars
        let point = scalars.scalar(UInt64(index))
        var powers = [scalars.one]
        for _ in 1..<max(commitment.count, 1) { powers.append(scalars.multiply(powers[powers.count - 1], point)) }
        return suite.group.multiPower(commitment, Array(powers.prefix(commitment.count)))
    }
}
