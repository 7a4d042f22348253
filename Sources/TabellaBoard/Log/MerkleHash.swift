import TabellaGroups

/// The hashes of an RFC 6962 Merkle tree (RFC 9162 §2.1.1): SHA-256 with a one-byte domain separator,
/// `0x00` for a leaf and `0x01` for an interior node.
public enum MerkleHash {
    /// The length of every hash in the tree.
    public static let byteCount = 32

    /// The hash of an empty tree: SHA-256 of the empty string.
    public static let empty: [UInt8] = Digest.sha256.hash([])

    /// `SHA-256(0x00 ‖ entry)`, the hash of a leaf holding `entry`.
    public static func leaf(_ entry: [UInt8]) -> [UInt8] {
        Digest.sha256.hash([0x00], entry)
    }

    /// `SHA-256(0x01 ‖ left ‖ right)`, the hash of an interior node.
    public static func node(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        Digest.sha256.hash([0x01], left, right)
    }
}
