/// Arithmetic on a group's working representation, which the exponentiation algorithms drive.
///
/// A workspace has two representations: `Base`, the form in which the bases of a multi-exponentiation are
/// prepared once (affine points on a curve), and `Value`, the running products (Jacobian points; for an integer
/// group both are Montgomery-form `BIGNUM`s, objects mutated in place).
protocol ExponentiationWorkspace {
    /// A running product.
    associatedtype Value
    /// A prepared base.
    associatedtype Base

    /// What the operations cost relative to each other, for ``MultiExponentiation/plan(terms:bits:costs:)``.
    var costs: ExponentiationCosts { get }

    /// The identity.
    func makeIdentity() -> Value
    /// A running product equal to `base`.
    func value(of base: Base) -> Value
    /// A running product equal to `value` that may be changed without changing `value`.
    func copy(_ value: Value) -> Value
    /// `accumulator ← accumulator · factor`.
    func multiply(_ accumulator: inout Value, by factor: Value)
    /// `accumulator ← accumulator · factor`.
    func multiply(_ accumulator: inout Value, byBase factor: Base)
    /// `accumulator ← accumulator²`.
    func square(_ accumulator: inout Value)
    /// The inverse of every base, for signed digits; called only when ``costs`` offers an inversion cost.
    func inverses(of bases: [Base]) -> [Base]
    /// For each bucket, the product of the bases (or their inverses) placed in it; nil for an empty bucket.
    func bucketProducts(_ placements: [BucketPlacement], bases: [Base], inverses: [Base], bucketCount: Int)
        -> [Value?]
}

extension ExponentiationWorkspace {
    /// One multiplication per placement, in order.
    func bucketProducts(_ placements: [BucketPlacement], bases: [Base], inverses: [Base], bucketCount: Int)
        -> [Value?]
    {
        var buckets = [Value?](repeating: nil, count: bucketCount)
        for placement in placements {
            let base = placement.inverted ? inverses[placement.base] : bases[placement.base]
            if buckets[placement.bucket] != nil {
                multiply(&buckets[placement.bucket]!, byBase: base)
            } else {
                buckets[placement.bucket] = value(of: base)
            }
        }
        return buckets
    }
}

/// Relative costs of a workspace's operations (any unit, the same for all).
struct ExponentiationCosts {
    /// Inverting bases for signed digits: a cost per base and a fixed cost.
    struct Inversion {
        /// The cost per base.
        var perBase: Double
        /// The cost once per call.
        var fixed: Double
    }

    /// ``ExponentiationWorkspace/multiply(_:by:)``.
    var multiply: Double = 1
    /// ``ExponentiationWorkspace/multiply(_:byBase:)``.
    var multiplyByBase: Double = 1
    /// ``ExponentiationWorkspace/square(_:)``.
    var square: Double = 1
    /// One placement in ``ExponentiationWorkspace/bucketProducts(_:bases:inverses:bucketCount:)``.
    var placement: Double = 1
    /// ``ExponentiationWorkspace/inverses(of:)``; nil when the workspace does not offer it.
    var inversion: Inversion?
}
