/// A finite point (x, y) of P-256 in affine coordinates, both in Montgomery form.
///
/// The point at infinity has no affine form; code that may meet it uses an optional or a ``P256JacobianPoint``.
struct P256AffinePoint: Equatable {
    var x: P256FieldElement
    var y: P256FieldElement

    /// The curve's b in Montgomery form.
    static let b = P256FieldElement(
        montgomery: 0xD89C_DF62_29C4_BDDF, 0xACF0_05CD_7884_3090, 0xE5A2_20AB_F721_2ED6, 0xDC30_061D_0487_4834)

    /// −P.
    @inline(__always)
    var negated: P256AffinePoint { P256AffinePoint(x: x, y: -y) }

    /// Whether y² = x³ − 3x + b.
    var isOnCurve: Bool {
        let x3 = x.squared * x
        return y.squared == x3 - x.doubled - x + Self.b
    }

    /// The slope's denominator of P + Q, batched by ``sums(_:inverses:)``: x_Q − x_P, or 2y_P when the points
    /// are equal (a doubling), or nil when Q = −P (the sum is the point at infinity).
    @inline(__always)
    static func sumDenominator(_ p: P256AffinePoint, _ q: P256AffinePoint) -> P256FieldElement? {
        if p.x != q.x { return q.x - p.x }
        return p.y == q.y ? p.y.doubled : nil
    }

    /// P + Q given the inverse of ``sumDenominator(_:_:)`` (which must not have been nil).
    @inline(__always)
    static func sum(_ p: P256AffinePoint, _ q: P256AffinePoint, inverseDenominator: P256FieldElement)
        -> P256AffinePoint
    {
        let slope: P256FieldElement
        if p.x != q.x {
            slope = (q.y - p.y) * inverseDenominator
        } else {
            // Tangent slope (3x² + a) / 2y with a = −3.
            let xx = p.x.squared
            slope = (xx.doubled + xx - P256FieldElement.one.doubled - P256FieldElement.one) * inverseDenominator
        }
        let x3 = slope.squared - p.x - q.x
        return P256AffinePoint(x: x3, y: slope * (p.x - x3) - p.y)
    }
}
