import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

extension ElectionAuthority {
    /// The mix-net's input, after closing: the parts of the rows' document, then the input entry.
    public func mixInput(_ view: ElectionView<Suite>) throws -> [BoardEntry] {
        let ledger = view.ledger
        guard ledger.phase == .closed, let chain = ledger.mixChain, chain.input == nil else {
            throw ElectionProcessError(.notReady, "the mix-net's input is posted once, after closing, in an election "
                + "with ranked or write-in contests")
        }
        let rows = ledger.mixInputRows
        let bytes = MixRows.encode(rows, in: suite.group)
        let document = MixChain<Suite.Group>.inputDocument
        return try DocumentPart.split(bytes, document: document).map { try entry(.part, PayloadCoding.encode($0)) }
            + [entry(.mixInput, PayloadCoding.encode(MixInputPost(
                rows: rows.count, width: chain.width, document: DocumentSummary(document: document, bytes: bytes))))]
    }

    /// The mix-net's result from the first `threshold` decryption shares of the last list: every decrypted
    /// ballot's mixed contests, counted by each contest's method.
    public func mixResult(_ view: ElectionView<Suite>) throws -> BoardEntry {
        let ledger = view.ledger
        guard let manifest = ledger.manifest, let chain = ledger.mixChain, chain.isShuffled, chain.result == nil,
              chain.shares.count >= manifest.threshold, let keys = ledger.ceremonyKeys else {
            throw ElectionProcessError(.notReady, "the mix-net's result needs every shuffle and "
                + "\(ledger.manifest?.threshold ?? 0) decryption shares of the last list")
        }
        let trustees = Array(chain.shares.keys.sorted().prefix(manifest.threshold))
        let decryption = try QuorumDecryption(
            group: suite.group, threshold: manifest.threshold, verificationShares: keys.verificationShares,
            ciphertexts: chain.flatLatest, partials: trustees.map { chain.shares[$0]! },
            domain: ledger.mixDecryptionDomain)
        return try entry(.mixResult, PayloadCoding.encode(ledger.mixResult(plaintexts: decryption.plaintexts,
                                                                           trustees: trustees)))
    }
}
