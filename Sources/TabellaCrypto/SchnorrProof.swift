import TabellaGroups

/// A non-interactive Schnorr proof of knowledge of s with `K = g^s`, in challenge-response form `(c, v)` with
/// `v = u - c·s` for the commitment `h = g^u` (ElectionGuard 2.0 §3.2.2, equations 11-12).
///
/// The challenge function is the Fiat-Shamir hash of the caller's protocol: it receives the commitment and must
/// bind everything else (the public key, indices, base hashes) itself.
public struct SchnorrProof<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// c.
    public let challenge: Scalar
    /// v.
    public let response: Scalar

    /// A proof from its values.
    public init(challenge: Scalar, response: Scalar) {
        self.challenge = challenge
        self.response = response
    }

    /// Proves knowledge of `secret`; `nonce` is u, fresh and random unless a known-answer test fixes it.
    public static func prove(
        secret: Scalar, in group: Group, nonce: Scalar? = nil, challenge: (Group.Element) -> Scalar
    ) -> Self {
        let field = group.scalars
        let u = nonce ?? field.random()
        let c = challenge(group.generatorPower(secret: u))
        return Self(challenge: c, response: field.subtract(u, field.multiply(c, secret)))
    }

    /// The commitment the proof implies for `publicKey`: `h = g^v · K^c`.
    public func commitment(publicKey: Group.Element, in group: Group) -> Group.Element {
        group.multiply(group.generatorPower(public: response), group.power(publicKey, public: challenge))
    }

    /// Whether the challenge is the hash of the implied commitment.
    public func verify(publicKey: Group.Element, in group: Group, challenge: (Group.Element) -> Scalar) -> Bool {
        challenge(commitment(publicKey: publicKey, in: group)) == self.challenge
    }
}
