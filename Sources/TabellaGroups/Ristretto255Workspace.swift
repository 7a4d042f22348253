/// Edwards25519 arithmetic in Swift as an ``ExponentiationWorkspace`` for ristretto255: bases are precomputed
/// affine points (``Edwards25519NielsPoint``), running products extended points.
struct Ristretto255Workspace: ExponentiationWorkspace {
    /// In field multiplications: an extended addition costs 9, a mixed one (also each placement into a bucket) 7,
    /// a doubling about 7 (four of its eight products are squares). Negating a point is free.
    var costs: ExponentiationCosts {
        ExponentiationCosts(multiply: 9, multiplyByBase: 7, square: 7, placement: 7,
                            inversion: ExponentiationCosts.Inversion(perBase: 0, fixed: 0))
    }

    func makeIdentity() -> Edwards25519Point { .identity }

    func value(of base: Edwards25519NielsPoint) -> Edwards25519Point { Edwards25519Point(base) }

    func copy(_ value: Edwards25519Point) -> Edwards25519Point { value }

    func multiply(_ accumulator: inout Edwards25519Point, by factor: Edwards25519Point) { accumulator.add(factor) }

    func multiply(_ accumulator: inout Edwards25519Point, byBase factor: Edwards25519NielsPoint) {
        accumulator.add(factor)
    }

    func square(_ accumulator: inout Edwards25519Point) { accumulator.double() }

    func inverses(of bases: [Edwards25519NielsPoint]) -> [Edwards25519NielsPoint] { bases.map(\.negated) }
}
