import ArgumentParser
import Foundation
import TabellaBoard

/// `tabella board export`: a closed board as static files.
struct BoardExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the latest checkpoint, every hash tile and entry bundle as files at their tlog-tiles paths.",
        discussion:
            "Serve the folder with any static file server: clients and `tabella board audit` read it as the board."
    )

    @OptionGroup var target: BoardTarget

    @Option(help: "The folder to write.")
    var out: String

    func run() async throws {
        let verifier = try target.verifier()
        let progress = ProgressBar(total: 1, label: "export", quiet: false)
        let checkpoint = try await TileExporter(client: target.client).export(
            to: URL(fileURLWithPath: out), logKeys: [verifier], origin: verifier.keyName
        ) { progress.advance(by: $0) }
        progress.finish()
        print("exported \(checkpoint.size) entries of \(checkpoint.origin) to \(out)")
    }
}
