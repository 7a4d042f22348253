import TabellaGroups

/// One trustee's contribution to a threshold decryption: `Mⱼ = Aⱼ^(x_i)` for each ciphertext `(Aⱼ, Bⱼ)`, each
/// with a Chaum–Pedersen proof that it used the share behind the verification share `Y_i = g^(x_i)`.
///
/// The proof's challenge is
/// `c = SHA-512("tabella/partial-decryption/v1" ‖ len(domain) ‖ domain ‖ Y_i ‖ A ‖ M ‖ a ‖ b)`
/// reduced modulo q, where `domain` binds the proofs to the election or ceremony.
public struct PartialDecryption<Group: PrimeOrderGroup>: Sendable, Hashable {
    /// The trustee's id (its participant index in the key ceremony).
    public let trustee: Int
    /// `Aⱼ^(x_i)`, one per ciphertext.
    public let values: [Group.Element]
    /// One proof per value.
    public let proofs: [ChaumPedersenProof<Group>]

    /// A partial decryption from its parts (read from a record; not yet verified).
    public init(trustee: Int, values: [Group.Element], proofs: [ChaumPedersenProof<Group>]) {
        self.trustee = trustee
        self.values = values
        self.proofs = proofs
    }

    /// Computes the partial decryptions with the secret share, in constant time, and proves each one.
    ///
    /// - Parameter progress: called with the number of ciphertexts done so far.
    public init(
        group: Group, trustee: Int, secretShare: Scalar, ciphertexts: [ElGamalCiphertext<Group>], domain: [UInt8],
        progress: ((Int) -> Void)? = nil
    ) {
        let share = group.generatorPower(secret: secretShare)
        var values = [Group.Element]()
        var proofs = [ChaumPedersenProof<Group>]()
        values.reserveCapacity(ciphertexts.count)
        proofs.reserveCapacity(ciphertexts.count)
        for (offset, ciphertext) in ciphertexts.enumerated() {
            let value = ThresholdDecryption.partialDecryption(of: ciphertext, share: secretShare, in: group)
            values.append(value)
            proofs.append(ChaumPedersenProof.prove(secret: secretShare, base: ciphertext.alpha, in: group) { a, b in
                Self.challenge(group: group, domain: domain, share: share, base: ciphertext.alpha, result: value,
                    a: a, b: b)
            })
            progress?(offset + 1)
        }
        self.trustee = trustee
        self.values = values
        self.proofs = proofs
    }

    /// Checks every proof against the trustee's verification share.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/invalidPartialDecryption`` naming the trustee and the first
    ///   ciphertext whose proof fails (or a count mismatch).
    public func verify(verificationShare: ElGamalPublicKey<Group>, ciphertexts: [ElGamalCiphertext<Group>],
        domain: [UInt8]) throws(CeremonyError)
    {
        guard values.count == ciphertexts.count, proofs.count == ciphertexts.count else {
            throw CeremonyError(.invalidPartialDecryption,
                "trustee \(trustee) sent \(values.count) values and \(proofs.count) proofs for \(ciphertexts.count) "
                    + "ciphertexts", participant: trustee)
        }
        let group = verificationShare.group
        for offset in ciphertexts.indices {
            let base = ciphertexts[offset].alpha
            let value = values[offset]
            let valid = proofs[offset].verify(key: verificationShare, base: base, result: value) { a, b in
                Self.challenge(group: group, domain: domain, share: verificationShare.element, base: base,
                    result: value, a: a, b: b)
            }
            guard valid else {
                throw CeremonyError(.invalidPartialDecryption,
                    "the proof of trustee \(trustee) for ciphertext \(offset + 1) does not verify",
                    participant: trustee)
            }
        }
    }

    /// The Fiat–Shamir challenge of one proof.
    static func challenge(
        group: Group, domain: [UInt8], share: Group.Element, base: Group.Element, result: Group.Element,
        a: Group.Element, b: Group.Element
    ) -> Scalar {
        let parts = [Array("tabella/partial-decryption/v1".utf8), ByteFraming.uint64BigEndian(UInt64(domain.count)),
            domain] + [share, base, result, a, b].map(group.encode)
        return group.scalars.reduce(bigEndian: Digest.sha512.hash(parts: parts))
    }
}
