import TabellaGroups

/// The Hadamard argument (algorithms 8.20–8.21): knowledge of openings `a₀ … a_{m−1}` of `c_A` and b of `c_b`
/// with `b = a₀ ∘ … ∘ a_{m−1}` (the entry-wise product), m ≥ 2.
public struct HadamardArgument<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_B, m commitments to the partial products (c_{B₀} = c_{A₀}, c_{B_{m−1}} = c_b).
    public var cB: [Group.Element]
    /// The zero argument.
    public var zero: ZeroArgument<Group>

    /// An argument from its values.
    public init(cB: [Group.Element], zero: ZeroArgument<Group>) {
        self.cB = cB
        self.zero = zero
    }
}

extension ArgumentContext {
    private static var hadamard: String { "Hadamard argument" }

    /// The challenges x and y of the Hadamard argument.
    private func challenges(
        cA: [Space.Group.Element], cb: Space.Group.Element, cB: [Space.Group.Element]
    ) -> (x: Scalar, y: Scalar) {
        let values = [hashing.list(cA), hashing.value(cb), hashing.list(cB)]
        return (hashing.challenge(values), hashing.challenge(leading: [.string("1")], values))
    }

    /// The zero argument's statement of a Hadamard argument: `((c_{A₁}, …, c_{A_{m−1}}, c_{−1}),
    /// (c_{D₀}, …, c_{D_{m−2}}, c_D))` with `c_{D_i} = c_{B_i}^{x^{i+1}}` and `c_D = ∏_{i=1}^{m−1} c_{B_i}^{x^i}`.
    private func zeroStatement(
        cA: [Space.Group.Element], cB: [Space.Group.Element], x: Scalar, n: Int
    ) -> (cA: [Space.Group.Element], cB: [Space.Group.Element]) {
        let m = cA.count
        let powers = field.powers(of: x, count: m + 1)
        let minusOne = key.commit(constant: field.negate(field.one), count: n, in: group)
        let cD = (0..<(m - 1)).map { group.power(cB[$0], public: powers[$0 + 1]) }
        let cDSum = group.multiPower(Array(cB[1..<m]), Array(powers[1..<m]))
        return (Array(cA.dropFirst()) + [minusOne], cD + [cDSum])
    }

    /// GetHadamardArgument (algorithm 8.20) for columns `a` with commitments `cA = commit(a; r)` and their
    /// entry-wise product b with `cb = commit(b; s)`.
    func proveHadamard(
        cA: [Space.Group.Element], cb: Space.Group.Element, columns a: [[Scalar]], product b: [Scalar],
        randomness r: [Scalar], productRandomness s: Scalar
    ) -> HadamardArgument<Space.Group> {
        let field = self.field
        let m = a.count
        let n = b.count
        var partial = [a[0]]
        for j in 1..<m { partial.append(field.multiply(partial[j - 1], a[j])) }
        let sValues = [r[0]] + field.random(count: max(0, m - 2)) + [s]
        var cB = [cA[0]]
        for j in 1..<(m - 1) { cB.append(key.commit(secret: partial[j], randomness: sValues[j], in: group)) }
        cB.append(cb)
        let (x, y) = challenges(cA: cA, cb: cb, cB: cB)
        let powers = field.powers(of: x, count: m + 1)
        let d = (0..<(m - 1)).map { field.scale(partial[$0], by: powers[$0 + 1]) }
        let t = (0..<(m - 1)).map { field.multiply(sValues[$0], powers[$0 + 1]) }
        let dSum = field.combine(Array(partial[1..<m]), weights: Array(powers[1..<m]))
        let tSum = field.dot(Array(sValues[1..<m]), Array(powers[1..<m]))
        let statement = zeroStatement(cA: cA, cB: cB, x: x, n: n)
        let witness = ZeroWitness(
            a: Array(a.dropFirst()) + [Array(repeating: field.negate(field.one), count: n)],
            b: d + [dSum], r: Array(r.dropFirst()) + [field.zero], s: t + [tSum])
        return HadamardArgument(cB: cB, zero: proveZero(cA: statement.cA, cB: statement.cB, y: y, witness: witness))
    }

    /// VerifyHadamardArgument (algorithm 8.21) for vectors of length `n`.
    func verifyHadamard(
        _ argument: HadamardArgument<Space.Group>, cA: [Space.Group.Element], cb: Space.Group.Element, length n: Int
    ) throws(ShuffleError) {
        let name = Self.hadamard
        let m = cA.count
        guard m >= 2 else { throw ShuffleError(.sizeMismatch, "\(name): m = \(m) is below 2") }
        try requireCount(argument.cB.count, m, name, "c_B")
        guard n <= key.size else { throw ShuffleError(.sizeMismatch, "\(name): n = \(n) exceeds ν = \(key.size)") }
        let (x, y) = challenges(cA: cA, cb: cb, cB: argument.cB)
        try require(argument.cB[0] == cA[0], name, "c_{B₀} = c_{A₀}")
        try require(argument.cB[m - 1] == cb, name, "c_{B_{m−1}} = c_b")
        let statement = zeroStatement(cA: cA, cB: argument.cB, x: x, n: n)
        try verifyZero(argument.zero, cA: statement.cA, cB: statement.cB, y: y, length: n)
    }
}
