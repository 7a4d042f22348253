/// A multi-recipient ElGamal ciphertext of the Swiss Post crypto-primitives specification 1.2.0 (§7.5–7.6):
/// `(γ, φ₀, …, φ_{ℓ-1})` with `γ = g^r` and `φᵢ = pkᵢ^r · mᵢ`, one randomness shared by ℓ messages in the group.
///
/// This is plain (not exponential) ElGamal with messages that are group elements, as the Swiss Post mix-net and its
/// vectors use it. Tabella's ballots use the exponential ElGamal of TabellaCrypto.
public struct MultiRecipientCiphertext<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// γ, the generator raised to the randomness.
    public let gamma: Group.Element
    /// φ₀ … φ_{ℓ-1}, one per message; never empty.
    public let phis: [Group.Element]

    /// A ciphertext from its parts, such as decoded ones.
    ///
    /// - Throws: `CiphertextError` `.noMessages` when `phis` is empty.
    public init(gamma: Group.Element, phis: [Group.Element]) throws(CiphertextError) {
        guard !phis.isEmpty else {
            throw CiphertextError(.noMessages, "a multi-recipient ciphertext needs at least one φ")
        }
        self.gamma = gamma
        self.phis = phis
    }

    /// GetCiphertext (algorithm 7.5): encrypts `messages` with the randomness `r` under the first `messages.count`
    /// of `publicKeys` (excess keys are dropped). `r` is secret: every exponentiation takes the constant-time path.
    ///
    /// - Throws: `CiphertextError` `.noMessages` for no messages,
    ///   `CiphertextError` `.tooFewPublicKeys` when there are more messages than keys.
    public static func encrypt(
        _ messages: [Group.Element], randomness r: Scalar, publicKeys: [Group.Element],
        in group: Group
    ) throws(CiphertextError) -> Self {
        guard messages.count <= publicKeys.count else {
            throw CiphertextError(
                .tooFewPublicKeys,
                "\(messages.count) messages need as many public keys, "
                    + "but only \(publicKeys.count) were given")
        }
        let phis = zip(messages, publicKeys).map { message, key in
            group.multiply(group.power(key, secret: r), message)
        }
        return try Self(gamma: group.generatorPower(secret: r), phis: phis)
    }

    /// The number of messages ℓ.
    public var width: Int { phis.count }

    /// GetCiphertextProduct (algorithm 7.8): the component-wise product, which encrypts the component-wise product
    /// of the messages with the sum of the randomness.
    ///
    /// - Throws: `CiphertextError` `.widthMismatch` when the two hold different numbers of messages.
    public func multiplied(by other: Self, in group: Group) throws(CiphertextError) -> Self {
        guard width == other.width else {
            throw CiphertextError(
                .widthMismatch,
                "ciphertexts of \(width) and \(other.width) messages cannot be "
                    + "multiplied")
        }
        return try Self(gamma: group.multiply(gamma, other.gamma), phis: zip(phis, other.phis).map(group.multiply))
    }
}
