/// A point of the Edwards curve −x² + y² = 1 + d·x²y² over GF(2²⁵⁵ − 19) (Edwards25519, under ristretto255) in
/// extended coordinates (X : Y : Z : T), standing for (X/Z, Y/Z) with T/Z = xy.
///
/// The formulas are those of Hisil, Wong, Carter and Dawson (2008) for a = −1, as the Explicit-Formulas Database
/// gives them (dbl-2008-hwcd, add-2008-hwcd-3, madd-2008-hwcd-3). Since −1 is a square and d is not, the addition
/// is complete: no input needs a branch, the identity and P + P included, and with the field's branch-free
/// arithmetic the additions and doublings serve secret computations (``SecretMultiExponentiation``). The field's
/// sign and square-root routines around the points are variable-time: for public computations only.
struct Edwards25519Point {
    var x: Curve25519FieldElement
    var y: Curve25519FieldElement
    var z: Curve25519FieldElement
    var t: Curve25519FieldElement

    /// The identity (0, 1).
    static let identity = Edwards25519Point(x: .zero, y: .one, z: .one, t: .zero)

    @inline(__always)
    init(x: Curve25519FieldElement, y: Curve25519FieldElement, z: Curve25519FieldElement,
         t: Curve25519FieldElement) {
        self.x = x
        self.y = y
        self.z = z
        self.t = t
    }

    /// The point of a precomputed affine point.
    @inline(__always)
    init(_ point: Edwards25519NielsPoint) {
        self = .identity
        add(point)
    }

    /// `self ← 2·self` (4 multiplications, 4 squarings).
    @inline(__always)
    mutating func double() {
        let a = x.squared
        let b = y.squared
        let zz = z.squared
        let c = zz + zz
        let e = (x + y).squared - a - b
        let g = b - a
        let f = g - c
        let h = -(a + b)
        self = Edwards25519Point(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    /// `self ← self + q` (9 multiplications).
    @inline(__always)
    mutating func add(_ q: Edwards25519Point) {
        let a = (y - x) * (q.y - q.x)
        let b = (y + x) * (q.y + q.x)
        let c = t * Curve25519FieldElement.doubleD * q.t
        let zz = z * q.z
        combine(a, b, c, zz + zz)
    }

    /// `self ← self + q` for a precomputed affine q (7 multiplications).
    @inline(__always)
    mutating func add(_ q: Edwards25519NielsPoint) {
        let a = (y - x) * q.yMinusX
        let b = (y + x) * q.yPlusX
        let c = t * q.xyTimesDoubleD
        combine(a, b, c, z + z)
    }

    /// `self ← self + q` for a cached q (8 multiplications).
    @inline(__always)
    mutating func add(_ q: Edwards25519CachedPoint) {
        let a = (y - x) * q.yMinusX
        let b = (y + x) * q.yPlusX
        let c = t * q.tTimesDoubleD
        let zz = z * q.z
        combine(a, b, c, zz + zz)
    }

    /// The common end of the additions, from A = (Y₁ − X₁)(Y₂ − X₂), B = (Y₁ + X₁)(Y₂ + X₂), C = 2d·T₁T₂ and
    /// D = 2Z₁Z₂.
    @inline(__always)
    private mutating func combine(
        _ a: Curve25519FieldElement, _ b: Curve25519FieldElement, _ c: Curve25519FieldElement,
        _ d: Curve25519FieldElement
    ) {
        let e = b - a
        let f = d - c
        let g = d + c
        let h = b + a
        self = Edwards25519Point(x: e * f, y: g * h, z: f * g, t: e * h)
    }

    /// −self.
    @inline(__always)
    var negated: Edwards25519Point { Edwards25519Point(x: -x, y: y, z: z, t: -t) }
}
