internal import COpenSSL

/// A hash function from OpenSSL's libcrypto: SHA-256, SHA-512, SHA3-256, the extendable-output SHAKE-256, or
/// SHA-1 for the known-answer tests of older standards.
///
/// The algorithm is fetched from OpenSSL once per process and shared; each hash uses a fresh context.
public struct Digest: Sendable, Hashable {
    /// The OpenSSL name of the algorithm.
    public let name: String
    /// The default output length in bytes (for SHAKE-256, the length used when none is given).
    public let outputByteCount: Int
    /// The internal block length in bytes (used by HMAC).
    public let blockByteCount: Int
    /// Whether the output length may be chosen (an extendable-output function).
    public let isExtendable: Bool

    /// SHA-1 (FIPS 180-4). Broken for collision resistance: only for checking published vectors (RFC 5869's HKDF
    /// cases), never for new hashing.
    public static let sha1 = Digest(name: "SHA1", outputByteCount: 20, blockByteCount: 64, isExtendable: false)
    /// SHA-256 (FIPS 180-4).
    public static let sha256 = Digest(name: "SHA256", outputByteCount: 32, blockByteCount: 64, isExtendable: false)
    /// SHA-512 (FIPS 180-4).
    public static let sha512 = Digest(name: "SHA512", outputByteCount: 64, blockByteCount: 128, isExtendable: false)
    /// SHA3-256 (FIPS 202).
    public static let sha3_256 = Digest(name: "SHA3-256", outputByteCount: 32, blockByteCount: 136, isExtendable: false)
    /// SHAKE-256 (FIPS 202), an extendable-output function.
    public static let shake256 = Digest(name: "SHAKE256", outputByteCount: 32, blockByteCount: 136, isExtendable: true)

    /// The hash of the concatenation of `parts`.
    public func hash(_ parts: [UInt8]...) -> [UInt8] { hash(parts: parts) }

    /// The hash of the concatenation of `parts`, `outputByteCount` bytes long (only an extendable-output function
    /// may be asked for a length other than its default).
    public func hash(parts: [[UInt8]], outputByteCount length: Int? = nil) -> [UInt8] {
        var context = HashContext(self)
        for part in parts { context.update(part) }
        return context.finalize(outputByteCount: length)
    }
}

/// The running state of one hash computation: feed it bytes with ``update(_:)``, then ``finalize(outputByteCount:)``.
public struct HashContext: ~Copyable {
    private let digest: Digest
    private let context: OpaquePointer

    /// Starts a hash computation with `digest`.
    public init(_ digest: Digest) {
        self.digest = digest
        guard let context = EVP_MD_CTX_new() else { fatalError("OpenSSL could not allocate a digest context") }
        guard EVP_DigestInit_ex2(context, FetchedDigests.shared.algorithm(digest.name), nil) == 1 else {
            fatalError("OpenSSL could not start \(digest.name)")
        }
        self.context = context
    }

    /// A computation that continues from the state of `other` (which stays as it is).
    public init(copying other: borrowing HashContext) {
        digest = other.digest
        guard let context = EVP_MD_CTX_new(), EVP_MD_CTX_copy_ex(context, other.context) == 1 else {
            fatalError("OpenSSL could not copy a digest context")
        }
        self.context = context
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds bytes to the input.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            if buffer.count > 0 { _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) }
        }
    }

    /// Ends the computation and returns the output.
    public consuming func finalize(outputByteCount length: Int? = nil) -> [UInt8] {
        let count = length ?? digest.outputByteCount
        precondition(digest.isExtendable || count == digest.outputByteCount, "\(digest.name) has a fixed length")
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBufferPointer { buffer in
            if digest.isExtendable {
                _ = EVP_DigestFinalXOF(context, buffer.baseAddress, count)
            } else {
                var written: UInt32 = 0
                _ = EVP_DigestFinal_ex(context, buffer.baseAddress, &written)
            }
        }
        return output
    }
}

/// Keyed hashing, HMAC (RFC 2104), over any fixed-length ``Digest``.
public enum HMAC {
    /// `HMAC(key, message)` with the given hash function.
    public static func authenticationCode(_ digest: Digest = .sha256, key: [UInt8], message: [UInt8]) -> [UInt8] {
        authenticationCode(digest, key: key, parts: [message])
    }

    /// `HMAC(key, parts[0] ‖ parts[1] ‖ …)` with the given hash function.
    public static func authenticationCode(_ digest: Digest, key: [UInt8], parts: [[UInt8]]) -> [UInt8] {
        PreparedKey(digest, key: key).authenticationCode(parts: parts)
    }

    /// A key prepared for several messages: the hash states after the inner and the outer key block, from which
    /// each message's computation starts (two context set-ups and two compressions fewer per message).
    ///
    /// SHA-256, the hash of ElectionGuard's `H`, keeps the two states as OpenSSL's plain `SHA256_CTX` values
    /// (the same assembly compression function as the EVP interface): a message copies them on the stack, where
    /// an EVP context costs two allocations per copy. Other digests keep EVP contexts. Copies are wiped after use.
    ///
    /// Not for sharing between threads: make one where it is used.
    public final class PreparedKey {
        /// For SHA-256: the inner state, then the outer one (wiped and freed with the key).
        private let sha256: UnsafeMutablePointer<SHA256_CTX>?
        /// For other digests: EVP contexts.
        private let general: GeneralStates?

        /// The inner and outer EVP contexts after the key blocks.
        private final class GeneralStates {
            let inner: HashContext
            let outer: HashContext

            init(inner: consuming HashContext, outer: consuming HashContext) {
                self.inner = inner
                self.outer = outer
            }
        }

        /// Prepares `key` for HMAC with `digest`.
        public init(_ digest: Digest = .sha256, key: [UInt8]) {
            precondition(!digest.isExtendable, "HMAC needs a fixed-length hash")
            var block = key.count > digest.blockByteCount ? digest.hash(key) : key
            block += [UInt8](repeating: 0, count: digest.blockByteCount - block.count)
            var innerBlock = block.map { $0 ^ 0x36 }
            var outerBlock = block.map { $0 ^ 0x5c }
            defer {
                for index in block.indices { (block[index], innerBlock[index], outerBlock[index]) = (0, 0, 0) }
            }
            if digest == .sha256 {
                let states = UnsafeMutablePointer<SHA256_CTX>.allocate(capacity: 2)
                states.initialize(repeating: SHA256_CTX(), count: 2)
                _ = SHA256_Init(states)
                _ = SHA256_Update(states, innerBlock, innerBlock.count)
                _ = SHA256_Init(states + 1)
                _ = SHA256_Update(states + 1, outerBlock, outerBlock.count)
                sha256 = states
                general = nil
            } else {
                var inner = HashContext(digest)
                inner.update(innerBlock)
                var outer = HashContext(digest)
                outer.update(outerBlock)
                sha256 = nil
                general = GeneralStates(inner: inner, outer: outer)
            }
        }

        deinit {
            guard let sha256 else { return }
            OPENSSL_cleanse(sha256, 2 * MemoryLayout<SHA256_CTX>.stride)
            sha256.deallocate()
        }

        /// `HMAC(key, parts[0] ‖ parts[1] ‖ …)`.
        public func authenticationCode(parts: [[UInt8]]) -> [UInt8] {
            guard let sha256 else {
                let general = general!
                var innerHash = HashContext(copying: general.inner)
                for part in parts { innerHash.update(part) }
                var outerHash = HashContext(copying: general.outer)
                outerHash.update(innerHash.finalize())
                return outerHash.finalize()
            }
            var inner = sha256[0]
            var outer = sha256[1]
            defer {
                OPENSSL_cleanse(&inner, MemoryLayout<SHA256_CTX>.size)
                OPENSSL_cleanse(&outer, MemoryLayout<SHA256_CTX>.size)
            }
            var output = [UInt8](repeating: 0, count: 32)
            for part in parts { _ = SHA256_Update(&inner, part, part.count) }
            _ = SHA256_Final(&output, &inner)
            _ = SHA256_Update(&outer, output, output.count)
            _ = SHA256_Final(&output, &outer)
            return output
        }
    }
}

/// The `EVP_MD` objects fetched from OpenSSL's default provider, once each.
final class FetchedDigests: @unchecked Sendable {
    /// The process-wide set.
    static let shared = FetchedDigests()

    // Written once in `init`, then only read: sharing across threads is safe.
    private let algorithms: [String: OpaquePointer]

    private init() {
        var fetched = [String: OpaquePointer]()
        for name in ["SHA1", "SHA256", "SHA512", "SHA3-256", "SHAKE256"] {
            guard let algorithm = EVP_MD_fetch(nil, name, nil) else { fatalError("OpenSSL has no \(name)") }
            fetched[name] = algorithm
        }
        algorithms = fetched
    }

    /// The fetched algorithm of that name.
    func algorithm(_ name: String) -> OpaquePointer {
        guard let algorithm = algorithms[name] else { fatalError("\(name) was not fetched") }
        return algorithm
    }
}
