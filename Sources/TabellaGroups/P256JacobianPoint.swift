/// A point of P-256 in Jacobian coordinates (X : Y : Z), standing for (X/Z², Y/Z³); Z = 0 is the point at
/// infinity. Coordinates are ``P256FieldElement``s; the formulas are those of the Explicit-Formulas Database
/// (dbl-2001-b for a = −3, madd-2007-bl, add-2007-bl) with the exceptional cases handled by branches
/// (variable-time: for public computations only).
struct P256JacobianPoint {
    var x: P256FieldElement
    var y: P256FieldElement
    var z: P256FieldElement

    /// The point at infinity.
    static let infinity = P256JacobianPoint(x: .one, y: .one, z: .zero)

    @inline(__always)
    init(x: P256FieldElement, y: P256FieldElement, z: P256FieldElement) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The affine point with Z = 1.
    @inline(__always)
    init(_ point: P256AffinePoint) {
        self.init(x: point.x, y: point.y, z: .one)
    }

    /// Whether this is the point at infinity.
    @inline(__always)
    var isInfinity: Bool { z.isZero }

    /// `self ← 2·self` (3 multiplications, 5 squarings).
    @inline(__always)
    mutating func double() {
        guard !z.isZero else { return }
        let delta = z.squared
        let gamma = y.squared
        let beta = x * gamma
        let t = (x - delta) * (x + delta)
        let alpha = t.doubled + t
        let beta4 = beta.doubled.doubled
        let x3 = alpha.squared - beta4.doubled
        let z3 = (y + z).squared - gamma - delta
        let gamma2 = gamma.squared
        y = alpha * (beta4 - x3) - gamma2.doubled.doubled.doubled
        x = x3
        z = z3
    }

    /// `self ← self + q` for an affine q (7 multiplications, 4 squarings).
    @inline(__always)
    mutating func add(_ q: P256AffinePoint) {
        guard !z.isZero else {
            self = P256JacobianPoint(q)
            return
        }
        let z1z1 = z.squared
        let u2 = q.x * z1z1
        let s2 = q.y * z * z1z1
        let h = u2 - x
        let r = (s2 - y).doubled
        guard !h.isZero else {
            if r.isZero { double() } else { self = .infinity }
            return
        }
        let hh = h.squared
        let i = hh.doubled.doubled
        let j = h * i
        let v = x * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (y * j).doubled
        z = (z + h).squared - z1z1 - hh
        x = x3
        y = y3
    }

    /// `self ← self + q` (11 multiplications, 5 squarings; the mixed formula when q has Z = 1).
    @inline(__always)
    mutating func add(_ q: P256JacobianPoint) {
        if q.z.isZero { return }
        if q.z == .one {
            add(P256AffinePoint(x: q.x, y: q.y))
            return
        }
        guard !z.isZero else {
            self = q
            return
        }
        let z1z1 = z.squared
        let z2z2 = q.z.squared
        let u1 = x * z2z2
        let u2 = q.x * z1z1
        let s1 = y * q.z * z2z2
        let s2 = q.y * z * z1z1
        let h = u2 - u1
        let r = (s2 - s1).doubled
        guard !h.isZero else {
            if r.isZero { double() } else { self = .infinity }
            return
        }
        let i = h.doubled.squared
        let j = h * i
        let v = u1 * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (s1 * j).doubled
        z = ((z + q.z).squared - z1z1 - z2z2) * h
        x = x3
        y = y3
    }

    /// −self.
    @inline(__always)
    var negated: P256JacobianPoint { P256JacobianPoint(x: x, y: -y, z: z) }

    /// The compressed SEC 1 encodings of `points`, concatenated, with one field inversion for all (33 zero bytes
    /// for the point at infinity), written straight into the result.
    static func encode(_ points: [P256JacobianPoint]) -> [UInt8] {
        var inverses = points.map(\.z)
        // Affine points (decoded ones, z = 1) need no inversion.
        if inverses.contains(where: { $0 != .one }) {
            inverses.withUnsafeMutableBufferPointer { P256FieldElement.invertAll($0) }
        }
        return [UInt8](unsafeUninitializedCapacity: 33 * points.count) { bytes, initialized in
            for (index, (point, zInverse)) in zip(points, inverses).enumerated() {
                let start = 33 * index
                guard !zInverse.isZero else {
                    (bytes.baseAddress! + start).initialize(repeating: 0, count: 33)
                    continue
                }
                let zz = zInverse.squared
                let x = (point.x * zz).integer
                let y = (point.y * zz * zInverse).integer
                bytes[start] = 2 | UInt8(truncatingIfNeeded: y.0 & 1)
                withUnsafeBytes(of: (x.3.bigEndian, x.2.bigEndian, x.1.bigEndian, x.0.bigEndian)) { xBytes in
                    UnsafeMutableRawBufferPointer(start: bytes.baseAddress! + start + 1, count: 32)
                        .copyMemory(from: xBytes)
                }
            }
            initialized = 33 * points.count
        }
    }

    /// The affine points of `points` with one field inversion for all; nil for the point at infinity.
    static func affine(_ points: [P256JacobianPoint]) -> [P256AffinePoint?] {
        var inverses = points.map(\.z)
        inverses.withUnsafeMutableBufferPointer { P256FieldElement.invertAll($0) }
        return zip(points, inverses).map { point, zInverse in
            guard !zInverse.isZero else { return nil }
            let zz = zInverse.squared
            return P256AffinePoint(x: point.x * zz, y: point.y * zz * zInverse)
        }
    }
}
