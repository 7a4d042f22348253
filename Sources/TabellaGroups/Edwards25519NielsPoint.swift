/// An affine point (x, y) of Edwards25519 in the precomputed form that a mixed addition reads:
/// (y + x, y − x, 2d·xy), after Niels Duif's formulation. The multi-exponentiation bases take this form.
struct Edwards25519NielsPoint {
    var yPlusX: Curve25519FieldElement
    var yMinusX: Curve25519FieldElement
    var xyTimesDoubleD: Curve25519FieldElement

    @inline(__always)
    init(yPlusX: Curve25519FieldElement, yMinusX: Curve25519FieldElement, xyTimesDoubleD: Curve25519FieldElement) {
        self.yPlusX = yPlusX
        self.yMinusX = yMinusX
        self.xyTimesDoubleD = xyTimesDoubleD
    }

    /// The precomputed form of an affine point (Z = 1, T = xy), such as a decoded one.
    init(affine point: Edwards25519Point) {
        precondition(point.z == .one, "the precomputed form is of an affine point")
        self.init(yPlusX: point.y + point.x, yMinusX: point.y - point.x,
                  xyTimesDoubleD: point.t * Curve25519FieldElement.doubleD)
    }

    /// −P = (−x, y): the two sums swap and the product changes sign.
    @inline(__always)
    var negated: Edwards25519NielsPoint {
        Edwards25519NielsPoint(yPlusX: yMinusX, yMinusX: yPlusX, xyTimesDoubleD: -xyTimesDoubleD)
    }
}
