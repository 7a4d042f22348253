import TabellaCrypto
import TabellaGroups

/// The identifier of a native ballot, bound to the credential that casts it:
/// `id_B = SHA-256("tabella/ballot-id/v1" ‖ u8 len ‖ election ‖ credential ‖ salt)`.
///
/// Every proof of a ballot hashes `id_B` (through `H_I`), so a ballot copied and re-signed under another
/// credential no longer matches its identifier, and one whose identifier is recomputed fails its proofs.
public enum BallotIdentity {
    /// The salt's length in bytes.
    public static let saltByteCount = 16

    /// `id_B` of a ballot cast by `credential` with `salt` in `election`.
    public static func identifier(election: String, credential: Ed25519.PublicKey, salt: [UInt8]) -> [UInt8] {
        let name = Array(election.utf8)
        return Digest.sha256.hash(Array("tabella/ballot-id/v1".utf8) + [UInt8(name.count)] + name
            + credential.bytes + salt)
    }

    /// The chaining field of a native ballot: ElectionGuard's unchained form, with the election as its device.
    public static func chainingField<Group>(rules: ElectionGuard21<Group>, election: String) -> [UInt8] {
        rules.unchainedField(deviceHash: rules.deviceHash("tabella:\(election)"))
    }
}
