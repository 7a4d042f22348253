import TabellaGroups

/// Decryption by a quorum of guardians holding Shamir shares P(i) of the secret key s (ElectionGuard 2.0 §3.6.1-2):
/// each present guardian publishes `M_i = A^{P(i)}`, and `M = ∏ M_i^{w_i} = A^s` with the Lagrange coefficients
/// `w_i` of the present set, so that absent guardians are covered without anyone learning s.
public enum ThresholdDecryption {
    /// The Lagrange coefficient `w_i = ∏ ℓ / (ℓ - i) mod q` over the other members ℓ of the present set U.
    ///
    /// - Precondition: the indices are distinct, positive, and `i` is among them.
    public static func lagrangeCoefficient(of index: Int, among present: [Int], field: ScalarField) -> Scalar {
        precondition(present.contains(index) && Set(present).count == present.count && present.allSatisfy { $0 > 0 },
                     "distinct positive guardian indices, including the guardian itself")
        var numerator = field.one
        var denominator = field.one
        for other in present where other != index {
            numerator = field.multiply(numerator, field.scalar(UInt64(other)))
            let difference = field.subtract(field.scalar(UInt64(other)), field.scalar(UInt64(index)))
            denominator = field.multiply(denominator, difference)
        }
        guard let inverse = field.inverse(denominator) else { fatalError("distinct indices below q never collide") }
        return field.multiply(numerator, inverse)
    }

    /// A guardian's partial decryption `M_i = A^{P(i)}`, on the constant-time path for the share.
    public static func partialDecryption<Group: PrimeOrderGroup>(
        of ciphertext: ElGamalCiphertext<Group>, share: Scalar, in group: Group
    ) -> Group.Element {
        group.power(ciphertext.alpha, secret: share)
    }

    /// `M = ∏ M_i^{w_i}` from the partial decryptions of the present guardians, keyed by guardian index.
    public static func combine<Group: PrimeOrderGroup>(_ partials: [Int: Group.Element], in group: Group)
        -> Group.Element
    {
        let indices = partials.keys.sorted()
        let weights = indices.map { lagrangeCoefficient(of: $0, among: indices, field: group.scalars) }
        return group.multiPower(indices.map { partials[$0]! }, weights)
    }

    /// `T = B / M`, which is `K^t` for the plaintext t.
    public static func exponentialPlaintext<Group: PrimeOrderGroup>(
        of ciphertext: ElGamalCiphertext<Group>, combined: Group.Element, in group: Group
    ) -> Group.Element {
        group.divide(ciphertext.beta, combined)
    }
}
