import TabellaCrypto

/// The message an Ed25519 cosigner signs (c2sp.org/tlog-cosignature v1): `cosignature/v1`, `time <t>`, then the
/// checkpoint's note text.
func cosignedMessage(timestamp: UInt64, text: String) -> [UInt8] {
    Array("cosignature/v1\ntime \(timestamp)\n".utf8) + Array(text.utf8)
}

/// Verifies timestamped Ed25519 cosignatures (type `0x04`) of checkpoints: a witness's statement that it saw the
/// checkpoint consistent with everything it saw before.
public struct CosignatureVerifier: NoteVerifier, Hashable {
    /// The cosigner's name.
    public let keyName: String
    /// The key ID derived from the name and key with type `0x04`.
    public let keyID: UInt32
    /// The cosigner's Ed25519 key.
    public let publicKey: Ed25519.PublicKey

    /// The verifier of cosigner `name` with `publicKey`.
    public init(name: String, publicKey: Ed25519.PublicKey) {
        precondition(isValidKeyName(name), "a key name is non-empty and has no spaces or `+`")
        keyName = name
        self.publicKey = publicKey
        keyID = NoteSignatureType.cosignatureV1.keyID(name: name, publicKey: publicKey.bytes)
    }

    /// Whether `signature` is a timestamp (8 bytes, at most 2^63 − 1) and a valid Ed25519 signature of the
    /// cosigned message for `text`.
    public func isValid(_ signature: [UInt8], for text: String) -> Bool {
        guard let timestamp = Self.timestamp(of: signature) else { return false }
        return publicKey.isValidSignature(
            Array(signature[8...]), for: cosignedMessage(timestamp: timestamp, text: text))
    }

    /// The timestamp of a well-formed cosignature, or `nil` when the bytes are not 8 + 64 long or the time is
    /// above 2^63 − 1.
    public static func timestamp(of signature: [UInt8]) -> UInt64? {
        guard signature.count == 8 + Ed25519.signatureByteCount else { return nil }
        let timestamp = signature[0..<8].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return timestamp <= UInt64(Int64.max) ? timestamp : nil
    }

    /// The verifier key string `name+keyID+base64(0x04 ‖ key)`.
    public var verifierKey: String {
        VerifierKey.format(name: keyName, keyID: keyID, type: .cosignatureV1, publicKey: publicKey.bytes)
    }
}

/// Produces timestamped Ed25519 cosignatures (type `0x04`) as a witness.
public struct CosignatureSigner: NoteSigner {
    /// The cosigner's name.
    public let keyName: String
    /// The signing key (distinct from any key used for another cosigner or signature type).
    public let privateKey: Ed25519.PrivateKey
    /// Where the signing time comes from, in POSIX seconds.
    public let clock: @Sendable () -> UInt64

    /// A cosigner named `name`, stamping signatures with `clock()`.
    public init(name: String, privateKey: Ed25519.PrivateKey, clock: @escaping @Sendable () -> UInt64) {
        precondition(isValidKeyName(name), "a key name is non-empty and has no spaces or `+`")
        keyName = name
        self.privateKey = privateKey
        self.clock = clock
    }

    /// The matching verifier.
    public var verifier: CosignatureVerifier { CosignatureVerifier(name: keyName, publicKey: privateKey.publicKey) }

    /// The key ID derived from the name and key with type `0x04`.
    public var keyID: UInt32 { verifier.keyID }

    /// The timestamp followed by the Ed25519 signature of the cosigned message.
    public func signature(for text: String) -> [UInt8] {
        let timestamp = min(clock(), UInt64(Int64.max))
        return timestamp.bigEndianBytes + privateKey.signature(for: cosignedMessage(timestamp: timestamp, text: text))
    }
}
