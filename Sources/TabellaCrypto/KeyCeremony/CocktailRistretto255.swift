import TabellaGroups

/// `COCKTAIL(Ristretto255, SHA-512)`: ristretto255, SHA-512, XChaCha20-Poly1305; scalars little-endian.
public struct CocktailRistretto255: CocktailCiphersuite {
    /// ristretto255 over libsodium.
    public let group = Ristretto255()
    /// `COCKTAIL(Ristretto255, SHA-512)`.
    public let identifier = "COCKTAIL(Ristretto255, SHA-512)"
    /// SHA-512.
    public let hash = Digest.sha512
    /// `COCKTAIL-DKG-Ristretto255-SHA512-H6`.
    public let keyDerivationPrefix = "COCKTAIL-DKG-Ristretto255-SHA512-H6"
    /// `COCKTAIL-DKG-Ristretto255-SHA512-NONCE`.
    public let noncePrefix = "COCKTAIL-DKG-Ristretto255-SHA512-NONCE"
    /// `COCKTAIL-DKG-Ristretto255-SHA512-H7`.
    public let challengePrefix = "COCKTAIL-DKG-Ristretto255-SHA512-H7"
    /// XChaCha20-Poly1305.
    public let cipher = AEADCipher.xChaCha20Poly1305

    /// The ciphersuite.
    public init() {}

    /// SHA-512 of the input, read little-endian and reduced modulo the group order.
    public func hashToScalar(_ input: [UInt8]) -> Scalar {
        group.scalars.reduce(littleEndian: Digest.sha512.hash(input))
    }
}
