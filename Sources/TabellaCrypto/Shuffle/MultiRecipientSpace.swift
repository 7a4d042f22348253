import TabellaGroups

/// The Swiss Post multi-recipient ElGamal space (specification 1.2.0, §7.5): rows `(γ, φ₀, …, φ_{ℓ−1})` encrypted
/// under the first ℓ of the public keys `pk₀ … pk_{k−1}`, with one randomness scalar per row.
public struct MultiRecipientSpace<Group: PrimeOrderGroup>: ShuffleCiphertextSpace {
    /// The group.
    public let group: Group
    /// The multi-recipient public key `(pk₀, …, pk_{k−1})`; all k keys are hashed, the first ℓ encrypt.
    public let publicKeys: [Group.Element]
    /// ℓ, the number of φs in a row.
    public let width: Int
    /// The fixed-base tables of the first ℓ keys, for re-encryptions.
    private let keyTables: [Group.FixedBase]

    /// The space of rows with `width` messages under `publicKeys`.
    ///
    /// - Throws: `ShuffleError` `.invalidPublicKey` when there are fewer keys than messages or a key is the
    ///   identity; `.widthMismatch` when `width` is not positive.
    public init(group: Group, publicKeys: [Group.Element], width: Int) throws(ShuffleError) {
        guard width > 0 else { throw ShuffleError(.widthMismatch, "a row needs at least one message, not \(width)") }
        guard publicKeys.count >= width else {
            throw ShuffleError(.invalidPublicKey,
                               "rows of \(width) messages need as many public keys, not \(publicKeys.count)")
        }
        if let index = publicKeys.firstIndex(of: group.identity) {
            throw ShuffleError(.invalidPublicKey, "public key pk\(index) is the identity")
        }
        self.group = group
        self.publicKeys = publicKeys
        self.width = width
        self.keyTables = publicKeys.prefix(width).map(group.fixedBase)
    }

    /// ℓ + 1: γ and the φs.
    public var componentCount: Int { width + 1 }
    /// One scalar per row.
    public var randomnessCount: Int { 1 }
    /// The list of all k keys.
    public var hashablePublicKey: HashableValue { .list(ShuffleHashing.values(publicKeys, in: group)) }

    /// `(γ, φ₀, …)`.
    public func components(of row: MultiRecipientCiphertext<Group>) -> [Group.Element] { [row.gamma] + row.phis }

    /// The ciphertext `(γ, φ₀, …)`.
    public func row(components: [Group.Element]) -> MultiRecipientCiphertext<Group> {
        try! MultiRecipientCiphertext(gamma: components[0], phis: Array(components.dropFirst()))
    }

    /// `γ`, then `φ0`, `φ1`, ….
    public func componentName(_ index: Int) -> String { index == 0 ? "γ" : "φ\(index - 1)" }

    /// `(g^τ, pk₀^τ·g^b, …, pk_{ℓ−1}^τ·g^b)` (GetCiphertext of ℓ messages g^b).
    public func encryptGeneratorPower(secret b: Scalar?, randomness tau: [Scalar]) -> [Group.Element] {
        let message = b.map { group.generatorPower(secret: $0) }
        return [group.generatorPower(secret: tau[0])] + keyTables.map { table in
            let pad = group.power(table, secret: tau[0])
            return message.map { group.multiply(pad, $0) } ?? pad
        }
    }

    /// γ: `g^τ`; φᵢ: `pkᵢ^τ · g^b`.
    public func encryptionTerms(b: Scalar, randomness tau: [Scalar]) -> [[(Group.Element, Scalar)]] {
        [[(group.generator, tau[0])]] + publicKeys.prefix(width).map { [($0, tau[0]), (group.generator, b)] }
    }
}
