/// P-256's constant-time multi-exponentiation (``SecretMultiExponentiation``) on Tabella's own arithmetic: tables
/// of affine multiples, an accumulator in projective coordinates with complete formulas (``P256ProjectivePoint``).
extension P256 {
    /// The multiples `1·B … 16·B` of every base, in affine coordinates (1 KiB per base): built once for bases
    /// that serve several products, such as a commitment key's generators.
    public struct SecretMultiPowerTable: Sendable {
        internal let multiples: SecretMultiPowerEntries<P256AffinePoint>
    }

    /// The table of `bases`: the multiples of each finite base in Jacobian coordinates, variable-time (the bases
    /// are public), then all made affine with one field inversion. The point at infinity gets no entries.
    public func secretMultiPowerTable(_ bases: [Element]) -> SecretMultiPowerTable {
        let multiples = SecretMultiExponentiation.multiples
        let affine = P256Curve.shared.affine(bases.map(\.point))
        var jacobian = [P256JacobianPoint]()
        jacobian.reserveCapacity(affine.count * multiples)
        for base in affine {
            guard let base else {
                jacobian += repeatElement(P256JacobianPoint.infinity, count: multiples)
                continue
            }
            var multiple = P256JacobianPoint(base)
            jacobian.append(multiple)
            for _ in 1..<multiples {
                multiple.add(base)
                jacobian.append(multiple)
            }
        }
        let placeholder = P256AffinePoint(x: .zero, y: .zero)
        let entries = P256JacobianPoint.affine(jacobian).map { $0 ?? placeholder }
        return SecretMultiPowerTable(
            multiples: SecretMultiPowerEntries(entries: entries, present: affine.map { $0 != nil }))
    }

    /// `∏ bases[i]^exponents[i]` over the table's first `exponents.count` bases, in constant time: 52 signed
    /// windows of 5 bits, each term a masked scan of its 16 multiples and a complete mixed addition.
    public func multiPower(_ table: SecretMultiPowerTable, secret exponents: [Scalar]) -> Element {
        let product = SecretMultiExponentiation.product(
            P256SecretArithmetic.self, table: table.multiples, exponents: exponents)
        return Element(point: P256Curve.shared.point(product.jacobian))
    }
}

/// P-256 terms of ``SecretMultiExponentiation``.
enum P256SecretArithmetic: SecretTermArithmetic {
    static var identity: P256ProjectivePoint { .infinity }

    @inline(__always)
    static func double(_ point: inout P256ProjectivePoint) { point.double() }

    /// The selected multiple is added in any case; for the digit 0 the sum is discarded by mask.
    @inline(__always)
    static func add(_ point: inout P256ProjectivePoint, _ multiples: UnsafeBufferPointer<P256AffinePoint>,
                    digit: Int8) {
        let (magnitude, negative) = SecretMultiExponentiation.magnitude(digit)
        var x = P256FieldElement.zero
        var y = P256FieldElement.zero
        for index in 0..<multiples.count {
            let mask = SecretMultiExponentiation.equalMask(magnitude, UInt64(index + 1))
            x = .select(x, multiples[index].x, mask: mask)
            y = .select(y, multiples[index].y, mask: mask)
        }
        var sum = point
        sum.add(P256AffinePoint(x: x, y: .select(y, -y, mask: negative)))
        point = .select(sum, point, mask: SecretMultiExponentiation.equalMask(magnitude, 0))
    }
}
