import TabellaGroups

/// The decryption of ElGamal ciphertexts by a quorum of trustees: every partial decryption is verified, those
/// that fail are named and left out, and the first `threshold` valid ones are combined with Lagrange weights
/// (``ThresholdDecryption/combine(_:in:)``) into `B / ∏ Mᵢ^(λᵢ)`.
public struct QuorumDecryption<Group: PrimeOrderGroup>: Sendable {
    /// The plaintext elements `B / A^s`, one per ciphertext.
    public let plaintexts: [Group.Element]
    /// The trustees whose partial decryptions were used.
    public let trustees: [Int]
    /// The trustees whose partial decryptions failed their checks, with the reason; they were left out.
    public let excluded: [CeremonyError]

    /// Verifies and combines.
    ///
    /// - Parameter verificationShares: `Y₁ … Yₙ` from the ceremony, in participant order.
    /// - Throws: ``CeremonyError/Code-swift.struct/notEnoughShares`` when fewer than `threshold` valid partial
    ///   decryptions remain (the message lists the excluded trustees), `invalidParticipant` for an unknown or
    ///   repeated trustee id.
    public init(
        group: Group, threshold: Int, verificationShares: [Group.Element], ciphertexts: [ElGamalCiphertext<Group>],
        partials: [PartialDecryption<Group>], domain: [UInt8]
    ) throws(CeremonyError) {
        var valid = [PartialDecryption<Group>]()
        var excluded = [CeremonyError]()
        var seen = Set<Int>()
        for partial in partials {
            guard partial.trustee >= 1, partial.trustee <= verificationShares.count else {
                throw CeremonyError(.invalidParticipant,
                    "trustee id \(partial.trustee) is outside 1…\(verificationShares.count)",
                    participant: partial.trustee)
            }
            guard seen.insert(partial.trustee).inserted else {
                throw CeremonyError(.invalidParticipant, "trustee \(partial.trustee) appears twice",
                    participant: partial.trustee)
            }
            do {
                let share = ElGamalPublicKey(group: group, element: verificationShares[partial.trustee - 1])
                try partial.verify(verificationShare: share, ciphertexts: ciphertexts, domain: domain)
                valid.append(partial)
            } catch {
                excluded.append(error)
            }
        }
        guard valid.count >= threshold else {
            let named = excluded.compactMap(\.participant).map(String.init).joined(separator: ", ")
            throw CeremonyError(.notEnoughShares,
                "\(valid.count) valid partial decryptions, \(threshold) needed"
                    + (named.isEmpty ? "" : "; excluded trustees: \(named)"))
        }
        let used = Array(valid.prefix(threshold))
        plaintexts = ciphertexts.indices.map { offset in
            let partials = Dictionary(uniqueKeysWithValues: used.map { ($0.trustee, $0.values[offset]) })
            return ThresholdDecryption.exponentialPlaintext(of: ciphertexts[offset],
                combined: ThresholdDecryption.combine(partials, in: group), in: group)
        }
        trustees = used.map(\.trustee)
        self.excluded = excluded
    }
}
