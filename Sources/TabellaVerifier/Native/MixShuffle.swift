import TabellaCrypto
import TabellaGroups

/// The mix-net's shuffles of an election's rows: the Bayer-Groth shuffle of ``VerifiableShuffle`` over rows of
/// ElGamal ciphertexts under the election key, with the commitment key derived from the election's mix domain,
/// and the argument in its binary encoding.
public enum MixShuffle {
    /// Checks that `output` is a re-encrypted permutation of `input` by the encoded `argument`.
    ///
    /// - Throws: ``ShuffleError`` naming the row, the field or the equation that fails.
    public static func verify<Group: PrimeOrderGroup>(
        input: [[ElGamalCiphertext<Group>]], output: [[ElGamalCiphertext<Group>]], argument: [UInt8],
        key: ElGamalPublicKey<Group>, domain: [UInt8]
    ) throws(ShuffleError) {
        let mixer = try shuffle(rows: input.count, width: input.first?.count ?? 0, key: key, domain: domain)
        let proof = try ShuffleArgument<Group>.decode(
            argument, rows: mixer.shape.rows, columns: mixer.shape.columns, components: mixer.space.componentCount,
            randomness: mixer.space.randomnessCount, in: key.group)
        try mixer.verify(input: input.map(ElGamalRow.init), output: output.map(ElGamalRow.init), proof: proof)
    }

    /// Shuffles `rows` with fresh secret randomness and proves it: the new rows and the argument's encoding. The
    /// permutation and the randomness are discarded when this returns.
    ///
    /// - Parameter progress: hears the fraction done, from 0 to 1 (shuffling is the first fifth).
    /// - Throws: ``ShuffleError`` for rows that cannot be shuffled (empty, of unequal width, with an identity
    ///   component or a repeated row).
    public static func shuffle<Group: PrimeOrderGroup>(
        _ rows: [[ElGamalCiphertext<Group>]], key: ElGamalPublicKey<Group>, domain: [UInt8],
        progress: (@Sendable (Double) -> Void)? = nil
    ) throws(ShuffleError) -> ([[ElGamalCiphertext<Group>]], [UInt8]) {
        let mixer = try shuffle(rows: rows.count, width: rows.first?.count ?? 0, key: key, domain: domain)
        let input = rows.map(ElGamalRow.init)
        let (output, witness) = try mixer.shuffle(input) { progress?($0 / 5) }
        let proof = try mixer.prove(input: input, output: output, witness: witness) { progress?(0.2 + $0 * 0.8) }
        return (output.map(\.ciphertexts), proof.encoded(in: key.group))
    }

    /// The shuffle of `rows` rows of `width` ciphertexts under `key`, its commitment key derived from `domain`.
    private static func shuffle<Group: PrimeOrderGroup>(rows: Int, width: Int, key: ElGamalPublicKey<Group>,
                                                        domain: [UInt8]) throws(ShuffleError)
        -> VerifiableShuffle<ElGamalRowSpace<Group>>
    {
        try VerifiableShuffle(space: ElGamalRowSpace(group: key.group, publicKey: key.element, width: width),
                              context: domain, count: rows)
    }
}
