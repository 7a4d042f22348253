/// An element of the P-256 base field, integers modulo p = 2²⁵⁶ − 2²²⁴ + 2¹⁹² + 2⁹⁶ − 1, in Montgomery form:
/// the value x is stored as x·2²⁵⁶ mod p, fully reduced, in four little-endian 64-bit limbs.
///
/// Addition, subtraction, negation, multiplication, squaring, inversion and ``select(_:_:mask:)`` run without
/// branches on the values (carries are arithmetic, final reductions masks): they also serve the constant-time
/// multi-exponentiation (``SecretMultiExponentiation``). ``invertAll(_:)``, ``isZero``, `==` and the square root's
/// check branch on the values and serve public computations only.
struct P256FieldElement: Equatable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64

    /// The limbs as they are stored (already in Montgomery form).
    @inline(__always)
    init(montgomery l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
    }

    /// The prime p, limb by limb. Limb 2 is zero and −p⁻¹ mod 2⁶⁴ is 1, which the reduction uses.
    static let p0: UInt64 = 0xFFFF_FFFF_FFFF_FFFF
    static let p1: UInt64 = 0x0000_0000_FFFF_FFFF
    static let p3: UInt64 = 0xFFFF_FFFF_0000_0001

    /// Zero.
    static let zero = P256FieldElement(montgomery: 0, 0, 0, 0)
    /// One: 2²⁵⁶ mod p.
    static let one = P256FieldElement(montgomery: 1, 0xFFFF_FFFF_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0x0000_0000_FFFF_FFFE)
    /// 2⁵¹² mod p, which moves an integer into Montgomery form.
    private static let rSquared = P256FieldElement(
        montgomery: 3, 0xFFFF_FFFB_FFFF_FFFF, 0xFFFF_FFFF_FFFF_FFFE, 0x0000_0004_FFFF_FFFD)

    /// The field element of the integer in `limbs` (little-endian, below p).
    init(integer limbs: (UInt64, UInt64, UInt64, UInt64)) {
        self = P256FieldElement(montgomery: limbs.0, limbs.1, limbs.2, limbs.3) * Self.rSquared
    }

    /// The field element of a 32-byte big-endian integer, or nil when it is not below p.
    init?<Bytes: RandomAccessCollection<UInt8>>(bigEndian bytes: Bytes) where Bytes.Index == Int {
        guard bytes.count == 32 else { return nil }
        func limb(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            let start = bytes.startIndex + (3 - index) * 8
            for offset in 0..<8 { value = value << 8 | UInt64(bytes[start + offset]) }
            return value
        }
        let raw = (limb(0), limb(1), limb(2), limb(3))
        guard Self.isBelowPrime(raw) else { return nil }
        self.init(integer: raw)
    }

    /// The integer (out of Montgomery form: one reduction, `x·2²⁵⁶ · 2⁻²⁵⁶`), little-endian limbs.
    var integer: (UInt64, UInt64, UInt64, UInt64) {
        let plain = Self.reduce(l0, l1, l2, l3, 0, 0, 0, 0)
        return (plain.l0, plain.l1, plain.l2, plain.l3)
    }

    /// The integer as 32 big-endian bytes.
    var bigEndianBytes: [UInt8] {
        let limbs = integer
        var bytes = [UInt8](repeating: 0, count: 32)
        for (index, limb) in [limbs.3, limbs.2, limbs.1, limbs.0].enumerated() {
            for offset in 0..<8 { bytes[index * 8 + offset] = UInt8(truncatingIfNeeded: limb >> UInt64(56 - 8 * offset)) }
        }
        return bytes
    }

    /// Whether little-endian limbs hold an integer below p.
    static func isBelowPrime(_ limbs: (UInt64, UInt64, UInt64, UInt64)) -> Bool {
        let (_, borrow) = subtract(limbs, (p0, p1, 0, p3))
        return borrow == 1
    }

    /// Whether the element is zero.
    @inline(__always)
    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    // MARK: Arithmetic

    /// `a + b mod p`.
    @inline(__always)
    static func + (a: P256FieldElement, b: P256FieldElement) -> P256FieldElement {
        var c = UInt128(a.l0) &+ UInt128(b.l0)
        let s0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.l1) &+ UInt128(b.l1) &+ (c >> 64)
        let s1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.l2) &+ UInt128(b.l2) &+ (c >> 64)
        let s2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.l3) &+ UInt128(b.l3) &+ (c >> 64)
        let s3 = UInt64(truncatingIfNeeded: c)
        return reduceOnce(s0, s1, s2, s3, carry: UInt64(truncatingIfNeeded: c >> 64))
    }

    /// `a − b mod p`.
    @inline(__always)
    static func - (a: P256FieldElement, b: P256FieldElement) -> P256FieldElement {
        let (d, borrow) = subtract((a.l0, a.l1, a.l2, a.l3), (b.l0, b.l1, b.l2, b.l3))
        // Add p back when the difference went negative.
        let mask = 0 &- borrow
        var c = UInt128(d.0) &+ UInt128(p0 & mask)
        let r0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(d.1) &+ UInt128(p1 & mask) &+ (c >> 64)
        let r1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(d.2) &+ (c >> 64)
        let r2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(d.3) &+ UInt128(p3 & mask) &+ (c >> 64)
        return P256FieldElement(montgomery: r0, r1, r2, UInt64(truncatingIfNeeded: c))
    }

    /// `−a mod p`.
    @inline(__always)
    static prefix func - (a: P256FieldElement) -> P256FieldElement { zero - a }

    /// `2a mod p`.
    @inline(__always)
    var doubled: P256FieldElement { self + self }

    /// Montgomery multiplication: `a · b · 2⁻²⁵⁶ mod p`, which is the product of the elements.
    ///
    /// Operand scanning interleaved with reduction (CIOS). Since −p⁻¹ ≡ 1 (mod 2⁶⁴), each reduction multiplier
    /// is the low limb itself; p's zero limb and its low limb of all ones save two multiplications per round.
    @inline(__always)
    static func * (a: P256FieldElement, b: P256FieldElement) -> P256FieldElement {
        var t = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        multiplyAccumulate(&t, a, b.l0)
        multiplyAccumulate(&t, a, b.l1)
        multiplyAccumulate(&t, a, b.l2)
        multiplyAccumulate(&t, a, b.l3)
        return reduceOnce(t.0, t.1, t.2, t.3, carry: t.4)
    }

    /// The square: ten word products (the six cross products are doubled) and a separate reduction.
    @inline(__always)
    var squared: P256FieldElement {
        // Cross products a_i·a_j, i < j, at limbs 1 ... 6.
        var c = UInt128(l0) &* UInt128(l1)
        let c1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(l0) &* UInt128(l2) &+ (c >> 64)
        let c2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(l0) &* UInt128(l3) &+ (c >> 64)
        var c3 = UInt64(truncatingIfNeeded: c)
        var c4 = UInt64(truncatingIfNeeded: c >> 64)
        c = UInt128(l1) &* UInt128(l2) &+ UInt128(c3)
        c3 = UInt64(truncatingIfNeeded: c)
        c = UInt128(l1) &* UInt128(l3) &+ UInt128(c4) &+ (c >> 64)
        c4 = UInt64(truncatingIfNeeded: c)
        var c5 = UInt64(truncatingIfNeeded: c >> 64)
        c = UInt128(l2) &* UInt128(l3) &+ UInt128(c5)
        c5 = UInt64(truncatingIfNeeded: c)
        let c6 = UInt64(truncatingIfNeeded: c >> 64)
        // Twice the cross products (each shift's top bit rides in the carry) plus the squares a_i² at limbs
        // 2i and 2i + 1.
        let s0 = UInt128(l0) &* UInt128(l0)
        let s1 = UInt128(l1) &* UInt128(l1)
        let s2 = UInt128(l2) &* UInt128(l2)
        let s3 = UInt128(l3) &* UInt128(l3)
        c = UInt128(c1) << 1 &+ (s0 >> 64)
        let t1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(c2) << 1 &+ UInt128(UInt64(truncatingIfNeeded: s1)) &+ (c >> 64)
        let t2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(c3) << 1 &+ (s1 >> 64) &+ (c >> 64)
        let t3 = UInt64(truncatingIfNeeded: c)
        c = UInt128(c4) << 1 &+ UInt128(UInt64(truncatingIfNeeded: s2)) &+ (c >> 64)
        let t4 = UInt64(truncatingIfNeeded: c)
        c = UInt128(c5) << 1 &+ (s2 >> 64) &+ (c >> 64)
        let t5 = UInt64(truncatingIfNeeded: c)
        c = UInt128(c6) << 1 &+ UInt128(UInt64(truncatingIfNeeded: s3)) &+ (c >> 64)
        let t6 = UInt64(truncatingIfNeeded: c)
        c = (s3 >> 64) &+ (c >> 64)
        let t7 = UInt64(truncatingIfNeeded: c)
        return Self.reduce(UInt64(truncatingIfNeeded: s0), t1, t2, t3, t4, t5, t6, t7)
    }

    /// `t · 2⁻²⁵⁶ mod p` for a 512-bit t below p·2²⁵⁶: four rounds that each clear the lowest limb by adding a
    /// multiple m·p (m the limb itself, since −p⁻¹ ≡ 1 mod 2⁶⁴), then one conditional subtraction.
    @inline(__always)
    private static func reduce(
        _ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64,
        _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64
    ) -> P256FieldElement {
        var (a1, a2, a3, a4, a5, a6, a7) = (t1, t2, t3, t4, t5, t6, t7)
        // Round with m = the lowest limb: m·p0 + m = m·2⁶⁴ moves m up a limb, m·p1 + m = m·2³², p2 = 0.
        var m = UInt128(t0)
        var c = (m << 32) &+ UInt128(a1)
        a1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a2) &+ (c >> 64)
        a2 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(p3) &+ UInt128(a3) &+ (c >> 64)
        a3 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a4) &+ (c >> 64)
        a4 = UInt64(truncatingIfNeeded: c)
        var overflow = c >> 64
        m = UInt128(a1)
        c = (m << 32) &+ UInt128(a2)
        a2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a3) &+ (c >> 64)
        a3 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(p3) &+ UInt128(a4) &+ (c >> 64)
        a4 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a5) &+ overflow &+ (c >> 64)
        a5 = UInt64(truncatingIfNeeded: c)
        overflow = c >> 64
        m = UInt128(a2)
        c = (m << 32) &+ UInt128(a3)
        a3 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a4) &+ (c >> 64)
        a4 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(p3) &+ UInt128(a5) &+ (c >> 64)
        a5 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a6) &+ overflow &+ (c >> 64)
        a6 = UInt64(truncatingIfNeeded: c)
        overflow = c >> 64
        m = UInt128(a3)
        c = (m << 32) &+ UInt128(a4)
        a4 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a5) &+ (c >> 64)
        a5 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(p3) &+ UInt128(a6) &+ (c >> 64)
        a6 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a7) &+ overflow &+ (c >> 64)
        a7 = UInt64(truncatingIfNeeded: c)
        return reduceOnce(a4, a5, a6, a7, carry: UInt64(truncatingIfNeeded: c >> 64))
    }

    /// `t ← (t + a·word + m·p) / 2⁶⁴` with m chosen to make the division exact; t stays below 2p.
    @inline(__always)
    private static func multiplyAccumulate(
        _ t: inout (UInt64, UInt64, UInt64, UInt64, UInt64), _ a: P256FieldElement, _ word: UInt64
    ) {
        let (u0, u1, u2, u3, u4, u5) = LimbProduct.addProduct(t, (a.l0, a.l1, a.l2, a.l3), word)
        // m = u0; u0 + m·p0 = m·2⁶⁴ exactly, so the low limb vanishes with a carry of m, and
        // m·p1 + m = m·2³².
        let m = UInt128(u0)
        var c = (m << 32) &+ UInt128(u1)
        t.0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(u2) &+ (c >> 64)
        t.1 = UInt64(truncatingIfNeeded: c)
        c = m &* UInt128(p3) &+ UInt128(u3) &+ (c >> 64)
        t.2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(u4) &+ (c >> 64)
        t.3 = UInt64(truncatingIfNeeded: c)
        t.4 = u5 &+ UInt64(truncatingIfNeeded: c >> 64)
    }

    /// The value `carry·2²⁵⁶ + s` (below 2p) reduced below p.
    @inline(__always)
    private static func reduceOnce(_ s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64, carry: UInt64)
        -> P256FieldElement
    {
        let (d, borrow) = subtract((s0, s1, s2, s3), (p0, p1, 0, p3))
        // Keep the difference unless it went negative without the carry to pay for it.
        let keepSum = 0 &- (borrow & ~carry & 1)
        return P256FieldElement(
            montgomery: (s0 & keepSum) | (d.0 & ~keepSum), (s1 & keepSum) | (d.1 & ~keepSum),
            (s2 & keepSum) | (d.2 & ~keepSum), (s3 & keepSum) | (d.3 & ~keepSum))
    }

    /// The four-limb difference `a − b` and its borrow (0 or 1).
    @inline(__always)
    private static func subtract(_ a: (UInt64, UInt64, UInt64, UInt64), _ b: (UInt64, UInt64, UInt64, UInt64))
        -> ((UInt64, UInt64, UInt64, UInt64), UInt64)
    {
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

    /// `self^(2^count)`.
    @inline(__always)
    func squared(times count: Int) -> P256FieldElement {
        var result = self
        for _ in 0..<count { result = result.squared }
        return result
    }

    /// The inverse, `self^(p−2)` (Fermat), by an addition chain of 255 squarings and 12 multiplications;
    /// zero for zero.
    var inverse: P256FieldElement {
        let x1 = self
        let x2 = x1.squared * x1  // x^(2²−1)
        let x3 = x2.squared * x1
        let x6 = x3.squared(times: 3) * x3
        let x12 = x6.squared(times: 6) * x6
        let x15 = x12.squared(times: 3) * x3
        let x30 = x15.squared(times: 15) * x15
        let x32 = x30.squared(times: 2) * x2
        // p − 2 = 1^32 0^31 1 0^96 1^32 1^30 0 1 (bits from the top).
        var t = x32.squared(times: 32) * x1
        t = t.squared(times: 128) * x32
        t = t.squared(times: 32) * x32
        t = t.squared(times: 30) * x30
        return t.squared(times: 2) * x1
    }

    /// A square root, `self^((p+1)/4)` (p ≡ 3 mod 4), or nil when `self` is not a square. By an addition chain
    /// of 253 squarings and 9 multiplications: (p+1)/4 = 1^32 0^31 1 0^95 1 0^94 in binary.
    var squareRoot: P256FieldElement? {
        let x1 = self
        let x2 = x1.squared * x1
        let x4 = x2.squared(times: 2) * x2
        let x8 = x4.squared(times: 4) * x4
        let x16 = x8.squared(times: 8) * x8
        let x32 = x16.squared(times: 16) * x16
        var t = x32.squared(times: 32) * x1
        t = t.squared(times: 96) * x1
        t = t.squared(times: 94)
        return t.squared == self ? t : nil
    }

    /// Replaces every nonzero element by its inverse with one field inversion (Montgomery's trick, three
    /// multiplications per element); zeros stay zero.
    static func invertAll(_ elements: UnsafeMutableBufferPointer<P256FieldElement>) {
        let count = elements.count
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: P256FieldElement.self, capacity: count) { prefix in
            var running = one
            for index in 0..<count {
                prefix.initializeElement(at: index, to: running)
                let element = elements[index]
                if !element.isZero { running = running * element }
            }
            var inverse = running.inverse
            for index in stride(from: count - 1, through: 0, by: -1) {
                let element = elements[index]
                guard !element.isZero else { continue }
                elements[index] = inverse * prefix[index]
                inverse = inverse * element
            }
        }
    }
}
