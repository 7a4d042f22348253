import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// A trustee's steps in an election: the key ceremony over the board, the decryption share of the tally, and
/// the cosignature of the decision after checking the tally itself.
public struct ElectionTrustee<Suite: CocktailCiphersuite>: Sendable {
    /// The ciphersuite.
    public let suite: Suite
    /// The election.
    public let election: String
    /// The trustee's participant index.
    public let participant: Int
    /// The key that signs the trustee's board entries.
    public let boardKey: Ed25519.PrivateKey
    /// The trustee's static key for the ceremony.
    public let staticKey: Scalar

    /// A trustee.
    public init(suite: Suite, election: String, participant: Int, boardKey: Ed25519.PrivateKey, staticKey: Scalar) {
        self.suite = suite
        self.election = election
        self.participant = participant
        self.boardKey = boardKey
        self.staticKey = staticKey
    }

    /// Runs the COCKTAIL-DKG rounds with the board as coordinator, once the definition is on the board.
    ///
    /// - Returns: the trustee's secret share and the ceremony's public keys.
    public func runCeremony(_ view: ElectionView<Suite>, board: any BoardAccess,
                            waiting: CeremonyRunner<Suite>.Waiting) async throws -> CeremonyResult<Suite> {
        guard let setup = view.ledger.ceremonySetup else {
            throw ElectionProcessError(.notReady, "the ceremony starts after the election's definition")
        }
        let participant = try CeremonyParticipant(setup: setup, index: participant, staticKey: staticKey)
        let coordinator = BoardCeremonyCoordinator(board: board, election: election, key: boardKey)
        let runner = CeremonyRunner(participant: participant, coordinator: coordinator)
        return try await runner.run(waiting: waiting)
    }

    /// The trustee's partial decryption of the tally, with proofs, computed on the constant-time path.
    public func decryptionShare(_ view: ElectionView<Suite>, secretShare: Scalar) throws -> BoardEntry {
        let ledger = view.ledger
        guard ledger.phase == .tallied else {
            throw ElectionProcessError(.notReady, "decryption shares come after the tally")
        }
        let group = suite.group
        let share = PartialDecryption(group: group, trustee: participant, secretShare: secretShare,
                                      ciphertexts: ledger.flatTally, domain: ledger.decryptionDomain)
        let post = DecryptionSharePost(
            participant: participant, values: share.values.map(group.encode),
            proofs: share.proofs.map { group.scalars.encode($0.challenge) + group.scalars.encode($0.response) })
        return try BoardEntry(type: ElectionEntryType.decryptionShare.rawValue, election: election,
                              payload: PayloadCoding.encode(post), signedBy: boardKey)
    }

    /// The trustee's cosignature of the decision note that the authority signed. The trustee's own view has
    /// checked every entry (the tally's aggregation, every share, the counts and decisions); the note must state
    /// the root this trustee computed from the entries and the board it read them from.
    public func decisionSignature(_ view: ElectionView<Suite>) throws -> BoardEntry {
        guard let note = view.ledger.decisionNote, let root = view.resultRoot else {
            throw ElectionProcessError(.notReady, "the trustees cosign after the authority signs the decision")
        }
        guard note.logRoot == root, note.board == view.origin else {
            throw ElectionProcessError(.inconsistentBoard, "the decision note states a log root or board that this "
                + "trustee's view of the board does not have")
        }
        let signer = Ed25519NoteSigner(
            name: DecisionNote.trusteeKeyName(election: election, participant: participant), privateKey: boardKey)
        return try DecisionSigning.entry(note: note, signer: signer, election: election, key: boardKey)
    }
}
