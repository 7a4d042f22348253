internal import CSodium
import TabellaGroups

/// Ed25519 signatures (RFC 8032) over libsodium: voter credentials, board operators, trustees' identities.
public enum Ed25519 {
    /// The length of a public key.
    public static let publicKeyByteCount = 32
    /// The length of a signature.
    public static let signatureByteCount = 64
    /// The length of a seed, from which a key pair is derived.
    public static let seedByteCount = 32

    /// A verification key.
    public struct PublicKey: Sendable, Hashable {
        /// The 32-byte encoding of the key.
        public let bytes: [UInt8]

        /// Reads a public key; it must be 32 bytes and a valid curve point of the prime-order subgroup.
        ///
        /// - Throws: ``SignatureError`` naming the length or the invalid point.
        public init(bytes: [UInt8]) throws(SignatureError) {
            guard bytes.count == Ed25519.publicKeyByteCount else {
                throw SignatureError(.wrongLength, "an Ed25519 public key has 32 bytes, not \(bytes.count)")
            }
            guard crypto_core_ed25519_is_valid_point(bytes) == 1 else {
                throw SignatureError(.invalidKey, "the Ed25519 public key is not a valid point of the main subgroup")
            }
            self.bytes = bytes
        }

        /// Whether `signature` is a valid signature of `message` under this key.
        public func isValidSignature(_ signature: [UInt8], for message: [UInt8]) -> Bool {
            guard signature.count == Ed25519.signatureByteCount else { return false }
            return crypto_sign_verify_detached(signature, message, UInt64(message.count), bytes) == 0
        }
    }

    /// A signing key. Its secret bytes stay in memory only; they are wiped when the last copy goes away.
    public struct PrivateKey: Sendable {
        private let storage: SecretStorage
        /// The matching verification key.
        public let publicKey: PublicKey

        /// A new random key.
        public init() {
            self.init(validSeed: SecureRandom.bytes(count: Ed25519.seedByteCount))
        }

        /// The key derived from a 32-byte seed.
        ///
        /// - Throws: ``SignatureError`` when the seed does not have 32 bytes.
        public init(seed: [UInt8]) throws(SignatureError) {
            guard seed.count == Ed25519.seedByteCount else {
                throw SignatureError(.wrongLength, "an Ed25519 seed has 32 bytes, not \(seed.count)")
            }
            self.init(validSeed: seed)
        }

        private init(validSeed seed: [UInt8]) {
            var publicBytes = [UInt8](repeating: 0, count: Int(crypto_sign_PUBLICKEYBYTES))
            var secretBytes = [UInt8](repeating: 0, count: Int(crypto_sign_SECRETKEYBYTES))
            _ = crypto_sign_seed_keypair(&publicBytes, &secretBytes, seed)
            storage = SecretStorage(secretBytes)
            for index in secretBytes.indices { secretBytes[index] = 0 }
            // A key made by libsodium from a seed is always a valid point.
            publicKey = try! PublicKey(bytes: publicBytes)
        }

        /// The 32-byte seed, for storing the key encrypted at rest.
        public var seed: [UInt8] { Array(storage.bytes[0..<Ed25519.seedByteCount]) }

        /// The signature of `message`.
        public func signature(for message: [UInt8]) -> [UInt8] {
            var signature = [UInt8](repeating: 0, count: Ed25519.signatureByteCount)
            _ = crypto_sign_detached(&signature, nil, message, UInt64(message.count), storage.bytes.baseAddress!)
            return signature
        }
    }
}

/// Secret bytes owned by one object in memory of its own, zeroed when the object is freed.
final class SecretStorage: @unchecked Sendable {
    // Written once in `init`, then only read; freed in `deinit`.
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    init(_ bytes: [UInt8]) {
        buffer = .allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
    }

    /// A read-only view of the secret bytes, valid while the object lives.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(buffer) }

    deinit {
        sodium_memzero(buffer.baseAddress, buffer.count)
        buffer.deallocate()
    }
}

/// An error from reading a key or checking a signature.
public typealias SignatureError = CodedError<SignatureErrorDomain>

/// The domain of ``SignatureError``.
public enum SignatureErrorDomain: ErrorDomain {}

extension CodedError.Code where Domain == SignatureErrorDomain {
    /// The bytes have the wrong length.
    public static var wrongLength: Self { Self("wrongLength") }

    /// A public key that is not a valid point.
    public static var invalidKey: Self { Self("invalidKey") }

    /// A signature that does not verify.
    public static var badSignature: Self { Self("badSignature") }
}
