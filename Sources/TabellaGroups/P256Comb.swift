/// A comb table for one P-256 base B and public scalars: row j holds d·2^(8j)·B for d = 1 ... 128 as affine
/// points, so that a scalar multiplication is one mixed addition per signed 8-bit digit of the scalar (33 rows,
/// 4,224 points, 270 KB).
///
/// Variable-time (the digits choose the entries read and the branches taken): for public scalars only; secret
/// scalars keep OpenSSL's constant-time `EC_POINT_mul`.
final class P256Comb: Sendable {
    /// The digits of a scalar (up to 256 bits) in this table's windows.
    private static let layout = PippengerLayout(bits: 256, width: 8, signed: true)

    /// Row j, entry d - 1: d·2^(8j)·B.
    private let entries: [P256AffinePoint]

    /// The table of `base`, or nil for the point at infinity (whose multiples need no table).
    init?(base: P256JacobianPoint) {
        guard !base.isInfinity else { return nil }
        let layout = Self.layout
        // Row bases 2^(8j)·B by doublings, made affine together so that each row is built by mixed additions.
        var rowBase = base
        var rowBases = [P256JacobianPoint]()
        for _ in 0..<layout.windows {
            rowBases.append(rowBase)
            for _ in 0..<layout.width { rowBase.double() }
        }
        var multiples = [P256JacobianPoint]()
        multiples.reserveCapacity(layout.windows * layout.bucketsPerWindow)
        // The order n is an odd prime above every d, so no d·2^(8j)·B is the point at infinity.
        for case let rowBase? in P256JacobianPoint.affine(rowBases) {
            var multiple = P256JacobianPoint(rowBase)
            for _ in 0..<layout.bucketsPerWindow {
                multiples.append(multiple)
                multiple.add(rowBase)
            }
        }
        entries = P256JacobianPoint.affine(multiples).compactMap { $0 }
        precondition(entries.count == layout.windows * layout.bucketsPerWindow, "no multiple is at infinity")
    }

    /// `exponent·B`.
    func multiply(by exponent: Scalar) -> P256JacobianPoint {
        let layout = Self.layout
        var result = P256JacobianPoint.infinity
        for (row, digit) in layout.digits(exponent).enumerated() where digit != 0 {
            let entry = entries[row * layout.bucketsPerWindow + abs(digit) - 1]
            result.add(digit > 0 ? entry : entry.negated)
        }
        return result
    }
}
