import TabellaGroups

/// Decryption by a quorum of guardians holding Shamir shares P(i) of the secret key s (ElectionGuard 2.0 §3.6.1-2):
/// each present guardian publishes `M_i = A^{P(i)}`, and `M = ∏ M_i^{w_i} = A^s` with the Lagrange coefficients
/// `w_i` of the present set (``LagrangeCoefficients``), so that absent guardians are covered without anyone
/// learning s.
public enum ThresholdDecryption {
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
        let weights = LagrangeCoefficients.atZero(indices, scalars: group.scalars)
        return group.multiPower(indices.map { partials[$0]! }, weights)
    }

    /// `T = B / M`, which is `K^t` for the plaintext t.
    public static func exponentialPlaintext<Group: PrimeOrderGroup>(
        of ciphertext: ElGamalCiphertext<Group>, combined: Group.Element, in group: Group
    ) -> Group.Element {
        group.divide(ciphertext.beta, combined)
    }
}
