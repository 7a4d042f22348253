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
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBytes { fill($0) }
        return output
    }

    /// Fills `buffer` with uniformly random bytes, as ``bytes(count:)`` makes them (for callers that keep the
    /// bytes in memory of their own, such as a stack buffer wiped after use).
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        LibraryInitialization.ensure()
        guard let base = buffer.baseAddress else { return }
        guard buffer.count > directByteCount else { return randombytes_buf(base, buffer.count) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: randombytes_seedbytes()) { key in
            randombytes_buf(key.baseAddress!, key.count)
            randombytes_buf_deterministic(base, buffer.count, key.baseAddress!)
            sodium_memzero(key.baseAddress!, key.count)
        }
    }

    /// Overwrites `buffer` with zeros in a way the compiler does not remove (`sodium_memzero`).
    static func wipe(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress else { return }
        sodium_memzero(base, buffer.count)
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
