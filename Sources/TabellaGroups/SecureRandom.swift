internal import CSodium

/// Cryptographically secure random bytes from the operating system, through libsodium.
public enum SecureRandom {
    /// The longest request served by the operating system alone: libsodium's `randombytes_buf` reads at most this
    /// many bytes per `getrandom` system call.
    static let directByteCount = 256

    /// Returns `count` uniformly random bytes.
    ///
    /// Up to ``directByteCount`` bytes come straight from the operating system (`randombytes_buf`). A longer
    /// request takes a fresh 32-byte key from the operating system and expands it with ChaCha20
    /// (`randombytes_buf_deterministic`), which is what a user-space generator seeded by the system does: one
    /// system call instead of one per 256 bytes (a ballot's proofs draw about 4.6 KB: 18 calls took about 27 µs);
    /// the bytes are as good as the system's as long as ChaCha20 is a secure stream cipher. The key is wiped.
    public static func bytes(count: Int) -> [UInt8] {
        LibraryInitialization.ensure()
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            guard buffer.count > directByteCount else { return randombytes_buf(base, buffer.count) }
            var key = [UInt8](repeating: 0, count: randombytes_seedbytes())
            key.withUnsafeMutableBytes { key in
                randombytes_buf(key.baseAddress!, key.count)
                randombytes_buf_deterministic(base, buffer.count, key.bindMemory(to: UInt8.self).baseAddress!)
                sodium_memzero(key.baseAddress!, key.count)
            }
        }
        return output
    }

    /// Returns a uniformly random 64-bit integer.
    public static func uint64() -> UInt64 {
        let raw = bytes(count: 8)
        return raw.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }
}

/// One-time initialisation of the C libraries that need it (libsodium's `sodium_init`).
enum LibraryInitialization {
    private static let done: Bool = {
        precondition(sodium_init() >= 0, "libsodium could not be initialised")
        return true
    }()

    /// Runs the initialisation once; later calls cost a load.
    static func ensure() { _ = done }
}
