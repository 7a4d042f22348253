import TabellaGroups

/// The Bayer–Groth shuffle argument (algorithms 8.11–8.12): knowledge of a permutation π and randomness ρ with
/// `C′_i = Enc(1; ρ_i) · C_{π(i)}` for every i, for N = m·n ciphertexts arranged as an m × n matrix.
public struct ShuffleArgument<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c_A, the m commitments to the permutation.
    public var cA: [Group.Element]
    /// c_B, the m commitments to `x^{π(i)}`.
    public var cB: [Group.Element]
    /// The product argument.
    public var product: ProductArgument<Group>
    /// The multi-exponentiation argument.
    public var multiExponentiation: MultiExponentiationArgument<Group>

    /// An argument from its values.
    public init(
        cA: [Group.Element], cB: [Group.Element], product: ProductArgument<Group>,
        multiExponentiation: MultiExponentiationArgument<Group>
    ) {
        self.cA = cA
        self.cB = cB
        self.product = product
        self.multiExponentiation = multiExponentiation
    }
}

/// The statement of a shuffle argument: the input and output lists as rows of components, in an m × n shape.
struct ShuffleStatement<Group: PrimeOrderGroup> {
    /// C, N rows.
    var input: [[Group.Element]]
    /// C′, N rows.
    var output: [[Group.Element]]
    /// m, the number of rows of the matrix.
    let m: Int
    /// n, the number of columns of the matrix.
    let n: Int
}

extension ArgumentContext {
    private static var shuffle: String { "shuffle argument" }

    /// The statement's lists as precomputed digests: `(C, C′)` for the shuffle argument's challenges, and C′ as
    /// the m rows of the multi-exponentiation statement. Each list is encoded and hashed once.
    func hashedLists(_ statement: ShuffleStatement<Space.Group>)
        -> (lists: [HashableValue], outputRows: HashableValue)
    {
        let output = hashing.ciphertextDigests(statement.output)
        let rows = Self.chunks(output, n: statement.n).map(HashableValue.list)
        return ([hashing.precomputed(hashing.ciphertexts(statement.input)), hashing.precomputed(.list(output))],
                hashing.precomputed(.list(rows)))
    }

    /// y and z, which follow c_B.
    func challenges(_ values: [HashableValue], cB: [Space.Group.Element]) -> (y: Scalar, z: Scalar) {
        let committed = hashing.list(cB)
        let y = hashing.challenge(leading: [committed], values)
        let z = hashing.challenge(leading: [.string("1"), committed], values)
        return (y, z)
    }

    /// The product statement `(c_A^y · c_B · c_{−z}, ∏ (y·i + x^i − z))`.
    func productStatement(
        cA: [Space.Group.Element], cB: [Space.Group.Element], x: Scalar, y: Scalar, z: Scalar, count: Int, n: Int
    ) -> (commitments: [Space.Group.Element], product: Scalar) {
        let field = self.field
        let minusZ = key.commit(constant: field.negate(z), count: n, in: group)
        let commitments = zip(cA, cB).map { group.multiply(group.multiply(group.power($0, public: y), $1), minusZ) }
        var product = field.one
        var xPower = field.one
        for i in 0..<count {
            let term = field.subtract(field.add(field.multiply(y, field.scalar(UInt64(i))), xPower), z)
            product = field.multiply(product, term)
            xPower = field.multiply(xPower, x)
        }
        return (commitments, product)
    }

    /// The n-long chunks of a vector of m·n: the columns of the transposed ToMatrix (algorithms 8.13–8.14).
    private static func chunks<T>(_ values: [T], n: Int) -> [[T]] {
        stride(from: 0, to: values.count, by: n).map { Array(values[$0..<($0 + n)]) }
    }

    /// GetCommitmentMatrix (algorithm 8.8) for secret columns.
    private func commitColumns(_ columns: [[Scalar]], randomness: [Scalar]) -> [Space.Group.Element] {
        zip(columns, randomness).map { key.commit(secret: $0, randomness: $1, in: group) }
    }

    /// GetShuffleArgument (algorithm 8.11): `output[i]` re-encrypts `input[permutation[i]]` with `randomness[i]`.
    /// `progress` hears the fraction done after each stage (c_A, c_B, the product argument, the
    /// multi-exponentiation argument), weighted by the stages' shares of the secret terms at m = 1.
    func proveShuffle(
        _ statement: ShuffleStatement<Space.Group>, permutation: [Int], randomness: [[Scalar]],
        progress: (Double) -> Void = { _ in }
    ) -> ShuffleArgument<Space.Group> {
        let field = self.field
        let (m, n) = (statement.m, statement.n)
        let count = m * n
        let r = field.random(count: m)
        let a = Self.chunks(permutation.map { field.scalar(UInt64($0)) }, n: n)
        let cA = commitColumns(a, randomness: r)
        progress(0.15)
        let lists = hashedLists(statement)
        let hashed = lists.lists + [hashing.list(cA)]
        let x = hashing.challenge(hashed)
        let xPowers = field.powers(of: x, count: count)
        let s = field.random(count: m)
        // b_i = x^{π(i)}: the lookup of a secret index is the permutation's own access pattern, as in GenShuffle.
        let b = permutation.map { xPowers[$0] }
        let bColumns = Self.chunks(b, n: n)
        let cB = commitColumns(bColumns, randomness: s)
        progress(0.3)
        let (y, z) = challenges(hashed, cB: cB)
        let pStatement = productStatement(cA: cA, cB: cB, x: x, y: y, z: z, count: count, n: n)
        let minusZ = field.negate(z)
        let dColumns = zip(a, bColumns).map { column, bColumn in
            zip(column, bColumn).map { field.add(field.add(field.multiply(y, $0), $1), minusZ) }
        }
        let t = zip(r, s).map { field.add(field.multiply(y, $0), $1) }
        let product = proveProduct(cA: pStatement.commitments, product: pStatement.product, columns: dColumns,
                                   randomness: t)
        progress(0.6)
        let rho = (0..<space.randomnessCount).map { coordinate in
            field.negate(field.dot(randomness.map { $0[coordinate] }, b))
        }
        let ciphertext = space.multiPower(statement.input, xPowers)
        let mStatement = MultiExponentiationStatement<Space.Group>(
            rows: Self.chunks(statement.output, n: n), ciphertext: ciphertext, cA: cB, hashedRows: lists.outputRows)
        let multi = proveMultiExponentiation(mStatement, columns: bColumns, randomness: s, rho: rho)
        return ShuffleArgument(cA: cA, cB: cB, product: product, multiExponentiation: multi)
    }

    /// VerifyShuffleArgument (algorithm 8.12); `progress` hears the fraction done after the hashing and the
    /// product argument.
    func verifyShuffle(
        _ argument: ShuffleArgument<Space.Group>, _ statement: ShuffleStatement<Space.Group>,
        progress: (Double) -> Void = { _ in }
    ) throws(ShuffleError) {
        let name = Self.shuffle
        let (m, n) = (statement.m, statement.n)
        let count = m * n
        try requireCount(statement.input.count, count, name, "C")
        try requireCount(statement.output.count, count, name, "C′")
        try requireCount(argument.cA.count, m, name, "c_A")
        try requireCount(argument.cB.count, m, name, "c_B")
        let lists = hashedLists(statement)
        let hashed = lists.lists + [hashing.list(argument.cA)]
        let x = hashing.challenge(hashed)
        let (y, z) = challenges(hashed, cB: argument.cB)
        let pStatement = productStatement(cA: argument.cA, cB: argument.cB, x: x, y: y, z: z, count: count, n: n)
        progress(0.2)
        try verifyProduct(argument.product, cA: pStatement.commitments, product: pStatement.product, length: n)
        progress(0.45)
        let ciphertext = space.multiPower(statement.input, field.powers(of: x, count: count))
        let mStatement = MultiExponentiationStatement<Space.Group>(
            rows: Self.chunks(statement.output, n: n), ciphertext: ciphertext, cA: argument.cB,
            hashedRows: lists.outputRows)
        try verifyMultiExponentiation(argument.multiExponentiation, mStatement)
    }
}
