import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionLedger {
    /// The positions of the contests that the mix-net counts (ranked and write-in), in manifest order.
    public var mixedContests: [Int] {
        manifest?.contests.indices.filter { !manifest!.contests[$0].isHomomorphicallyTallied } ?? []
    }

    /// The domain that binds the shuffles' commitment key and arguments to this election.
    public var mixDomain: [UInt8] {
        Array("tabella/mix/v1".utf8) + (checker?.rules.extendedBaseHash ?? [])
    }

    /// The domain that binds the decryption proofs of the mixed list to this election.
    public var mixDecryptionDomain: [UInt8] {
        Array("tabella/mix-decryption/v1".utf8) + (checker?.rules.extendedBaseHash ?? [])
    }

    /// The mix-net's input rows: per counted ballot in roll order, the ciphertexts of its mixed contests.
    public var mixInputRows: [[ElGamalCiphertext<Group>]] {
        let contests = mixedContests
        return countedBallots.ballots.map { ballot in
            contests.flatMap { ballot.contests[$0].mixedCiphertexts }
        }
    }

    /// The mix-net's input: by the authority, after closing, exactly the counted ballots' mixed ciphertexts.
    mutating func applyMixInput(_ entry: BoardEntry) throws(ElectionRejection) {
        try require(.closed, .mixInput, signer: entry.signer, by: authority, role: "authority")
        guard var chain = mixChain else {
            throw ElectionRejection(.mixInput, "the election has no ranked or write-in contest to mix")
        }
        guard chain.input == nil else { throw ElectionRejection(.mixInput, "the mix-net's input is already posted") }
        let post = try payload(MixInputPost.self, entry, .mixInput, check: .mixInput)
        let expected = mixInputRows
        guard post.rows == expected.count, post.width == chain.width else {
            throw ElectionRejection(.mixInput, "the input states \(post.rows) rows of \(post.width) ciphertexts; "
                + "the counted ballots give \(expected.count) rows of \(chain.width)")
        }
        let bytes = try takeDocument(post.document, named: MixChain<Group>.inputDocument, from: entry.signer,
                                     check: .mixInput)
        guard bytes == MixRows.encode(expected, in: group) else {
            throw ElectionRejection(.mixInput, "the input rows are not the counted ballots' mixed ciphertexts in "
                + "roll order")
        }
        chain.input = expected
        chain.latest = expected
        mixChain = chain
        passed[.mixInput, default: 0] += expected.count
    }

    /// A shuffle: by a trustee that has not shuffled yet, of the latest list, with an argument that verifies
    /// against the commitment key this ledger derives itself.
    mutating func applyMix(_ entry: BoardEntry) throws(ElectionRejection) {
        let participant = try trustee(entry.signer, .mix)
        try require(.closed, .mix)
        guard var chain = mixChain, let previous = chain.latest else {
            throw ElectionRejection(.shuffle, "a shuffle comes after the mix-net's input")
        }
        let post = try payload(MixPost.self, entry, .mix, check: .shuffle)
        guard post.participant == participant else {
            throw ElectionRejection(.authorisation, "trustee \(participant) posts as participant \(post.participant)")
        }
        guard !chain.mixers.contains(participant) else {
            throw ElectionRejection(.shuffle, "trustee \(participant) already shuffled")
        }
        guard chain.mixers.count < chain.required else {
            throw ElectionRejection(.shuffle, "the chain already has its \(chain.required) shuffles")
        }
        let position = chain.mixers.count + 1
        guard post.position == position, post.rows == previous.count, post.width == chain.width else {
            throw ElectionRejection(.shuffle, "the shuffle states position \(post.position), \(post.rows) rows of "
                + "\(post.width); the chain expects position \(position), \(previous.count) rows of \(chain.width)")
        }
        let bytes = try takeDocument(post.document, named: MixChain<Group>.mixDocument(position: position),
                                     from: entry.signer, check: .shuffle)
        guard (0...bytes.count).contains(post.rowByteCount) else {
            throw ElectionRejection(.shuffle, "the shuffle's row bytes (\(post.rowByteCount)) exceed its document")
        }
        let shuffled: [[ElGamalCiphertext<Group>]]
        do {
            shuffled = try MixRows.decode(Array(bytes[..<post.rowByteCount]), rows: previous.count,
                                          width: chain.width, in: group)
            try MixShuffle.verify(input: previous, output: shuffled, argument: Array(bytes[post.rowByteCount...]),
                                  key: checker!.rules.key, domain: mixDomain)
        } catch {
            throw ElectionRejection(.shuffle, "trustee \(participant)'s shuffle (position \(position)): "
                + error.message)
        }
        chain.latest = shuffled
        chain.mixers.append(participant)
        mixChain = chain
        passed[.shuffle, default: 0] += 1
    }

    /// A trustee's decryption of the last list: once, after the last shuffle, with a valid proof for every
    /// ciphertext.
    mutating func applyMixShare(_ entry: BoardEntry) throws(ElectionRejection) {
        let participant = try trustee(entry.signer, .mixShare)
        try require(.closed, .mixShare)
        guard var chain = mixChain, chain.isShuffled else {
            throw ElectionRejection(.mixDecryption, "the mixed list is decrypted after its last shuffle")
        }
        let post = try payload(MixSharePost.self, entry, .mixShare, check: .mixDecryption)
        guard post.participant == participant else {
            throw ElectionRejection(.authorisation, "trustee \(participant) posts as participant \(post.participant)")
        }
        guard chain.shares[participant] == nil else {
            throw ElectionRejection(.mixDecryption, "trustee \(participant) already decrypted the mixed list")
        }
        let bytes = try takeDocument(post.document, named: MixChain<Group>.shareDocument(participant: participant),
                                     from: entry.signer, check: .mixDecryption)
        let ciphertexts = chain.flatLatest
        let share = try partialDecryption(participant: participant, document: bytes, count: ciphertexts.count,
                                          check: .mixDecryption)
        do {
            try share.verify(verificationShare: ElGamalPublicKey(
                group: group, element: ceremonyKeys!.verificationShares[participant - 1]),
                ciphertexts: ciphertexts, domain: mixDecryptionDomain)
        } catch {
            throw ElectionRejection(.mixDecryption, error.message)
        }
        chain.shares[participant] = share
        mixChain = chain
        passed[.mixDecryption, default: 0] += 1
    }

    /// A partial decryption from a document of `count` values followed by `count` proofs.
    func partialDecryption(participant: Int, document bytes: [UInt8], count: Int, check: ElectionCheck)
        throws(ElectionRejection) -> PartialDecryption<Group>
    {
        let (elementBytes, scalarBytes) = (group.elementByteCount, group.scalars.byteCount)
        guard bytes.count == count * (elementBytes + 2 * scalarBytes) else {
            throw ElectionRejection(check, "trustee \(participant) sent \(bytes.count) bytes of values and proofs for "
                + "\(count) ciphertexts")
        }
        let values = (0..<count).map { Array(bytes[$0 * elementBytes..<($0 + 1) * elementBytes]) }
        let proofStart = count * elementBytes
        let proofs = (0..<count).map { offset in
            let start = proofStart + offset * 2 * scalarBytes
            return Array(bytes[start..<start + 2 * scalarBytes])
        }
        return try decodePartialDecryption(participant: participant, values: values, proofs: proofs, count: count,
                                           check: check)
    }

    /// The result of the mix-net: by the authority, from exactly `threshold` posted shares of the last list;
    /// every decrypted ballot and each mixed contest's count must be what the shares give.
    mutating func applyMixResult(_ entry: BoardEntry) throws(ElectionRejection) {
        try require(.closed, .mixResult, signer: entry.signer, by: authority, role: "authority")
        guard var chain = mixChain, chain.isShuffled, chain.result == nil else {
            throw ElectionRejection(.mixedCount, "the mix-net's result comes once, after the last shuffle")
        }
        let post = try payload(MixResultPost.self, entry, .mixResult, check: .mixedCount)
        let manifest = definition!.manifest
        guard post.trustees.count == manifest.threshold, Set(post.trustees).count == post.trustees.count,
              post.trustees.allSatisfy({ chain.shares[$0] != nil }) else {
            throw ElectionRejection(.mixedCount, "the mix-net's result must combine the shares of "
                + "\(manifest.threshold) distinct trustees that decrypted the list; it names \(post.trustees)")
        }
        let decryption: QuorumDecryption<Group>
        do {
            decryption = try QuorumDecryption(
                group: group, threshold: manifest.threshold, verificationShares: ceremonyKeys!.verificationShares,
                ciphertexts: chain.flatLatest, partials: post.trustees.map { chain.shares[$0]! },
                domain: mixDecryptionDomain)
        } catch {
            throw ElectionRejection(.mixedCount, error.message)
        }
        let expected: MixResultPost
        do { expected = try mixResult(plaintexts: decryption.plaintexts, trustees: post.trustees) } catch {
            throw ElectionRejection(.mixedCount, error.message)
        }
        guard post == expected else {
            throw ElectionRejection(.mixedCount, post.firstDifference(from: expected))
        }
        chain.result = post
        mixChain = chain
        passed[.mixedCount, default: 0] += post.contests.count
    }

    /// The mix-net's result that the decrypted last list gives (`plaintexts`, row by row), combined from the
    /// shares of `trustees`.
    ///
    /// - Throws: ``ElectionError`` when a mixed contest cannot be counted.
    public func mixResult(plaintexts: [Group.Element], trustees: [Int]) throws(ElectionError) -> MixResultPost {
        guard let manifest, let chain = mixChain, let checker else {
            throw ElectionError(.missing, "the election has no mix-net")
        }
        return try MixedCount.compute(plaintexts: plaintexts, width: chain.width,
                                      contests: mixedContests.map { manifest.contests[$0] }, key: checker.rules.key,
                                      tieBreakSeed: checker.rules.extendedBaseHash, trustees: trustees)
    }
}
