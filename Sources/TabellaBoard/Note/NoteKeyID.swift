import TabellaGroups

/// The signature types of c2sp.org/signed-note that Tabella signs and verifies.
public enum NoteSignatureType: UInt8, Sendable {
    /// An Ed25519 signature over the note text (signed-note §Ed25519 signatures).
    case ed25519 = 0x01
    /// A timestamped Ed25519 cosignature of a checkpoint (c2sp.org/tlog-cosignature).
    case cosignatureV1 = 0x04

    /// The key ID: the first four bytes, big-endian, of `SHA-256(name ‖ 0x0A ‖ type ‖ public key)`.
    public func keyID(name: String, publicKey: [UInt8]) -> UInt32 {
        let hash = Digest.sha256.hash(Array(name.utf8), [0x0a, rawValue], publicKey)
        return hash[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension UInt32 {
    /// The four bytes of the value, big-endian.
    var bigEndianBytes: [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: self >> $0) } }
}

extension UInt64 {
    /// The eight bytes of the value, big-endian.
    var bigEndianBytes: [UInt8] { [56, 48, 40, 32, 24, 16, 8, 0].map { UInt8(truncatingIfNeeded: self >> $0) } }
}

/// Whether `name` is a valid key name: non-empty, no Unicode spaces, no `+`.
func isValidKeyName(_ name: String) -> Bool {
    !name.isEmpty && !name.unicodeScalars.contains { $0 == "+" || $0.properties.isWhitespace }
}
