import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaRecord

extension ElectionLedger {
    /// The tally: by the authority after closing, equal to the weighted product of the counted ballots.
    mutating func applyTally(_ entry: BoardEntry) throws(ElectionRejection) {
        try require(.closed, .tally, signer: entry.signer, by: authority, role: "authority")
        let post = try payload(TallyPost.self, entry, .tally, check: .aggregation)
        let (ballots, ballotWeights) = countedBallots
        let contests = definition!.manifest.contests
        do {
            try definition!.manifest.requireHomomorphicTally()
        } catch {
            throw ElectionRejection(.aggregation, error.message)
        }
        let expected = WeightedTally.compute(ballots: ballots, weights: ballotWeights,
                                             optionCounts: contests.map(\.options.count), in: group)
        guard post.counted == ballots.count else {
            throw ElectionRejection(.aggregation, "the tally counts \(post.counted) ballots; \(ballots.count) "
                + "credentials cast one")
        }
        let turnout = ballotWeights.reduce(0, &+)
        guard post.turnoutWeight == turnout else {
            throw ElectionRejection(.aggregation, "the tally's turnout weight is \(post.turnoutWeight), the counted "
                + "ballots weigh \(turnout)")
        }
        guard post.ciphertexts.map(\.count) == contests.map(\.options.count) else {
            throw ElectionRejection(.aggregation, "the tally does not have one ciphertext per option")
        }
        for (contest, (posted, computed)) in zip(post.ciphertexts, expected).enumerated() {
            for (option, (bytes, ciphertext)) in zip(posted, computed).enumerated()
            where Array(bytes) != group.encode(ciphertext.alpha) + group.encode(ciphertext.beta) {
                throw ElectionRejection(.aggregation, "contest \"\(contests[contest].id)\", option \(option + 1): "
                    + "the tally's ciphertext is not the weighted product of the counted ballots")
            }
        }
        tally = expected
        turnoutWeight = turnout
        phase = .tallied
        passed[.aggregation, default: 0] += expected.joined().count
    }

    /// A trustee's decryption share: once, with a valid proof for every tally ciphertext.
    mutating func applyShare(_ entry: BoardEntry) throws(ElectionRejection) {
        let participant = try trustee(entry.signer, .decryptionShare)
        try require(.tallied, .decryptionShare)
        let post = try payload(DecryptionSharePost.self, entry, .decryptionShare, check: .decryption)
        guard post.participant == participant else {
            throw ElectionRejection(.authorisation, "trustee \(participant) posts as participant \(post.participant)")
        }
        guard shares[participant] == nil else {
            throw ElectionRejection(.decryption, "trustee \(participant) already posted its decryption share")
        }
        let share = try decodeShare(post)
        let ciphertexts = flatTally
        do {
            try share.verify(verificationShare: ElGamalPublicKey(
                group: group, element: ceremonyKeys!.verificationShares[participant - 1]),
                ciphertexts: ciphertexts, domain: decryptionDomain)
        } catch {
            throw ElectionRejection(.decryption, error.message)
        }
        shares[participant] = share
        passed[.decryption, default: 0] += 1
    }

    private func decodeShare(_ post: DecryptionSharePost) throws(ElectionRejection) -> PartialDecryption<Group> {
        let count = flatTally.count
        let scalarBytes = group.scalars.byteCount
        guard post.values.count == count, post.proofs.count == count else {
            throw ElectionRejection(.decryption, "trustee \(post.participant) sent \(post.values.count) values and "
                + "\(post.proofs.count) proofs for \(count) tally ciphertexts")
        }
        var values = [Group.Element]()
        var proofs = [ChaumPedersenProof<Group>]()
        for offset in 0..<count {
            let proof = Array(post.proofs[offset])
            guard let value = try? group.decode(Array(post.values[offset])), proof.count == 2 * scalarBytes,
                  let challenge = try? group.scalars.decode(proof[..<scalarBytes]),
                  let response = try? group.scalars.decode(proof[scalarBytes...]) else {
                throw ElectionRejection(.decryption, "trustee \(post.participant), tally ciphertext \(offset + 1): the "
                    + "value or proof is not a valid \(group.name) encoding")
            }
            values.append(value)
            proofs.append(ChaumPedersenProof(challenge: challenge, response: response))
        }
        return PartialDecryption(trustee: post.participant, values: values, proofs: proofs)
    }

    /// The result: by the authority, combining exactly `threshold` posted shares; each count must match the
    /// combined decryption and each decision must follow from the counts and the contest's rule.
    mutating func applyResult(_ entry: BoardEntry, index: UInt64?) throws(ElectionRejection) {
        try require(.tallied, .result, signer: entry.signer, by: authority, role: "authority")
        let post = try payload(ResultPost.self, entry, .result, check: .result)
        let manifest = definition!.manifest
        guard post.trustees.count == manifest.threshold, Set(post.trustees).count == post.trustees.count,
              post.trustees.allSatisfy({ shares[$0] != nil }) else {
            throw ElectionRejection(.result, "the result must combine the shares of \(manifest.threshold) distinct "
                + "trustees that posted one; it names \(post.trustees)")
        }
        let decryption: QuorumDecryption<Group>
        do {
            decryption = try QuorumDecryption(
                group: group, threshold: manifest.threshold, verificationShares: ceremonyKeys!.verificationShares,
                ciphertexts: flatTally, partials: post.trustees.map { shares[$0]! }, domain: decryptionDomain)
        } catch {
            throw ElectionRejection(.result, error.message)
        }
        guard post.counts.map(\.count) == manifest.contests.map(\.options.count) else {
            throw ElectionRejection(.result, "the result does not have one count per option")
        }
        let key = checker!.rules.key
        for (offset, (count, plaintext)) in zip(post.counts.joined(), decryption.plaintexts).enumerated()
        where group.power(key.table, public: group.scalars.scalar(count)) != plaintext {
            throw ElectionRejection(.result, "tally ciphertext \(offset + 1): the count \(count) is not what the "
                + "trustees' shares decrypt")
        }
        guard post.decisions.count == manifest.contests.count else {
            throw ElectionRejection(.result, "the result does not have one decision per contest")
        }
        for (contest, (counts, decision)) in zip(manifest.contests, zip(post.counts, post.decisions)) {
            let expected: ContestDecision
            do {
                expected = try ContestDecision(contest: contest, votes: counts, turnoutWeight: turnoutWeight,
                                               eligibleWeight: eligibleWeight)
            } catch {
                throw ElectionRejection(.result, error.message)
            }
            guard decision == expected else {
                throw ElectionRejection(.result, "contest \"\(contest.id)\": the decision is not the one its rule "
                    + "gives for these counts (\(expected.outcome.rawValue), elected \(expected.elected))")
            }
        }
        result = post
        if let index { resultEntry = (index, MerkleHash.leaf(entry.encoded)) }
        phase = .decided
        passed[.result, default: 0] += manifest.contests.count
    }

    /// Places the result entry at its log index (the board learns it after appending).
    public mutating func placeResult(_ entry: BoardEntry, index: UInt64) {
        resultEntry = (index, MerkleHash.leaf(entry.encoded))
    }

    /// A signature on the decision note: by the authority or a trustee, once each, on a note that states this
    /// result and this result entry, and the same note as every earlier signature.
    mutating func applyDecisionSignature(_ entry: BoardEntry) throws(ElectionRejection) {
        guard phase == .decided, let result, let resultEntry else {
            throw ElectionRejection(.authorisation, "a decision signature is accepted only after the result")
        }
        let post = try payload(DecisionSignaturePost.self, entry, .decisionSignature, check: .decisionSignatures)
        let keyName: String
        if entry.signer == authority {
            keyName = DecisionNote.authorityKeyName(election: election)
        } else {
            keyName = DecisionNote.trusteeKeyName(election: election,
                                                  participant: try trustee(entry.signer, .decisionSignature))
        }
        guard decisionSignatures[entry.signer] == nil else {
            throw ElectionRejection(.decisionSignatures, "\(keyName) already signed the decision")
        }
        let note = try DecisionNote(text: post.note)
        if let decisionNote {
            guard note == decisionNote else {
                throw ElectionRejection(.decisionSignatures, "\(keyName) signs a decision note that differs from "
                    + "the one already signed")
            }
        } else {
            guard note.election == election, note.resultIndex == resultEntry.index,
                  note.resultLeafHash == resultEntry.leafHash, note.logSize == resultEntry.index + 1,
                  note.decisions == result.decisions else {
                throw ElectionRejection(.decisionSignatures, "the decision note does not state this election's "
                    + "result entry and decisions")
            }
        }
        let signature: NoteSignature
        do { signature = try NoteSignature(line: Substring(post.signature)) } catch {
            throw ElectionRejection(.decisionSignatures, "\(keyName)'s signature line: \(error.message)")
        }
        let verifier = Ed25519NoteVerifier(name: keyName, publicKey: entry.signer)
        guard signature.keyName == keyName, signature.keyID == verifier.keyID,
              verifier.isValid(signature.signature, for: post.note) else {
            throw ElectionRejection(.decisionSignatures, "\(keyName)'s signature on the decision note does not verify")
        }
        decisionNote = note
        decisionSignatures[entry.signer] = signature
        passed[.decisionSignatures, default: 0] += 1
    }

    /// The decision note with every signature posted so far, as a c2sp.org/signed-note.
    public var signedDecision: SignedNote? {
        guard let decisionNote else { return nil }
        let ordered = ([authority].compactMap { $0 } + trusteeKeys).compactMap { decisionSignatures[$0] }
        return SignedNote(text: decisionNote.text, signatures: ordered)
    }
}
