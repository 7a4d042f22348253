/// ristretto255 encoding and decoding (RFC 9496 §4.3) on Tabella's own Edwards25519 arithmetic
/// (``Edwards25519Point``), and the multi-exponentiation that runs on it.
///
/// libsodium exports ristretto255 only through encodings, each addition decoding both operands and encoding the
/// result; here the bases are decoded once, the product is formed on points, and encoded once. Decoding branches
/// on its (public) input; the encoding is constant-time and also serves the constant-time multi-exponentiation.
extension Ristretto255 {
    /// The point of a canonical ristretto255 encoding (RFC 9496 §4.3.1): a canonical, non-negative field element s,
    /// then the decoding formulas, whose square root must exist, with t = xy non-negative and y nonzero.
    ///
    /// - Throws: ``GroupError`` with `wrongLength`, `nonCanonical` or `notOnCurve`, as ``decode(_:)``.
    static func point(decoding bytes: [UInt8]) throws(GroupError) -> Edwards25519Point {
        guard bytes.count == 32 else {
            throw GroupError(.wrongLength, "a ristretto255 element has 32 bytes, not \(bytes.count)")
        }
        guard isCanonicalNonNegative(bytes) else {
            throw GroupError(.nonCanonical, "the ristretto255 encoding is not a canonical non-negative field element")
        }
        let s = Curve25519FieldElement(littleEndian: bytes)
        let ss = s.squared
        let u1 = Curve25519FieldElement.one - ss
        let u2 = Curve25519FieldElement.one + ss
        let u2Squared = u2.squared
        let v = -(Curve25519FieldElement.d * u1.squared) - u2Squared
        let (isSquare, inverseSquareRoot) = Curve25519FieldElement.squareRootRatio(.one, v * u2Squared)
        let denominatorX = inverseSquareRoot * u2
        let denominatorY = inverseSquareRoot * denominatorX * v
        let x = ((s + s) * denominatorX).absolute
        let y = u1 * denominatorY
        let t = x * y
        guard isSquare, !t.isNegative, !y.isZero else {
            throw GroupError(.notOnCurve, "no ristretto255 element has this encoding")
        }
        return Edwards25519Point(x: x, y: y, z: .one, t: t)
    }

    /// The canonical encoding of a point (RFC 9496 §4.3.2), the same for every point of its coset. Constant
    /// time: the rotation and the signs are selections by mask, so it also encodes secret products.
    static func encoding(of point: Edwards25519Point) -> [UInt8] {
        let sqrtMinusOne = Curve25519FieldElement.squareRootOfMinusOne
        let u1 = (point.z + point.y) * (point.z - point.y)
        let u2 = point.x * point.y
        let inverseSquareRoot = Curve25519FieldElement.squareRootRatio(.one, u1 * u2.squared).root
        let denominator1 = inverseSquareRoot * u1
        let denominator2 = inverseSquareRoot * u2
        let zInverse = denominator1 * denominator2 * point.t
        let rotate = (point.t * zInverse).negativeMask
        let x = Curve25519FieldElement.select(point.x, point.y * sqrtMinusOne, mask: rotate)
        var y = Curve25519FieldElement.select(point.y, point.x * sqrtMinusOne, mask: rotate)
        let denominatorInverse = Curve25519FieldElement.select(
            denominator2, denominator1 * Curve25519FieldElement.inverseSquareRootOfAMinusD, mask: rotate)
        y = .select(y, -y, mask: (x * zInverse).negativeMask)
        return (denominatorInverse * (point.z - y)).absolute.littleEndianBytes
    }

    /// `∏ bases[i]^exponents[i]` by ``MultiExponentiation`` on ``Ristretto255Workspace`` with `plan`, or the plan
    /// of least estimated cost when it is nil; terms with the identity or a zero exponent are left out.
    func multiPower(_ bases: [Element], _ exponents: [Scalar], plan: MultiExponentiation.Plan?) -> Element {
        precondition(bases.count == exponents.count, "one exponent per base")
        var points = [Edwards25519NielsPoint]()
        var kept = [Scalar]()
        points.reserveCapacity(bases.count)
        kept.reserveCapacity(bases.count)
        for (base, exponent) in zip(bases, exponents) where !exponent.isZero && base != identity {
            // An element holds a valid encoding: it was decoded or computed by libsodium.
            let point = try! Self.point(decoding: base.bytes)
            points.append(Edwards25519NielsPoint(affine: point))
            kept.append(exponent)
        }
        let product = MultiExponentiation.product(Ristretto255Workspace(), bases: points, exponents: kept, plan: plan)
        return Element(bytes: Self.encoding(of: product))
    }
}
