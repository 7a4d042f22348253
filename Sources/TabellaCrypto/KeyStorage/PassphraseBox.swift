internal import CSodium
import TabellaGroups

/// Secrets encrypted at rest under a passphrase: Argon2id (`crypto_pwhash`) derives the keys, XSalsa20-Poly1305
/// (`crypto_secretbox`) encrypts.
///
/// Layout: `"TABKEY01" ‖ opslimit (8, BE) ‖ memlimit (8, BE) ‖ salt (16) ‖ nonce (24) ‖ check (32) ‖ box ‖
/// SHA-256 of everything before it (32)`. Argon2id yields 64 bytes: the first 32 are the secretbox key, the last
/// 32 key an HMAC of the header, `check`. A file whose trailing hash is wrong was damaged or edited; one whose
/// check does not verify was opened with the wrong passphrase; one whose box does not open was edited by someone
/// who recomputed the hash.
public enum PassphraseBox {
    /// The cost of the key derivation, stored in the file.
    public struct Cost: Sendable, Hashable {
        /// Argon2id passes.
        public let operations: UInt64
        /// Argon2id memory in bytes.
        public let memory: UInt64

        /// A cost from its parts.
        public init(operations: UInt64, memory: UInt64) {
            self.operations = operations
            self.memory = memory
        }

        /// libsodium's interactive level (2 passes, 64 MiB): the default.
        public static var interactive: Cost {
            Cost(operations: UInt64(crypto_pwhash_OPSLIMIT_INTERACTIVE),
                memory: UInt64(crypto_pwhash_MEMLIMIT_INTERACTIVE))
        }

        /// libsodium's moderate level (3 passes, 256 MiB).
        public static var moderate: Cost {
            Cost(operations: UInt64(crypto_pwhash_OPSLIMIT_MODERATE), memory: UInt64(crypto_pwhash_MEMLIMIT_MODERATE))
        }

        /// The least libsodium accepts, for tests and drills only.
        public static var minimum: Cost {
            Cost(operations: UInt64(crypto_pwhash_OPSLIMIT_MIN), memory: UInt64(crypto_pwhash_MEMLIMIT_MIN))
        }

        /// The most a file may ask for (4 GiB, 16 passes): larger values are refused as malformed.
        static let limit = Cost(operations: 16, memory: 1 << 32)
    }

    private static let magic = Array("TABKEY01".utf8)
    private static let saltCount = Int(crypto_pwhash_SALTBYTES)
    private static let nonceCount = Int(crypto_secretbox_NONCEBYTES)
    private static var headerCount: Int { magic.count + 16 + saltCount + nonceCount }

    /// Encrypts `secret` under `passphrase`.
    public static func seal(_ secret: [UInt8], passphrase: [UInt8], cost: Cost = .interactive) -> [UInt8] {
        let header = magic + ByteFraming.uint64BigEndian(cost.operations) + ByteFraming.uint64BigEndian(cost.memory)
            + SecureRandom.bytes(count: saltCount) + SecureRandom.bytes(count: nonceCount)
        var keys = deriveKeys(passphrase: passphrase, salt: salt(of: header), cost: cost)
        defer { sodium_memzero(&keys, keys.count) }
        let check = HMAC.authenticationCode(.sha256, key: Array(keys[32..<64]), message: header)
        var box = [UInt8](repeating: 0, count: secret.count + Int(crypto_secretbox_MACBYTES))
        _ = crypto_secretbox_easy(&box, secret, UInt64(secret.count), nonce(of: header), keys)
        let body = header + check + box
        return body + Digest.sha256.hash(body)
    }

    /// Decrypts a file written by ``seal(_:passphrase:cost:)``.
    ///
    /// - Throws: ``KeyStorageError`` with `malformed`, `tampered` or `wrongPassphrase`.
    public static func open(_ file: [UInt8], passphrase: [UInt8]) throws(KeyStorageError) -> [UInt8] {
        let minimum = headerCount + 32 + Int(crypto_secretbox_MACBYTES) + 32
        guard file.count >= minimum, Array(file[0..<magic.count]) == magic else {
            throw KeyStorageError(.malformed, "not a Tabella key file (version TABKEY01)")
        }
        let body = Array(file.dropLast(32))
        guard Digest.sha256.hash(body) == Array(file.suffix(32)) else {
            throw KeyStorageError(.tampered, "the key file was modified or damaged: its checksum does not match")
        }
        let header = Array(body[0..<headerCount])
        var reader = ByteReader(Array(header[magic.count...]))
        let cost = Cost(operations: reader.readUInt64BigEndian()!, memory: reader.readUInt64BigEndian()!)
        guard cost.operations >= UInt64(crypto_pwhash_OPSLIMIT_MIN), cost.operations <= Cost.limit.operations,
            cost.memory >= UInt64(crypto_pwhash_MEMLIMIT_MIN), cost.memory <= Cost.limit.memory
        else { throw KeyStorageError(.malformed, "the key file asks for an unacceptable Argon2id cost") }
        var keys = deriveKeys(passphrase: passphrase, salt: salt(of: header), cost: cost)
        defer { sodium_memzero(&keys, keys.count) }
        let check = HMAC.authenticationCode(.sha256, key: Array(keys[32..<64]), message: header)
        guard sodium_memcmp(check, Array(body[headerCount..<headerCount + 32]), 32) == 0 else {
            throw KeyStorageError(.wrongPassphrase, "the passphrase does not open this key file")
        }
        let box = Array(body[(headerCount + 32)...])
        var secret = [UInt8](repeating: 0, count: box.count - Int(crypto_secretbox_MACBYTES))
        guard crypto_secretbox_open_easy(&secret, box, UInt64(box.count), nonce(of: header), keys) == 0 else {
            throw KeyStorageError(.tampered, "the key file's encrypted content was modified")
        }
        return secret
    }

    private static func salt(of header: [UInt8]) -> [UInt8] {
        Array(header[(magic.count + 16)..<(magic.count + 16 + saltCount)])
    }

    private static func nonce(of header: [UInt8]) -> [UInt8] { Array(header[(headerCount - nonceCount)...]) }

    private static func deriveKeys(passphrase: [UInt8], salt: [UInt8], cost: Cost) -> [UInt8] {
        var keys = [UInt8](repeating: 0, count: 64)
        // A terminating zero keeps the buffer non-empty for an empty passphrase; it is not hashed.
        var characters = passphrase.map { CChar(bitPattern: $0) } + [0]
        let status = crypto_pwhash(&keys, 64, characters, UInt64(passphrase.count), salt, cost.operations,
            Int(cost.memory), crypto_pwhash_ALG_ARGON2ID13)
        sodium_memzero(&characters, characters.count)
        precondition(status == 0, "Argon2id ran out of memory")
        return keys
    }
}
