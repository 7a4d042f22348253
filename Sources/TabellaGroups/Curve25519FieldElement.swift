/// An element of the field of Curve25519 and Edwards25519, integers modulo p = 2²⁵⁵ − 19, in five little-endian
/// limbs of radix 2⁵¹, not necessarily fully reduced: equality, the sign and the bytes use the canonical form.
///
/// Limb bounds: a product, square, difference or negation is carried, every limb below 2⁵²; a sum is not carried,
/// so the sum of two carried elements has limbs below 2⁵³. Products and squares take operands with limbs below
/// 2⁵⁴ (sums of sums), differences operands below 2⁵³ (sums of two carried elements).
///
/// The arithmetic, the square-root ratio, the sign and the absolute value run without branches or
/// data-dependent memory accesses (selections by mask), so that they serve the constant-time multi-exponentiation
/// and its encoding as well as public computations; only `==`, ``isZero`` and ``isNegative`` return a `Bool`,
/// for public values.
struct Curve25519FieldElement {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64
    var l4: UInt64

    /// 2⁵¹ − 1, the mask of one limb.
    private static let mask: UInt64 = (1 << 51) - 1

    /// The limbs as given.
    @inline(__always)
    init(limbs l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
        self.l4 = l4
    }

    /// Zero.
    static let zero = Curve25519FieldElement(limbs: 0, 0, 0, 0, 0)
    /// One.
    static let one = Curve25519FieldElement(limbs: 1, 0, 0, 0, 0)
    /// The Edwards curve constant d = −121665/121666.
    static let d = Curve25519FieldElement(
        limbs: 0x34_dca1_3597_8a3, 0x1a_8283_b156_ebd, 0x5e_7a26_001c_029, 0x73_9c66_3a03_cbb, 0x52_036c_ee2b_6ff)
    /// 2d, the constant of the addition formulas.
    static let doubleD = Curve25519FieldElement(
        limbs: 0x69_b942_6b2f_159, 0x35_0507_62ad_d7a, 0x3c_f44c_0038_052, 0x67_38cc_7407_977, 0x24_06d9_dc56_dff)
    /// √−1, the non-negative square root of −1 (2^((p−1)/4)).
    static let squareRootOfMinusOne = Curve25519FieldElement(
        limbs: 0x61_b274_a0ea_0b0, 0x0d_5a5f_c8f1_89d, 0x7e_f5e9_cbd0_c60, 0x78_595a_6804_c9e, 0x2b_8324_804f_c1d)
    /// 1/√(a − d) = 1/√(−1 − d), non-negative (RFC 9496's INVSQRT_A_MINUS_D).
    static let inverseSquareRootOfAMinusD = Curve25519FieldElement(
        limbs: 0x00_fdaa_805d_40ea, 0x2e_b482_e57d_339, 0x00_7610_274b_c58, 0x65_10b6_13dc_8ff, 0x78_6c89_05cf_aff)

    /// The field element of 32 little-endian bytes, the top bit ignored (so a value of p or more is reduced).
    init<Bytes: RandomAccessCollection<UInt8>>(littleEndian bytes: Bytes) where Bytes.Index == Int {
        precondition(bytes.count == 32, "a field element has 32 bytes")
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            let start = bytes.startIndex + 8 * index
            for offset in stride(from: 7, through: 0, by: -1) { value = value << 8 | UInt64(bytes[start + offset]) }
            return value
        }
        let (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
        self.init(limbs: w0 & Self.mask, (w0 >> 51 | w1 << 13) & Self.mask, (w1 >> 38 | w2 << 26) & Self.mask,
                  (w2 >> 25 | w3 << 39) & Self.mask, (w3 >> 12) & Self.mask)
    }

    /// The canonical value (below p) as 32 little-endian bytes.
    var littleEndianBytes: [UInt8] {
        let c = canonical
        let words = [c.l0 | c.l1 << 51, c.l1 >> 13 | c.l2 << 38, c.l2 >> 26 | c.l3 << 25, c.l3 >> 39 | c.l4 << 12]
        var bytes = [UInt8](repeating: 0, count: 32)
        for (index, word) in words.enumerated() {
            for offset in 0..<8 { bytes[8 * index + offset] = UInt8(truncatingIfNeeded: word >> UInt64(8 * offset)) }
        }
        return bytes
    }

    /// The same value with every limb below 2⁵¹ and the whole below p.
    var canonical: Curve25519FieldElement {
        // One carry pass leaves the value below 2²⁵⁵ + 2²¹⁸ < 2p.
        var c = carried
        // q = 1 exactly when the value is p or more: adding 19 then carries out of bit 255.
        var q = (c.l0 &+ 19) >> 51
        q = (c.l1 &+ q) >> 51
        q = (c.l2 &+ q) >> 51
        q = (c.l3 &+ q) >> 51
        q = (c.l4 &+ q) >> 51
        c.l0 &+= 19 &* q
        c.l1 &+= c.l0 >> 51
        c.l0 &= Self.mask
        c.l2 &+= c.l1 >> 51
        c.l1 &= Self.mask
        c.l3 &+= c.l2 >> 51
        c.l2 &= Self.mask
        c.l4 &+= c.l3 >> 51
        c.l3 &= Self.mask
        c.l4 &= Self.mask
        return c
    }

    /// One carry pass: every limb below 2⁵¹ plus the carry out of the limb below it (19 times the top limb's carry
    /// for the lowest).
    @inline(__always)
    private var carried: Curve25519FieldElement {
        let c0 = l0 >> 51, c1 = l1 >> 51, c2 = l2 >> 51, c3 = l3 >> 51, c4 = l4 >> 51
        return Curve25519FieldElement(
            limbs: (l0 & Self.mask) &+ 19 &* c4, (l1 & Self.mask) &+ c0, (l2 & Self.mask) &+ c1,
            (l3 & Self.mask) &+ c2, (l4 & Self.mask) &+ c3)
    }

    /// Whether the element is zero.
    var isZero: Bool {
        let c = canonical
        return (c.l0 | c.l1 | c.l2 | c.l3 | c.l4) == 0
    }

    /// Whether the canonical value is odd, which RFC 9496 calls negative.
    var isNegative: Bool { canonical.l0 & 1 == 1 }

    /// A mask of all ones when the canonical value is odd (negative), zero otherwise, by arithmetic.
    @inline(__always)
    var negativeMask: UInt64 { 0 &- (canonical.l0 & 1) }

    /// A mask of all ones when `a` and `b` are equal (as values), zero otherwise, by arithmetic.
    static func equalMask(_ a: Curve25519FieldElement, _ b: Curve25519FieldElement) -> UInt64 {
        let (x, y) = (a.canonical, b.canonical)
        let difference = (x.l0 ^ y.l0) | (x.l1 ^ y.l1) | (x.l2 ^ y.l2) | (x.l3 ^ y.l3) | (x.l4 ^ y.l4)
        // The limbs are below 2⁵¹, so difference − 1 has its top bit set exactly when difference is 0.
        return 0 &- ((difference &- 1) >> 63)
    }

    /// The non-negative one of `self` and `−self`, selected by mask.
    var absolute: Curve25519FieldElement { .select(self, -self, mask: negativeMask) }

    // MARK: Arithmetic

    /// `a + b`, not carried.
    @inline(__always)
    static func + (a: Curve25519FieldElement, b: Curve25519FieldElement) -> Curve25519FieldElement {
        Curve25519FieldElement(limbs: a.l0 &+ b.l0, a.l1 &+ b.l1, a.l2 &+ b.l2, a.l3 &+ b.l3, a.l4 &+ b.l4)
    }

    /// `a − b`, as `a + 8p − b` carried (8p keeps every limb of the difference non-negative).
    @inline(__always)
    static func - (a: Curve25519FieldElement, b: Curve25519FieldElement) -> Curve25519FieldElement {
        Curve25519FieldElement(
            limbs: (a.l0 &+ 0x3F_FFFF_FFFF_FF68) &- b.l0, (a.l1 &+ 0x3F_FFFF_FFFF_FFF8) &- b.l1,
            (a.l2 &+ 0x3F_FFFF_FFFF_FFF8) &- b.l2, (a.l3 &+ 0x3F_FFFF_FFFF_FFF8) &- b.l3,
            (a.l4 &+ 0x3F_FFFF_FFFF_FFF8) &- b.l4
        ).carried
    }

    /// `−a`, carried.
    @inline(__always)
    static prefix func - (a: Curve25519FieldElement) -> Curve25519FieldElement { zero - a }

    /// `a · b`, carried: 25 word products, the ones that wrap past 2²⁵⁵ multiplied by 19 (2²⁵⁵ ≡ 19).
    @inline(__always)
    static func * (a: Curve25519FieldElement, b: Curve25519FieldElement) -> Curve25519FieldElement {
        let (b1, b2, b3, b4) = (b.l1 &* 19, b.l2 &* 19, b.l3 &* 19, b.l4 &* 19)
        let r0 = product(a.l0, b.l0) &+ product(a.l1, b4) &+ product(a.l2, b3) &+ product(a.l3, b2)
            &+ product(a.l4, b1)
        let r1 = product(a.l0, b.l1) &+ product(a.l1, b.l0) &+ product(a.l2, b4) &+ product(a.l3, b3)
            &+ product(a.l4, b2)
        let r2 = product(a.l0, b.l2) &+ product(a.l1, b.l1) &+ product(a.l2, b.l0) &+ product(a.l3, b4)
            &+ product(a.l4, b3)
        let r3 = product(a.l0, b.l3) &+ product(a.l1, b.l2) &+ product(a.l2, b.l1) &+ product(a.l3, b.l0)
            &+ product(a.l4, b4)
        let r4 = product(a.l0, b.l4) &+ product(a.l1, b.l3) &+ product(a.l2, b.l2) &+ product(a.l3, b.l1)
            &+ product(a.l4, b.l0)
        return carry(r0, r1, r2, r3, r4)
    }

    /// The square, carried: 15 word products.
    @inline(__always)
    var squared: Curve25519FieldElement {
        let (d0, d1, d2, d3) = (l0 &* 2, l1 &* 2, l2 &* 2, l3 &* 2)
        let (n3, n4) = (l3 &* 19, l4 &* 19)
        let r0 = Self.product(l0, l0) &+ Self.product(d1, n4) &+ Self.product(d2, n3)
        let r1 = Self.product(d0, l1) &+ Self.product(d2, n4) &+ Self.product(l3, n3)
        let r2 = Self.product(d0, l2) &+ Self.product(l1, l1) &+ Self.product(d3, n4)
        let r3 = Self.product(d0, l3) &+ Self.product(d1, l2) &+ Self.product(l4, n4)
        let r4 = Self.product(d0, l4) &+ Self.product(d1, l3) &+ Self.product(l2, l2)
        return Self.carry(r0, r1, r2, r3, r4)
    }

    /// The full 128-bit product of two words.
    @inline(__always)
    private static func product(_ a: UInt64, _ b: UInt64) -> UInt128 { UInt128(a) &* UInt128(b) }

    /// Five 128-bit column sums carried into limbs below 2⁵², the top carry folded into the lowest limb times 19.
    @inline(__always)
    private static func carry(_ r0: UInt128, _ r1: UInt128, _ r2: UInt128, _ r3: UInt128, _ r4: UInt128)
        -> Curve25519FieldElement
    {
        let m = UInt128(mask)
        let s1 = r1 &+ (r0 >> 51)
        let s2 = r2 &+ (s1 >> 51)
        let s3 = r3 &+ (s2 >> 51)
        let s4 = r4 &+ (s3 >> 51)
        let s0 = (r0 & m) &+ (s4 >> 51) &* 19
        func low(_ sum: UInt128) -> UInt64 { UInt64(truncatingIfNeeded: sum & m) }
        return Curve25519FieldElement(
            limbs: low(s0), low(s1) &+ UInt64(truncatingIfNeeded: s0 >> 51), low(s2), low(s3), low(s4))
    }

    /// `self^(2^count)`.
    @inline(__always)
    func squared(times count: Int) -> Curve25519FieldElement {
        var result = self
        for _ in 0..<count { result = result.squared }
        return result
    }

    /// `(self^(2²⁵⁰ − 1), self^11)`, the common part of the inversion and square-root chains.
    private var power2To250MinusOne: (Curve25519FieldElement, Curve25519FieldElement) {
        let x2 = squared
        let x9 = x2.squared(times: 2) * self
        let x11 = x9 * x2
        let x5 = x11.squared * x9  // self^(2⁵ − 1)
        let x10 = x5.squared(times: 5) * x5
        let x20 = x10.squared(times: 10) * x10
        let x40 = x20.squared(times: 20) * x20
        let x50 = x40.squared(times: 10) * x10
        let x100 = x50.squared(times: 50) * x50
        let x200 = x100.squared(times: 100) * x100
        return (x200.squared(times: 50) * x50, x11)
    }

    /// The inverse, `self^(p−2)` (Fermat), by an addition chain of 254 squarings and 11 multiplications;
    /// zero for zero.
    var inverse: Curve25519FieldElement {
        let (x250, x11) = power2To250MinusOne
        return x250.squared(times: 5) * x11  // self^(2²⁵⁵ − 32 + 11)
    }

    /// `self^((p−5)/8) = self^(2²⁵² − 3)`.
    private var power2To252MinusThree: Curve25519FieldElement {
        power2To250MinusOne.0.squared(times: 2) * self
    }

    /// RFC 9496's SQRT_RATIO_M1: whether `u/v` is a square, and the non-negative `√(u/v)` when it is, else the
    /// non-negative `√(√−1 · u/v)`; `(false, 0)` for v = 0 and u ≠ 0, `(true, 0)` for u = 0.
    static func squareRootRatio(_ u: Curve25519FieldElement, _ v: Curve25519FieldElement)
        -> (isSquare: Bool, root: Curve25519FieldElement)
    {
        let v3 = v.squared * v
        let v7 = v3.squared * v
        var root = u * v3 * (u * v7).power2To252MinusThree
        let check = v * root.squared
        let correctSign = equalMask(check, u)
        let flippedSign = equalMask(check, -u)
        let flippedSignTimesI = equalMask(check, -u * squareRootOfMinusOne)
        root = .select(root, root * squareRootOfMinusOne, mask: flippedSign | flippedSignTimesI)
        return ((correctSign | flippedSign) & 1 == 1, root.absolute)
    }
}

extension Curve25519FieldElement: Equatable {
    /// Equality of the values (of the canonical forms).
    static func == (a: Curve25519FieldElement, b: Curve25519FieldElement) -> Bool {
        let (x, y) = (a.canonical, b.canonical)
        return x.l0 == y.l0 && x.l1 == y.l1 && x.l2 == y.l2 && x.l3 == y.l3 && x.l4 == y.l4
    }
}
