/// A point of Edwards25519 in the cached form that an extended addition reads, (Y + X, Y − X, Z, 2d·T), kept
/// projective so that a table of many points needs no inversion. The identity is (1, 1, 1, 0).
struct Edwards25519CachedPoint {
    var yPlusX: Curve25519FieldElement
    var yMinusX: Curve25519FieldElement
    var z: Curve25519FieldElement
    var tTimesDoubleD: Curve25519FieldElement

    /// The identity.
    static let identity = Edwards25519CachedPoint(yPlusX: .one, yMinusX: .one, z: .one, tTimesDoubleD: .zero)

    @inline(__always)
    init(yPlusX: Curve25519FieldElement, yMinusX: Curve25519FieldElement, z: Curve25519FieldElement,
         tTimesDoubleD: Curve25519FieldElement) {
        self.yPlusX = yPlusX
        self.yMinusX = yMinusX
        self.z = z
        self.tTimesDoubleD = tTimesDoubleD
    }

    /// The cached form of an extended point.
    init(_ point: Edwards25519Point) {
        self.init(yPlusX: point.y + point.x, yMinusX: point.y - point.x, z: point.z,
                  tTimesDoubleD: point.t * Curve25519FieldElement.doubleD)
    }

    /// `b` where `mask` is all ones, `a` where it is zero, by masks (constant time).
    @inline(__always)
    static func select(_ a: Edwards25519CachedPoint, _ b: Edwards25519CachedPoint, mask: UInt64)
        -> Edwards25519CachedPoint
    {
        Edwards25519CachedPoint(
            yPlusX: .select(a.yPlusX, b.yPlusX, mask: mask), yMinusX: .select(a.yMinusX, b.yMinusX, mask: mask),
            z: .select(a.z, b.z, mask: mask), tTimesDoubleD: .select(a.tTimesDoubleD, b.tTimesDoubleD, mask: mask))
    }

    /// −P where `mask` is all ones, P where it is zero: the two sums swap and 2d·T changes sign, by masks.
    @inline(__always)
    func negated(mask: UInt64) -> Edwards25519CachedPoint {
        Edwards25519CachedPoint(
            yPlusX: .select(yPlusX, yMinusX, mask: mask), yMinusX: .select(yMinusX, yPlusX, mask: mask), z: z,
            tTimesDoubleD: .select(tTimesDoubleD, -tTimesDoubleD, mask: mask))
    }
}

extension Curve25519FieldElement {
    /// `b` where `mask` is all ones, `a` where it is zero, limb by limb by masks (constant time).
    @inline(__always)
    static func select(_ a: Curve25519FieldElement, _ b: Curve25519FieldElement, mask: UInt64)
        -> Curve25519FieldElement
    {
        Curve25519FieldElement(
            limbs: a.l0 ^ ((a.l0 ^ b.l0) & mask), a.l1 ^ ((a.l1 ^ b.l1) & mask), a.l2 ^ ((a.l2 ^ b.l2) & mask),
            a.l3 ^ ((a.l3 ^ b.l3) & mask), a.l4 ^ ((a.l4 ^ b.l4) & mask))
    }
}
