import TabellaGroups

/// A COCKTAIL-DKG ciphersuite (c2sp.org/cocktail-dkg): a prime-order group with its encodings, a hash function,
/// the hash-to-scalar reduction of its Schnorr signatures, the key derivation `H6` and an authenticated cipher.
///
/// Points are encoded with the group's canonical encoding (which is also the ECDH shared-secret encoding), scalars
/// with its scalar field's encoding.
public protocol CocktailCiphersuite: Sendable {
    /// The group the ceremony runs in.
    associatedtype Group: PrimeOrderGroup

    /// The group.
    var group: Group { get }
    /// The canonical `ciphersuite_id`, such as `COCKTAIL(Ristretto255, SHA-512)`.
    var identifier: String { get }
    /// The hash function `H` (context, transcript hash, `H6`).
    var hash: Digest { get }
    /// The prefix of `H6`, such as `COCKTAIL-DKG-Ristretto255-SHA512-H6`.
    var keyDerivationPrefix: String { get }
    /// The prefix of the Schnorr nonce derivation.
    var noncePrefix: String { get }
    /// The prefix of the Schnorr challenge `H7`.
    var challengePrefix: String { get }
    /// The authenticated cipher that encrypts shares.
    var cipher: AEADCipher { get }

    /// `HashToScalar`: the input hashed and reduced modulo q with bias at most 2⁻¹²⁸.
    func hashToScalar(_ input: [UInt8]) -> Scalar
}

extension CocktailCiphersuite {
    /// The ceremony context of the recommended construction: it binds the session id, the ciphersuite and the
    /// ordered public keys.
    public func context(sessionID: [UInt8], publicKeys: [Group.Element]) -> [UInt8] {
        var parts: [[UInt8]] = [
            Array("COCKTAIL-DKG-CONTEXT".utf8),
            ByteFraming.uint64BigEndian(UInt64(sessionID.count)), sessionID,
            ByteFraming.uint64BigEndian(UInt64(identifier.utf8.count)), Array(identifier.utf8),
            ByteFraming.uint32LittleEndian(UInt32(publicKeys.count)),
        ]
        parts += publicKeys.map(group.encode)
        return hash.hash(parts: parts)
    }

    /// The AEAD key and nonce for a share, from `x = Sᵉ ‖ Sᵈ`, the sender's ephemeral key, the sender's and the
    /// recipient's static keys and the context: one `H6` call when the hash has at least 56 bytes, otherwise two
    /// calls separated by `derive_extra(context, "key" | "nonce")`.
    public func shareKey(
        sharedSecrets: [UInt8], ephemeral: [UInt8], sender: [UInt8], recipient: [UInt8], context: [UInt8]
    ) -> (key: [UInt8], nonce: [UInt8]) {
        func h6(_ extra: [UInt8]) -> [UInt8] {
            hash.hash(
                Array(keyDerivationPrefix.utf8), sharedSecrets, ephemeral, sender, recipient,
                ByteFraming.uint64LittleEndian(UInt64(extra.count)), extra
            )
        }
        if hash.outputByteCount >= AEADCipher.keyByteCount + AEADCipher.nonceByteCount {
            let output = h6(context)
            return (Array(output[0..<32]), Array(output[32..<56]))
        }
        func deriveExtra(_ label: String) -> [UInt8] {
            ByteFraming.uint64LittleEndian(UInt64(context.count)) + context
                + ByteFraming.uint64LittleEndian(UInt64(label.utf8.count)) + Array(label.utf8)
        }
        return (h6(deriveExtra("key")), Array(h6(deriveExtra("nonce"))[0..<24]))
    }

    /// The smallest ciphertext of a share: a scalar and the tag.
    public var minimumCiphertextByteCount: Int { group.scalars.byteCount + AEADCipher.tagByteCount }

    /// The length of an encoded Schnorr signature: a point and a scalar.
    public var signatureByteCount: Int { group.elementByteCount + group.scalars.byteCount }

    /// Decodes an element that must not be the identity (commitments, ephemeral and static keys, nonces).
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/malformedMessage`` naming `what` and the failed check.
    public func decodeNonIdentity(_ bytes: [UInt8], _ what: String, participant: Int? = nil) throws(CeremonyError)
        -> Group.Element
    {
        let element: Group.Element
        do {
            element = try group.decode(bytes)
        } catch {
            throw CeremonyError(.malformedMessage, "\(what) is not a valid element: \(error)", participant: participant)
        }
        guard element != group.identity else {
            throw CeremonyError(.malformedMessage, "\(what) is the identity element", participant: participant)
        }
        return element
    }

    /// Decodes a canonical scalar.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/malformedMessage`` naming `what`.
    public func decodeScalar(_ bytes: [UInt8], _ what: String, participant: Int? = nil) throws(CeremonyError)
        -> Scalar
    {
        do {
            return try group.scalars.decode(bytes)
        } catch {
            throw CeremonyError(.malformedMessage, "\(what) is not a valid scalar: \(error)", participant: participant)
        }
    }
}

extension CocktailCiphersuite {
    /// `HashToScalar` for 256-bit big-endian groups hashed with SHA-256: the 48-byte expansion
    /// `SHA256(0x01 ‖ input) ‖ SHA256(0x02 ‖ input)[0:16]`, read big-endian, reduced modulo q.
    public func expandedSHA256Scalar(_ input: [UInt8]) -> Scalar {
        let first = Digest.sha256.hash([0x01], input)
        let second = Digest.sha256.hash([0x02], input)
        return group.scalars.reduce(bigEndian: first + second[0..<16])
    }
}
