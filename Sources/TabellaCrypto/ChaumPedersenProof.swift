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

// MARK: Tabella's own challenge

extension ChaumPedersenProof {
    /// The domain of ``challenge(context:key:base:result:a:b:in:)``.
    static var challengeDomain: String { "tabella/chaum-pedersen/v1" }

    /// The Fiat–Shamir challenge of Tabella's own Chaum–Pedersen proofs (threshold decryption): for the statement
    /// `log_g K = log_A M` with commitments `(a, b)` in a context (the election or ceremony the proof belongs to),
    /// `c = hashToScalar("tabella/chaum-pedersen/v1", [context, K ‖ A ‖ M ‖ a ‖ b])`
    /// (``ScalarField/hashToScalar(domain:_:)``, elements in the group's canonical encoding).
    ///
    /// ElectionGuard records define their own challenges (``ElectionGuard20``, ``ElectionGuard21``), which they
    /// pass to ``prove(secret:base:in:nonce:challenge:)`` and ``verify(key:base:result:challenge:)``.
    public static func challenge(
        context: [UInt8], key: Group.Element, base: Group.Element, result: Group.Element, a: Group.Element,
        b: Group.Element, in group: Group
    ) -> Scalar {
        challenge(context: context, encodedStatement: group.encodeAll([key, base, result, a, b])[...], in: group)
    }

    /// The challenge from the encoding of `K ‖ A ‖ M ‖ a ‖ b`.
    static func challenge(context: [UInt8], encodedStatement: ArraySlice<UInt8>, in group: Group) -> Scalar {
        group.scalars.hashToScalar(domain: challengeDomain, [context, Array(encodedStatement)])
    }

    /// Proves, for every base `A_j`, that `results[j] = A_j^secret` with the secret of `key = g^secret`: one proof
    /// each, with a fresh nonce on the constant-time path and the challenge of
    /// ``challenge(context:key:base:result:a:b:in:)``. The statements and commitments of all the proofs are
    /// encoded together (one field inversion in P-256 rather than five per proof).
    @_specialize(where Group == P256)
    @_specialize(where Group == Ristretto255)
    @_specialize(where Group == IntegerGroup)
    public static func prove(
        secret: Scalar, key: Group.Element, bases: [Group.Element], results: [Group.Element], context: [UInt8],
        in group: Group
    ) -> [Self] {
        precondition(bases.count == results.count, "one result per base")
        let field = group.scalars
        let nonces = bases.map { _ in field.random() }
        var elements = [Group.Element]()
        elements.reserveCapacity(5 * bases.count)
        for (index, base) in bases.enumerated() {
            let u = nonces[index]
            elements += [key, base, results[index], group.generatorPower(secret: u), group.power(base, secret: u)]
        }
        let encoded = group.encodeAll(elements)
        let size = 5 * group.elementByteCount
        return nonces.enumerated().map { index, u in
            let c = challenge(context: context, encodedStatement: encoded[index * size..<(index + 1) * size],
                              in: group)
            return Self(challenge: c, response: field.subtract(u, field.multiply(c, secret)))
        }
    }

    /// The index of the first of `proofs` that does not show `results[j] = bases[j]^s` for `key = g^s` under the
    /// challenge of ``challenge(context:key:base:result:a:b:in:)``, or nil when every one holds; the implied
    /// commitments of all of them are encoded together.
    @_specialize(where Group == P256)
    @_specialize(where Group == Ristretto255)
    @_specialize(where Group == IntegerGroup)
    public static func firstInvalid(
        _ proofs: [Self], key: ElGamalPublicKey<Group>, bases: [Group.Element], results: [Group.Element],
        context: [UInt8]
    ) -> Int? {
        precondition(proofs.count == bases.count && bases.count == results.count, "one proof and result per base")
        let group = key.group
        var elements = [Group.Element]()
        elements.reserveCapacity(5 * proofs.count)
        for (index, proof) in proofs.enumerated() {
            let (a, b) = proof.commitments(key: key, base: bases[index], result: results[index])
            elements += [key.element, bases[index], results[index], a, b]
        }
        let encoded = group.encodeAll(elements)
        let size = 5 * group.elementByteCount
        return proofs.indices.first { index in
            challenge(context: context, encodedStatement: encoded[index * size..<(index + 1) * size], in: group)
                != proofs[index].challenge
        }
    }
}
