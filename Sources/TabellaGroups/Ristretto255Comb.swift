/// A comb table for one ristretto255 base B: d·2^(7j)·B for d = 1 … 64 and 37 rows j, as precomputed affine points
/// (``Edwards25519NielsPoint``), so that a public exponentiation is one mixed addition per signed 7-bit digit of
/// the exponent and one encoding, with no doubling.
///
/// 2,368 points (about 280 KB), built with one field inversion for all of them. Variable-time (the digits choose the
/// entries read): for public exponents only.
final class Ristretto255Comb: Sendable {
    /// The digits: signed 7-bit windows of the scalars, below 2²⁵³.
    private let layout = PippengerLayout(bits: 253, width: 7, signed: true)
    /// Row j, entry d − 1 at `j · layout.bucketsPerWindow + d − 1`.
    private let entries: [Edwards25519NielsPoint]

    /// The table of `base`.
    init(base: Edwards25519Point) {
        let perRow = layout.bucketsPerWindow
        var points = [Edwards25519Point]()
        points.reserveCapacity(layout.windows * perRow)
        var rowBase = base
        for _ in 0..<layout.windows {
            var multiple = rowBase
            points.append(multiple)
            for _ in 1..<perRow {
                multiple.add(rowBase)
                points.append(multiple)
            }
            // The next row's base, 2^7 times this one: twice the last multiple, 2^6 times it.
            rowBase = multiple
            rowBase.double()
        }
        // Z is never zero on this curve (the addition is complete), so every point has an affine form.
        var zInverses = points.map(\.z)
        zInverses.withUnsafeMutableBufferPointer { Curve25519FieldElement.invertAll($0) }
        entries = zip(points, zInverses).map { point, zInverse in
            let (x, y) = (point.x * zInverse, point.y * zInverse)
            return Edwards25519NielsPoint(affine: Edwards25519Point(x: x, y: y, z: .one, t: x * y))
        }
    }

    /// `exponent·B`, reading the entries that the exponent's digits select.
    func power(_ exponent: Scalar) -> Edwards25519Point {
        var result = Edwards25519Point.identity
        for (row, digit) in layout.digits(exponent).enumerated() where digit != 0 {
            let entry = entries[row * layout.bucketsPerWindow + abs(digit) - 1]
            result.add(digit > 0 ? entry : entry.negated)
        }
        return result
    }
}
