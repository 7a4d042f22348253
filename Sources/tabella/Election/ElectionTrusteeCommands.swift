import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaVerifier

/// `tabella trustee enroll`: a trustee's keys for elections on a board.
struct ElectionTrusteeEnroll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enroll",
        abstract: "Create a trustee's keys for elections on a board: a board signing key and a ceremony key.",
        discussion: """
            Writes the key file (encrypted, mode 0600) and a public file to send to the election authority, who \
            lists it with `tabella election create --trustee`.
            """
    )

    /// The public file of an enrolled trustee.
    struct PublicFile: Codable {
        /// The name.
        let name: String
        /// The group.
        let group: String
        /// The board key, hexadecimal.
        let boardKey: String
        /// The ceremony key, hexadecimal.
        let ceremonyKey: String
    }

    @Option(help: "The trustee's name.") var name: String
    @Option(help: "The election group: p256, ristretto255 or integer-4096.") var group = ElectionGroup.p256
    @Option(help: "Where to write the encrypted key file.") var key: String
    @OptionGroup var passphrase: PassphraseOptions

    func validate() throws { try checkTrusteeName(name) }

    func run() async throws {
        guard !FileManager.default.fileExists(atPath: key) else {
            throw ValidationError("\(key) exists; a key file is never overwritten")
        }
        let phrase = try passphrase.read(prompt: "Passphrase for the new key: ", confirm: true)
        let (secret, publicFile) = try await group.run(Make(name: name, group: group))
        try TrusteeFiles.writeSecret(secret, to: key, passphrase: phrase)
        try TrusteeFiles.write(publicFile, to: key + ".pub.json")
        print("Enrolled trustee \(name) (\(group.rawValue)). Key file: \(key); public file: \(key).pub.json")
    }

    private struct Make: ElectionSuiteAction {
        let name: String
        let group: ElectionGroup

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> (ElectionSecrets.Trustee, PublicFile) {
            let staticKey = suite.group.scalars.randomNonzero()
            let boardKey = Ed25519.PrivateKey()
            return (ElectionSecrets.Trustee(name: name, group: group.rawValue, boardSeed: Hex.encode(boardKey.seed),
                                            staticKey: Hex.encode(suite.group.scalars.encode(staticKey))),
                    PublicFile(name: name, group: group.rawValue, boardKey: Hex.encode(boardKey.publicKey.bytes),
                               ceremonyKey: suite.hex(suite.group.generatorPower(secret: staticKey))))
        }
    }
}

/// The trustee commands' shared steps.
struct TrusteeOnBoard: ElectionSuiteAction {
    /// What to do.
    enum Step {
        case ceremony(sharePath: String, timeout: Int), decrypt(share: ElectionSecrets.Share), mix
        case decryptMix(share: ElectionSecrets.Share), cosign
    }

    let options: ElectionBoardOptions
    let secrets: ElectionSecrets.Trustee
    let phrase: [UInt8]
    let step: Step

    func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> String {
        let view = try await options.view(suite)
        let boardKey = try ElectionSecrets.key(seed: secrets.boardSeed, "the key file")
        guard let offset = view.ledger.trusteeKeys.firstIndex(of: boardKey.publicKey) else {
            throw ValidationError("this key is not one of the election's trustees")
        }
        let staticKey = try suite.scalar(hex: secrets.staticKey, "the key file's ceremony key")
        let trustee = ElectionTrustee(suite: suite, election: options.election, participant: offset + 1,
                                      boardKey: boardKey, staticKey: staticKey)
        switch step {
        case .ceremony(let sharePath, let timeout):
            let display = WaitingDisplay(quiet: options.quiet)
            let result = try await trustee.runCeremony(
                view, board: options.client,
                waiting: .init(timeout: .seconds(timeout)) { round, present, count in
                    display.show(round: round, present: present, count: count)
                })
            display.done()
            let share = ElectionSecrets.Share(election: options.election, participant: offset + 1,
                                              secretShare: Hex.encode(suite.group.scalars.encode(result.secretShare)))
            try TrusteeFiles.writeSecret(share, to: sharePath, passphrase: phrase)
            return "Ceremony complete: participant \(offset + 1), joint key \(suite.hex(result.publicKeys.groupKey)). "
                + "Share file: \(sharePath). Next: the authority opens voting."
        case .decrypt(let share):
            let secretShare = try secretShare(share, participant: offset + 1, suite)
            let index = try await options.post([try trustee.decryptionShare(view, secretShare: secretShare)])
            return "Posted the decryption share of trustee \(offset + 1) (entry \(index)). "
                + "Next: `tabella trustee cosign` once the result is on the board."
        case .mix:
            let rows = view.ledger.mixChain?.latest?.count ?? 0
            let bar = ProgressBar(total: 1_000, label: "shuffling and proving \(rows) rows", quiet: options.quiet)
            let entries = try trustee.mix(view) { bar.set(done: Int($0 * 1_000)) }
            bar.finish()
            let index = try await options.post(entries)
            return "Posted the shuffle of trustee \(offset + 1) with its argument (\(entries.count) entries, the last "
                + "at \(index)). Next: the other trustees shuffle, then `tabella trustee decrypt-mix`."
        case .decryptMix(let share):
            let secretShare = try secretShare(share, participant: offset + 1, suite)
            let count = view.ledger.mixChain?.flatLatest.count ?? 0
            let bar = ProgressBar(total: count, label: "decrypting the mixed list", quiet: options.quiet)
            let entries = try trustee.mixShare(view, secretShare: secretShare) { bar.set(done: $0) }
            bar.finish()
            let index = try await options.post(entries)
            return "Posted trustee \(offset + 1)'s decryption of the mixed list (\(entries.count) entries, the last "
                + "at \(index)). Next: the authority posts the mix-net's result with `tabella election tally`."
        case .cosign:
            let index = try await options.post([try trustee.decisionSignature(view)])
            return "Checked the board and cosigned the decision (entry \(index))."
        }
    }
}

extension TrusteeOnBoard {
    /// The secret share of a share file, which must be this trustee's for this election.
    func secretShare<Suite: CocktailCiphersuite>(_ share: ElectionSecrets.Share, participant: Int, _ suite: Suite)
        throws -> Scalar
    {
        guard share.election == options.election, share.participant == participant else {
            throw ValidationError("the share file is not this trustee's share of \(options.election)")
        }
        return try suite.scalar(hex: share.secretShare, "the share file")
    }
}

/// Reads a trustee's key file.
private func trusteeSecrets(_ path: String, _ passphrase: PassphraseOptions) throws
    -> (ElectionSecrets.Trustee, [UInt8])
{
    let phrase = try passphrase.read(prompt: "Passphrase of \(path): ")
    return (try TrusteeFiles.readSecret(ElectionSecrets.Trustee.self, from: path, passphrase: phrase), phrase)
}

/// Reads a trustee's key file and share file (one passphrase for both) and runs the step made from the share.
private func runWithShare(_ options: ElectionBoardOptions, key: String, share path: String,
                          _ passphrase: PassphraseOptions, _ step: (ElectionSecrets.Share) -> TrusteeOnBoard.Step)
    async throws
{
    let (secrets, phrase) = try trusteeSecrets(key, passphrase)
    let share = try TrusteeFiles.readSecret(ElectionSecrets.Share.self, from: path, passphrase: phrase)
    print(try await options.group().run(TrusteeOnBoard(
        options: options, secrets: secrets, phrase: phrase, step: step(share))))
}

/// `tabella trustee ceremony`.
struct ElectionTrusteeCeremony: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ceremony",
        abstract: "Take part in an election's key ceremony on its board; write the encrypted share file.")

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The trustee's key file (from `tabella trustee enroll`).") var key: String
    @Option(help: "Where to write the encrypted share file.") var share: String
    @Option(help: "Seconds to wait for the other trustees in each round.") var timeout = 600
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let (secrets, phrase) = try trusteeSecrets(key, passphrase)
        print(try await options.group().run(TrusteeOnBoard(
            options: options, secrets: secrets, phrase: phrase, step: .ceremony(sharePath: share, timeout: timeout))))
    }
}

/// `tabella trustee decrypt-tally`.
struct ElectionTrusteeDecrypt: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt-tally",
        abstract: "Check the board and post this trustee's partial decryption of the tally, with proofs.")

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The trustee's key file.") var key: String
    @Option(help: "The trustee's share file (from `tabella trustee ceremony`).") var share: String
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        try await runWithShare(options, key: key, share: share, passphrase) { .decrypt(share: $0) }
    }
}

/// `tabella trustee mix`.
struct ElectionTrusteeMix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mix",
        abstract: "Check the board, shuffle the latest list of ranked and write-in ballots, and post it with its "
            + "proof.",
        discussion: """
            After voting closes and the authority posts the mix-net's input, each trustee in turn re-encrypts and \
            permutes the latest list with secret randomness and posts it with a Bayer-Groth argument that it did so \
            honestly; the board admits it only if the argument verifies. As many trustees as the manifest's mixers \
            (the threshold by default) shuffle, each once. The randomness and the permutation are never written \
            anywhere.
            """
    )

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The trustee's key file.") var key: String
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let (secrets, phrase) = try trusteeSecrets(key, passphrase)
        print(try await options.group().run(TrusteeOnBoard(
            options: options, secrets: secrets, phrase: phrase, step: .mix)))
    }
}

/// `tabella trustee decrypt-mix`.
struct ElectionTrusteeDecryptMix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrypt-mix",
        abstract: "Check the board and post this trustee's partial decryption of the last mixed list, with proofs.")

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The trustee's key file.") var key: String
    @Option(help: "The trustee's share file (from `tabella trustee ceremony`).") var share: String
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        try await runWithShare(options, key: key, share: share, passphrase) { .decryptMix(share: $0) }
    }
}

/// `tabella trustee cosign`.
struct ElectionTrusteeCosign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cosign",
        abstract: "Check the whole board (tally, shares, result) and cosign the authority's decision note.")

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The trustee's key file.") var key: String
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let (secrets, phrase) = try trusteeSecrets(key, passphrase)
        print(try await options.group().run(TrusteeOnBoard(
            options: options, secrets: secrets, phrase: phrase, step: .cosign)))
    }
}
