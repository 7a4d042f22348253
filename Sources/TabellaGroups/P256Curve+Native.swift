internal import COpenSSL

/// Moving points between OpenSSL and Tabella's own P-256 arithmetic (``P256JacobianPoint``), and the
/// multi-exponentiation that runs on the latter.
///
/// Points leave OpenSSL in Jacobian coordinates (`EC_POINT_get_Jprojective_coordinates_GFp`, about 0.2 µs here)
/// rather than affine ones (`EC_POINT_get_affine_coordinates`, about 3.6 µs, one inversion per point): the
/// affine form of many points then costs one inversion for all of them, in ``P256JacobianPoint/affine(_:)``.
extension P256Curve {
    /// The points in Tabella's representation: the coordinates a point keeps, or OpenSSL's, read with one
    /// scratch context and one set of coordinates for all.
    func jacobian(_ points: [ECPoint]) -> [P256JacobianPoint] {
        let coordinates = JacobianCoordinates()
        return BigNumberContext.pooled { scratch in
            points.map { point in point.affine.map(P256JacobianPoint.init) ?? jacobian(point, coordinates, scratch) }
        }
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
        guard !point.isInfinity else { return infinity() }
        return makePoint(x: point.x, y: point.y, z: point.z, affine: nil)
    }

    /// The OpenSSL point of an affine point, which keeps its coordinates (``ECPoint/affine``).
    func point(_ affine: P256AffinePoint) -> ECPoint {
        makePoint(x: affine.x, y: affine.y, z: .one, affine: affine)
    }

    /// A finite point from its Jacobian coordinates.
    private func makePoint(x: P256FieldElement, y: P256FieldElement, z: P256FieldElement,
                           affine: P256AffinePoint?) -> ECPoint {
        guard let result = EC_POINT_new(group) else { fatalError("OpenSSL could not allocate a point") }
        let (x, y, z) = (Self.bigNumber(x), Self.bigNumber(y), Self.bigNumber(z))
        let status = BigNumberContext.pooled { scratch in
            EC_POINT_set_Jprojective_coordinates_GFp(group, result, x.pointer, y.pointer, z.pointer, scratch.pointer)
        }
        precondition(status == 1, "OpenSSL refused a point's coordinates")
        return ECPoint(result, affine: affine)
    }

    /// The affine points of `points`, nil for the point at infinity: the coordinates a point keeps, and for the
    /// others one field inversion shared by all.
    func affine(_ points: [ECPoint]) -> [P256AffinePoint?] {
        let unknown = points.indices.filter { points[$0].affine == nil }
        var result = points.map(\.affine)
        guard !unknown.isEmpty else { return result }
        let computed = P256JacobianPoint.affine(jacobian(unknown.map { points[$0] }))
        for (index, point) in zip(unknown, computed) { result[index] = point }
        return result
    }

    /// The compressed SEC 1 encodings of `points`, concatenated (33 zero bytes for the point at infinity), followed
    /// by those of the sums `Σ points[i]` over each list of indices in `sums` (the group's products).
    ///
    /// The points leave OpenSSL in Jacobian form, the sums are formed on those coordinates in Tabella's arithmetic
    /// (about a third of the cost of `EC_POINT_add`), and all of them share one inversion of their z-coordinates,
    /// where OpenSSL's own encoding inverts once per point. The field arithmetic is free of secret-dependent
    /// branches and memory accesses, and the point additions branch only on exceptional cases (the point at
    /// infinity, equal points, a z-coordinate of one), so points computed with secret scalars (ciphertexts, proof
    /// commitments) may be encoded here; the affine result is public anyway. Points that keep their coordinates
    /// (decoded ones) skip OpenSSL.
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

    /// The uncompressed SEC 1 encodings of `points`, concatenated (65 zero bytes for the point at infinity), with
    /// one field inversion for the points without kept coordinates, as for the compressed encodings.
    func encodeUncompressed(_ points: [ECPoint]) -> [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(65 * points.count)
        for point in affine(points) {
            guard let point else {
                bytes += repeatElement(0, count: 65)
                continue
            }
            bytes.append(4)
            bytes += point.x.bigEndianBytes
            bytes += point.y.bigEndianBytes
        }
        return bytes
    }

    /// Decodes an uncompressed SEC 1 point (or 65 zero bytes for the point at infinity): both coordinates below
    /// p and on the curve. The cofactor is 1, so a point on the curve is in the group.
    func decodeUncompressed(_ bytes: [UInt8]) throws(GroupError) -> ECPoint {
        guard bytes.count == 65 else {
            throw GroupError(.wrongLength, "an uncompressed P-256 point has 65 bytes, not \(bytes.count)")
        }
        if bytes.allSatisfy({ $0 == 0 }) { return infinity() }
        guard bytes[0] == 4 else {
            throw GroupError(.nonCanonical, "an uncompressed P-256 point starts with 04, not \(bytes[0])")
        }
        guard let x = P256FieldElement(bigEndian: bytes[1..<33]) else {
            throw GroupError(.outOfRange, "the x-coordinate is not below the P-256 field prime")
        }
        guard let y = P256FieldElement(bigEndian: bytes[33..<65]) else {
            throw GroupError(.outOfRange, "the y-coordinate is not below the P-256 field prime")
        }
        let affine = P256AffinePoint(x: x, y: y)
        guard affine.isOnCurve else { throw GroupError(.notOnCurve, "the point is not on P-256") }
        return point(affine)
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
        let affine = affine(points)
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
