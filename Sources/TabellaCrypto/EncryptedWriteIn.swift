import TabellaGroups

/// One group element of a written answer (a write-in), encrypted with plain ElGamal, `(α, β) = (g^ξ, K^ξ · M)`,
/// with a Schnorr proof of knowledge of ξ bound to the ballot and the element's place in it.
///
/// The proof is what stops a ballot from carrying another voter's write-in re-randomised (Cortier and Smyth's
/// replay): re-randomising changes α to `α · g^r`, whose logarithm the copier does not know, and the challenge binds
/// the proof to the copier's own ballot identifier. The nonce ξ derives from the ballot nonce like a selection's
/// (option index `optionCount + 1 + position`), so a challenged ballot reveals the answer as well.
public struct EncryptedWriteIn<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// `(g^ξ, K^ξ · M)`.
    public let ciphertext: ElGamalCiphertext<Group>
    /// The proof of knowledge of ξ.
    public let proof: SchnorrProof<Group>

    /// A write-in element from its parts (read from a ballot; not yet verified).
    public init(ciphertext: ElGamalCiphertext<Group>, proof: SchnorrProof<Group>) {
        self.ciphertext = ciphertext
        self.proof = proof
    }

    /// Encrypts `element` with the secret `nonce` and proves knowledge of it; every exponentiation with a secret
    /// exponent takes the constant-time path.
    public static func encrypt(
        _ element: Group.Element, nonce: Scalar, rules: ElectionGuard21<Group>, identifierHash: [UInt8],
        contestIndex: Int, position: Int
    ) -> Self {
        let group = rules.group
        let ciphertext = ElGamalCiphertext<Group>(alpha: group.generatorPower(secret: nonce),
                                           beta: group.multiply(group.power(rules.key.table, secret: nonce), element))
        let proof = SchnorrProof<Group>.prove(secret: nonce, in: group) { commitment in
            challenge(rules: rules, identifierHash: identifierHash, contestIndex: contestIndex, position: position,
                      ciphertext: ciphertext, commitment: commitment)
        }
        return Self(ciphertext: ciphertext, proof: proof)
    }

    /// The encrypted elements of a written answer in contest `contestIndex` (which lists `optionCount` options),
    /// with the nonces that derive from the secret `ballotNonce`.
    public static func encryptAnswer(
        _ elements: [Group.Element], rules: ElectionGuard21<Group>, identifierHash: [UInt8], ballotNonce: [UInt8],
        contestIndex: Int, optionCount: Int
    ) -> [Self] {
        elements.enumerated().map { offset, element in
            encrypt(element, nonce: nonce(rules: rules, identifierHash: identifierHash, ballotNonce: ballotNonce,
                                          contestIndex: contestIndex, optionCount: optionCount, position: offset + 1),
                    rules: rules, identifierHash: identifierHash, contestIndex: contestIndex, position: offset + 1)
        }
    }

    /// The encryption nonce of element `position` (from 1) of a contest's answer: a selection nonce at option index
    /// `optionCount + position`, after the contest's options.
    public static func nonce(rules: ElectionGuard21<Group>, identifierHash: [UInt8], ballotNonce: [UInt8],
                             contestIndex: Int, optionCount: Int, position: Int) -> Scalar {
        rules.selectionNonce(identifierHash: identifierHash, ballotNonce: ballotNonce, contestIndex: contestIndex,
                             optionIndex: optionCount + position)
    }

    /// Whether the proof shows knowledge of α's logarithm for this ballot, contest and position.
    public func verify(rules: ElectionGuard21<Group>, identifierHash: [UInt8], contestIndex: Int, position: Int)
        -> Bool
    {
        proof.verify(publicKey: ciphertext.alpha, in: rules.group) { commitment in
            Self.challenge(rules: rules, identifierHash: identifierHash, contestIndex: contestIndex,
                           position: position, ciphertext: ciphertext, commitment: commitment)
        }
    }

    /// `c = H_q(H_I; 0x70, i, j, α, β, h)`: the contest index i, the element's position j (from 1), the ciphertext
    /// and the proof's commitment h. The domain byte 0x70 is Tabella's own, outside the 2.1 specification's.
    static func challenge(rules: ElectionGuard21<Group>, identifierHash: [UInt8], contestIndex: Int, position: Int,
                          ciphertext: ElGamalCiphertext<Group>, commitment: Group.Element) -> Scalar {
        var input = ElectionGuardHashInput(domain: 0x70)
        input.append(index: UInt32(contestIndex))
        input.append(index: UInt32(position))
        input.append(bytes: rules.group.encodeAll([ciphertext.alpha, ciphertext.beta, commitment]))
        return ElectionGuardHash.hashToScalar(key: identifierHash, input, field: rules.group.scalars)
    }
}
