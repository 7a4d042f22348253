import ArgumentParser

/// The `tabella` command: one executable with a subcommand per role.
@main
struct Tabella: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tabella",
        abstract: "Verifiable, privacy-preserving elections and governance votes.",
        discussion: """
            Tabella encrypts ballots with homomorphic ElGamal, proves every step in zero knowledge, \
            and lets anyone verify an election from its public bulletin board.
            """,
        version: TabellaVersion.current,
        subcommands: [
            Demo.self, ElectionCommand.self, VoteCommand.self, TrusteeCommand.self, Verify.self, DecisionCommand.self,
            BoardCommand.self, CountCommand.self, MonitorCommand.self, Bench.self,
        ]
    )
}

/// The version printed by `tabella --version`.
enum TabellaVersion {
    /// The release this build belongs to.
    static let current = "0.1.0"
}
