import ArgumentParser
import Foundation
import TabellaVerifier

/// `tabella verify belenios <archive.bel>`: the checks of a Belenios 2.x election archive.
struct VerifyBelenios: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "belenios",
        abstract: "Verify a Belenios 2.x election archive (.bel) with homomorphic questions.",
        discussion: """
            Runs ten numbered steps (Docs/verifier.md): the archive's hashes and chain of events, the election and \
            its group, the trustees' keys and proofs (single and threshold), the election key, the credentials, \
            every ballot's signature and proofs, one counted ballot per credential, the encrypted tally, the \
            partial decryptions and the result. Exit code 0 only if every applicable step passed, 1 on a failed \
            step (the first failure is named by step, member and object), 2 when the archive cannot be read or \
            uses what is not supported (non-homomorphic questions).
            """
    )

    @Argument(help: "The election archive (<uuid>.bel).")
    var archive: String

    @OptionGroup var options: RecordVerifyOptions

    func run() async throws {
        try await options.run(kind: "Belenios archive") { jobs, progress in
            await BeleniosVerifier.verify(url: URL(fileURLWithPath: archive), jobs: jobs, progress: progress)
        }
    }
}
