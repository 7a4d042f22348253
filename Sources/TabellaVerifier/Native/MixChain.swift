import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The mix-net of an election with ranked or write-in contests, as its board entries build it after closing: the
/// input rows, each trustee's shuffle of the latest list, the trustees' decryptions of the last list, and the
/// count of the decrypted ballots.
public struct MixChain<Group: PrimeOrderGroup>: Sendable {
    /// The ciphertexts per row.
    public let width: Int
    /// The number of shuffles the chain needs (the election's threshold: a coalition that could decrypt alone
    /// is the only one that could also undo every shuffle).
    public let required: Int
    /// The input rows, once posted and checked.
    public internal(set) var input: [[ElGamalCiphertext<Group>]]?
    /// The latest list: the input, then each shuffle's output.
    public internal(set) var latest: [[ElGamalCiphertext<Group>]]?
    /// The participants that shuffled, in chain order.
    public internal(set) var mixers: [Int] = []
    /// The decryption shares of the last list, by participant.
    public internal(set) var shares: [Int: PartialDecryption<Group>] = [:]
    /// The decrypted ballots and their count, once posted and checked.
    public internal(set) var result: MixResultPost?

    /// A chain that is still empty.
    init(width: Int, required: Int) {
        self.width = width
        self.required = required
    }

    /// Whether every shuffle the chain needs is on the board: the last list is final and may be decrypted.
    public var isShuffled: Bool { input != nil && mixers.count == required }

    /// The last list's ciphertexts, row by row: what the trustees decrypt.
    public var flatLatest: [ElGamalCiphertext<Group>] { latest?.flatMap { $0 } ?? [] }

    /// The document name of the shuffle at `position` (from 1).
    public static func mixDocument(position: Int) -> String { "mix-\(position)" }

    /// The document name of a trustee's decryption of the last list.
    public static func shareDocument(participant: Int) -> String { "mix-share-\(participant)" }

    /// The document name of the input rows.
    public static var inputDocument: String { "mix-input" }
}
