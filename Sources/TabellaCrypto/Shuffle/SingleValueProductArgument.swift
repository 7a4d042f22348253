import TabellaGroups

/// The single value product argument (algorithms 8.25–8.26): knowledge of an opening `(a, r)` of a commitment
/// `c_a` such that `∏ a_i = b`.
public struct SingleValueProductArgument<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_d.
    public var cd: Group.Element
    /// c_δ.
    public var cLowerDelta: Group.Element
    /// c_Δ.
    public var cUpperDelta: Group.Element
    /// ã, n scalars.
    public var aTilde: [Scalar]
    /// b̃, n scalars.
    public var bTilde: [Scalar]
    /// r̃.
    public var rTilde: Scalar
    /// s̃.
    public var sTilde: Scalar

    /// An argument from its values.
    public init(
        cd: Group.Element, cLowerDelta: Group.Element, cUpperDelta: Group.Element, aTilde: [Scalar],
        bTilde: [Scalar], rTilde: Scalar, sTilde: Scalar
    ) {
        self.cd = cd
        self.cLowerDelta = cLowerDelta
        self.cUpperDelta = cUpperDelta
        self.aTilde = aTilde
        self.bTilde = bTilde
        self.rTilde = rTilde
        self.sTilde = sTilde
    }
}

extension ArgumentContext {
    private static var singleValueProduct: String { "single value product argument" }

    /// The challenge x of the single value product argument.
    func challenge(
        _ argument: SingleValueProductArgument<Space.Group>, commitment: Space.Group.Element, product: Scalar
    ) -> Scalar {
        hashing.challenge([
            hashing.value(argument.cUpperDelta), hashing.value(argument.cLowerDelta), hashing.value(argument.cd),
            .scalar(product), hashing.value(commitment),
        ])
    }

    /// GetSingleValueProductArgument (algorithm 8.25) for `c_a = commit(a; r)` and `b = ∏ a_i`, n ≥ 2.
    func proveSingleValueProduct(
        commitment: Space.Group.Element, product: Scalar, values a: [Scalar], randomness r: Scalar
    ) -> SingleValueProductArgument<Space.Group> {
        let field = self.field
        let n = a.count
        var running = [Scalar]()
        running.reserveCapacity(n)
        for value in a { running.append(running.last.map { field.multiply($0, value) } ?? value) }
        let d = field.random(count: n)
        let rd = field.random()
        var delta = [d[0]] + field.random(count: max(0, n - 2))
        delta.append(field.zero)
        let s0 = field.random()
        let sx = field.random()
        let lowerDelta = (0..<(n - 1)).map { field.negate(field.multiply(delta[$0], d[$0 + 1])) }
        let upperDelta = (0..<(n - 1)).map { k in
            field.subtract(field.subtract(delta[k + 1], field.multiply(a[k + 1], delta[k])),
                           field.multiply(running[k], d[k + 1]))
        }
        var argument = SingleValueProductArgument<Space.Group>(
            cd: key.commit(secret: d, randomness: rd, in: group),
            cLowerDelta: key.commit(secret: lowerDelta, randomness: s0, in: group),
            cUpperDelta: key.commit(secret: upperDelta, randomness: sx, in: group),
            aTilde: [], bTilde: [], rTilde: field.zero, sTilde: field.zero)
        let x = challenge(argument, commitment: commitment, product: product)
        argument.aTilde = field.add(field.scale(a, by: x), d)
        argument.bTilde = field.add(field.scale(running, by: x), delta)
        argument.rTilde = field.add(field.multiply(x, r), rd)
        argument.sTilde = field.add(field.multiply(x, sx), s0)
        return argument
    }

    /// VerifySingleValueProductArgument (algorithm 8.26) for vectors of length `n`.
    func verifySingleValueProduct(
        _ argument: SingleValueProductArgument<Space.Group>, commitment: Space.Group.Element, product: Scalar,
        length n: Int
    ) throws(ShuffleError) {
        let name = Self.singleValueProduct
        try requireCount(argument.aTilde.count, n, name, "ã")
        try requireCount(argument.bTilde.count, n, name, "b̃")
        guard n >= 2, n <= key.size else {
            throw ShuffleError(.sizeMismatch, "\(name): n = \(n) is not in 2…ν = \(key.size)")
        }
        let field = self.field
        let x = challenge(argument, commitment: commitment, product: product)
        let a = argument.aTilde, b = argument.bTilde
        try require(b[0] == a[0], name, "b̃₀ = ã₀")
        try require(b[n - 1] == field.multiply(x, product), name, "b̃_{n−1} = x·b")
        let left = group.multiply(group.power(commitment, public: x), argument.cd)
        try require(left == key.commit(public: a, randomness: argument.rTilde, in: group), name,
                    "c_a^x · c_d = commit(ã; r̃)")
        let e = (0..<(n - 1)).map { field.subtract(field.multiply(x, b[$0 + 1]), field.multiply(b[$0], a[$0 + 1])) }
        let deltas = group.multiply(group.power(argument.cUpperDelta, public: x), argument.cLowerDelta)
        try require(deltas == key.commit(public: e, randomness: argument.sTilde, in: group), name,
                    "c_Δ^x · c_δ = commit(e; s̃)")
    }
}
