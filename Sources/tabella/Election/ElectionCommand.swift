import ArgumentParser

/// `tabella election`: the authority's commands.
struct ElectionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "election",
        abstract: "Set up and run an election as its authority: create, open, close, tally.",
        discussion: """
            Every step is a signed entry on the election's board, which checks it before appending it. The order \
            is: create (definition and roll), the trustees' key ceremony (`tabella trustee ceremony`), open, \
            voting (`tabella vote`), close, tally (the trustees post decryption shares with \
            `tabella trustee decrypt-tally` and cosign with `tabella trustee cosign`). See Docs/guide-authority.md.
            """,
        subcommands: [ElectionCreate.self, ElectionOpen.self, ElectionClose.self, ElectionTally.self,
                      ElectionStatus.self]
    )
}
