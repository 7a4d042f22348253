/// An authenticated cipher with a 32-byte key and a 24-byte nonce, as the COCKTAIL-DKG ciphersuites name them.
///
/// Nonces are derived deterministically by the protocol, never sampled; a key and nonce pair encrypts one message.
public enum AEADCipher: String, Sendable, Hashable, Codable {
    /// XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha), from libsodium.
    case xChaCha20Poly1305 = "XChaCha20-Poly1305"
    /// XAES-256-GCM (c2sp.org/XAES-256-GCM), AES-256-GCM with a derived key, from OpenSSL.
    case xAES256GCM = "XAES-256-GCM"

    /// The key length in bytes.
    public static let keyByteCount = 32
    /// The nonce length in bytes.
    public static let nonceByteCount = 24
    /// The length of the authentication tag appended to every ciphertext.
    public static let tagByteCount = 16

    /// The ciphertext (with its tag) of `plaintext` under `key` and `nonce`, authenticating `associatedData`.
    public func seal(_ plaintext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []) -> [UInt8] {
        precondition(key.count == Self.keyByteCount && nonce.count == Self.nonceByteCount, "key 32, nonce 24 bytes")
        switch self {
        case .xChaCha20Poly1305:
            return XChaCha20Poly1305.seal(plaintext, key: key, nonce: nonce, associatedData: associatedData)
        case .xAES256GCM:
            return XAES256GCM.seal(plaintext, key: key, nonce: nonce, associatedData: associatedData)
        }
    }

    /// The plaintext of `ciphertext`, or `nil` when it is too short or its tag does not verify.
    public func open(_ ciphertext: [UInt8], key: [UInt8], nonce: [UInt8], associatedData: [UInt8] = []) -> [UInt8]? {
        precondition(key.count == Self.keyByteCount && nonce.count == Self.nonceByteCount, "key 32, nonce 24 bytes")
        guard ciphertext.count >= Self.tagByteCount else { return nil }
        switch self {
        case .xChaCha20Poly1305:
            return XChaCha20Poly1305.open(ciphertext, key: key, nonce: nonce, associatedData: associatedData)
        case .xAES256GCM:
            return XAES256GCM.open(ciphertext, key: key, nonce: nonce, associatedData: associatedData)
        }
    }
}
