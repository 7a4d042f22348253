import ArgumentParser

/// `tabella verify`: independent verification of election records.
struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify an election record independently, down to every proof.",
        discussion: """
            `tabella verify <board-URL or exported-dir> --vkey KEY` checks a Tabella election; \
            `tabella verify belenios` and `tabella verify electionguard` check other systems' records. \
            Each subcommand reads a record in one format and runs its specification's verification steps, \
            printing one line per step. The exit code is 0 only when every applicable step passed.
            """,
        subcommands: [VerifyBoard.self, VerifyElectionGuard.self, VerifyBelenios.self, VerifyMerge.self],
        defaultSubcommand: VerifyBoard.self
    )
}
