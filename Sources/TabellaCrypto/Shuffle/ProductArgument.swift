import TabellaGroups

/// The product argument (algorithms 8.18–8.19): knowledge of openings of `c_A` (m columns of n) whose entries
/// multiply to b. For m ≥ 2 it commits to the entry-wise product of the columns, proves it by a Hadamard argument
/// and its product by a single value product argument; for m = 1 the single value product argument alone.
public struct ProductArgument<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_b, the commitment to the entry-wise product of the columns; present exactly when m ≥ 2.
    public var cb: Group.Element?
    /// The Hadamard argument for c_b; present exactly when m ≥ 2.
    public var hadamard: HadamardArgument<Group>?
    /// The single value product argument.
    public var singleValueProduct: SingleValueProductArgument<Group>

    /// An argument from its values.
    public init(cb: Group.Element?, hadamard: HadamardArgument<Group>?,
                singleValueProduct: SingleValueProductArgument<Group>) {
        self.cb = cb
        self.hadamard = hadamard
        self.singleValueProduct = singleValueProduct
    }
}

extension ArgumentContext {
    /// GetProductArgument (algorithm 8.18) for `cA = commit(columns; r)` and `b = ∏ entries`.
    func proveProduct(
        cA: [Space.Group.Element], product b: Scalar, columns a: [[Scalar]], randomness r: [Scalar]
    ) -> ProductArgument<Space.Group> {
        guard a.count > 1 else {
            return ProductArgument(cb: nil, hadamard: nil, singleValueProduct: proveSingleValueProduct(
                commitment: cA[0], product: b, values: a[0], randomness: r[0]))
        }
        let field = self.field
        let entries = a.dropFirst().reduce(a[0]) { field.multiply($0, $1) }
        let s = field.random()
        let cb = key.commit(secret: entries, randomness: s, in: group)
        let hadamard = proveHadamard(cA: cA, cb: cb, columns: a, product: entries, randomness: r,
                                     productRandomness: s)
        let single = proveSingleValueProduct(commitment: cb, product: b, values: entries, randomness: s)
        return ProductArgument(cb: cb, hadamard: hadamard, singleValueProduct: single)
    }

    /// VerifyProductArgument (algorithm 8.19) for vectors of length `n`.
    func verifyProduct(
        _ argument: ProductArgument<Space.Group>, cA: [Space.Group.Element], product b: Scalar, length n: Int
    ) throws(ShuffleError) {
        switch (cA.count, argument.cb, argument.hadamard) {
        case (1, nil, nil):
            try verifySingleValueProduct(argument.singleValueProduct, commitment: cA[0], product: b, length: n)
        case (2..., let cb?, let hadamard?):
            try verifyHadamard(hadamard, cA: cA, cb: cb, length: n)
            try verifySingleValueProduct(argument.singleValueProduct, commitment: cb, product: b, length: n)
        default:
            throw ShuffleError(.sizeMismatch, "product argument: the Hadamard part must be present exactly when m ≥ 2 "
                + "(m = \(cA.count))")
        }
    }
}
