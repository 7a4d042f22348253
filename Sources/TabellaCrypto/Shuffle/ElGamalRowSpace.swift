import TabellaGroups

/// A row of a Tabella ballot list: ℓ independent exponential ElGamal ciphertexts `(α_j, β_j)` under one key K.
public struct ElGamalRow<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// The ℓ ciphertexts, in order; never empty.
    public let ciphertexts: [ElGamalCiphertext<Group>]

    /// A row of ciphertexts.
    public init(_ ciphertexts: [ElGamalCiphertext<Group>]) {
        self.ciphertexts = ciphertexts
    }
}

/// Tabella's rows of ℓ ElGamal ciphertexts under one key K (``ElGamalCiphertext``), each ciphertext re-encrypted
/// with its own randomness: one re-encryption takes ℓ scalars `(τ₀, …, τ_{ℓ−1})` and gives
/// `(α_j·g^{τ_j}, β_j·K^{τ_j})`.
///
/// In the Fiat–Shamir hash a row is the flat list `(α₀, β₀, …, α_{ℓ−1}, β_{ℓ−1})` and the public key is the
/// one-element list `(K)`; ℓ is fixed by the statement, so the flat list is unambiguous.
public struct ElGamalRowSpace<Group: PrimeOrderGroup>: ShuffleCiphertextSpace {
    /// The group.
    public let group: Group
    /// The election key K.
    public let publicKey: Group.Element
    /// ℓ, the number of ciphertexts in a row.
    public let width: Int
    /// The fixed-base table of K, for re-encryptions.
    private let keyTable: Group.FixedBase

    /// The space of rows of `width` ciphertexts under `publicKey`.
    ///
    /// - Throws: `ShuffleError` `.invalidPublicKey` when K is the identity; `.widthMismatch` when `width` is not
    ///   positive.
    public init(group: Group, publicKey: Group.Element, width: Int) throws(ShuffleError) {
        guard width > 0 else { throw ShuffleError(.widthMismatch, "a row needs at least one ciphertext, not \(width)") }
        guard publicKey != group.identity else {
            throw ShuffleError(.invalidPublicKey, "the public key K is the identity")
        }
        self.group = group
        self.publicKey = publicKey
        self.width = width
        self.keyTable = group.fixedBase(publicKey)
    }

    /// 2ℓ: α and β of each ciphertext.
    public var componentCount: Int { 2 * width }
    /// One scalar per ciphertext of the row.
    public var randomnessCount: Int { width }
    /// `(K)`.
    public var hashablePublicKey: HashableValue { .list(ShuffleHashing.values([publicKey], in: group)) }

    /// `(α₀, β₀, α₁, β₁, …)`.
    public func components(of row: ElGamalRow<Group>) -> [Group.Element] {
        row.ciphertexts.flatMap { [$0.alpha, $0.beta] }
    }

    /// The row of ciphertexts `(components[2j], components[2j+1])`.
    public func row(components: [Group.Element]) -> ElGamalRow<Group> {
        ElGamalRow(stride(from: 0, to: components.count, by: 2).map {
            ElGamalCiphertext(alpha: components[$0], beta: components[$0 + 1])
        })
    }

    /// `α0`, `β0`, `α1`, ….
    public func componentName(_ index: Int) -> String { (index % 2 == 0 ? "α" : "β") + "\(index / 2)" }

    /// `(g^{τ_j}, K^{τ_j}·g^b)` for each j.
    public func encryptGeneratorPower(secret b: Scalar?, randomness tau: [Scalar]) -> [Group.Element] {
        let message = b.map { group.generatorPower(secret: $0) }
        return tau.flatMap { t in
            let pad = group.power(keyTable, secret: t)
            return [group.generatorPower(secret: t), message.map { group.multiply(pad, $0) } ?? pad]
        }
    }

    /// α_j: `g^{τ_j}`; β_j: `K^{τ_j} · g^b`.
    public func encryptionTerms(b: Scalar, randomness tau: [Scalar]) -> [[(Group.Element, Scalar)]] {
        tau.flatMap { t in [[(group.generator, t)], [(publicKey, t), (group.generator, b)]] }
    }
}
