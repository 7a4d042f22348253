internal import CSodium

/// Cryptographically secure random bytes from the operating system, through libsodium's `randombytes_buf`.
public enum SecureRandom {
    /// Returns `count` uniformly random bytes.
    public static func bytes(count: Int) -> [UInt8] {
        LibraryInitialization.ensure()
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress { randombytes_buf(base, buffer.count) }
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
