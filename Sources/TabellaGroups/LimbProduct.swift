/// The word product shared by the four-limb Montgomery multiplications (``FourLimbModulus`` and
/// ``P256FieldElement``): each round of operand scanning first adds one word times a four-limb number.
enum LimbProduct {
    /// `t + a·word` as six limbs, little-endian, for a five-limb `t` whose top limb is small (a Montgomery
    /// accumulator) and a four-limb `a`.
    @inline(__always)
    static func addProduct(
        _ t: (UInt64, UInt64, UInt64, UInt64, UInt64), _ a: (UInt64, UInt64, UInt64, UInt64), _ word: UInt64
    ) -> (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) {
        let w = UInt128(word)
        var c = UInt128(a.0) &* w &+ UInt128(t.0)
        let u0 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.1) &* w &+ UInt128(t.1) &+ (c >> 64)
        let u1 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.2) &* w &+ UInt128(t.2) &+ (c >> 64)
        let u2 = UInt64(truncatingIfNeeded: c)
        c = UInt128(a.3) &* w &+ UInt128(t.3) &+ (c >> 64)
        let u3 = UInt64(truncatingIfNeeded: c)
        c = UInt128(t.4) &+ (c >> 64)
        return (u0, u1, u2, u3, UInt64(truncatingIfNeeded: c), UInt64(truncatingIfNeeded: c >> 64))
    }
}
