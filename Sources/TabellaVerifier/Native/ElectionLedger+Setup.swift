import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionLedger {
    /// The definition: first, signed by the authority it names, for this election and group, valid.
    mutating func applyDefinition(_ entry: BoardEntry) throws(ElectionRejection) {
        guard phase == .definition else {
            throw ElectionRejection(.authorisation, "the election already has a definition")
        }
        let definition = try payload(ElectionDefinition.self, entry, .definition, check: .setup)
        do { try definition.validate() } catch { throw ElectionRejection(.setup, error.message) }
        guard definition.manifest.electionID == election else {
            throw ElectionRejection(.setup, "the definition is for election `\(definition.manifest.electionID)`")
        }
        guard definition.manifest.group == ElectionGroup.name(of: suite) else {
            throw ElectionRejection(.setup, "the definition's group `\(definition.manifest.group)` is not this "
                + "ledger's `\(ElectionGroup.name(of: suite))`")
        }
        let authority: Ed25519.PublicKey
        let trustees: [Ed25519.PublicKey]
        let monitor: Ed25519.PublicKey?
        do {
            (authority, trustees, monitor) = (try definition.authorityKey(), try definition.trusteeBoardKeys(),
                                              try definition.monitorKey())
        } catch {
            throw ElectionRejection(.setup, error.message)
        }
        guard entry.signer == authority else {
            throw ElectionRejection(.authorisation, "the definition is not signed by the authority it names")
        }
        var keys = [Group.Element]()
        for (offset, trustee) in definition.trustees.enumerated() {
            guard let bytes = Hex.decode(trustee.ceremonyKey), let key = try? group.decode(bytes) else {
                throw ElectionRejection(.setup, "the ceremony key of trustee \(offset + 1) is not a "
                    + "\(group.name) element")
            }
            keys.append(key)
        }
        do {
            ceremonySetup = try CeremonySetup(suite: suite, threshold: definition.manifest.threshold, publicKeys: keys,
                                              sessionID: Hex.decode(definition.ceremonySession) ?? [])
        } catch {
            throw ElectionRejection(.setup, "the key ceremony's setup: \(error.message)")
        }
        self.definition = definition
        definitionPayload = entry.payload
        self.authority = authority
        trusteeKeys = trustees
        monitorKey = monitor
        phase = .setup
        passed[.setup, default: 0] += 1
    }

    /// A roll chunk: next in order, by the authority, valid, no credential twice; the last one completes the roll.
    mutating func applyRoll(_ entry: BoardEntry) throws(ElectionRejection) {
        try require(.setup, .roll, signer: entry.signer, by: authority, role: "authority")
        guard let summary = definition?.roll, rollPayloads.count < summary.chunks else {
            throw ElectionRejection(.setup, "the roll already has all its chunks")
        }
        let chunk = try payload(RollChunk.self, entry, .roll, check: .setup)
        guard chunk.chunk == rollPayloads.count + 1 else {
            throw ElectionRejection(.setup, "roll chunk \(chunk.chunk) arrives where chunk \(rollPayloads.count + 1) "
                + "is expected")
        }
        do { try VoterRoll(voters: chunk.voters).validate() } catch {
            throw ElectionRejection(.setup, "roll chunk \(chunk.chunk): \(error.message)")
        }
        var added = voterIndex
        for (offset, voter) in chunk.voters.enumerated() {
            guard added.updateValue(voters.count + offset, forKey: voter.credential) == nil else {
                throw ElectionRejection(.setup, "roll chunk \(chunk.chunk), voter \(offset): the credential is "
                    + "already on the roll")
            }
        }
        let allVoters = voters + chunk.voters
        let payloads = rollPayloads + [entry.payload]
        if payloads.count == summary.chunks {
            guard allVoters.count == summary.voters else {
                throw ElectionRejection(.setup, "the roll has \(allVoters.count) voters, its summary \(summary.voters)")
            }
            guard Hex.encode(Digest.sha256.hash(payloads.flatMap { $0 })) == summary.digest.lowercased() else {
                throw ElectionRejection(.setup, "the roll chunks do not hash to the summary's digest")
            }
            let function = definition!.manifest.weightFunction
            do { weights = try VoterRoll(voters: allVoters).weights(using: function) } catch {
                throw ElectionRejection(.setup, error.message)
            }
        }
        voters = allVoters
        voterIndex = added
        rollPayloads = payloads
        passed[.setup, default: 0] += 1
    }

    /// Whether every roll chunk is in.
    public var rollIsComplete: Bool { definition.map { rollPayloads.count == $0.roll.chunks } ?? false }

    /// A trustee's round-1 message: once per trustee, well formed for this ceremony.
    mutating func applyRound1(_ entry: BoardEntry) throws(ElectionRejection) {
        let post = try ceremonyPost(entry, .ceremonyRound1)
        guard round1[post.participant] == nil else {
            throw ElectionRejection(.ceremony, "trustee \(post.participant) already posted its round-1 message")
        }
        do {
            round1[post.participant] = try Round1Message(bytes: Array(post.message), setup: ceremonySetup!,
                                                        sender: post.participant)
        } catch {
            throw ElectionRejection(.ceremony, error.message)
        }
        passed[.ceremony, default: 0] += 1
    }

    /// A trustee's transcript signature, after every round-1 message; the last one completes the ceremony, which
    /// is then audited (proofs of possession and every signature on the transcript).
    mutating func applyCertification(_ entry: BoardEntry) throws(ElectionRejection) {
        let post = try ceremonyPost(entry, .ceremonyCertification)
        let setup = ceremonySetup!
        guard round1.count == setup.participantCount else {
            throw ElectionRejection(.ceremony, "a transcript signature arrives before every round-1 message")
        }
        guard certifications[post.participant] == nil else {
            throw ElectionRejection(.ceremony, "trustee \(post.participant) already signed the transcript")
        }
        var signatures = certifications
        do {
            signatures[post.participant] = try SchnorrSignature(
                bytes: Array(post.message), suite: suite,
                what: "the transcript signature of participant \(post.participant)", participant: post.participant)
        } catch {
            throw ElectionRejection(.ceremony, error.message)
        }
        if signatures.count == setup.participantCount {
            let ids = 1...setup.participantCount
            do {
                ceremonyKeys = try setup.audit(messages: ids.map { round1[$0]! },
                                               signatures: ids.map { signatures[$0]! })
            } catch {
                throw ElectionRejection(.ceremony, error.message)
            }
        }
        certifications = signatures
        passed[.ceremony, default: 0] += 1
    }

    private func ceremonyPost(_ entry: BoardEntry, _ type: ElectionEntryType) throws(ElectionRejection)
        -> CeremonyPost
    {
        let participant = try trustee(entry.signer, type)
        try require(.setup, type)
        let post = try payload(CeremonyPost.self, entry, type, check: .ceremony)
        guard post.participant == participant else {
            throw ElectionRejection(.authorisation, "trustee \(participant) posts as participant \(post.participant)")
        }
        return post
    }

    /// The opening: by the authority, after the roll and the ceremony, with the ceremony's joint key and the
    /// election's extended base hash.
    mutating func applyOpen(_ entry: BoardEntry) throws(ElectionRejection) {
        try require(.setup, .open, signer: entry.signer, by: authority, role: "authority")
        guard rollIsComplete else { throw ElectionRejection(.setup, "voting opens before the roll is complete") }
        guard let keys = ceremonyKeys else {
            throw ElectionRejection(.ceremony, "voting opens before the key ceremony is complete")
        }
        let notice = try payload(OpenNotice.self, entry, .open, check: .ceremony)
        guard notice.jointKey.lowercased() == Hex.encode(group.encode(keys.groupKey)) else {
            throw ElectionRejection(.ceremony, "the opening's joint key is not the ceremony's group key")
        }
        let rules = Self.rules(group: group, definitionPayload: definitionPayload, manifest: definition!.manifest,
                               jointKey: keys.groupKey)
        guard notice.extendedBaseHash.lowercased() == Hex.encode(rules.extendedBaseHash) else {
            throw ElectionRejection(.ceremony, "the opening's extended base hash is not the election's")
        }
        checker = BallotChecker(election: election, rules: rules, contests: definition!.manifest.contests,
                                voters: voterIndex)
        let mixed = mixedContests.map { definition!.manifest.contests[$0] }
        if !mixed.isEmpty {
            mixChain = MixChain(width: mixed.map { MixedBallot.width(of: $0, in: group) }.reduce(0, +),
                                required: definition!.manifest.shuffleCount)
        }
        phase = .voting
        passed[.ceremony, default: 0] += 1
    }

    /// The ballot rules of an election: `H_E` from its parameters, its definition's bytes and its joint key.
    public static func rules(group: Group, definitionPayload: [UInt8], manifest: ElectionManifest,
                             jointKey: Group.Element) -> ElectionGuard21<Group> {
        let parameters = ElectionGuard21<Group>.parameterBaseHash(group: group, guardians: manifest.trustees,
                                                                  quorum: manifest.threshold)
        let base = ElectionGuard21<Group>.baseHash(parameterBaseHash: parameters, manifest: definitionPayload)
        let extended = ElectionGuard21<Group>.extendedBaseHash(baseHash: base, voteKey: jointKey, dataKey: jointKey,
                                                               in: group)
        return ElectionGuard21(key: ElGamalPublicKey(group: group, element: jointKey), extendedBaseHash: extended)
    }
}

extension ElectionGroup {
    /// The manifest's name of a ciphersuite's group.
    public static func name<Suite: CocktailCiphersuite>(of suite: Suite) -> String {
        switch suite {
        case is CocktailP256: ElectionGroup.p256.rawValue
        case is CocktailRistretto255: ElectionGroup.ristretto255.rawValue
        default: ElectionGroup.integer4096.rawValue
        }
    }
}
