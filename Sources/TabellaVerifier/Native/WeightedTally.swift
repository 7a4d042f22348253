import TabellaCrypto
import TabellaGroups

/// The weighted homomorphic tally: for every option, `(∏ αᵢ^wᵢ, ∏ βᵢ^wᵢ)` over the counted ballots, which
/// encrypts `Σ wᵢ·σᵢ`. Each product is one multi-exponentiation; with unit weights it is a plain product. The
/// authority computes it with this function and every checker recomputes it with the same one.
public enum WeightedTally {
    /// The tally of `ballots` with their `weights`, per contest, per option.
    ///
    /// - Precondition: every ballot has the same contests and options (checked when it was admitted).
    public static func compute<Group: PrimeOrderGroup>(
        ballots: [EncryptedBallot<Group>], weights: [UInt64], optionCounts: [Int], in group: Group
    ) -> [[ElGamalCiphertext<Group>]] {
        precondition(ballots.count == weights.count, "one weight per ballot")
        let unit = weights.allSatisfy { $0 == 1 }
        let exponents = weights.map { group.scalars.scalar($0) }
        return optionCounts.enumerated().map { contest, options in
            (0..<options).map { option in
                let ciphertexts = ballots.map { $0.contests[contest].selections[option].ciphertext }
                guard !ciphertexts.isEmpty else { return ElGamalCiphertext.identity(in: group) }
                if unit { return ElGamalCiphertext.sum(ciphertexts, in: group) }
                return ElGamalCiphertext(alpha: group.multiPower(ciphertexts.map(\.alpha), exponents),
                                         beta: group.multiPower(ciphertexts.map(\.beta), exponents))
            }
        }
    }
}
