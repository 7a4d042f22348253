import TabellaGroups

/// A COCKTAIL-DKG Schnorr signature `(R, z)`: proofs of possession and transcript certificates.
///
/// Signing is deterministic: `k = HashToScalar(prefix_nonce ‖ encode(sk) ‖ m)`,
/// `c = HashToScalar(prefix_H7 ‖ R ‖ pk ‖ m)`, `z = k + c·sk`. Verification checks `g^z = R · pk^c`.
public struct SchnorrSignature<Suite: CocktailCiphersuite>: Sendable, Hashable {
    /// The commitment `R = g^k`.
    public let commitment: Suite.Group.Element
    /// The response `z`.
    public let response: Scalar

    /// A signature from its parts.
    public init(commitment: Suite.Group.Element, response: Scalar) {
        self.commitment = commitment
        self.response = response
    }

    /// Signs `message` with the secret key `secretKey`.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/internalInconsistency`` in the negligible case `k = 0`, where
    ///   the scheme must abort rather than reveal the key.
    public init(signing message: [UInt8], secretKey: Scalar, suite: Suite) throws(CeremonyError) {
        let group = suite.group
        let publicKey = group.generatorPower(secret: secretKey)
        var encodedKey = group.scalars.encode(secretKey)
        let nonce = suite.hashToScalar(Array(suite.noncePrefix.utf8) + encodedKey + message)
        for index in encodedKey.indices { encodedKey[index] = 0 }
        guard !nonce.isZero else {
            throw CeremonyError(.internalInconsistency, "the deterministic Schnorr nonce is zero; use a new session")
        }
        let commitment = group.generatorPower(secret: nonce)
        let challenge = Self.challenge(commitment: commitment, publicKey: publicKey, message: message, suite: suite)
        self.commitment = commitment
        response = group.scalars.add(nonce, group.scalars.multiply(challenge, secretKey))
    }

    /// Reads `R ‖ z`, checking that `R` is a valid non-identity element and `z` a canonical scalar.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/malformedMessage`` naming `what`.
    public init(bytes: [UInt8], suite: Suite, what: String, participant: Int? = nil) throws(CeremonyError) {
        guard bytes.count == suite.signatureByteCount else {
            throw CeremonyError(
                .malformedMessage, "\(what) has \(bytes.count) bytes, not \(suite.signatureByteCount)",
                participant: participant)
        }
        let split = suite.group.elementByteCount
        commitment = try suite.decodeNonIdentity(Array(bytes[0..<split]), "the commitment R of \(what)",
            participant: participant)
        response = try suite.decodeScalar(Array(bytes[split...]), "the response z of \(what)", participant: participant)
    }

    /// `R ‖ z`.
    public func encoded(suite: Suite) -> [UInt8] {
        suite.group.encode(commitment) + suite.group.scalars.encode(response)
    }

    /// Whether this is a valid signature of `message` under `publicKey`.
    public func isValid(for message: [UInt8], publicKey: Suite.Group.Element, suite: Suite) -> Bool {
        let group = suite.group
        guard commitment != group.identity else { return false }
        let challenge = Self.challenge(commitment: commitment, publicKey: publicKey, message: message, suite: suite)
        let right = group.multiPower([commitment, publicKey], [group.scalars.one, challenge])
        return group.generatorPower(public: response) == right
    }

    /// `HashToScalar(prefix_H7 ‖ R ‖ pk ‖ m)`.
    static func challenge(
        commitment: Suite.Group.Element, publicKey: Suite.Group.Element, message: [UInt8], suite: Suite
    ) -> Scalar {
        suite.hashToScalar(
            Array(suite.challengePrefix.utf8) + suite.group.encode(commitment) + suite.group.encode(publicKey)
                + message)
    }
}
