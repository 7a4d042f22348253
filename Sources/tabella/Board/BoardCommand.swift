import ArgumentParser

/// `tabella board`: run, use and audit a public bulletin board.
struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Run, use, witness and audit a public bulletin board (a C2SP transparency log).",
        discussion: "Docs/board.md describes the HTTP API, the formats and how to run several boards and witnesses.",
        subcommands: [
            BoardKeygen.self, BoardServe.self, BoardAppend.self, BoardGet.self, BoardCheckpointCommand.self,
            BoardProve.self, BoardAudit.self, BoardWitness.self, BoardMirrorCommand.self, BoardExport.self,
        ]
    )
}
