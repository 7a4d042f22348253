import TabellaGroups

/// `msg₁|ᵢ`: a participant's VSS commitment, proof of possession, ephemeral key and one encrypted share per
/// participant (its own included), encoded `C ‖ PoP ‖ E ‖ len(c₁) ‖ c₁ ‖ … ‖ len(cₙ) ‖ cₙ` with 64-bit
/// big-endian lengths.
public struct Round1Message<Suite: CocktailCiphersuite>: Sendable, Hashable {
    /// The commitments `C_k = g^(a_k)` to the polynomial's coefficients, exactly `t` of them.
    public let commitment: [Suite.Group.Element]
    /// The proof of possession of `a₀`: a signature of `context ‖ C ‖ E` under `C₀`.
    public let proofOfPossession: SchnorrSignature<Suite>
    /// The ephemeral public key `E`.
    public let ephemeralKey: Suite.Group.Element
    /// The encrypted shares, the `j`-th addressed to participant `j`.
    public let encryptedShares: [[UInt8]]

    /// A message from its parts.
    public init(
        commitment: [Suite.Group.Element], proofOfPossession: SchnorrSignature<Suite>,
        ephemeralKey: Suite.Group.Element, encryptedShares: [[UInt8]]
    ) {
        self.commitment = commitment
        self.proofOfPossession = proofOfPossession
        self.ephemeralKey = ephemeralKey
        self.encryptedShares = encryptedShares
    }

    /// Parses the message of participant `sender` for `setup`: exactly `t` non-identity points, a well-formed
    /// signature, a non-identity ephemeral key and `n` framed ciphertexts within the size bounds, nothing after.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/malformedMessage`` naming the field and the sender.
    public init(bytes: [UInt8], setup: CeremonySetup<Suite>, sender: Int) throws(CeremonyError) {
        let suite = setup.suite
        let size = suite.group.elementByteCount
        var reader = ByteReader(bytes)
        func take(_ count: Int, _ what: String) throws(CeremonyError) -> [UInt8] {
            guard let field = reader.read(count) else {
                throw CeremonyError(.malformedMessage, "the round-1 message ends inside \(what)", participant: sender)
            }
            return field
        }
        var commitment = [Suite.Group.Element]()
        for k in 0..<setup.threshold {
            commitment.append(try suite.decodeNonIdentity(try take(size, "commitment \(k)"),
                "commitment point C_\(k)", participant: sender))
        }
        proofOfPossession = try SchnorrSignature(bytes: try take(suite.signatureByteCount, "the proof of possession"),
            suite: suite, what: "the proof of possession", participant: sender)
        let ephemeral = try suite.decodeNonIdentity(try take(size, "the ephemeral key"), "the ephemeral key E",
            participant: sender)
        var shares = [[UInt8]]()
        for recipient in 1...setup.participantCount {
            guard let length = reader.readUInt64BigEndian() else {
                throw CeremonyError(.malformedMessage, "the round-1 message ends before the share for \(recipient)",
                    participant: sender)
            }
            guard length >= UInt64(suite.minimumCiphertextByteCount),
                length <= UInt64(CeremonySetup<Suite>.maximumCiphertextByteCount)
            else {
                throw CeremonyError(.malformedMessage,
                    "the share for participant \(recipient) has \(length) bytes, outside "
                        + "\(suite.minimumCiphertextByteCount)…\(CeremonySetup<Suite>.maximumCiphertextByteCount)",
                    participant: sender)
            }
            shares.append(try take(Int(length), "the share for participant \(recipient)"))
        }
        guard reader.remaining == 0 else {
            throw CeremonyError(.malformedMessage,
                "the round-1 message has \(reader.remaining) bytes after its last share (a commitment of the wrong "
                    + "length for t = \(setup.threshold)?)", participant: sender)
        }
        self.commitment = commitment
        ephemeralKey = ephemeral
        encryptedShares = shares
    }

    /// The wire encoding.
    public func encoded(suite: Suite) -> [UInt8] {
        var bytes = commitment.flatMap(suite.group.encode)
        bytes += proofOfPossession.encoded(suite: suite)
        bytes += suite.group.encode(ephemeralKey)
        for share in encryptedShares { bytes += ByteFraming.uint64BigEndian(UInt64(share.count)) + share }
        return bytes
    }

    /// The message signed by the proof of possession: `context ‖ C₀ ‖ … ‖ C_(t−1) ‖ E`.
    public static func possessionMessage(
        context: [UInt8], commitment: [Suite.Group.Element], ephemeralKey: Suite.Group.Element, suite: Suite
    ) -> [UInt8] {
        context + commitment.flatMap(suite.group.encode) + suite.group.encode(ephemeralKey)
    }
}
