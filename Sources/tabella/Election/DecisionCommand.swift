import ArgumentParser
import Foundation
import TabellaRecord
import TabellaVerifier

/// `tabella decision verify`: the offline check of a signed decision.
struct DecisionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision",
        abstract: "Check an election's signed decision note offline.",
        subcommands: [DecisionVerify.self]
    )
}

/// `tabella decision verify NOTE --keys KEYS`.
struct DecisionVerify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a decision note's signatures: the authority and at least the threshold of trustees.",
        discussion: """
            Needs no board: the keys file (written next to the note by `tabella election tally`) lists the \
            election, the authority's key, the trustees' keys and the threshold, as the election's definition \
            publishes them. Prints the decision as JSON; exit code 1 when the note does not verify.
            """
    )

    @Argument(help: "The signed decision note.") var note: String
    @Option(help: "The keys file.") var keys: String

    func run() async throws {
        let text = try readTextFile(note, naming: "the decision note")
        let keys = try TrusteeFiles.read(DecisionVerification.Keys.self, from: keys)
        do {
            let (decision, signers) = try DecisionVerification.verify(text, keys: keys)
            struct Output: Encodable {
                let election: String
                let logSize: UInt64
                let trustees: [Int]
                let contests: [ContestDecision]
            }
            let output = Output(election: decision.election, logSize: decision.logSize, trustees: signers,
                                contests: decision.decisions)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } catch {
            FileHandle.standardError.write(Data("tabella decision verify: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
