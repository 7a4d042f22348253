import TabellaGroups

/// `COCKTAIL(P-256, SHA-256)`: NIST P-256, SHA-256, XAES-256-GCM; compressed SEC 1 points, big-endian scalars.
public struct CocktailP256: CocktailCiphersuite {
    /// P-256 over OpenSSL.
    public let group = P256()
    /// `COCKTAIL(P-256, SHA-256)`.
    public let identifier = "COCKTAIL(P-256, SHA-256)"
    /// SHA-256.
    public let hash = Digest.sha256
    /// `COCKTAIL-DKG-P256-SHA256-H6`.
    public let keyDerivationPrefix = "COCKTAIL-DKG-P256-SHA256-H6"
    /// `COCKTAIL-DKG-P256-SHA256-NONCE`.
    public let noncePrefix = "COCKTAIL-DKG-P256-SHA256-NONCE"
    /// `COCKTAIL-DKG-P256-SHA256-H7`.
    public let challengePrefix = "COCKTAIL-DKG-P256-SHA256-H7"
    /// XAES-256-GCM.
    public let cipher = AEADCipher.xAES256GCM

    /// The ciphersuite.
    public init() {}

    /// The 48-byte SHA-256 expansion reduced modulo the curve order.
    public func hashToScalar(_ input: [UInt8]) -> Scalar { expandedSHA256Scalar(input) }
}
