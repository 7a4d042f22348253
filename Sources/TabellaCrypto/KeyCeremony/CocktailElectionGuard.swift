import TabellaGroups

/// `COCKTAIL(ElectionGuard-4096, SHA-256)`: Tabella's own ciphersuite for the ElectionGuard 2.x integer group
/// (4096-bit p, 256-bit q), built exactly as `COCKTAIL(P-256, SHA-256)` with the group swapped.
///
/// Elements are 512-byte big-endian residues (the ElectionGuard encoding), scalars 32-byte big-endian, the ECDH
/// shared secret is the encoded residue, and the AEAD is XAES-256-GCM. See `Docs/ceremony.md`.
public struct CocktailElectionGuard: CocktailCiphersuite {
    /// The ElectionGuard 2.x standard group.
    public let group = IntegerGroup.electionGuard
    /// `COCKTAIL(ElectionGuard-4096, SHA-256)`.
    public let identifier = "COCKTAIL(ElectionGuard-4096, SHA-256)"
    /// SHA-256.
    public let hash = Digest.sha256
    /// `COCKTAIL-DKG-ElectionGuard4096-SHA256-H6`.
    public let keyDerivationPrefix = "COCKTAIL-DKG-ElectionGuard4096-SHA256-H6"
    /// `COCKTAIL-DKG-ElectionGuard4096-SHA256-NONCE`.
    public let noncePrefix = "COCKTAIL-DKG-ElectionGuard4096-SHA256-NONCE"
    /// `COCKTAIL-DKG-ElectionGuard4096-SHA256-H7`.
    public let challengePrefix = "COCKTAIL-DKG-ElectionGuard4096-SHA256-H7"
    /// XAES-256-GCM.
    public let cipher = AEADCipher.xAES256GCM

    /// The ciphersuite.
    public init() {}

    /// The 48-byte SHA-256 expansion reduced modulo q (q = 2²⁵⁶ − 189, so the bias is far below 2⁻¹²⁸).
    public func hashToScalar(_ input: [UInt8]) -> Scalar { expandedSHA256Scalar(input) }
}
