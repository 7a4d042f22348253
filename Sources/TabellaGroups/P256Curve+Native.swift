internal import COpenSSL

/// Moving points between OpenSSL and Tabella's own P-256 arithmetic (``P256JacobianPoint``), and the
/// multi-exponentiation that runs on the latter.
///
/// Points leave OpenSSL in Jacobian coordinates (`EC_POINT_get_Jprojective_coordinates_GFp`, about 0.2 µs here)
/// rather than affine ones (`EC_POINT_get_affine_coordinates`, about 3.6 µs, one inversion per point): the
/// affine form of many points then costs one inversion for all of them, in ``P256JacobianPoint/affine(_:)``.
extension P256Curve {
    /// The points in Tabella's representation, with one scratch context and one set of coordinates for all.
    func jacobian(_ points: [ECPoint]) -> [P256JacobianPoint] {
        let coordinates = JacobianCoordinates()
        return BigNumberContext.pooled { scratch in points.map { jacobian($0, coordinates, scratch) } }
    }

    /// One point in Tabella's representation.
    private func jacobian(_ point: ECPoint, _ coordinates: JacobianCoordinates, _ scratch: BigNumberContext)
        -> P256JacobianPoint
    {
        let status = EC_POINT_get_Jprojective_coordinates_GFp(
            group, point.pointer, coordinates.x.pointer, coordinates.y.pointer, coordinates.z.pointer, scratch.pointer)
        precondition(status == 1, "OpenSSL could not read a point's coordinates")
        return P256JacobianPoint(x: Self.fieldElement(coordinates.x), y: Self.fieldElement(coordinates.y),
                                 z: Self.fieldElement(coordinates.z))
    }

    /// The OpenSSL point of a point in Tabella's representation.
    func point(_ point: P256JacobianPoint) -> ECPoint {
        let result = newPoint()
        guard !point.isInfinity else {
            _ = EC_POINT_set_to_infinity(group, result.pointer)
            return result
        }
        let x = Self.bigNumber(point.x)
        let y = Self.bigNumber(point.y)
        let z = Self.bigNumber(point.z)
        let status = BigNumberContext.pooled { scratch in
            EC_POINT_set_Jprojective_coordinates_GFp(group, result.pointer, x.pointer, y.pointer, z.pointer,
                                                     scratch.pointer)
        }
        precondition(status == 1, "OpenSSL refused a point's coordinates")
        return result
    }

    /// The compressed SEC 1 encodings of `points`, concatenated (33 zero bytes for the point at infinity), followed
    /// by those of the sums `Σ points[i]` over each list of indices in `sums` (the group's products).
    ///
    /// The points leave OpenSSL in Jacobian form, the sums are formed on those coordinates in Tabella's arithmetic
    /// (about a third of the cost of `EC_POINT_add`), and all of them share one inversion of their z-coordinates,
    /// where OpenSSL's own encoding inverts once per point. The field arithmetic is free of secret-dependent
    /// branches and memory accesses, and the point additions branch only on exceptional cases (the point at
    /// infinity, equal points, a z-coordinate of one), so points computed with secret scalars (ciphertexts, proof commitments) may be encoded here; the
    /// affine result is public anyway.
    func encode(_ points: [ECPoint], appendingSums sums: [[Int]] = []) -> [UInt8] {
        var jacobians = jacobian(points)
        jacobians.reserveCapacity(points.count + sums.count)
        for indices in sums {
            var sum = P256JacobianPoint.infinity
            for index in indices { sum.add(jacobians[index]) }
            jacobians.append(sum)
        }
        return P256JacobianPoint.encode(jacobians)
    }

    /// Products of fewer terms go to OpenSSL's `EC_POINTs_mul` when no plan is given: measured here, Tabella's
    /// arithmetic was about twice as slow at 2 to 16 terms, even at 100 and faster from there on.
    static let nativeMultiplicationTerms = 128

    /// `∏ points[i]^scalars[i]` (additively: Σ scalars[i]·points[i]) by ``MultiExponentiation`` on
    /// ``P256Workspace`` with `plan`, or the plan of least estimated cost when it is nil; terms with the point at
    /// infinity or a zero scalar are left out. Without a plan, fewer than ``nativeMultiplicationTerms`` terms
    /// go to ``openSSLMultiMultiply(_:_:)``.
    func multiMultiply(_ points: [ECPoint], _ scalars: [Scalar], plan: MultiExponentiation.Plan? = nil) -> ECPoint {
        precondition(points.count == scalars.count, "one exponent per base")
        if plan == nil, points.count < Self.nativeMultiplicationTerms { return openSSLMultiMultiply(points, scalars) }
        let affine = P256JacobianPoint.affine(jacobian(points))
        var bases = [P256AffinePoint]()
        var exponents = [Scalar]()
        bases.reserveCapacity(points.count)
        exponents.reserveCapacity(points.count)
        for (base, exponent) in zip(affine, scalars) where !exponent.isZero {
            guard let base else { continue }
            bases.append(base)
            exponents.append(exponent)
        }
        let workspace = P256Workspace()
        let product = if let plan {
            MultiExponentiation.product(workspace, bases: bases, exponents: exponents, plan: plan)
        } else {
            MultiExponentiation.product(workspace, bases: bases, exponents: exponents)
        }
        return point(product)
    }

    /// Three `BIGNUM`s reused for the coordinates of one point after another.
    final class JacobianCoordinates {
        let x = BigNumber()
        let y = BigNumber()
        let z = BigNumber()
    }

    /// The field element of a `BIGNUM` below p.
    private static func fieldElement(_ number: BigNumber) -> P256FieldElement {
        var limbs: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        let written = withUnsafeMutableBytes(of: &limbs) { bytes in
            BN_bn2lebinpad(number.pointer, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), 32)
        }
        precondition(written == 32, "a P-256 coordinate has at most 32 bytes")
        return P256FieldElement(integer: (UInt64(littleEndian: limbs.0), UInt64(littleEndian: limbs.1),
                                          UInt64(littleEndian: limbs.2), UInt64(littleEndian: limbs.3)))
    }

    /// The `BIGNUM` of a field element.
    private static func bigNumber(_ element: P256FieldElement) -> BigNumber {
        let integer = element.integer
        let limbs = (integer.0.littleEndian, integer.1.littleEndian, integer.2.littleEndian, integer.3.littleEndian)
        let number = BigNumber()
        withUnsafeBytes(of: limbs) { bytes in
            _ = BN_lebin2bn(bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), 32, number.pointer)
        }
        return number
    }
}
