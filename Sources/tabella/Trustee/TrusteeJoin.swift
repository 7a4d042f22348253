import ArgumentParser
import Foundation
import TabellaCrypto
import TabellaGroups

/// `tabella trustee join`: take part in the ceremony of a folder, all rounds or one.
struct TrusteeJoin: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "join",
        abstract: "Take part in the key ceremony of a ceremony folder: all rounds, or one round at a time.",
        discussion: """
            Round 1 posts this trustee's commitment and encrypted shares. Round 2 checks everyone's round-1 \
            messages, decrypts and checks the shares sent to this trustee, and signs the transcript. Round 3 checks \
            everyone's signature and writes the encrypted share file. Without --round, all three run, waiting for \
            the others (up to --timeout seconds per round). Rerunning a round is safe.
            """
    )

    /// Which round to run.
    enum Round: String, ExpressibleByArgument, CaseIterable {
        case one = "1", two = "2", three = "3", all
    }

    @Option(help: "The ceremony folder.")
    var dir: String

    @Option(help: "The trustee's key file.")
    var key: String

    @Option(help: "Where round 3 writes the encrypted share file (default: the key file with .share).")
    var share: String?

    @Option(help: "The round to run: 1, 2, 3 or all.")
    var round: Round = .all

    @Option(help: "Seconds to wait for the other trustees in each round.")
    var timeout: Int = 600

    @Flag(help: "No progress display.")
    var quiet = false

    @Option(help: .hidden)
    var rehearseCorruptShareFor: Int?

    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let phrase = try passphrase.read(prompt: "Passphrase of \(key): ")
        let identity = try TrusteeFiles.readSecret(TrusteeIdentity.self, from: key, passphrase: phrase)
        let description = try CeremonyDescriptionCheck.description(in: dir)
        let suite = try TrusteeCiphersuite(identifier: identity.ciphersuite)
        do {
            try await suite.dispatch(Join(command: self, identity: identity, description: description,
                passphrase: phrase))
        } catch let error as CeremonyError {
            let blamed = error.participant.flatMap { id in
                description.participants.indices.contains(id - 1) ? description.participants[id - 1].name : nil
            }
            printError("The ceremony stopped: \(error.message) [\(error.code)]")
            if let id = error.participant, let name = blamed { printError("Named: participant \(id) (\(name)).") }
            printError("No key was produced. Tell the organiser; the ceremony must be restarted with a new folder.")
            throw ExitCode(3)
        }
    }

    private struct Join: TrusteeSuiteAction {
        let command: TrusteeJoin
        let identity: TrusteeIdentity
        let description: CeremonyDescription
        let passphrase: [UInt8]

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws {
            let setup = try CeremonyDescriptionCheck.setup(description, suite: suite)
            let staticKey = try suite.scalar(hex: identity.staticKey, "the static key")
            let ownKey = suite.group.generatorPower(secret: staticKey)
            guard let offset = setup.publicKeys.firstIndex(of: ownKey) else {
                throw ValidationError("\(identity.name)'s key is not listed in \(command.dir)/ceremony.json")
            }
            let index = offset + 1
            let runner = CeremonyRunner(participant: try CeremonyParticipant(setup: setup, index: index,
                staticKey: staticKey), coordinator: DirectoryCoordinator(directory: URL(fileURLWithPath: command.dir)))
            let display = WaitingDisplay(quiet: command.quiet)
            let waiting = CeremonyRunner<Suite>.Waiting(timeout: .seconds(command.timeout),
                progress: { round, present, count in display.show(round: round, present: present, count: count) })
            print("Trustee \(identity.name) is participant \(index) of \(setup.participantCount) "
                + "(threshold \(setup.threshold)); context "
                + CeremonyDescriptionCheck.fingerprint(description.context))
            let join = "tabella trustee join --dir \(command.dir) --key \(command.key)"
            if command.round == .one || command.round == .all {
                let posted = try await runner.hasPostedRound1()
                try await runner.postRound1(rehearsingCorruptShareFor: command.rehearseCorruptShareFor)
                print(posted ? "Round 1: already posted." : "Round 1: commitment and encrypted shares posted.")
                if command.round == .one {
                    print("Next: when every trustee has posted round 1, run `\(join) --round 2`.")
                    return
                }
            }
            let round2 = try await runner.certify(waiting: waiting)
            display.done()
            print("Round 2: all shares to me verified; transcript signed and posted.")
            if command.round == .two {
                print("Next: when every trustee has signed, run `\(join) --round 3`.")
                return
            }
            let result = try await runner.finish(round2, waiting: waiting)
            display.done()
            let record = CeremonyRecord(result: result, names: description.participants.map(\.name), suite: suite)
            let sharePath = command.share ?? command.key + ".share"
            try TrusteeFiles.writeSecret(TrusteeShare(name: identity.name, ciphersuite: suite.identifier,
                index: index, secretShare: Hex.encode(suite.group.scalars.encode(result.secretShare)), record: record),
                to: sharePath, passphrase: passphrase)
            print("Round 3: every trustee signed the same transcript. The ceremony succeeded.")
            print("  election key: \(record.groupKey)")
            print("  encrypted share file (keep it): \(sharePath)")
            print("Next: publish the record with `tabella trustee export --dir \(command.dir) --out <file>`.")
        }
    }
}

extension CeremonyRecord {
    /// The public record of a verified ceremony result.
    init<Suite: CocktailCiphersuite>(result: CeremonyResult<Suite>, names: [String], suite: Suite) {
        self.init(ciphersuite: suite.identifier, names: names, threshold: result.publicKeys.threshold,
            groupKey: suite.hex(result.publicKeys.groupKey),
            verificationShares: result.publicKeys.verificationShares.map(suite.hex),
            transcript: Hex.encode(result.certificate.transcript),
            signatures: result.certificate.signatures.map { Hex.encode($0.encoded(suite: suite)) })
    }

    /// Parses the certificate, checks every signature, and recomputes the keys from the transcript; they must
    /// equal the ones written in the record.
    func verified<Suite: CocktailCiphersuite>(suite: Suite) throws -> CeremonyPublicKeys<Suite> {
        guard ciphersuite == suite.identifier else {
            throw ValidationError("the record is for \(ciphersuite), not \(suite.identifier)")
        }
        guard let transcriptBytes = Hex.decode(transcript) else { throw ValidationError("the transcript is not hex") }
        let parsed = try CeremonyTranscript(bytes: transcriptBytes, suite: suite)
        var parsedSignatures = [SchnorrSignature<Suite>]()
        for (offset, signature) in signatures.enumerated() {
            guard let bytes = Hex.decode(signature) else { throw ValidationError("signature \(offset + 1) is not hex") }
            parsedSignatures.append(try SchnorrSignature(bytes: bytes, suite: suite,
                what: "signature \(offset + 1)", participant: offset + 1))
        }
        try CeremonyCertificate(transcript: transcriptBytes, signatures: parsedSignatures)
            .verify(publicKeys: parsed.publicKeys, suite: suite)
        let setup = try CeremonySetup(suite: suite, threshold: parsed.threshold, publicKeys: parsed.publicKeys,
            sessionID: [])
        let keys = CeremonyPublicKeys(setup: setup, commitments: parsed.commitments)
        guard suite.hex(keys.groupKey) == groupKey, keys.verificationShares.map(suite.hex) == verificationShares,
            keys.threshold == threshold
        else { throw ValidationError("the record's keys differ from those its certified transcript gives") }
        return keys
    }

    /// The domain that binds partial decryptions to this ceremony: the hash of the transcript.
    func decryptionDomain<Suite: CocktailCiphersuite>(suite: Suite) -> [UInt8] {
        suite.hash.hash(Hex.decode(transcript) ?? [])
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
