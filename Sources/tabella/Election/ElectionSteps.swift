import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaVerifier

/// One authority step: read and check the board, make the step's entry, post it.
struct AuthorityStep: ElectionSuiteAction {
    /// Which step.
    enum Kind { case open, close }

    let kind: Kind
    let options: ElectionBoardOptions
    let key: Ed25519.PrivateKey

    func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> String {
        let view = try await options.view(suite)
        let authority = ElectionAuthority(suite: suite, election: options.election, key: key)
        switch kind {
        case .open:
            let index = try await options.post([try authority.open(view)])
            return "Voting is open (entry \(index)). Voters cast with `tabella vote cast`."
        case .close:
            let index = try await options.post([try authority.close(view)])
            return "Voting is closed after \(view.ledger.ballotCount) ballots (entry \(index)). "
                + "Next: `tabella election tally`."
        }
    }
}

/// `tabella election open`.
struct ElectionOpen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open voting, once the roll and the key ceremony are on the board.")

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The authority's key file.") var key: String
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let key = try AuthorityKey.load(key, passphrase: passphrase)
        print(try await options.group().run(AuthorityStep(kind: .open, options: options, key: key)))
    }
}

/// `tabella election close`.
struct ElectionClose: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close voting.")

    @OptionGroup var options: ElectionBoardOptions
    @Option(help: "The authority's key file.") var key: String
    @OptionGroup var passphrase: PassphraseOptions

    func run() async throws {
        let key = try AuthorityKey.load(key, passphrase: passphrase)
        print(try await options.group().run(AuthorityStep(kind: .close, options: options, key: key)))
    }
}

/// `tabella election status`.
struct ElectionStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Read and check the board; print the election's phase and counts.")

    @OptionGroup var options: ElectionBoardOptions

    func run() async throws {
        print(try await options.group().run(Status(options: options)))
    }

    private struct Status: ElectionSuiteAction {
        let options: ElectionBoardOptions

        func run<Suite: CocktailCiphersuite>(_ suite: Suite) async throws -> String {
            let ledger = try await options.view(suite).ledger
            return """
                Election \(options.election): phase \(ledger.phase.rawValue)
                  voters \(ledger.voters.count), roll complete: \(ledger.rollIsComplete)
                  ceremony complete: \(ledger.ceremonyKeys != nil)
                  ballots \(ledger.ballotCount), challenges \(ledger.challengeCount), counted \(ledger.counted.count)
                  decryption shares \(ledger.shares.count), result posted: \(ledger.result != nil), \
                decision signatures \(ledger.decisionSignatures.count)
                """ + (ledger.mixChain.map { chain in
                    "\n  mix-net: input posted: \(chain.input != nil), shuffles \(chain.mixers.count) of "
                        + "\(chain.required) (by trustees \(chain.mixers.map(String.init).joined(separator: ", "))), "
                        + "decryption shares \(chain.shares.count), count posted: \(chain.result != nil)"
                } ?? "")
        }
    }
}
