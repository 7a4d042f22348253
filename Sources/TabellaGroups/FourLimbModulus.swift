/// Constant-time arithmetic modulo an odd q of 193 to 256 bits (four 64-bit limbs), the size of every group order
/// Tabella uses for ballots (the ElectionGuard q, P-256's n, ristretto255's ℓ): the fast path of ``ScalarField``.
///
/// Montgomery multiplication (CIOS, R = 2²⁵⁶) with the limbs in registers and no allocation, where the general path
/// (GMP's `mpn_sec_*`) allocates a product and a scratch area per operation. Every routine runs the same
/// instructions whatever the values: carries are arithmetic, and the final corrections select with masks.
struct FourLimbModulus: Sendable, Hashable {
    /// Four little-endian limbs.
    typealias Limbs = (UInt64, UInt64, UInt64, UInt64)

    /// The longest big-endian integer ``reduce(low:high:)`` takes, in bytes: 384 bits (a scalar's 32 bytes and the
    /// 16 more that make a random draw uniform, or a 32-byte hash).
    static let reducibleByteCount = 48

    /// q, little-endian limbs.
    private let q0, q1, q2, q3: UInt64
    /// −q⁻¹ mod 2⁶⁴.
    private let qInverse: UInt64
    /// R² mod q (R = 2²⁵⁶), which moves a value into Montgomery form and, after a reduction, out of it.
    private let r0, r1, r2, r3: UInt64

    /// The modulus of little-endian `limbs`, or nil unless there are four with the top one nonzero and q is odd.
    init?(modulus limbs: [UInt]) {
        guard limbs.count == 4, limbs[3] != 0, limbs[0] & 1 == 1 else { return nil }
        let q = (UInt64(limbs[0]), UInt64(limbs[1]), UInt64(limbs[2]), UInt64(limbs[3]))
        // Newton's iteration doubles the correct low bits of q⁻¹ mod 2⁶⁴ each round (q·q ≡ 1 mod 8 to start).
        var inverse = q.0
        for _ in 0..<5 { inverse = inverse &* (2 &- q.0 &* inverse) }
        // R² mod q by doubling 1 modulo q 512 times, once when the field is made (addition needs no R²).
        let adder = FourLimbModulus(q: q, qInverse: 0 &- inverse, rSquared: (0, 0, 0, 0))
        var square: Limbs = (1, 0, 0, 0)
        for _ in 0..<512 { square = adder.add(square, square) }
        self.init(q: q, qInverse: 0 &- inverse, rSquared: square)
    }

    private init(q: Limbs, qInverse: UInt64, rSquared: Limbs) {
        (q0, q1, q2, q3) = q
        self.qInverse = qInverse
        (r0, r1, r2, r3) = rSquared
    }

    private var modulus: Limbs { (q0, q1, q2, q3) }

    /// `a + b mod q` for a, b < q.
    @inline(__always)
    func add(_ a: Limbs, _ b: Limbs) -> Limbs {
        var c = UInt128(a.0) &+ UInt128(b.0)
        let s0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.1) &+ UInt128(b.1) &+ (c >> 64)
        let s1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.2) &+ UInt128(b.2) &+ (c >> 64)
        let s2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.3) &+ UInt128(b.3) &+ (c >> 64)
        let s3 = UInt64(truncatingIfNeeded: c)
        return reduceOnce((s0, s1, s2, s3), carry: UInt64(truncatingIfNeeded: c >> 64))
    }

    /// `a − b mod q` for a, b < q.
    @inline(__always)
    func subtract(_ a: Limbs, _ b: Limbs) -> Limbs {
        let (d, borrow) = Self.subtract(a, b)
        let mask = 0 &- borrow
        var c = UInt128(d.0) &+ UInt128(q0 & mask)
        let r0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(d.1) &+ UInt128(q1 & mask) &+ (c >> 64)
        let r1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(d.2) &+ UInt128(q2 & mask) &+ (c >> 64)
        let r2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(d.3) &+ UInt128(q3 & mask) &+ (c >> 64)
        return (r0, r1, r2, UInt64(truncatingIfNeeded: c))
    }

    /// `a · b mod q` for a, b < q: two Montgomery multiplications, `(a·b·R⁻¹)·R²·R⁻¹`.
    @inline(__always)
    func multiply(_ a: Limbs, _ b: Limbs) -> Limbs {
        montgomeryMultiply(montgomeryMultiply(a, b), (r0, r1, r2, r3))
    }

    /// The integer `high·2²⁵⁶ + low` (below 2³⁸⁴, so `high` below 2¹²⁸) reduced modulo q: a Montgomery reduction
    /// of the eight limbs (valid below q·R, which q ≥ 2¹⁹² guarantees), then a multiplication by R².
    @inline(__always)
    func reduce(low: Limbs, high: Limbs) -> Limbs {
        montgomeryMultiply(montgomeryReduce(low, high), (r0, r1, r2, r3))
    }

    /// `a·b·R⁻¹ mod q` for `a·b < q·R` (coarsely integrated operand scanning): each round adds `a·b_i`, then the
    /// multiple of q that clears the lowest limb, and shifts down one limb; the result, below 2q, is reduced once.
    @inline(__always)
    private func montgomeryMultiply(_ a: Limbs, _ b: Limbs) -> Limbs {
        var t: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        round(&t, a, b.0)
        round(&t, a, b.1)
        round(&t, a, b.2)
        round(&t, a, b.3)
        return reduceOnce((t.0, t.1, t.2, t.3), carry: t.4)
    }

    /// `t ← (t + a·word + m·q) / 2⁶⁴` with m = (t + a·word)₀ · (−q⁻¹) mod 2⁶⁴, which makes the division exact.
    @inline(__always)
    private func round(_ t: inout (UInt64, UInt64, UInt64, UInt64, UInt64), _ a: Limbs, _ word: UInt64) {
        let (u0, u1, u2, u3, u4, u5) = LimbProduct.addProduct(t, a, word)
        let m = UInt128(u0 &* qInverse)
        var c = m &* UInt128(q0) &+ UInt128(u0)
        c = m &* UInt128(q1) &+ UInt128(u1) &+ (c >> 64)
        t.0 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(q2) &+ UInt128(u2) &+ (c >> 64)
        t.1 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(q3) &+ UInt128(u3) &+ (c >> 64)
        t.2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(u4) &+ (c >> 64)
        t.3 = UInt64(truncatingIfNeeded: c)
        t.4 = u5 &+ UInt64(truncatingIfNeeded: c >> 64)
    }

    /// `x·R⁻¹ mod q` for the eight-limb `x = high·2²⁵⁶ + low < q·R`: four rounds that each clear the lowest limb.
    @inline(__always)
    private func montgomeryReduce(_ low: Limbs, _ high: Limbs) -> Limbs {
        var x = (low.0, low.1, low.2, low.3, high.0, high.1, high.2, high.3)
        var carry: UInt64 = 0
        withUnsafeMutableBytes(of: &x) { bytes in
            let limbs = bytes.baseAddress!.assumingMemoryBound(to: UInt64.self)
            let q = (q0, q1, q2, q3)
            for i in 0..<4 {
                let m = UInt128(limbs[i] &* qInverse)
                var c = m &* UInt128(q.0) &+ UInt128(limbs[i])
                c = m &* UInt128(q.1) &+ UInt128(limbs[i + 1]) &+ (c >> 64)
                limbs[i + 1] = UInt64(truncatingIfNeeded: c)
                c = m &* UInt128(q.2) &+ UInt128(limbs[i + 2]) &+ (c >> 64)
                limbs[i + 2] = UInt64(truncatingIfNeeded: c)
                c = m &* UInt128(q.3) &+ UInt128(limbs[i + 3]) &+ (c >> 64)
                limbs[i + 3] = UInt64(truncatingIfNeeded: c)
                c = UInt128(limbs[i + 4]) &+ UInt128(carry) &+ (c >> 64)
                limbs[i + 4] = UInt64(truncatingIfNeeded: c)
                carry = UInt64(truncatingIfNeeded: c >> 64)
            }
        }
        return reduceOnce((x.4, x.5, x.6, x.7), carry: carry)
    }

    /// The value `carry·2²⁵⁶ + s` (below 2q) reduced below q.
    @inline(__always)
    private func reduceOnce(_ s: Limbs, carry: UInt64) -> Limbs {
        let (d, borrow) = Self.subtract(s, modulus)
        // Keep s when s − q went negative and no carry pays for it.
        let keep = 0 &- (borrow & ~carry & 1)
        return ((s.0 & keep) | (d.0 & ~keep), (s.1 & keep) | (d.1 & ~keep),
                (s.2 & keep) | (d.2 & ~keep), (s.3 & keep) | (d.3 & ~keep))
    }

    /// The difference `a − b` of four-limb integers and its borrow (0 or 1).
    @inline(__always)
    private static func subtract(_ a: Limbs, _ b: Limbs) -> (Limbs, UInt64) {
        var c = UInt128(a.0) &- UInt128(b.0)
        let d0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.1) &- UInt128(b.1) &- (c >> 127)
        let d1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.2) &- UInt128(b.2) &- (c >> 127)
        let d2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.3) &- UInt128(b.3) &- (c >> 127)
        let d3 = UInt64(truncatingIfNeeded: c)
        return ((d0, d1, d2, d3), UInt64(truncatingIfNeeded: c >> 127))
    }
}

extension Scalar {
    /// A scalar of four limbs.
    @inline(__always)
    init(_ limbs: FourLimbModulus.Limbs) {
        self.init(limbs: [UInt(limbs.0), UInt(limbs.1), UInt(limbs.2), UInt(limbs.3)])
    }

    /// The four limbs of a scalar of a ``FourLimbModulus`` field.
    @inline(__always)
    var fourLimbs: FourLimbModulus.Limbs {
        limbs.withUnsafeBufferPointer { (UInt64($0[0]), UInt64($0[1]), UInt64($0[2]), UInt64($0[3])) }
    }
}
