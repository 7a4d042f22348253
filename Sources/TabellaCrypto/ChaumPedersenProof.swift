import TabellaGroups

/// A non-interactive Chaum-Pedersen proof that `K = g^s` and `M = A^s` share the exponent s: the proof of correct
/// decryption (ElectionGuard 2.0 §3.6.3, 2.1 §3.6.5), in challenge-response form `(c, v)` with `v = u - c·s` for
/// the commitments `(a, b) = (g^u, A^u)`.
public struct ChaumPedersenProof<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c.
    public let challenge: Scalar
    /// v.
    public let response: Scalar

    /// A proof from its values.
    public init(challenge: Scalar, response: Scalar) {
        self.challenge = challenge
        self.response = response
    }

    /// Proves that `base^secret` was formed with the secret key of `g^secret`; `nonce` is u.
    public static func prove(
        secret: Scalar, base: Group.Element, in group: Group, nonce: Scalar? = nil,
        challenge: (_ a: Group.Element, _ b: Group.Element) -> Scalar
    ) -> Self {
        let field = group.scalars
        let u = nonce ?? field.random()
        let c = challenge(group.generatorPower(secret: u), group.power(base, secret: u))
        return Self(challenge: c, response: field.subtract(u, field.multiply(c, secret)))
    }

    /// The commitments the proof implies: `a = g^v · K^c`, `b = A^v · M^c`.
    public func commitments(
        key: ElGamalPublicKey<Group>, base: Group.Element, result: Group.Element
    ) -> (a: Group.Element, b: Group.Element) {
        let group = key.group
        let a = group.multiply(group.generatorPower(public: response), group.power(key.table, public: challenge))
        let b = group.multiPower([base, result], [response, challenge])
        return (a, b)
    }

    /// Whether the challenge is the hash of the implied commitments.
    public func verify(
        key: ElGamalPublicKey<Group>, base: Group.Element, result: Group.Element,
        challenge: (_ a: Group.Element, _ b: Group.Element) -> Scalar
    ) -> Bool {
        let (a, b) = commitments(key: key, base: base, result: result)
        return challenge(a, b) == self.challenge
    }
}
