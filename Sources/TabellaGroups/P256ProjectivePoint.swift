/// A point of P-256 in homogeneous projective coordinates (X : Y : Z), standing for (X/Z, Y/Z); the point at
/// infinity is (0 : 1 : 0). The formulas are the complete ones of Renes, Costello and Batina ("Complete addition
/// formulas for prime order elliptic curves", 2016, algorithms 5 and 6 for a = −3): they hold for every input, the
/// point at infinity and equal points included, with no branch, so that with the constant-time field operations
/// they serve secret computations (``SecretMultiExponentiation``).
struct P256ProjectivePoint {
    var x: P256FieldElement
    var y: P256FieldElement
    var z: P256FieldElement

    /// The point at infinity.
    static let infinity = P256ProjectivePoint(x: .zero, y: .one, z: .zero)

    @inline(__always)
    init(x: P256FieldElement, y: P256FieldElement, z: P256FieldElement) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The same point in Jacobian coordinates: (X·Z : Y·Z² : Z).
    var jacobian: P256JacobianPoint {
        P256JacobianPoint(x: x * z, y: y * z.squared, z: z)
    }

    /// `self ← self + q` for a finite affine q (11 multiplications, 2 by b).
    @inline(__always)
    mutating func add(_ q: P256AffinePoint) {
        let b = P256AffinePoint.b
        var t0 = x * q.x
        var t1 = y * q.y
        var t3 = (q.x + q.y) * (x + y) - (t0 + t1)
        let t4 = q.y * z + y
        var y3 = q.x * z + x
        var z3 = b * z
        var x3 = y3 - z3
        x3 = x3.doubled + x3
        z3 = t1 - x3
        x3 = t1 + x3
        y3 = b * y3
        let t2 = z.doubled + z
        y3 = y3 - t2 - t0
        y3 = y3.doubled + y3
        t0 = t0.doubled + t0 - t2
        t1 = t4 * y3
        let t5 = t0 * y3
        y3 = x3 * z3 + t5
        x3 = t3 * x3 - t1
        z3 = t4 * z3
        t3 = t3 * t0
        self = P256ProjectivePoint(x: x3, y: y3, z: z3 + t3)
    }

    /// `self ← 2·self` (8 multiplications, 3 squarings, 2 by b).
    @inline(__always)
    mutating func double() {
        let b = P256AffinePoint.b
        var t0 = x.squared
        let t1 = y.squared
        var t2 = z.squared
        let t3 = (x * y).doubled
        var z3 = (x * z).doubled
        var y3 = b * t2 - z3
        y3 = y3.doubled + y3
        var x3 = t1 - y3
        y3 = (t1 + y3) * x3
        x3 = x3 * t3
        t2 = t2.doubled + t2
        z3 = b * z3 - t2 - t0
        z3 = z3.doubled + z3
        t0 = t0.doubled + t0 - t2
        y3 = y3 + t0 * z3
        let t4 = (y * z).doubled
        x3 = x3 - t4 * z3
        self = P256ProjectivePoint(x: x3, y: y3, z: (t4 * t1).doubled.doubled)
    }

    /// `b` where `mask` is all ones, `a` where it is zero, by masks.
    @inline(__always)
    static func select(_ a: P256ProjectivePoint, _ b: P256ProjectivePoint, mask: UInt64) -> P256ProjectivePoint {
        P256ProjectivePoint(x: .select(a.x, b.x, mask: mask), y: .select(a.y, b.y, mask: mask),
                            z: .select(a.z, b.z, mask: mask))
    }
}

extension P256FieldElement {
    /// `b` where `mask` is all ones, `a` where it is zero, by masks (constant time).
    @inline(__always)
    static func select(_ a: P256FieldElement, _ b: P256FieldElement, mask: UInt64) -> P256FieldElement {
        P256FieldElement(montgomery: a.l0 ^ ((a.l0 ^ b.l0) & mask), a.l1 ^ ((a.l1 ^ b.l1) & mask),
                         a.l2 ^ ((a.l2 ^ b.l2) & mask), a.l3 ^ ((a.l3 ^ b.l3) & mask))
    }
}
