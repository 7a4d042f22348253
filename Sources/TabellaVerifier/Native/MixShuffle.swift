import TabellaCrypto
import TabellaGroups

/// TEMPORARY (not to commit): the adapter to the shuffle API.
public enum MixShuffle {
    public static func verify<Group: PrimeOrderGroup>(
        input: [[ElGamalCiphertext<Group>]], output: [[ElGamalCiphertext<Group>]], argument: [UInt8],
        key: ElGamalPublicKey<Group>, domain: [UInt8]
    ) throws(ShuffleError) {
        throw ShuffleError(.verificationFailed, "not yet")
    }

    public static func shuffle<Group: PrimeOrderGroup>(
        _ rows: [[ElGamalCiphertext<Group>]], key: ElGamalPublicKey<Group>, domain: [UInt8],
        progress: (@Sendable (Double) -> Void)?
    ) throws(ShuffleError) -> ([[ElGamalCiphertext<Group>]], [UInt8]) {
        (rows, [])
    }
}
