import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

extension ElectionTrustee {
    /// The trustee's shuffle of the latest list: re-encrypted and permuted with secret randomness, with its
    /// Bayer-Groth argument; the parts of the document, then the mix entry.
    ///
    /// - Parameter progress: hears the fraction of the work done, from 0 to 1.
    public func mix(_ view: ElectionView<Suite>, progress: (@Sendable (Double) -> Void)? = nil) throws
        -> [BoardEntry]
    {
        let ledger = view.ledger
        guard ledger.phase == .closed, let chain = ledger.mixChain, let latest = chain.latest,
              chain.mixers.count < chain.required, let checker = ledger.checker else {
            throw ElectionProcessError(.notReady, "a shuffle needs the mix-net's input and a chain that still "
                + "needs shuffles")
        }
        guard !chain.mixers.contains(participant) else {
            throw ElectionProcessError(.notReady, "trustee \(participant) already shuffled")
        }
        let group = suite.group
        let (shuffled, argument) = try MixShuffle.shuffle(latest, key: checker.rules.key, domain: ledger.mixDomain,
                                                          progress: progress)
        let rows = MixRows.encode(shuffled, in: group)
        let position = chain.mixers.count + 1
        let document = MixChain<Suite.Group>.mixDocument(position: position)
        let post = MixPost(participant: participant, position: position, rows: shuffled.count, width: chain.width,
                           rowByteCount: rows.count, document: DocumentSummary(document: document,
                                                                               bytes: rows + argument))
        return try entries(DocumentPart.split(rows + argument, document: document), closedBy: .mix, post)
    }

    /// The trustee's partial decryption of the last mixed list, with proofs, computed on the constant-time path;
    /// the parts of the document, then the share entry.
    public func mixShare(_ view: ElectionView<Suite>, secretShare: Scalar,
                         progress: ((Int) -> Void)? = nil) throws -> [BoardEntry] {
        let ledger = view.ledger
        guard let chain = ledger.mixChain, chain.isShuffled else {
            throw ElectionProcessError(.notReady, "the mixed list is decrypted after its last shuffle")
        }
        let group = suite.group
        let share = PartialDecryption(group: group, trustee: participant, secretShare: secretShare,
                                      ciphertexts: chain.flatLatest, domain: ledger.mixDecryptionDomain,
                                      progress: progress)
        let bytes = group.encodeAll(share.values)
            + share.proofs.flatMap { group.scalars.encode($0.challenge) + group.scalars.encode($0.response) }
        let document = MixChain<Suite.Group>.shareDocument(participant: participant)
        return try entries(DocumentPart.split(bytes, document: document), closedBy: .mixShare,
                           MixSharePost(participant: participant, document: DocumentSummary(document: document,
                                                                                            bytes: bytes)))
    }

    private func entries(_ parts: [DocumentPart], closedBy type: ElectionEntryType, _ post: some Encodable) throws
        -> [BoardEntry]
    {
        try (parts.map { (ElectionEntryType.part, PayloadCoding.encode($0)) } + [(type, PayloadCoding.encode(post))])
            .map { type, payload in
                try BoardEntry(type: type.rawValue, election: election, payload: payload, signedBy: boardKey)
            }
    }
}
