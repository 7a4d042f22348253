import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// `tabella election tally`: the tally, the result and the signed decision.
struct ElectionTally: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Post the weighted tally, wait for the trustees' shares, post the result, sign the decision.",
        discussion: """
            After voting closes: posts the homomorphic tally of the counted ballots (the last of each credential, \
            raised to the voter's weight), waits for decryption shares from the threshold of trustees \
            (`tabella trustee decrypt-tally`), posts the counts and each contest's decision, signs the decision \
            note, waits for the trustees' cosignatures (`tabella trustee cosign`), and writes the signed note and \
            the keys that check it. Each step already on the board is skipped, so the command can be run again. \
            With --on-decision, the command runs after the note has been verified, with the decision as JSON \
            on its standard input and TABELLA_DECISION_NOTE and TABELLA_DECISION_KEYS naming the two files.
            """
    )

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The authority's key file.") var key: String
    @Option(help: "Where to write the signed decision note.") var decisionOut = "decision.note"
    @Option(help: "Seconds to wait for the trustees at each step.") var wait = 600
    @Option(help: "A shell command to run with the verified decision.") var onDecision: String?
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let key = try AuthorityKey.load(key, passphrase: passphrase)
        let (note, keys) = try await options.group().run(Tally(options: options, key: key, wait: wait))
        let keysPath = decisionOut + ".keys.json"
        try Data(note.utf8).write(to: URL(fileURLWithPath: decisionOut), options: .atomic)
        try TrusteeFiles.write(keys, to: keysPath)
        let (decision, signers) = try DecisionVerification.verify(note, keys: keys)
        print("The decision, signed by the authority and trustees \(signers.map(String.init).joined(separator: ", ")):")
        for contest in decision.decisions {
            let elected = contest.elected.isEmpty ? "" : " " + contest.elected.joined(separator: ", ")
            let votes = contest.votes.map(String.init).joined(separator: ", ")
            print("  \(contest.contest): \(contest.outcome.rawValue)\(elected) (votes \(votes), turnout weight "
                + "\(contest.turnoutWeight) of \(contest.eligibleWeight))")
        }
        print("Signed note: \(decisionOut); keys: \(keysPath). Check it with `tabella decision verify`.")
        if let onDecision {
            try DecisionHook.run(onDecision, decision: decision, notePath: decisionOut, keysPath: keysPath)
        }
    }

    private struct Tally: ElectionSuiteAction {
        let options: ElectionBoardOptions
        let key: Ed25519.PrivateKey
        let wait: Int

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> (String, DecisionVerification.Keys) {
            let authority = ElectionAuthority(suite: suite, election: options.election, key: key)
            var view = try await options.view(suite)
            if view.ledger.phase == .closed, let chain = view.ledger.mixChain {
                view = try await mixResult(chain, view, authority, suite)
            }
            if view.ledger.phase == .closed {
                try await options.post([try authority.tally(view)])
                view = try await options.view(suite)
            }
            let threshold = view.ledger.manifest?.threshold ?? 0
            if view.ledger.phase == .tallied {
                view = try await waitFor("decryption shares", view, suite) { $0.shares.count >= threshold }
                try await options.post([try authority.result(view)])
                view = try await options.view(suite)
            }
            guard view.ledger.phase == .decided, let definition = view.ledger.definition else {
                throw ValidationError("the election is in the \(view.ledger.phase.rawValue) phase: close it first")
            }
            if view.ledger.decisionSignatures[key.publicKey] == nil {
                try await options.post([try authority.decisionSignature(view)])
            }
            view = try await waitFor("trustee cosignatures", view, suite) { ledger in
                ledger.trusteeKeys.filter { ledger.decisionSignatures[$0] != nil }.count >= threshold
            }
            let keys = DecisionVerification.Keys(
                election: options.election, authority: definition.authority,
                trustees: definition.trustees.map(\.boardKey), threshold: threshold)
            return (view.ledger.signedDecision!.serialized, keys)
        }

        /// The mix-net's steps of the authority: the input, then (after the trustees' shuffles and decryptions)
        /// the result.
        private func mixResult<S: CocktailCiphersuite>(
            _ chain: MixChain<S.Group>, _ view: ElectionView<S>, _ authority: ElectionAuthority<S>, _ suite: S
        ) async throws -> ElectionView<S> {
            var view = view
            if chain.input == nil {
                try await options.post(try authority.mixInput(view))
                view = try await options.view(suite)
            }
            let threshold = view.ledger.manifest?.threshold ?? 0
            if view.ledger.mixChain?.result == nil {
                view = try await waitFor("the trustees' shuffles (`tabella trustee mix`)", view, suite) {
                    $0.mixChain?.isShuffled ?? false
                }
                view = try await waitFor("decryptions of the mixed list (`tabella trustee decrypt-mix`)", view,
                                         suite) { ($0.mixChain?.shares.count ?? 0) >= threshold }
                try await options.post([try authority.mixResult(view)])
                view = try await options.view(suite)
            }
            return view
        }

        private func waitFor<S>(_ what: String, _ view: ElectionView<S>, _ suite: S,
                                until ready: (ElectionLedger<S>) -> Bool) async throws -> ElectionView<S> {
            var view = view
            let deadline = ContinuousClock.now + .seconds(wait)
            var said = false
            while !ready(view.ledger) {
                guard ContinuousClock.now < deadline else {
                    throw ValidationError("gave up waiting for \(what) after \(wait) s")
                }
                if !said && !options.quiet {
                    FileHandle.standardError.write(Data("Waiting for \(what)…\n".utf8))
                    said = true
                }
                try await Task.sleep(for: .milliseconds(500))
                try await view.sync(from: options.client)
            }
            return view
        }
    }
}

/// Runs the `--on-decision` command with the verified decision.
enum DecisionHook {
    /// Runs `command` with `/bin/sh -c`, the decision as JSON on its standard input.
    ///
    /// - Throws: `ExitCode` with the command's status when it fails.
    static func run(_ command: String, decision: DecisionNote, notePath: String, keysPath: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        var environment = ProcessInfo.processInfo.environment
        environment["TABELLA_DECISION_NOTE"] = notePath
        environment["TABELLA_DECISION_KEYS"] = keysPath
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        try process.run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        struct Decision: Encodable {
            let election: String
            let logSize: UInt64
            let contests: [ContestDecision]
        }
        input.fileHandleForWriting.write(try encoder.encode(
            Decision(election: decision.election, logSize: decision.logSize, contests: decision.decisions)))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            FileHandle.standardError.write(Data("--on-decision exited with \(process.terminationStatus)\n".utf8))
            throw ExitCode(process.terminationStatus)
        }
    }
}
