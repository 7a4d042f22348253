import TabellaGroups

/// The homomorphic ciphertext space a shuffle works in: how its ciphertexts split into group elements, how the
/// encryption of a generator power is formed, how much randomness one re-encryption takes, and how a ciphertext and
/// the public key enter the Fiat–Shamir hash.
///
/// Every sub-argument of the Bayer–Groth shuffle is written once over this protocol and sees a ciphertext as its
/// ``componentCount`` group elements, on which multiplication and exponentiation act component-wise. Two spaces
/// implement it:
///
/// - ``MultiRecipientSpace``: the Swiss Post multi-recipient ciphertexts `(γ, φ₀, …, φ_{ℓ−1})` under keys
///   `pk₀ … pk_{ℓ−1}`, one randomness scalar per ciphertext (the space of the Swiss Post vectors);
/// - ``ElGamalRowSpace``: Tabella's rows of ℓ independent ElGamal ciphertexts `(α_j, β_j)` under one key K, one
///   randomness scalar per ciphertext of the row, so ℓ scalars per row.
///
/// The randomness of a row is a vector of ``randomnessCount`` scalars; the multi-exponentiation argument's `τ_k`
/// and its response τ are such vectors, combined coordinate by coordinate.
public protocol ShuffleCiphertextSpace: Sendable {
    /// The group of the components.
    associatedtype Group: PrimeOrderGroup
    /// The public form of one row.
    associatedtype Row: Sendable, Hashable

    /// The group.
    var group: Group { get }
    /// ℓ, the number of messages (or ciphertexts) in one row.
    var width: Int { get }
    /// The number of group elements in one row.
    var componentCount: Int { get }
    /// The number of randomness scalars of one re-encryption: 1 or ℓ.
    var randomnessCount: Int { get }
    /// The public key in the Fiat–Shamir hash (Swiss Post: the list of the keys).
    var hashablePublicKey: HashableValue { get }

    /// The row's components, in the order they are hashed and encoded.
    func components(of row: Row) -> [Group.Element]
    /// The row made of `components` (exactly ``componentCount`` of them).
    func row(components: [Group.Element]) -> Row
    /// The name of component `index` in error messages, such as `γ`, `φ₁` or `β₂`.
    func componentName(_ index: Int) -> String

    /// The components of `Enc(g^b, …, g^b; τ)`, each message g^b, or of `Enc(1; τ)` (the re-encryption of the
    /// identity) when b is `nil`. b and τ are secret: every exponentiation takes the constant-time path.
    func encryptGeneratorPower(secret b: Scalar?, randomness tau: [Scalar]) -> [Group.Element]
    /// The terms of `Enc(g^b; τ)` for public b and τ, per component: a list of (base, exponent) whose product is
    /// that component, so that a verifier can fold them into one multi-exponentiation.
    func encryptionTerms(b: Scalar, randomness tau: [Scalar]) -> [[(Group.Element, Scalar)]]
}

extension ShuffleCiphertextSpace {
    /// The identity ciphertext, all components one: `Enc(1; 0)`.
    var identityComponents: [Group.Element] { Array(repeating: group.identity, count: componentCount) }

    /// The component-wise product.
    func multiply(_ a: [Group.Element], _ b: [Group.Element]) -> [Group.Element] {
        zip(a, b).map(group.multiply)
    }

    /// `∏ rows[i]^exponents[i]` component-wise, for public exponents (one multi-exponentiation per component).
    func multiPower(_ rows: [[Group.Element]], _ exponents: [Scalar]) -> [Group.Element] {
        let group = self.group
        return ParallelWork.map(count: componentCount) { index in group.multiPower(rows.map { $0[index] }, exponents) }
    }

    /// The constant-time multi-exponentiation tables of `rows`, one per component, for products
    /// `∏ rows[i]^exponents[i]` with secret exponents (``SecretPowerTables/product(secret:)`` of each).
    func secretPowerTables(_ rows: [[Group.Element]]) -> [SecretPowerTables<Group>] {
        (0..<componentCount).map { index in SecretPowerTables(rows.map { $0[index] }, in: group) }
    }

    /// `Enc(g^b; τ)` for public b and τ, from ``encryptionTerms(b:randomness:)``.
    func encryptGeneratorPower(public b: Scalar, randomness tau: [Scalar]) -> [Group.Element] {
        encryptionTerms(b: b, randomness: tau).map { terms in group.multiPower(terms.map(\.0), terms.map(\.1)) }
    }
}
