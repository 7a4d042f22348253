import TabellaGroups

/// The zero argument (algorithms 8.22–8.24): knowledge of openings `a₁ … a_m` of `c_A` and `b₀ … b_{m−1}` of
/// `c_B` with `Σ_{i=1}^{m} a_i ⋆ b_{i−1} = 0`.
public struct ZeroArgument<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_{A₀}.
    public var cA0: Group.Element
    /// c_{B_m}.
    public var cBm: Group.Element
    /// c_d, 2m + 1 commitments.
    public var cd: [Group.Element]
    /// a′, n scalars.
    public var a: [Scalar]
    /// b′, n scalars.
    public var b: [Scalar]
    /// r′.
    public var r: Scalar
    /// s′.
    public var s: Scalar
    /// t′.
    public var t: Scalar

    /// An argument from its values.
    public init(
        cA0: Group.Element, cBm: Group.Element, cd: [Group.Element], a: [Scalar], b: [Scalar], r: Scalar,
        s: Scalar, t: Scalar
    ) {
        self.cA0 = cA0
        self.cBm = cBm
        self.cd = cd
        self.a = a
        self.b = b
        self.r = r
        self.s = s
        self.t = t
    }
}

/// The witness of a zero argument: the columns and their commitments' randomness.
struct ZeroWitness {
    /// a₁ … a_m.
    let a: [[Scalar]]
    /// b₀ … b_{m−1}.
    let b: [[Scalar]]
    /// r₁ … r_m.
    let r: [Scalar]
    /// s₀ … s_{m−1}.
    let s: [Scalar]
}

extension ArgumentContext {
    private static var zero: String { "zero argument" }

    /// The challenge x of the zero argument.
    private func challenge(
        _ argument: ZeroArgument<Space.Group>, cA: [Space.Group.Element], cB: [Space.Group.Element]
    ) -> Scalar {
        hashing.challenge([
            hashing.value(argument.cA0), hashing.value(argument.cBm), hashing.list(argument.cd), hashing.list(cB),
            hashing.list(cA),
        ])
    }

    /// ComputeDVector (algorithm 8.24): `d_k = Σ_{j = m − k + i} a_i ⋆ b_j` for k in 0…2m.
    static func dVector(_ a: [[Scalar]], _ b: [[Scalar]], map: BilinearMap) -> [Scalar] {
        let m = a.count - 1
        let field = map.field
        return (0...(2 * m)).map { k in
            var sum = field.zero
            for i in max(0, k - m)...m {
                let j = m - k + i
                guard j <= m else { break }
                sum = field.add(sum, map(a[i], b[j]))
            }
            return sum
        }
    }

    /// GetZeroArgument (algorithm 8.22).
    func proveZero(
        cA: [Space.Group.Element], cB: [Space.Group.Element], y: Scalar, witness: ZeroWitness
    ) -> ZeroArgument<Space.Group> {
        let field = self.field
        let m = witness.a.count
        let n = witness.a[0].count
        let a0 = field.random(count: n)
        let bm = field.random(count: n)
        let r0 = field.random()
        let sm = field.random()
        let a = [a0] + witness.a
        let b = witness.b + [bm]
        let r = [r0] + witness.r
        let s = witness.s + [sm]
        let d = Self.dVector(a, b, map: BilinearMap(y: y, length: n, in: field))
        var t = field.random(count: 2 * m + 1)
        t[m + 1] = field.zero
        var argument = ZeroArgument<Space.Group>(
            cA0: key.commit(secret: a0, randomness: r0, in: group),
            cBm: key.commit(secret: bm, randomness: sm, in: group),
            cd: zip(d, t).map { key.commit(secret: [$0], randomness: $1, in: group) },
            a: [], b: [], r: field.zero, s: field.zero, t: field.zero)
        let x = challenge(argument, cA: cA, cB: cB)
        let up = field.powers(of: x, count: 2 * m + 1)
        let down = Array(up.prefix(m + 1).reversed())
        argument.a = field.combine(a, weights: up)
        argument.b = field.combine(b, weights: down)
        argument.r = field.dot(r, Array(up.prefix(m + 1)))
        argument.s = field.dot(s, down)
        argument.t = field.dot(t, up)
        return argument
    }

    /// VerifyZeroArgument (algorithm 8.23) for m commitments each side and vectors of length n.
    func verifyZero(
        _ argument: ZeroArgument<Space.Group>, cA: [Space.Group.Element], cB: [Space.Group.Element], y: Scalar,
        length n: Int
    ) throws(ShuffleError) {
        let name = Self.zero
        let m = cA.count
        try requireCount(cB.count, m, name, "c_B")
        try requireCount(argument.cd.count, 2 * m + 1, name, "c_d")
        try requireCount(argument.a.count, n, name, "a′")
        try requireCount(argument.b.count, n, name, "b′")
        guard n <= key.size else { throw ShuffleError(.sizeMismatch, "\(name): n = \(n) exceeds ν = \(key.size)") }
        let field = self.field
        let x = challenge(argument, cA: cA, cB: cB)
        let up = field.powers(of: x, count: 2 * m + 1)
        try require(argument.cd[m + 1] == group.identity, name, "c_{d,m+1} = 1")
        let prodA = group.multiPower([argument.cA0] + cA, Array(up.prefix(m + 1)))
        try require(prodA == key.commit(public: argument.a, randomness: argument.r, in: group), name,
                    "∏ c_{A_i}^{x^i} = commit(a′; r′)")
        let prodB = group.multiPower((cB + [argument.cBm]).reversed(), Array(up.prefix(m + 1)))
        try require(prodB == key.commit(public: argument.b, randomness: argument.s, in: group), name,
                    "∏ c_{B_{m−i}}^{x^i} = commit(b′; s′)")
        let prodD = group.multiPower(argument.cd, up)
        let star = BilinearMap(y: y, length: n, in: field)(argument.a, argument.b)
        try require(prodD == key.commit(public: [star], randomness: argument.t, in: group), name,
                    "∏ c_{d_i}^{x^i} = commit(a′ ⋆ b′; t′)")
    }
}
