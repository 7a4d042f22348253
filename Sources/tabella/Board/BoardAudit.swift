import ArgumentParser
import Foundation
import TabellaBoard

/// `tabella board audit`: check that a board only ever grew.
struct BoardAudit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check a board's latest checkpoint against an earlier one, or its whole content against it.",
        discussion: """
            With --state FILE, the checkpoint saved there by the last audit must be consistent with the latest one \
            (a consistency proof is fetched and checked), and the latest is saved for next time. With --full, every \
            entry is fetched through the tlog-tiles entry bundles and the tree is rebuilt and compared with the \
            checkpoint's root. Exits non-zero on any inconsistency.
            """
    )

    @OptionGroup var target: BoardTarget

    @Option(help: "A file holding the last audited checkpoint (created if missing).")
    var state: String?

    @Flag(help: "Download every entry and recompute the root.")
    var full = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() async throws {
        let verifier = try target.verifier()
        let (latest, note) = try await target.latestCheckpoint()
        var checked = ["latest checkpoint verified: size \(latest.size)"]
        if let state, FileManager.default.fileExists(atPath: state) {
            let text = try readTextFile(state, naming: "the saved checkpoint")
            let (previous, _) = try Checkpoint.open(text, logKeys: [verifier], origin: verifier.keyName)
            try await LogAuditor(client: target.client).checkConsistency(from: previous, to: latest)
            checked.append("consistent with the saved checkpoint of size \(previous.size)")
        }
        if full {
            let progress = ProgressBar(total: Int(min(latest.size, UInt64(Int.max))), label: "audit", quiet: json)
            try await LogAuditor(client: target.client).checkContent(of: latest) { progress.advance(by: $0) }
            progress.finish()
            checked.append("all \(latest.size) entries rebuild the checkpoint's root")
        }
        if let state {
            try Data(note.serialized.utf8).write(to: URL(fileURLWithPath: state))
        }
        if json {
            try printJSON(["size": String(latest.size), "checks": checked.joined(separator: "; ")])
        } else {
            checked.forEach { print($0) }
        }
    }
}
