import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// The election authority's steps: define the election, open, close, tally, publish the result and sign the
/// decision. Each step reads the authority's ``ElectionView`` and returns the signed entry to append; the board
/// and every verifier check it with the same ledger.
public struct ElectionAuthority<Suite: CocktailCiphersuite>: Sendable {
    /// The most voters in one roll entry (a roll entry stays well below the board's 64 KiB entry limit).
    public static var votersPerChunk: Int { 250 }

    /// The ciphersuite of the election's group.
    public let suite: Suite
    /// The election.
    public let election: String
    /// The authority's signing key.
    public let key: Ed25519.PrivateKey

    /// The authority of `election`.
    public init(suite: Suite, election: String, key: Ed25519.PrivateKey) {
        self.suite = suite
        self.election = election
        self.key = key
    }

    /// The definition entry and the roll entries, in order; with `monitor`, the definition declares the key that
    /// signs the monitor's alerts.
    ///
    /// - Throws: ``ElectionError`` when the manifest, the roll or the trustees are not valid.
    public func setupEntries(manifest: ElectionManifest, voters: [VoterRoll.Voter],
                             trustees: [ElectionDefinition.Trustee], session: [UInt8],
                             monitor: Ed25519.PublicKey? = nil) throws -> [BoardEntry] {
        try VoterRoll(voters: voters).validate()
        let size = Self.votersPerChunk
        let chunks = stride(from: 0, to: voters.count, by: size).enumerated().map { number, start in
            let part = Array(voters[start..<min(voters.count, start + size)])
            return PayloadCoding.encode(RollChunk(chunk: number + 1, voters: part))
        }
        let definition = ElectionDefinition(
            manifest: manifest, authority: Hex.encode(key.publicKey.bytes), trustees: trustees,
            roll: .init(voters: voters.count, chunks: chunks.count,
                        digest: Hex.encode(Digest.sha256.hash(chunks.flatMap { $0 }))),
            ceremonySession: Hex.encode(session), monitor: monitor.map { Hex.encode($0.bytes) })
        try definition.validate()
        return try [entry(.definition, PayloadCoding.encode(definition))] + chunks.map { try entry(.roll, $0) }
    }

    /// The opening, once the roll and the ceremony are complete.
    public func open(_ view: ElectionView<Suite>) throws -> BoardEntry {
        let ledger = view.ledger
        guard ledger.phase == .setup, ledger.rollIsComplete, let keys = ledger.ceremonyKeys,
              let definition = ledger.definition else {
            throw ElectionProcessError(.notReady, "voting opens after the roll and the key ceremony are complete")
        }
        let rules = ElectionLedger<Suite>.rules(group: suite.group, definitionPayload: try definitionPayload(view),
                                                manifest: definition.manifest, jointKey: keys.groupKey)
        return try entry(.open, PayloadCoding.encode(OpenNotice(
            jointKey: Hex.encode(suite.group.encode(keys.groupKey)),
            extendedBaseHash: Hex.encode(rules.extendedBaseHash))))
    }

    /// The closing, with the number of ballots on the board.
    public func close(_ view: ElectionView<Suite>) throws -> BoardEntry {
        guard view.ledger.phase == .voting else { throw ElectionProcessError(.notReady, "voting is not open") }
        return try entry(.close, PayloadCoding.encode(CloseNotice(ballots: view.ledger.ballotCount)))
    }

    /// The weighted tally of the counted ballots (the last ballot of each credential).
    public func tally(_ view: ElectionView<Suite>) throws -> BoardEntry {
        let ledger = view.ledger
        guard ledger.phase == .closed, ledger.mixChain.map({ $0.result != nil }) ?? true else {
            throw ElectionProcessError(.notReady, "the tally comes after voting closes (and after the mix-net's "
                + "result, in an election with ranked or write-in contests)")
        }
        let (ballots, weights) = ledger.countedBallots
        let group = suite.group
        let tally = WeightedTally.compute(ballots: ballots, weights: weights,
                                          optionCounts: ledger.tallyOptionCounts, in: group)
        return try entry(.tally, PayloadCoding.encode(TallyPost(
            counted: ballots.count, turnoutWeight: weights.reduce(0, &+),
            ciphertexts: tally.map { $0.map { group.encode($0.alpha) + group.encode($0.beta) } })))
    }

    /// The result from the first `threshold` decryption shares on the board: the counts, found in a baby-step
    /// giant-step table bounded by the roll's total weight, and each contest's decision.
    public func result(_ view: ElectionView<Suite>) throws -> BoardEntry {
        let ledger = view.ledger
        guard ledger.phase == .tallied, let manifest = ledger.manifest, let keys = ledger.ceremonyKeys,
              let checker = ledger.checker, ledger.shares.count >= manifest.threshold else {
            throw ElectionProcessError(.notReady, "the result needs the tally and \(ledger.manifest?.threshold ?? 0) "
                + "decryption shares; the board has \(ledger.shares.count)")
        }
        let group = suite.group
        let trustees = Array(ledger.shares.keys.sorted().prefix(manifest.threshold))
        let decryption = try QuorumDecryption(
            group: group, threshold: manifest.threshold, verificationShares: keys.verificationShares,
            ciphertexts: ledger.flatTally, partials: trustees.map { ledger.shares[$0]! },
            domain: ledger.decryptionDomain)
        let table = DiscreteLogTable(group: group, base: checker.rules.key.element, bound: ledger.turnoutWeight)
        var flat = [UInt64]()
        for (offset, plaintext) in decryption.plaintexts.enumerated() {
            guard let count = table.logarithm(of: plaintext) else {
                throw ElectionProcessError(.countOutOfRange, "tally ciphertext \(offset + 1) does not decrypt to a "
                    + "count within the turnout weight \(ledger.turnoutWeight)")
            }
            flat.append(count)
        }
        var counts = [[UInt64]]()
        var offset = 0
        for optionCount in ledger.tallyOptionCounts {
            counts.append(Array(flat[offset..<offset + optionCount]))
            offset += optionCount
        }
        return try entry(.result, PayloadCoding.encode(ResultPost(counts: counts,
                                                                  decisions: ledger.decisions(counts: counts),
                                                                  trustees: trustees)))
    }

    /// The authority's signature on the decision note, which fixes the note the trustees cosign: the result,
    /// bound to the log's root just after the result entry.
    public func decisionSignature(_ view: ElectionView<Suite>) throws -> BoardEntry {
        let ledger = view.ledger
        guard let result = ledger.result, let placed = ledger.resultEntry, let root = view.resultRoot else {
            throw ElectionProcessError(.notReady, "the decision is signed after the result is on the board")
        }
        let note = DecisionNote(election: election, board: view.origin, logSize: placed.index + 1, logRoot: root,
                                resultIndex: placed.index, resultLeafHash: placed.leafHash,
                                decisions: result.decisions)
        let signer = Ed25519NoteSigner(name: DecisionNote.authorityKeyName(election: election), privateKey: key)
        return try DecisionSigning.entry(note: note, signer: signer, election: election, key: key)
    }

    private func definitionPayload(_ view: ElectionView<Suite>) throws -> [UInt8] {
        guard let first = view.entries.first else { throw ElectionProcessError(.notReady, "the board is empty") }
        return first.payload
    }

    func entry(_ type: ElectionEntryType, _ payload: [UInt8]) throws -> BoardEntry {
        try BoardEntry(type: type.rawValue, election: election, payload: payload, signedBy: key)
    }
}

/// The decision-signature entry of a signer: the note, signed as a c2sp.org/signed-note.
enum DecisionSigning {
    static func entry(note: DecisionNote, signer: Ed25519NoteSigner, election: String, key: Ed25519.PrivateKey)
        throws -> BoardEntry
    {
        var signed = SignedNote(text: note.text)
        signed.sign(with: signer)
        let post = DecisionSignaturePost(note: note.text, signature: String(signed.signatures[0].line.dropLast()))
        return try BoardEntry(type: ElectionEntryType.decisionSignature.rawValue, election: election,
                              payload: PayloadCoding.encode(post), signedBy: key)
    }
}
