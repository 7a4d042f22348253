import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The state of a native election, built by applying its board entries in order, each after its checks.
///
/// This is the one place where the checks of every entry type live: the board runs ``apply(_:index:checked:)``
/// before it appends an entry, the voter client and the trustees run it over the board to learn the election's
/// state, and the verifier runs it over the whole board. A rejected entry leaves the state unchanged.
public struct ElectionLedger<Suite: CocktailCiphersuite>: Sendable {
    /// The election's group.
    public typealias Group = Suite.Group

    /// Where the election is in its lifecycle.
    public enum Phase: String, Sendable {
        /// Waiting for the definition, the board's first entry.
        case definition
        /// Roll and key ceremony.
        case setup
        /// Voting is open.
        case voting
        /// Voting is closed; the tally is next.
        case closed
        /// The tally is on the board; decryption shares and the result are next.
        case tallied
        /// The result is on the board; decision signatures follow.
        case decided
    }

    /// The ciphersuite of the election's group.
    public let suite: Suite
    /// The election's identifier.
    public let election: String
    /// The current phase.
    public internal(set) var phase = Phase.definition
    /// The definition, once applied.
    public internal(set) var definition: ElectionDefinition?
    /// The definition entry's payload: the manifest bytes hashed into H_B.
    var definitionPayload: [UInt8] = []
    /// The authority's key.
    var authority: Ed25519.PublicKey?
    /// The trustees' board keys, in participant order.
    public internal(set) var trusteeKeys: [Ed25519.PublicKey] = []
    /// The key ceremony's setup.
    public internal(set) var ceremonySetup: CeremonySetup<Suite>?
    /// The roll chunks' payloads, in order.
    var rollPayloads: [[UInt8]] = []
    /// The voters, in roll order.
    public internal(set) var voters: [VoterRoll.Voter] = []
    /// Each credential's position in the roll.
    var voterIndex: [[UInt8]: Int] = [:]
    /// Each voter's weight, once the roll is complete.
    public internal(set) var weights: [UInt64] = []
    /// The round-1 messages by participant.
    var round1: [Int: Round1Message<Suite>] = [:]
    /// The transcript signatures by participant.
    var certifications: [Int: SchnorrSignature<Suite>] = [:]
    /// The ceremony's public keys, once every signature is in.
    public internal(set) var ceremonyKeys: CeremonyPublicKeys<Suite>?
    /// The ballot checks, once voting opens.
    public internal(set) var checker: BallotChecker<Group>?
    /// The α encodings of every ballot and challenge cast so far.
    var fingerprints: Set<[UInt8]> = []
    /// The number of ballot entries accepted.
    public internal(set) var ballotCount = 0
    /// The number of challenges accepted.
    public internal(set) var challengeCount = 0
    /// The last ballot of each voter (by roll position), with its entry index.
    public internal(set) var counted: [Int: (index: UInt64, ballot: EncryptedBallot<Group>)] = [:]
    /// The mix-net, for an election with ranked or write-in contests, once voting opens.
    public internal(set) var mixChain: MixChain<Group>?
    /// The document parts each signer has posted and not yet used.
    var pendingDocuments: [Ed25519.PublicKey: PendingDocument] = [:]
    /// The tally, once posted and checked.
    public internal(set) var tally: [[ElGamalCiphertext<Group>]]?
    /// The tally's turnout weight.
    public internal(set) var turnoutWeight: UInt64 = 0
    /// The decryption shares by participant.
    public internal(set) var shares: [Int: PartialDecryption<Group>] = [:]
    /// The result, once posted and checked.
    public internal(set) var result: ResultPost?
    /// The result entry's index and leaf hash.
    public internal(set) var resultEntry: (index: UInt64, leafHash: [UInt8])?
    /// The decision note every signature signs, fixed by the first one.
    public internal(set) var decisionNote: DecisionNote?
    /// The decision note's signatures, by signer.
    public internal(set) var decisionSignatures: [Ed25519.PublicKey: NoteSignature] = [:]
    /// The monitor's key, when the definition declares one.
    public internal(set) var monitorKey: Ed25519.PublicKey?
    /// The monitor's alerts, in board order, with their entry indices.
    public internal(set) var monitorAlerts: [(index: UInt64, post: MonitorAlertPost)] = []
    /// The number of entries applied: the log position of the next one on a board that logs only what it admits.
    var entriesApplied: UInt64 = 0
    /// How many objects each check has passed.
    public internal(set) var passed: [ElectionCheck: Int] = [:]

    /// An empty ledger for `election` in `suite`'s group.
    public init(suite: Suite, election: String) {
        self.suite = suite
        self.election = election
    }

    /// The group.
    public var group: Group { suite.group }

    /// The manifest, once the definition is applied.
    public var manifest: ElectionManifest? { definition?.manifest }

    /// The roll's total weight.
    public var eligibleWeight: UInt64 { weights.reduce(0, &+) }

    /// The domain that binds the tally's decryption proofs to this election.
    public var decryptionDomain: [UInt8] {
        Array("tabella/tally-decryption/v1".utf8) + (checker?.rules.extendedBaseHash ?? [])
    }

    /// The tally's ciphertexts in decryption order: contests in order, options in order.
    public var flatTally: [ElGamalCiphertext<Group>] { tally?.flatMap { $0 } ?? [] }

    /// Checks `entry` and applies it.
    ///
    /// - Parameters:
    ///   - index: the entry's index in the log, when known (the verifier); the board passes `nil` and reports the
    ///     index later with ``place(_:index:)``.
    ///   - checked: the result of ``BallotChecker/check(_:)`` for a ballot or challenge checked beforehand.
    /// - Throws: ``ElectionRejection`` naming the check and the problem; the ledger is then unchanged.
    public mutating func apply(_ entry: BoardEntry, index: UInt64?, checked: CheckedBallot<Group>? = nil)
        throws(ElectionRejection)
    {
        guard entry.election == election else {
            throw ElectionRejection(.authorisation, "the entry is for election `\(entry.election)`, not `\(election)`")
        }
        guard let type = ElectionEntryType(rawValue: entry.type) else {
            throw ElectionRejection(.authorisation, "`\(entry.type)` is not an entry type of a Tabella election")
        }
        switch type {
        case .definition: try applyDefinition(entry)
        case .roll: try applyRoll(entry)
        case .ceremonyRound1: try applyRound1(entry)
        case .ceremonyCertification: try applyCertification(entry)
        case .open: try applyOpen(entry)
        case .ballot, .challenge:
            let checkedBallot = try checkedBallot(entry, checked)
            try record(checkedBallot)
            if let index { place(checkedBallot, index: index) }
        case .close: try applyClose(entry)
        case .part: try applyPart(entry)
        case .mixInput: try applyMixInput(entry)
        case .mix: try applyMix(entry)
        case .mixShare: try applyMixShare(entry)
        case .mixResult: try applyMixResult(entry)
        case .tally: try applyTally(entry)
        case .decryptionShare: try applyShare(entry)
        case .result: try applyResult(entry, index: index)
        case .decisionSignature: try applyDecisionSignature(entry)
        case .monitorAlert: try applyMonitorAlert(entry, index: index ?? entriesApplied)
        }
        passed[.authorisation, default: 0] += 1
        entriesApplied += 1
    }

    /// Requires the phase of an entry.
    func require(_ phase: Phase, _ type: ElectionEntryType) throws(ElectionRejection) {
        guard self.phase == phase else {
            throw ElectionRejection(.authorisation, "a \(type.rawValue) entry is not accepted in the \(self.phase) "
                + "phase (only in \(phase))")
        }
    }

    /// Requires the phase and the signer of an entry.
    func require(_ phase: Phase, _ type: ElectionEntryType, signer: Ed25519.PublicKey, by allowed: Ed25519.PublicKey?,
                 role: String) throws(ElectionRejection) {
        try require(phase, type)
        guard let allowed, signer == allowed else {
            throw ElectionRejection(.authorisation, "the \(type.rawValue) entry is not signed by the \(role)")
        }
    }

    /// The participant index of a trustee's board key.
    func trustee(_ signer: Ed25519.PublicKey, _ type: ElectionEntryType) throws(ElectionRejection) -> Int {
        guard let offset = trusteeKeys.firstIndex(of: signer) else {
            throw ElectionRejection(.authorisation, "the \(type.rawValue) entry is not signed by a trustee")
        }
        return offset + 1
    }

    /// Decodes a payload, as a rejection under `check`.
    func payload<Payload: Decodable>(_ payloadType: Payload.Type, _ entry: BoardEntry, _ type: ElectionEntryType,
                                     check: ElectionCheck) throws(ElectionRejection) -> Payload {
        do { return try PayloadCoding.decode(payloadType, from: entry.payload, type: type) } catch {
            throw ElectionRejection(check, error.message)
        }
    }
}
