import TabellaGroups

/// The multi-exponentiation argument (algorithms 8.15–8.17): for a matrix of ciphertexts `C₀ … C_{m−1}` (rows of
/// n) and a ciphertext C, knowledge of openings `a₁ … a_m` of `c_A` and of randomness ρ with
/// `C = Enc(1; ρ) · ∏_i C_i^{a_{i+1}}`.
///
/// The randomness ρ, the `τ_k` and the response τ are vectors of the space's ``ShuffleCiphertextSpace/randomnessCount``
/// scalars: one for Swiss Post multi-recipient ciphertexts, ℓ for Tabella's rows.
public struct MultiExponentiationArgument<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_{A₀}.
    public var cA0: Group.Element
    /// c_B, 2m commitments.
    public var cB: [Group.Element]
    /// E, 2m ciphertexts as their components.
    public var e: [[Group.Element]]
    /// a, n scalars.
    public var a: [Scalar]
    /// r.
    public var r: Scalar
    /// b.
    public var b: Scalar
    /// s.
    public var s: Scalar
    /// τ, one scalar per randomness coordinate.
    public var tau: [Scalar]

    /// An argument from its values.
    public init(
        cA0: Group.Element, cB: [Group.Element], e: [[Group.Element]], a: [Scalar], r: Scalar, b: Scalar,
        s: Scalar, tau: [Scalar]
    ) {
        self.cA0 = cA0
        self.cB = cB
        self.e = e
        self.a = a
        self.r = r
        self.b = b
        self.s = s
        self.tau = tau
    }
}

/// The statement of a multi-exponentiation argument.
struct MultiExponentiationStatement<Group: PrimeOrderGroup> {
    /// The rows `C₀ … C_{m−1}`, each n ciphertexts as their components.
    var rows: [[[Group.Element]]]
    /// C.
    var ciphertext: [Group.Element]
    /// c_A, m commitments.
    var cA: [Group.Element]
    /// The rows' hashed value, when the caller has it already (``ArgumentContext/hashedLists(_:)``); `nil` to
    /// hash `rows`.
    var hashedRows: HashableValue? = nil
}

extension ArgumentContext {
    private static var multiExponentiation: String { "multi-exponentiation argument" }

    /// The challenge x of the multi-exponentiation argument.
    private func challenge(
        _ argument: MultiExponentiationArgument<Space.Group>, _ statement: MultiExponentiationStatement<Space.Group>
    ) -> Scalar {
        hashing.challenge([
            statement.hashedRows ?? .list(statement.rows.map(hashing.ciphertexts)),
            hashing.list(statement.ciphertext), hashing.list(statement.cA), hashing.value(argument.cA0),
            hashing.list(argument.cB), hashing.ciphertexts(argument.e),
        ])
    }

    /// GetMultiExponentiationArgument (algorithm 8.15) with witness columns `a₁ … a_m`, their commitments'
    /// randomness and ρ. The diagonal products (algorithm 8.17) are constant-time multi-exponentiations; the main
    /// diagonal k = m is not computed, since `E_m = Enc(1; ρ)·D_m = C` is known.
    func proveMultiExponentiation(
        _ statement: MultiExponentiationStatement<Space.Group>, columns: [[Scalar]], randomness r: [Scalar],
        rho: [Scalar]
    ) -> MultiExponentiationArgument<Space.Group> {
        let field = self.field
        let m = columns.count
        let n = columns[0].count
        let a0 = field.random(count: n)
        let r0 = field.random()
        var b = field.random(count: 2 * m)
        var s = field.random(count: 2 * m)
        var tau = (0..<(2 * m)).map { _ in field.random(count: space.randomnessCount) }
        b[m] = field.zero
        s[m] = field.zero
        tau[m] = rho
        let a = [a0] + columns
        // D_k = ∏_i C_i^{a_{k−m+i+1}} over the i with 0 ≤ k − m + i + 1 ≤ m, row by row: the tables of a row serve
        // its m + 1 products (m of them off the main diagonal) and are dropped before the next row's.
        var products = Array(repeating: space.identityComponents, count: 2 * m)
        for (i, row) in statement.rows.enumerated() {
            let tables = space.secretPowerTables(row)
            for k in 0..<(2 * m) where k != m && (0...m).contains(k - m + i + 1) {
                products[k] = space.multiply(products[k], tables.map { $0.product(secret: a[k - m + i + 1]) })
            }
        }
        let diagonals = (0..<(2 * m)).map { k -> [Space.Group.Element] in
            guard k != m else { return statement.ciphertext }
            return space.multiply(space.encryptGeneratorPower(secret: b[k], randomness: tau[k]), products[k])
        }
        var argument = MultiExponentiationArgument<Space.Group>(
            cA0: key.commit(secret: a0, randomness: r0, in: group),
            cB: (0..<(2 * m)).map { key.commit(secret: [b[$0]], randomness: s[$0], in: group) },
            e: diagonals, a: [], r: field.zero, b: field.zero, s: field.zero, tau: [])
        let x = challenge(argument, statement)
        let powers = field.powers(of: x, count: 2 * m)
        argument.a = field.combine(a, weights: Array(powers.prefix(m + 1)))
        argument.r = field.dot([r0] + r, Array(powers.prefix(m + 1)))
        argument.b = field.dot(b, powers)
        argument.s = field.dot(s, powers)
        argument.tau = field.combine(tau, weights: powers)
        return argument
    }

    /// VerifyMultiExponentiationArgument (algorithm 8.16).
    func verifyMultiExponentiation(
        _ argument: MultiExponentiationArgument<Space.Group>, _ statement: MultiExponentiationStatement<Space.Group>
    ) throws(ShuffleError) {
        let name = Self.multiExponentiation
        let m = statement.rows.count
        let n = statement.rows[0].count
        try requireCount(statement.cA.count, m, name, "c_A")
        try requireCount(argument.cB.count, 2 * m, name, "c_B")
        try requireCount(argument.e.count, 2 * m, name, "E")
        try requireCount(argument.a.count, n, name, "a")
        try requireCount(argument.tau.count, space.randomnessCount, name, "τ")
        for (index, ciphertext) in argument.e.enumerated() {
            try requireCount(ciphertext.count, space.componentCount, name, "E\(index)")
        }
        guard n <= key.size else { throw ShuffleError(.sizeMismatch, "\(name): n = \(n) exceeds ν = \(key.size)") }
        let field = self.field
        let x = challenge(argument, statement)
        let powers = field.powers(of: x, count: 2 * m)
        try require(argument.cB[m] == group.identity, name, "c_{B_m} = 1")
        try require(argument.e[m] == statement.ciphertext, name, "E_m = C")
        let prodA = group.multiPower([argument.cA0] + statement.cA, Array(powers.prefix(m + 1)))
        try require(prodA == key.commit(public: argument.a, randomness: argument.r, in: group), name,
                    "c_{A₀} ∏ c_{A_i}^{x^i} = commit(a; r)")
        let prodB = group.multiPower(argument.cB, powers)
        try require(prodB == key.commit(public: [argument.b], randomness: argument.s, in: group), name,
                    "∏ c_{B_k}^{x^k} = commit(b; s)")
        let prodE = space.multiPower(argument.e, powers)
        let encrypted = space.encryptGeneratorPower(public: argument.b, randomness: argument.tau)
        var exponents = [Scalar]()
        exponents.reserveCapacity(m * n)
        for i in 0..<m { exponents += field.scale(argument.a, by: powers[m - i - 1]) }
        let prodC = space.multiPower(statement.rows.flatMap { $0 }, exponents)
        try require(prodE == space.multiply(encrypted, prodC), name,
                    "∏ E_k^{x^k} = Enc(g^b; τ) · ∏ C_i^{x^{m−i−1} a}")
    }
}
