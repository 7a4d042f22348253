internal import COpenSSL

/// An OpenSSL `BIGNUM` owned by one object and freed (cleared) with it.
///
/// Used only inside TabellaGroups as working storage for OpenSSL's Montgomery arithmetic and elliptic curves.
final class BigNumber {
    /// The owned `BIGNUM`.
    let pointer: OpaquePointer

    /// A new `BIGNUM` holding zero.
    init() {
        guard let pointer = BN_new() else { fatalError("OpenSSL could not allocate a BIGNUM") }
        self.pointer = pointer
    }

    /// A `BIGNUM` holding the value of little-endian limbs.
    convenience init(limbs: [UInt]) {
        self.init()
        set(limbs: limbs)
    }

    /// A `BIGNUM` holding the value of big-endian bytes.
    convenience init(bigEndian bytes: [UInt8]) {
        self.init()
        _ = BN_bin2bn(bytes, Int32(bytes.count), pointer)
    }

    deinit { BN_clear_free(pointer) }

    /// Replaces the value with that of little-endian limbs.
    func set(limbs: [UInt]) {
        limbs.withUnsafeBytes { bytes in
            _ = BN_lebin2bn(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(bytes.count), pointer)
        }
    }

    /// Replaces the value with that of `count` little-endian limbs at `source`.
    func set(limbs source: UnsafePointer<UInt>, count: Int) {
        let raw = UnsafeRawPointer(source).assumingMemoryBound(to: UInt8.self)
        _ = BN_lebin2bn(raw, Int32(count * MemoryLayout<UInt>.size), pointer)
    }

    /// The value as exactly `count` little-endian limbs (it must fit).
    func limbs(count: Int) -> [UInt] {
        var limbs = [UInt](repeating: 0, count: count)
        limbs.withUnsafeMutableBytes { bytes in
            _ = BN_bn2lebinpad(pointer, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), Int32(bytes.count))
        }
        return limbs
    }

    /// Marks the value as secret, so that OpenSSL takes its constant-time code paths with it.
    func markSecret() { BN_set_flags(pointer, BN_FLG_CONSTTIME) }
}

/// A scratch `BN_CTX`, used by one thread at a time.
///
/// Allocating a context costs as much as a P-256 point addition, so contexts are reused through ``pooled(_:)``.
final class BigNumberContext: @unchecked Sendable {
    /// The owned context.
    let pointer: OpaquePointer

    private static let pool = Locked<[BigNumberContext]>([])

    init() {
        guard let pointer = BN_CTX_new() else { fatalError("OpenSSL could not allocate a BN_CTX") }
        self.pointer = pointer
    }

    deinit { BN_CTX_free(pointer) }

    /// Runs `body` with a context taken from a process-wide pool, and puts it back afterwards.
    static func pooled<Result>(_ body: (BigNumberContext) -> Result) -> Result {
        let context = pool.withLock { $0.popLast() } ?? BigNumberContext()
        defer { pool.withLock { $0.append(context) } }
        return body(context)
    }
}
