internal import CGMP

/// Arithmetic modulo a prime q, the order of a group: the scalars of that group.
///
/// Every operation runs in time that depends only on the size of q, never on the values (GMP's `mpn_sec_*`
/// functions and conditional limb operations), so that secret keys, nonces and responses may pass through it.
/// Moduli of four limbs (every group order of 193 to 256 bits) take ``FourLimbModulus``'s allocation-free
/// Montgomery arithmetic for addition, subtraction, multiplication and the reduction of up to 48 bytes.
public struct ScalarField: Sendable, Hashable {
    /// The modulus q as little-endian limbs; the top limb is not zero.
    internal let modulusLimbs: [UInt]
    /// The fast path for a modulus of four limbs, nil for other sizes.
    internal let fourLimbs: FourLimbModulus?
    /// The number of bits of q.
    public let bitCount: Int
    /// The number of bytes of an encoded scalar.
    public let byteCount: Int
    /// The byte order of encoded scalars.
    public let byteOrder: ByteOrder

    /// Creates the field of integers modulo `modulus` (big-endian bytes), encoded in `byteOrder`.
    ///
    /// - Throws: `GroupError` `.invalidParameters` when the modulus is even or below 3.
    public init(modulus: [UInt8], byteOrder: ByteOrder = .bigEndian) throws(GroupError) {
        let significant = Array(modulus.drop { $0 == 0 })
        guard let last = significant.last, last & 1 == 1, significant.count > 1 || last >= 3 else {
            throw GroupError(.invalidParameters, "the scalar modulus must be an odd integer of at least 3")
        }
        let limbs = Limbs.fromBigEndian(significant, count: Limbs.count(forBytes: significant.count))
        self.modulusLimbs = limbs
        self.fourLimbs = FourLimbModulus(modulus: limbs)
        let top = limbs[limbs.count - 1]
        self.bitCount = (limbs.count - 1) * UInt.bitWidth + UInt.bitWidth - top.leadingZeroBitCount
        self.byteCount = (bitCount + 7) / 8
        self.byteOrder = byteOrder
    }

    /// The number of 64-bit limbs of a scalar.
    internal var limbCount: Int { modulusLimbs.count }

    /// The modulus q, big-endian, ``byteCount`` bytes.
    public var modulus: [UInt8] { Limbs.toBigEndian(modulusLimbs, byteCount: byteCount) }

    /// Zero.
    public var zero: Scalar { scalar(0) }

    /// One.
    public var one: Scalar { scalar(1) }

    /// The scalar equal to `value` reduced modulo q.
    public func scalar(_ value: UInt64) -> Scalar {
        // A modulus of more than one limb exceeds every 64-bit value: no reduction needed.
        if fourLimbs != nil { return Scalar((value, 0, 0, 0)) }
        if limbCount > 1 {
            var limbs = [UInt](repeating: 0, count: limbCount)
            limbs[0] = UInt(value)
            return Scalar(limbs: limbs)
        }
        var bytes = [UInt8](repeating: 0, count: 8)
        for index in 0..<8 { bytes[7 - index] = UInt8(truncatingIfNeeded: value >> UInt64(index * 8)) }
        return reduce(bigEndian: bytes)
    }

    // MARK: Arithmetic

    /// `a + b mod q`.
    public func add(_ a: Scalar, _ b: Scalar) -> Scalar {
        guard let fourLimbs else { return generalAdd(a, b) }
        return Scalar(fourLimbs.add(a.fourLimbs, b.fourLimbs))
    }

    /// `a + b mod q` by GMP, for any modulus.
    internal func generalAdd(_ a: Scalar, _ b: Scalar) -> Scalar {
        let n = limbCount
        var result = [UInt](repeating: 0, count: n)
        var scratch = [UInt](repeating: 0, count: n)
        result.withUnsafeMutableBufferPointer { r in
            scratch.withUnsafeMutableBufferPointer { t in
                modulusLimbs.withUnsafeBufferPointer { q in
                    let carry = tgmp_mpn_add_n(r.baseAddress, a.limbs, b.limbs, n)
                    let borrow = tgmp_mpn_sub_n(t.baseAddress, r.baseAddress, q.baseAddress, n)
                    // Subtract q when the sum overflowed or is not below q.
                    _ = tgmp_mpn_cnd_sub_n(carry | (borrow ^ 1), r.baseAddress, r.baseAddress, q.baseAddress, n)
                }
            }
        }
        return Scalar(limbs: result)
    }

    /// `e + q` or `e + 2q`, whichever has exactly `bitCount + 1` bits, as `limbCount + 1` limbs, chosen in constant
    /// time. Both give the same power of an element of order q, and an exponentiation by a number whose length does
    /// not depend on e runs as many squarings whatever e is (OpenSSL's `BN_mod_exp_mont_consttime` runs as many as
    /// its exponent has limbs). With q of k bits: e + q lies in [q, 2q) below 2^(k+1); when it is below 2^k, e + 2q
    /// lies in [2^k, 2^k + q), so one of the two has bit k set and none above.
    internal func fixedLengthExponent(_ e: Scalar) -> [UInt] {
        let n = limbCount
        let modulus = modulusLimbs + [0]
        var result = e.limbs + [0]
        result.withUnsafeMutableBufferPointer { r in
            modulus.withUnsafeBufferPointer { q in
                _ = tgmp_mpn_add_n(r.baseAddress, r.baseAddress, q.baseAddress, n + 1)
                let topBit = (r[bitCount / UInt.bitWidth] >> UInt(bitCount % UInt.bitWidth)) & 1
                _ = tgmp_mpn_cnd_add_n(topBit ^ 1, r.baseAddress, r.baseAddress, q.baseAddress, n + 1)
            }
        }
        return result
    }

    /// `a - b mod q`.
    public func subtract(_ a: Scalar, _ b: Scalar) -> Scalar {
        guard let fourLimbs else { return generalSubtract(a, b) }
        return Scalar(fourLimbs.subtract(a.fourLimbs, b.fourLimbs))
    }

    /// `a - b mod q` by GMP, for any modulus.
    internal func generalSubtract(_ a: Scalar, _ b: Scalar) -> Scalar {
        let n = limbCount
        var result = [UInt](repeating: 0, count: n)
        result.withUnsafeMutableBufferPointer { r in
            modulusLimbs.withUnsafeBufferPointer { q in
                let borrow = tgmp_mpn_sub_n(r.baseAddress, a.limbs, b.limbs, n)
                _ = tgmp_mpn_cnd_add_n(borrow, r.baseAddress, r.baseAddress, q.baseAddress, n)
            }
        }
        return Scalar(limbs: result)
    }

    /// `-a mod q`.
    public func negate(_ a: Scalar) -> Scalar { subtract(zero, a) }

    /// `a · b mod q`.
    public func multiply(_ a: Scalar, _ b: Scalar) -> Scalar {
        guard let fourLimbs else { return generalMultiply(a, b) }
        return Scalar(fourLimbs.multiply(a.fourLimbs, b.fourLimbs))
    }

    /// `a · b mod q` by GMP, for any modulus.
    internal func generalMultiply(_ a: Scalar, _ b: Scalar) -> Scalar {
        let n = limbCount
        var product = [UInt](repeating: 0, count: 2 * n)
        let scratchCount = max(tgmp_mpn_sec_mul_itch(n, n), tgmp_mpn_sec_div_r_itch(2 * n, n))
        var scratch = [UInt](repeating: 0, count: scratchCount)
        product.withUnsafeMutableBufferPointer { p in
            scratch.withUnsafeMutableBufferPointer { s in
                tgmp_mpn_sec_mul(p.baseAddress, a.limbs, n, b.limbs, n, s.baseAddress)
                tgmp_mpn_sec_div_r(p.baseAddress, 2 * n, modulusLimbs, n, s.baseAddress)
            }
        }
        return Scalar(limbs: Array(product[0..<n]))
    }

    /// `a⁻¹ mod q`, or `nil` when `a` is zero.
    public func inverse(_ a: Scalar) -> Scalar? {
        let n = limbCount
        var result = [UInt](repeating: 0, count: n)
        var input = a.limbs
        var scratch = [UInt](repeating: 0, count: tgmp_mpn_sec_invert_itch(n))
        let invertible = result.withUnsafeMutableBufferPointer { r in
            input.withUnsafeMutableBufferPointer { i in
                scratch.withUnsafeMutableBufferPointer { s in
                    tgmp_mpn_sec_invert(r.baseAddress, i.baseAddress, modulusLimbs, n,
                                        mp_bitcnt_t(2 * n * UInt.bitWidth), s.baseAddress)
                }
            }
        }
        return invertible == 1 ? Scalar(limbs: result) : nil
    }

    /// Whether `a == b`, in time independent of the values.
    public func constantTimeEqual(_ a: Scalar, _ b: Scalar) -> Bool {
        var difference: UInt = 0
        for index in 0..<limbCount { difference |= a.limbs[index] ^ b.limbs[index] }
        return difference == 0
    }

    // MARK: Randomness and reduction

    /// A uniformly random scalar (the reduction of `byteCount + 16` random bytes; bias below 2⁻¹²⁸).
    public func random() -> Scalar {
        var bytes = SecureRandom.bytes(count: byteCount + 16)
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return reduce(bigEndian: bytes)
    }

    /// `count` uniformly random scalars from one draw of random bytes (one system call rather than `count`).
    public func random(count: Int) -> [Scalar] {
        let width = byteCount + 16
        if let fourLimbs {
            // The bytes stay in a temporary buffer (on the stack when it fits), wiped before it is released.
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * width) { all in
                SecureRandom.fill(UnsafeMutableRawBufferPointer(all))
                defer { SecureRandom.wipe(UnsafeMutableRawBufferPointer(all)) }
                return (0..<count).map {
                    Self.reduce(bigEndian: UnsafeBufferPointer(rebasing: all[$0 * width..<($0 + 1) * width]),
                                fourLimbs)
                }
            }
        }
        var bytes = SecureRandom.bytes(count: count * width)
        defer { for index in bytes.indices { bytes[index] = 0 } }
        let wideCount = max(Limbs.count(forBytes: width), limbCount)
        var scratch = [UInt](repeating: 0, count: tgmp_mpn_sec_div_r_itch(wideCount, limbCount))
        return (0..<count).map {
            var wide = Limbs.fromBigEndian(bytes[$0 * width..<($0 + 1) * width], count: wideCount)
            return reduce(&wide, scratch: &scratch)
        }
    }

    /// A uniformly random nonzero scalar.
    public func randomNonzero() -> Scalar {
        while true {
            let candidate = random()
            if !candidate.isZero { return candidate }
        }
    }

    /// Hashes byte strings to a scalar, uniformly up to a bias below 2⁻¹²⁸: SHAKE-256 over the domain and each part,
    /// each preceded by its length as 8 big-endian bytes, with `byteCount + 16` bytes of output reduced modulo q.
    ///
    /// For protocols of Tabella's own; a protocol that defines its own hash to scalars (ElectionGuard's `H_q`, the
    /// Swiss Post RecursiveHashToZq, a COCKTAIL-DKG ciphersuite) uses that one.
    public func hashToScalar(domain: String, _ parts: [[UInt8]]) -> Scalar {
        var context = HashContext(.shake256)
        for part in [Array(domain.utf8)] + parts {
            let length = UInt64(part.count)
            context.update((0..<8).map { UInt8(truncatingIfNeeded: length >> UInt64(56 - 8 * $0)) })
            context.update(part)
        }
        return reduce(bigEndian: context.finalize(outputByteCount: byteCount + 16))
    }

    /// The integer of any length, read big-endian, reduced modulo q.
    public func reduce<Bytes: Collection<UInt8>>(bigEndian bytes: Bytes) -> Scalar {
        if let fourLimbs, bytes.count <= FourLimbModulus.reducibleByteCount {
            return bytes.withContiguousStorageIfAvailable { Self.reduce(bigEndian: $0, fourLimbs) }
                ?? Array(bytes).withUnsafeBufferPointer { Self.reduce(bigEndian: $0, fourLimbs) }
        }
        return generalReduce(bigEndian: bytes)
    }

    /// A big-endian integer of at most ``FourLimbModulus/reducibleByteCount`` bytes reduced by the fast path.
    private static func reduce(bigEndian bytes: UnsafeBufferPointer<UInt8>, _ modulus: FourLimbModulus) -> Scalar {
        var limbs: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &limbs) { raw in
            for index in 0..<bytes.count { raw[index] = bytes[bytes.count - 1 - index] }
        }
        let reduced = modulus.reduce(
            low: (UInt64(littleEndian: limbs.0), UInt64(littleEndian: limbs.1), UInt64(littleEndian: limbs.2),
                  UInt64(littleEndian: limbs.3)),
            high: (UInt64(littleEndian: limbs.4), UInt64(littleEndian: limbs.5), 0, 0))
        return Scalar(reduced)
    }

    /// The integer of any length, read big-endian, reduced modulo q by GMP.
    internal func generalReduce<Bytes: Collection<UInt8>>(bigEndian bytes: Bytes) -> Scalar {
        let count = max(Limbs.count(forBytes: bytes.count), limbCount)
        var wide = Limbs.fromBigEndian(bytes, count: count)
        var scratch = [UInt](repeating: 0, count: tgmp_mpn_sec_div_r_itch(count, limbCount))
        return reduce(&wide, scratch: &scratch)
    }

    /// `wide` (little-endian limbs, at least ``limbCount`` of them) reduced modulo q in constant time, with a
    /// scratch area of at least `mpn_sec_div_r_itch(wide.count, limbCount)` limbs; `wide` is overwritten.
    private func reduce(_ wide: inout [UInt], scratch: inout [UInt]) -> Scalar {
        let n = limbCount
        let count = wide.count
        wide.withUnsafeMutableBufferPointer { w in
            scratch.withUnsafeMutableBufferPointer { s in
                tgmp_mpn_sec_div_r(w.baseAddress, count, modulusLimbs, n, s.baseAddress)
            }
        }
        return Scalar(limbs: Array(wide[0..<n]))
    }

    /// The integer of any length, read little-endian, reduced modulo q.
    public func reduce<Bytes: Collection<UInt8>>(littleEndian bytes: Bytes) -> Scalar {
        reduce(bigEndian: Array(bytes.reversed()))
    }

    // MARK: Encoding

    /// The canonical encoding: ``byteCount`` bytes in ``byteOrder``.
    public func encode(_ scalar: Scalar) -> [UInt8] {
        let bigEndian = Limbs.toBigEndian(scalar.limbs, byteCount: byteCount)
        return byteOrder == .bigEndian ? bigEndian : bigEndian.reversed()
    }

    /// Decodes a canonical encoding (exactly ``byteCount`` bytes in ``byteOrder``, value below q).
    ///
    /// - Throws: `GroupError` `.wrongLength` or `GroupError` `.outOfRange`.
    public func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) throws(GroupError) -> Scalar {
        guard bytes.count == byteCount else {
            throw GroupError(.wrongLength, "a scalar has \(byteCount) bytes, not \(bytes.count)")
        }
        let bigEndian = byteOrder == .bigEndian ? Array(bytes) : Array(bytes.reversed())
        return try scalar(bigEndian: bigEndian)
    }

    /// Reads a big-endian integer of any length (leading zero bytes allowed) that must already be below q.
    ///
    /// - Throws: `GroupError` `.outOfRange` when the value is q or more.
    public func scalar<Bytes: Collection<UInt8>>(bigEndian bytes: Bytes) throws(GroupError) -> Scalar {
        let significant = Array(bytes.drop { $0 == 0 })
        guard significant.count <= limbCount * 8 else {
            throw GroupError(.outOfRange,
                             "a scalar of \(significant.count) bytes is not below the \(bitCount)-bit order q")
        }
        let limbs = Limbs.fromBigEndian(significant, count: limbCount)
        let borrow = limbs.withUnsafeBufferPointer { value in
            var difference = [UInt](repeating: 0, count: limbCount)
            return tgmp_mpn_sub_n(&difference, value.baseAddress, modulusLimbs, limbCount)
        }
        guard borrow == 1 else {
            throw GroupError(.outOfRange, "a scalar is not below the group order q")
        }
        return Scalar(limbs: limbs)
    }
}
