import Foundation
import FuzzSupport
import TabellaCrypto
import TabellaGroups
import TabellaRecord

/// The targets of `tabella-fuzz-core`. Inputs that select a group or an entry type do so by their first byte.
enum CoreTargets {
    static let all: [FuzzTarget] = [element, ballot, payload, round1, transcript, keyFile, manifest, roll,
                                    electionGuard, shuffle, rowList]

    /// `group.decode`: an accepted element encodes back to the input (one encoding per element).
    static let element = FuzzTarget(name: "element", run: { input in
        guard let (selector, bytes) = split(input) else { return }
        func check<G: PrimeOrderGroup>(_ group: G) {
            guard let element = try? group.decode(bytes) else { return }
            fuzzCheck(group.encode(element) == bytes, "a non-canonical encoding of \(G.self) was accepted")
        }
        switch selector % 3 {
        case 0: check(Ristretto255())
        case 1: check(P256())
        default: check(IntegerGroup.electionGuard)
        }
    }, seeds: {
        func seeds<G: PrimeOrderGroup>(_ group: G, _ selector: UInt8) -> [[UInt8]] {
            [group.generator, group.generatorPower(public: group.scalars.random())]
                .map { [selector] + group.encode($0) }
        }
        return seeds(Ristretto255(), 0) + seeds(P256(), 1) + seeds(IntegerGroup.electionGuard, 2)
    })

    /// `EncryptedBallot(decoding:in:)`: an accepted ballot encodes back to the input.
    static let ballot = FuzzTarget(name: "ballot", run: { input in
        guard let (selector, bytes) = split(input) else { return }
        func check<G: PrimeOrderGroup>(_ group: G) {
            guard let ballot = try? EncryptedBallot(decoding: bytes, in: group) else { return }
            fuzzCheck(ballot.encoded(in: group) == bytes, "a ballot of \(G.self) does not encode back to its input")
        }
        switch selector % 3 {
        case 0: check(Ristretto255())
        case 1: check(P256())
        default: check(IntegerGroup.electionGuard)
        }
    }, seeds: {
        [[0] + Samples.ballot(in: Ristretto255()), [1] + Samples.ballot(in: P256()),
         [2] + Samples.ballot(in: IntegerGroup.electionGuard)]
    })

    /// Every election entry payload: the JSON, and the binary values inside it (ballots, round-1 messages,
    /// ciphertexts, partial decryptions) as the ledger reads them, in ristretto255.
    static let payload = FuzzTarget(name: "payload", run: { input in
        guard let (selector, bytes) = split(input) else { return }
        let types = ElectionEntryType.allCases
        let type = types[Int(selector) % types.count]
        let group = Ristretto255()
        switch type {
        case .definition: _ = try? PayloadCoding.decode(ElectionDefinition.self, from: bytes, type: type)
        case .roll: _ = try? PayloadCoding.decode(RollChunk.self, from: bytes, type: type)
        case .ceremonyRound1, .ceremonyCertification:
            guard let post = try? PayloadCoding.decode(CeremonyPost.self, from: bytes, type: type) else { return }
            _ = try? Round1Message(bytes: Array(post.message), setup: Samples.setup, sender: post.participant)
        case .open: _ = try? PayloadCoding.decode(OpenNotice.self, from: bytes, type: type)
        case .close: _ = try? PayloadCoding.decode(CloseNotice.self, from: bytes, type: type)
        case .ballot:
            guard let post = try? PayloadCoding.decode(BallotPost.self, from: bytes, type: type) else { return }
            _ = try? EncryptedBallot(decoding: Array(post.ballot), in: group)
        case .challenge:
            guard let post = try? PayloadCoding.decode(ChallengePost.self, from: bytes, type: type) else { return }
            _ = try? EncryptedBallot(decoding: Array(post.ballot), in: group)
        case .tally:
            guard let post = try? PayloadCoding.decode(TallyPost.self, from: bytes, type: type) else { return }
            for value in post.ciphertexts.joined() where value.count == 2 * group.elementByteCount {
                _ = try? group.decode(Array(value.prefix(group.elementByteCount)))
                _ = try? group.decode(Array(value.suffix(group.elementByteCount)))
            }
        case .decryptionShare:
            guard let post = try? PayloadCoding.decode(DecryptionSharePost.self, from: bytes, type: type) else {
                return
            }
            for value in post.values { _ = try? group.decode(Array(value)) }
            for proof in post.proofs { _ = try? group.scalars.decode(Array(proof)) }
        case .part: _ = try? PayloadCoding.decode(DocumentPart.self, from: bytes, type: type)
        case .mixInput: _ = try? PayloadCoding.decode(MixInputPost.self, from: bytes, type: type)
        case .mix: _ = try? PayloadCoding.decode(MixPost.self, from: bytes, type: type)
        case .mixShare: _ = try? PayloadCoding.decode(MixSharePost.self, from: bytes, type: type)
        case .mixResult: _ = try? PayloadCoding.decode(MixResultPost.self, from: bytes, type: type)
        case .monitorAlert: _ = try? PayloadCoding.decode(MonitorAlertPost.self, from: bytes, type: type)
        case .result: _ = try? PayloadCoding.decode(ResultPost.self, from: bytes, type: type)
        case .decisionSignature: _ = try? PayloadCoding.decode(DecisionSignaturePost.self, from: bytes, type: type)
        }
    }, seeds: {
        let types = ElectionEntryType.allCases
        func seed(_ type: ElectionEntryType, _ payload: [UInt8]) -> [UInt8] {
            [UInt8(types.firstIndex(of: type)!)] + payload
        }
        let round1 = try Samples.round1()[1].encoded(suite: Samples.suite)
        let group = Ristretto255()
        let pair = group.encode(group.generator) + group.encode(group.generatorPower(public: group.scalars.one))
        return [
            seed(.roll, try Samples.json(RollChunk(chunk: 0, voters: Samples.roll.voters))),
            seed(.ceremonyRound1, try Samples.json(CeremonyPost(participant: 2, message: round1))),
            seed(.open, try Samples.json(OpenNotice(jointKey: Hex.encode(group.encode(group.generator)),
                                                    extendedBaseHash: Hex.encode([UInt8](repeating: 2, count: 32))))),
            seed(.close, try Samples.json(CloseNotice(ballots: 3))),
            seed(.ballot, try Samples.json(BallotPost(salt: SecureRandom.bytes(count: 16),
                                                      ballot: Samples.ballot(in: group)))),
            seed(.tally, try Samples.json(TallyPost(counted: 2, turnoutWeight: 5, ciphertexts: [[pair, pair]]))),
            seed(.decryptionShare, try Samples.json(DecryptionSharePost(
                participant: 1, values: [group.encode(group.generator)],
                proofs: [group.scalars.encode(group.scalars.one)]))),
            seed(.result, try Samples.json(ResultPost(counts: [[1, 2]], decisions: [], trustees: [1, 2]))),
            seed(.decisionSignature, try Samples.json(DecisionSignaturePost(note: "tabella.org/decision/v1\n",
                                                                            signature: "— a AAAA"))),
        ]
    })

    /// `Round1Message(bytes:setup:sender:)` under a fixed 2-of-3 ristretto255 setup: an accepted message encodes
    /// back to the input.
    static let round1 = FuzzTarget(name: "round1", run: { input in
        guard let message = try? Round1Message(bytes: input, setup: Samples.setup, sender: 2) else { return }
        fuzzCheck(message.encoded(suite: Samples.suite) == input, "a round-1 message does not encode back")
    }, seeds: {
        try Samples.round1().map { $0.encoded(suite: Samples.suite) }
    })

    /// `CeremonyTranscript(bytes:suite:)`: an accepted transcript encodes back to the input.
    static let transcript = FuzzTarget(name: "transcript", run: { input in
        guard let transcript = try? CeremonyTranscript(bytes: input, suite: Samples.suite) else { return }
        fuzzCheck(transcript.encoded(suite: Samples.suite) == input, "a transcript does not encode back")
    }, seeds: {
        [try Samples.transcript()]
    })

    /// `PassphraseBox.open`, the trustee and authority key files. The input is the file without its trailing
    /// SHA-256 checksum, which the target appends (else almost every input stops at the checksum); inputs whose
    /// header asks for more than 2 passes or 1 MiB of Argon2id are skipped, as each would take seconds.
    static let keyFile = FuzzTarget(name: "key-file", run: { input in
        if input.count >= 24 {
            let operations = input[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
            let memory = input[16..<24].reduce(0) { $0 << 8 | UInt64($1) }
            guard operations <= 2, memory <= 1 << 20 else { return }
        }
        _ = try? PassphraseBox.open(input + Digest.sha256.hash(input), passphrase: Array("fuzz".utf8))
    }, seeds: {
        let file = PassphraseBox.seal(SecureRandom.bytes(count: 32), passphrase: Array("fuzz".utf8), cost: .minimum)
        return [Array(file.dropLast(32))]
    })

    /// A manifest's JSON, then its validation.
    static let manifest = FuzzTarget(name: "manifest", run: { input in
        guard let manifest = try? JSONDecoder().decode(ElectionManifest.self, from: Data(input)) else { return }
        try? manifest.validate()
    }, seeds: {
        [try Samples.json(Samples.manifest)]
    })

    /// A roll's JSON, its validation and weights under every weight function.
    static let roll = FuzzTarget(name: "roll", run: { input in
        guard let roll = try? JSONDecoder().decode(VoterRoll.self, from: Data(input)), (try? roll.validate()) != nil
        else { return }
        for function in [WeightFunction.onePerVoter, .linear, .squareRoot] { _ = try? roll.weights(using: function) }
    }, seeds: {
        [try Samples.json(Samples.roll)]
    })

    /// The ElectionGuard 2.0 import: the record of `Vectors/electionguard-2.0/allAvailableJson` (with one ballot)
    /// with one file replaced by the input, chosen by its first byte.
    static let electionGuard = FuzzTarget(name: "electionguard", run: { input in
        guard let (selector, bytes) = split(input) else { return }
        let files = ElectionGuardFiles.names
        let record = ElectionGuardFiles.record
        let file = record.appendingPathComponent(files[Int(selector) % files.count])
        let original = try? Data(contentsOf: file)
        try? Data(bytes).write(to: file)
        _ = try? ElectionGuardRecord(directory: record)
        try? original?.write(to: file)
    }, seeds: {
        try ElectionGuardFiles.names.enumerated().map { index, name in
            [UInt8(index)] + Array(try Data(contentsOf: ElectionGuardFiles.record.appendingPathComponent(name)))
        }
    })

    /// `ShuffleArgument.decode` for rows of one ElGamal ciphertext: the first byte picks the group, the second the
    /// shape (m from 1 to 4, n from 2 to 5); an accepted argument encodes back to the input.
    static let shuffle = FuzzTarget(name: "shuffle", run: { input in
        guard input.count > 2 else { return }
        let (m, n) = (1 + Int(input[1]) % 4, 2 + Int(input[1] / 4) % 4)
        let bytes = Array(input.dropFirst(2))
        func check<G: PrimeOrderGroup>(_ group: G) {
            guard let argument = try? ShuffleArgument<G>.decode(bytes, rows: m, columns: n, components: 2,
                                                                randomness: 1, in: group) else { return }
            fuzzCheck(argument.encoded(in: group) == bytes, "a shuffle argument of \(G.self) does not encode back")
        }
        switch input[0] % 3 {
        case 0: check(Ristretto255())
        case 1: check(P256())
        default: check(IntegerGroup.electionGuard)
        }
    }, seeds: {
        func seed<G: PrimeOrderGroup>(_ group: G, _ selector: UInt8, rows m: Int) throws -> [UInt8] {
            let (space, input) = try Samples.rows(in: group, count: 4)
            let mixer = try VerifiableShuffle(space: space, context: [selector], count: 4, rows: m)
            let (output, witness) = try mixer.shuffle(input)
            let proof = try mixer.prove(input: input, output: output, witness: witness)
            let shape = UInt8(m - 1) + 4 * UInt8(mixer.shape.columns - 2)
            return [selector, shape] + proof.encoded(in: group)
        }
        return [try seed(Ristretto255(), 0, rows: 1), try seed(Ristretto255(), 0, rows: 2),
                try seed(P256(), 1, rows: 2), try seed(IntegerGroup.electionGuard, 2, rows: 1)]
    })

    /// A list of rows of two ElGamal ciphertexts (`ShuffleCiphertextSpace.decode`): the first byte picks the group;
    /// an accepted list encodes back to the input.
    static let rowList = FuzzTarget(name: "row-list", run: { input in
        guard let (selector, bytes) = split(input) else { return }
        func check<G: PrimeOrderGroup>(_ group: G) {
            guard let space = try? ElGamalRowSpace(group: group, publicKey: group.generator, width: 2),
                  let rows = try? space.decode(bytes) else { return }
            fuzzCheck(space.encode(rows) == bytes, "a row list of \(G.self) does not encode back")
        }
        switch selector % 3 {
        case 0: check(Ristretto255())
        case 1: check(P256())
        default: check(IntegerGroup.electionGuard)
        }
    }, seeds: {
        func seed<G: PrimeOrderGroup>(_ group: G, _ selector: UInt8) throws -> [UInt8] {
            let (space, rows) = try Samples.rows(in: group, count: 3, width: 2)
            return [selector] + space.encode(rows)
        }
        return [try seed(Ristretto255(), 0), try seed(P256(), 1), try seed(IntegerGroup.electionGuard, 2)]
    })

    /// The first byte of an input and the rest, or nil for an empty input.
    private static func split(_ input: [UInt8]) -> (UInt8, [UInt8])? {
        input.first.map { ($0, Array(input.dropFirst())) }
    }
}

/// A private copy of the ElectionGuard record (one ballot) that the import target rewrites.
enum ElectionGuardFiles {
    /// The files the target may replace.
    static let names = ["constants.json", "election_config.json", "manifest.json", "election_initialized.json",
                        "encrypted_tally.json", "tally.json",
                        "encrypted_ballots/runWorkflowAllAvailableJson/eballot-id-1.json"]

    /// The copy, made once per process.
    static let record: URL = {
        let source = FuzzDriver.vectors.appendingPathComponent("electionguard-2.0/allAvailableJson")
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tabella-fuzz-eg-\(getpid())")
        let ballots = "encrypted_ballots/runWorkflowAllAvailableJson"
        do {
            try FileManager.default.createDirectory(at: copy.appendingPathComponent(ballots),
                                                    withIntermediateDirectories: true)
            for name in names {
                try FileManager.default.copyItem(at: source.appendingPathComponent(name),
                                                 to: copy.appendingPathComponent(name))
            }
        } catch {
            fatalError("cannot copy the ElectionGuard record: \(error)")
        }
        return copy
    }()
}
