import TabellaGroups

/// One trustee's contribution to a threshold decryption: `Mⱼ = Aⱼ^(x_i)` for each ciphertext `(Aⱼ, Bⱼ)`, each
/// with a Chaum–Pedersen proof (``ChaumPedersenProof``, with its own challenge
/// ``ChaumPedersenProof/challenge(context:key:base:result:a:b:in:)`` and the domain as context) that it used the
/// share behind the verification share `Y_i = g^(x_i)`.
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
    /// The ciphertexts are taken in chunks of ``chunkSize``, whose proofs are made together
    /// (``ChaumPedersenProof/prove(secret:key:bases:results:context:in:)``).
    ///
    /// - Parameter progress: called with the number of ciphertexts done so far.
    @_specialize(where Group == P256)
    @_specialize(where Group == Ristretto255)
    @_specialize(where Group == IntegerGroup)
    public init(
        group: Group, trustee: Int, secretShare: Scalar, ciphertexts: [ElGamalCiphertext<Group>], domain: [UInt8],
        progress: ((Int) -> Void)? = nil
    ) {
        let share = group.generatorPower(secret: secretShare)
        var values = [Group.Element]()
        var proofs = [ChaumPedersenProof<Group>]()
        values.reserveCapacity(ciphertexts.count)
        proofs.reserveCapacity(ciphertexts.count)
        for start in stride(from: 0, to: ciphertexts.count, by: Self.chunkSize) {
            let chunk = ciphertexts[start..<min(start + Self.chunkSize, ciphertexts.count)]
            let results = chunk.map { ThresholdDecryption.partialDecryption(of: $0, share: secretShare, in: group) }
            values += results
            proofs += ChaumPedersenProof.prove(secret: secretShare, key: share, bases: chunk.map { $0.alpha },
                                               results: results, context: domain, in: group)
            progress?(start + chunk.count)
        }
        self.trustee = trustee
        self.values = values
        self.proofs = proofs
    }

    /// Ciphertexts whose proofs are made together: enough to share one field inversion among 320 elements in
    /// P-256, few enough for a progress bar to move.
    public static var chunkSize: Int { 64 }

    /// Checks every proof against the trustee's verification share.
    ///
    /// - Throws: ``CeremonyError/Code-swift.struct/invalidPartialDecryption`` naming the trustee and the first
    ///   ciphertext whose proof fails (or a count mismatch).
    @_specialize(where Group == P256)
    @_specialize(where Group == Ristretto255)
    @_specialize(where Group == IntegerGroup)
    public func verify(verificationShare: ElGamalPublicKey<Group>, ciphertexts: [ElGamalCiphertext<Group>],
        domain: [UInt8]) throws(CeremonyError)
    {
        guard values.count == ciphertexts.count, proofs.count == ciphertexts.count else {
            throw CeremonyError(.invalidPartialDecryption,
                "trustee \(trustee) sent \(values.count) values and \(proofs.count) proofs for \(ciphertexts.count) "
                    + "ciphertexts", participant: trustee)
        }
        if let failed = ChaumPedersenProof.firstInvalid(proofs, key: verificationShare,
                                                        bases: ciphertexts.map { $0.alpha }, results: values,
                                                        context: domain) {
            throw CeremonyError(.invalidPartialDecryption,
                "the proof of trustee \(trustee) for ciphertext \(failed + 1) does not verify", participant: trustee)
        }
    }
}
