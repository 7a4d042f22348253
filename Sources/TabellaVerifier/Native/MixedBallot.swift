import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// Where a ballot's ranked and write-in contests sit in its mix-net row: each such contest adds its options'
/// ciphertexts (ranks, or selections of a write-in contest's listed options) and, for a write-in contest, the
/// ciphertexts of the written answer's group elements.
enum MixedBallot {
    /// The ciphertexts that `contest` adds to a row in `group`.
    static func width<Group: PrimeOrderGroup>(of contest: Contest, in group: Group) -> Int {
        contest.options.count + writeInElements(of: contest, in: group)
    }

    /// The group elements of a write-in contest's answer in `group` (none for other contests).
    static func writeInElements<Group: PrimeOrderGroup>(of contest: Contest, in group: Group) -> Int {
        guard contest.kind == .writeIn, let limit = contest.maximumWriteInBytes else { return 0 }
        return MessageEncoding(group: group).elementCount(limit: limit)
    }
}

extension EncryptedContest {
    /// The contest's ciphertexts in a mix-net row: its options', then its written answer's.
    var mixedCiphertexts: [ElGamalCiphertext<Group>] {
        selections.map(\.ciphertext) + writeIns.map(\.ciphertext)
    }
}
