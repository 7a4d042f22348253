/// The numbered checks of a native Tabella election, as listed in `Docs/verifier.md`. The board runs the checks of
/// each entry before it appends it; the verifier runs all of them over the whole board.
public enum ElectionCheck: Int, Sendable, CaseIterable, Codable {
    /// The definition and the roll: well formed, complete, matching their summary.
    case setup = 1
    /// The key ceremony: every round-1 message and transcript signature, and the joint key.
    case ceremony = 2
    /// Every entry is signed by a key that may post its type, in the phase it was posted.
    case authorisation = 3
    /// Every ballot: encoding, identifier bound to its credential, range and limit proofs, confirmation code.
    case ballotValidity = 4
    /// No ciphertext is cast twice (copied or replayed ballots); the last ballot of each credential counts.
    case uniqueness = 5
    /// Every challenged (spoiled) ballot decrypts, with its revealed nonce, to the choices it claims.
    case challenges = 6
    /// The tally is the weighted product of the counted ballots.
    case aggregation = 7
    /// Every decryption share's proofs.
    case decryption = 8
    /// The counts match the combined decryption, and each decision follows from the counts and the rules.
    case result = 9
    /// The decision note's signatures: the authority and at least the threshold of trustees.
    case decisionSignatures = 10
    /// The entries hash to the board's signed checkpoint.
    case boardConsistency = 11
    /// The mix-net's input rows are the counted ballots' ranked and write-in ciphertexts.
    case mixInput = 12
    /// Every shuffle's Bayer-Groth argument, against a commitment key derived from the election.
    case shuffle = 13
    /// Every decryption share of the last mixed list, with its proofs.
    case mixDecryption = 14
    /// The decrypted mixed ballots and each ranked or write-in contest's count.
    case mixedCount = 15
    /// Every monitor alert: signed by the definition's monitor key, numbered in order, its fields well formed.
    case monitorAlerts = 16

    /// The check's title.
    public var title: String {
        switch self {
        case .setup: "Definition and voter roll"
        case .ceremony: "Key ceremony and joint key"
        case .authorisation: "Signers and phases"
        case .ballotValidity: "Ballot validity"
        case .uniqueness: "One counted ballot per credential, no copies"
        case .challenges: "Challenged ballots"
        case .aggregation: "Weighted aggregation"
        case .decryption: "Decryption shares"
        case .result: "Counts and decisions"
        case .decisionSignatures: "Decision note signatures"
        case .boardConsistency: "Board consistency"
        case .mixInput: "Mix-net input"
        case .shuffle: "Shuffles"
        case .mixDecryption: "Decryption shares of the mixed ballots"
        case .mixedCount: "Mixed ballots and their count"
        case .monitorAlerts: "Monitor alerts"
        }
    }

    /// What the check counts.
    public var unit: String {
        switch self {
        case .setup: "entries"
        case .ceremony: "trustee messages"
        case .authorisation: "entries"
        case .ballotValidity: "ballots"
        case .uniqueness: "ballots"
        case .challenges: "challenged ballots"
        case .aggregation: "tally ciphertexts"
        case .decryption: "decryption shares"
        case .result: "contests"
        case .decisionSignatures: "signatures"
        case .boardConsistency: "entries"
        case .mixInput: "rows"
        case .shuffle: "shuffles"
        case .mixDecryption: "decryption shares"
        case .mixedCount: "contests"
        case .monitorAlerts: "alerts"
        }
    }
}

/// An entry that fails a check of a native election, with the check and a message naming the field.
public struct ElectionRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The check that failed.
    public let check: ElectionCheck
    /// What is wrong.
    public let message: String

    /// A rejection.
    public init(_ check: ElectionCheck, _ message: String) {
        self.check = check
        self.message = message
    }

    /// `check N (title): message`.
    public var description: String { "check \(check.rawValue) (\(check.title)): \(message)" }
}
