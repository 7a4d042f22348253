import TabellaGroups

/// An election public key K = g^s with its fixed-base table, for exponential ElGamal encryption.
///
/// Building the table costs about as much as a few dozen exponentiations; it pays for itself on the first ballot.
public struct ElGamalPublicKey<Group: PrimeOrderGroup>: Sendable {
    /// The group the key lives in.
    public let group: Group
    /// K.
    public let element: Group.Element
    /// The fixed-base table of K.
    public let table: Group.FixedBase

    /// The key K, with its table built now.
    public init(group: Group, element: Group.Element) {
        self.group = group
        self.element = element
        self.table = group.fixedBase(element)
    }

    /// `Enc(σ, ξ) = (g^ξ, K^(σ+ξ))`, with the secret nonce ξ and value σ on constant-time paths.
    public func encrypt(_ value: UInt64, nonce: Scalar) -> ElGamalCiphertext<Group> {
        let field = group.scalars
        return ElGamalCiphertext(
            alpha: group.generatorPower(secret: nonce),
            beta: group.power(table, secret: field.add(field.scalar(value), nonce))
        )
    }

    /// A re-encryption with a fresh secret nonce ξ': `(α·g^ξ', β·K^ξ')` encrypts the same value.
    public func reencrypt(_ ciphertext: ElGamalCiphertext<Group>, nonce: Scalar) -> ElGamalCiphertext<Group> {
        ciphertext.adding(encrypt(0, nonce: nonce), in: group)
    }

    /// The statement of a contest-limit proof: the contest's total `(ᾱ, β̄)` shifted down by its minimum m,
    /// `(ᾱ, β̄ / K^m)`, which encrypts `σ̄ − m` under the same nonce. Proving it lies in `0...(L − m)` proves
    /// `m ≤ σ̄ ≤ L`; with m = 0 it is the total itself, as in ElectionGuard.
    public func limitStatement(total: ElGamalCiphertext<Group>, minimum: Int) -> ElGamalCiphertext<Group> {
        guard minimum > 0 else { return total }
        let shift = group.power(table, public: group.scalars.scalar(UInt64(minimum)))
        return ElGamalCiphertext(alpha: total.alpha, beta: group.divide(total.beta, shift))
    }

    /// `K^σ` recovered with the encryption nonce: β / K^ξ.
    public func exponentialPlaintext(of ciphertext: ElGamalCiphertext<Group>, nonce: Scalar) -> Group.Element {
        group.divide(ciphertext.beta, group.power(table, secret: nonce))
    }

    /// `K^σ` recovered with the secret key s: β / α^s.
    public func exponentialPlaintext(of ciphertext: ElGamalCiphertext<Group>, secretKey: Scalar) -> Group.Element {
        group.divide(ciphertext.beta, group.power(ciphertext.alpha, secret: secretKey))
    }

    /// σ such that `K^σ = element`, searched in `0...bound`; `nil` when no value in the range fits.
    ///
    /// One logarithm by a ``DiscreteLogTable`` built for it; for many logarithms in the same range, build the table
    /// once. Variable-time, so only for public values (tallies, challenged ballots).
    public func discreteLog(of element: Group.Element, upTo bound: UInt64) -> UInt64? {
        DiscreteLogTable(group: group, base: self.element, bound: bound).logarithm(of: element)
    }
}
