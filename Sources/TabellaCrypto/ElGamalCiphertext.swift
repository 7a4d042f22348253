import TabellaGroups

/// An exponential ElGamal ciphertext `(α, β) = (g^ξ, K^(σ+ξ))` of a small integer σ (ElectionGuard 2.1, §3.3.1).
///
/// The component names follow the Kotlin JSON format of ElectionGuard records: `pad` is α, `data` is β.
public struct ElGamalCiphertext<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// α = g^ξ, the pad.
    public let alpha: Group.Element
    /// β = K^(σ+ξ), the data.
    public let beta: Group.Element

    /// A ciphertext from its two components.
    public init(alpha: Group.Element, beta: Group.Element) {
        self.alpha = alpha
        self.beta = beta
    }
}

extension ElGamalCiphertext {
    /// The encryption of zero with nonce zero, `(1, 1)`: the neutral element of homomorphic addition.
    public static func identity(in group: Group) -> Self {
        Self(alpha: group.identity, beta: group.identity)
    }

    /// The homomorphic sum: the component-wise product encrypts σ₁ + σ₂ under nonce ξ₁ + ξ₂.
    public func adding(_ other: Self, in group: Group) -> Self {
        Self(alpha: group.multiply(alpha, other.alpha), beta: group.multiply(beta, other.beta))
    }

    /// The homomorphic sum of many ciphertexts (the identity for none), with one group operation per component
    /// and ciphertext after the first.
    public static func sum<Ciphertexts: Sequence<Self>>(_ ciphertexts: Ciphertexts, in group: Group) -> Self {
        var iterator = ciphertexts.makeIterator()
        guard let first = iterator.next() else { return identity(in: group) }
        return IteratorSequence(iterator).reduce(first) { $0.adding($1, in: group) }
    }

    /// The ciphertext raised to a public weight w: `(α^w, β^w)` encrypts w·σ under nonce w·ξ.
    public func weighted(by weight: Scalar, in group: Group) -> Self {
        Self(alpha: group.power(alpha, public: weight), beta: group.power(beta, public: weight))
    }
}
