internal import COpenSSL

/// An OpenSSL `EC_POINT` on P-256, owned by one object, with its affine coordinates when they were known as it
/// was made.
final class ECPoint: @unchecked Sendable {
    // Mutated only while the object is private to the code that made it; shared values are never mutated.
    let pointer: OpaquePointer
    /// The affine coordinates of a point made from them (a decoded point), which spares its encoding and its
    /// multi-exponentiations a trip through OpenSSL's coordinates and a field inversion; nil otherwise.
    let affine: P256AffinePoint?

    init(_ pointer: OpaquePointer, affine: P256AffinePoint? = nil) {
        self.pointer = pointer
        self.affine = affine
    }

    deinit { EC_POINT_clear_free(pointer) }
}

/// A P-256 `EC_GROUP` whose generator is a fixed base, with OpenSSL's precomputed table; freed with it.
final class PrecomputedGroup: @unchecked Sendable {
    let pointer: OpaquePointer
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { EC_GROUP_free(pointer) }
}

/// The process-wide P-256 curve: OpenSSL's `EC_GROUP`, its generator and its scalar field.
final class P256Curve: @unchecked Sendable {
    /// The one instance.
    static let shared = P256Curve()

    // Built in `init`, read-only afterwards: OpenSSL allows concurrent reads of an EC_GROUP.
    let group: OpaquePointer
    let scalars: ScalarField
    let generatorPoint: ECPoint
    private let fieldPrime: [UInt8]

    private init() {
        guard let group = EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1) else {
            fatalError("OpenSSL has no P-256")
        }
        self.group = group
        let order = BigNumber()
        _ = EC_GROUP_get_order(group, order.pointer, nil)
        let prime = BigNumber()
        _ = EC_GROUP_get_curve(group, prime.pointer, nil, nil, nil)
        var orderBytes = [UInt8](repeating: 0, count: 32)
        _ = BN_bn2binpad(order.pointer, &orderBytes, 32)
        var primeBytes = [UInt8](repeating: 0, count: 32)
        _ = BN_bn2binpad(prime.pointer, &primeBytes, 32)
        fieldPrime = primeBytes
        // The curve order is an odd prime.
        scalars = try! ScalarField(modulus: orderBytes, byteOrder: .bigEndian)
        guard let generator = EC_POINT_dup(EC_GROUP_get0_generator(group), group) else {
            fatalError("OpenSSL could not copy the P-256 generator")
        }
        generatorPoint = ECPoint(generator)
    }

    func newPoint() -> ECPoint {
        guard let point = EC_POINT_new(group) else { fatalError("OpenSSL could not allocate a point") }
        return ECPoint(point)
    }

    func infinity() -> ECPoint {
        let point = newPoint()
        _ = EC_POINT_set_to_infinity(group, point.pointer)
        return point
    }

    func copy(_ point: ECPoint) -> ECPoint {
        guard let copy = EC_POINT_dup(point.pointer, group) else { fatalError("OpenSSL could not copy a point") }
        return ECPoint(copy)
    }

    func areEqual(_ a: ECPoint, _ b: ECPoint) -> Bool {
        BigNumberContext.pooled { EC_POINT_cmp(group, a.pointer, b.pointer, $0.pointer) == 0 }
    }

    func add(_ a: ECPoint, _ b: ECPoint) -> ECPoint {
        let sum = newPoint()
        BigNumberContext.pooled { _ = EC_POINT_add(group, sum.pointer, a.pointer, b.pointer, $0.pointer) }
        return sum
    }

    func negate(_ a: ECPoint) -> ECPoint {
        let negated = copy(a)
        BigNumberContext.pooled { _ = EC_POINT_invert(group, negated.pointer, $0.pointer) }
        return negated
    }

    func multiply(_ point: ECPoint, by scalar: Scalar, secret: Bool) -> ECPoint {
        let result = newPoint()
        let exponent = BigNumber(limbs: scalar.limbs)
        if secret { exponent.markSecret() }
        BigNumberContext.pooled { scratch in
            _ = EC_POINT_mul(group, result.pointer, nil, point.pointer, exponent.pointer, scratch.pointer)
        }
        return result
    }

    /// A copy of the curve whose generator is `point`, with OpenSSL's precomputed table for it: the same table
    /// and the same constant-time lookups that serve the standard generator, for a point of our choosing.
    func precomputedGroup(generator point: ECPoint) -> PrecomputedGroup {
        guard let copy = EC_GROUP_dup(group) else { fatalError("OpenSSL could not copy the P-256 group") }
        let order = BigNumber()
        _ = EC_GROUP_get_order(group, order.pointer, nil)
        let cofactor = BigNumber(limbs: [1])
        let status = BigNumberContext.pooled { scratch in
            EC_GROUP_set_generator(copy, point.pointer, order.pointer, cofactor.pointer) == 1
                && EC_GROUP_precompute_mult(copy, scratch.pointer) == 1
        }
        precondition(status, "OpenSSL could not precompute multiples of a fixed base")
        return PrecomputedGroup(copy)
    }

    /// `point^scalar` for the generator of `precomputed`, on the constant-time path when `secret`.
    func multiply(generatorOf precomputed: PrecomputedGroup, by scalar: Scalar, secret: Bool) -> ECPoint {
        let result = newPoint()
        let exponent = BigNumber(limbs: scalar.limbs)
        if secret { exponent.markSecret() }
        BigNumberContext.pooled { scratch in
            _ = EC_POINT_mul(precomputed.pointer, result.pointer, exponent.pointer, nil, nil, scratch.pointer)
        }
        return result
    }

    func multiplyGenerator(by scalar: Scalar, secret: Bool) -> ECPoint {
        let result = newPoint()
        let exponent = BigNumber(limbs: scalar.limbs)
        if secret { exponent.markSecret() }
        BigNumberContext.pooled { scratch in
            _ = EC_POINT_mul(group, result.pointer, exponent.pointer, nil, nil, scratch.pointer)
        }
        return result
    }

    /// `∏ points[i]^scalars[i]` by OpenSSL's `EC_POINTs_mul` (wNAF on its own arithmetic), which is faster than
    /// Tabella's for fewer than ``P256Curve/nativeMultiplicationTerms`` terms.
    func openSSLMultiMultiply(_ points: [ECPoint], _ scalars: [Scalar]) -> ECPoint {
        precondition(points.count == scalars.count, "one exponent per base")
        let result = newPoint()
        let exponents = scalars.map { BigNumber(limbs: $0.limbs) }
        var pointPointers: [OpaquePointer?] = points.map { Optional($0.pointer) }
        var exponentPointers: [OpaquePointer?] = exponents.map { Optional($0.pointer) }
        let status = pointPointers.withUnsafeMutableBufferPointer { pointBuffer in
            exponentPointers.withUnsafeMutableBufferPointer { exponentBuffer in
                BigNumberContext.pooled { scratch in
                    EC_POINTs_mul(group, result.pointer, nil, points.count, pointBuffer.baseAddress,
                                  exponentBuffer.baseAddress, scratch.pointer)
                }
            }
        }
        precondition(status == 1, "EC_POINTs_mul failed")
        return withExtendedLifetime((points, exponents)) { result }
    }

    func encode(_ point: ECPoint) -> [UInt8] {
        // A point that keeps its coordinates needs no inversion on Tabella's side.
        if point.affine != nil { return encode([point]) }
        var bytes = [UInt8](repeating: 0, count: 33)
        guard EC_POINT_is_at_infinity(group, point.pointer) == 0 else { return bytes }
        BigNumberContext.pooled { scratch in
            _ = EC_POINT_point2oct(group, point.pointer, POINT_CONVERSION_COMPRESSED, &bytes, 33, scratch.pointer)
        }
        return bytes
    }

    func decode(_ bytes: [UInt8]) throws(GroupError) -> ECPoint {
        guard bytes.count == 33 else {
            throw GroupError(.wrongLength, "a compressed P-256 point has 33 bytes, not \(bytes.count)")
        }
        if bytes.allSatisfy({ $0 == 0 }) { return infinity() }
        guard bytes[0] == 2 || bytes[0] == 3 else {
            throw GroupError(.nonCanonical, "a compressed P-256 point starts with 02 or 03, not \(bytes[0])")
        }
        guard bytes[1...].lexicographicallyPrecedes(fieldPrime) else {
            throw GroupError(.outOfRange, "the x-coordinate is not below the P-256 field prime")
        }
        // The x-coordinate is below p (checked above); y is a square root of x³ − 3x + b, computed in Tabella's
        // own field arithmetic (OpenSSL's generic BN_mod_sqrt measured twice as slow). The cofactor is 1, so a
        // point on the curve is in the group.
        guard let x = P256FieldElement(bigEndian: bytes[1...]),
              let root = (x.squared * x - x.doubled - x + P256AffinePoint.b).squareRoot else {
            throw GroupError(.notOnCurve, "no point of P-256 has this x-coordinate")
        }
        let y = UInt8(truncatingIfNeeded: root.integer.0 & 1) == bytes[0] & 1 ? root : -root
        return point(P256AffinePoint(x: x, y: y))
    }
}
