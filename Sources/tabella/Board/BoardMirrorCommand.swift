import ArgumentParser
import Foundation
import TabellaBoard

/// `tabella board mirror`: follow another board and verify it.
struct BoardMirrorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mirror",
        abstract: "Copy a board entry by entry into a local database, verifying signatures and every checkpoint.",
        discussion: "Exits non-zero when the board rewrites its history or serves an entry that does not verify."
    )

    @OptionGroup var target: BoardTarget

    @Option(help: "The mirror's SQLite database.")
    var db = "mirror.sqlite"

    @Option(help: "Seconds between polls.")
    var interval: Double = 5

    @Flag(help: "Synchronise once and exit.")
    var once = false

    func validate() throws { try checkInterval(interval) }

    func run() async throws {
        let verifier = try target.verifier()
        let mirror = BoardMirror(
            source: target.client, logKeys: [verifier], origin: verifier.keyName, storage: try SQLiteStorage(path: db))
        repeat {
            let size = try await mirror.sync()
            print("mirrored \(verifier.keyName) up to size \(size)")
            if !once { try await Task.sleep(for: .seconds(interval)) }
        } while !once
    }
}
