import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaVerifier

/// `tabella verify board <board-URL or exported-dir>`: every check of a native Tabella election.
struct VerifyBoard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Verify a Tabella election from its board (a URL) or an exported copy (a directory).",
        discussion: """
            Reads every entry of the board and runs the checks numbered in Docs/verifier.md: the definition and \
            roll, the key ceremony, signers and phases, every ballot's proofs, one counted ballot per credential \
            (the last), challenged ballots, the weighted aggregation, every decryption share, the counts and \
            decisions, the decision note's signatures, and the entries against the board's signed checkpoint. \
            Exit code 0 only if every applicable check passed, 1 on a failed check, 2 when the board cannot be read. \
            With --shard i/n it checks the proofs of the i-th of n slices of the ballots (and every check that \
            needs the whole board) and writes a signed partial report to --report; `tabella verify merge` \
            combines the n reports into the verdict of the whole board.
            """
    )

    @Argument(help: "The board's URL (http://host:port) or a folder written by `tabella board export`.")
    var source: String

    @Option(help: "The board's verifier key (name+id+key), printed by `tabella board serve`.")
    var vkey: String

    @Flag(help: "Print the full report as JSON (and no progress bar).")
    var json = false

    @Option(help: "Parallel jobs; all cores by default.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Check only slice i of n (0 ≤ i < n) of the ballots' proofs; needs --report.")
    var shard: String?

    @Option(help: "With --shard: where to write the signed partial report.")
    var report: String?

    @Option(help: ArgumentHelp("With --shard: the key (a file of `tabella board keygen`) that signs the partial "
                               + "report; a new key by default, its public key in the report."))
    var signingKey: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard {
            do { _ = try VerificationShard(parsing: shard) } catch {
                throw ValidationError("--shard: \(error.message)")
            }
            guard report != nil else { throw ValidationError("--shard needs --report FILE for the partial report") }
        } else if report != nil || signingKey != nil {
            throw ValidationError("--report and --signing-key are options of a --shard run")
        }
    }

    func run() async throws {
        let logKey = try parseVerifierKey(vkey, flag: "--vkey")
        let checkpoint: String
        let entries: [BoardEntry]
        do {
            (checkpoint, entries) = try await BoardSource.read(source)
        } catch {
            FileHandle.standardError.write(Data("tabella verify: cannot read \(source): \(error)\n".utf8))
            throw ExitCode(2)
        }
        let progress = LazyProgress(label: "verify", quiet: json)
        if let shard, let reportPath = report {
            try await verifyShard(shard, of: entries, checkpoint: checkpoint, logKey: logKey, progress: progress,
                                  reportPath: reportPath)
            return
        }
        let report = await NativeElectionVerifier.verify(
            entries: entries, checkpoint: checkpoint, logKey: logKey, origin: logKey.keyName, source: source,
            jobs: jobs) { done, total in progress.update(done: done, total: total) }
        progress.finish()
        try VerificationReportText.emit(report, json: json, kind: "Tabella election on the board")
    }

    /// Checks one shard of the board and writes its signed partial report to `reportPath`.
    private func verifyShard(_ text: String, of entries: [BoardEntry], checkpoint: String, logKey: any NoteVerifier,
                             progress: LazyProgress, reportPath: String) async throws {
        let shard = try VerificationShard(parsing: text)
        let key: Ed25519.PrivateKey
        if let signingKey { key = try readSigner(signingKey).privateKey } else { key = Ed25519.PrivateKey() }
        let partial = await NativeElectionVerifier.verifyShard(
            entries: entries, checkpoint: checkpoint, logKey: logKey, origin: logKey.keyName, source: source,
            jobs: jobs, shard: shard
        ) { done, total in progress.update(done: done, total: total) }
        progress.finish()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let signed = try SignedPartialReport(signing: partial, with: key)
        try encoder.encode(signed).write(to: URL(fileURLWithPath: reportPath), options: .atomic)
        try VerificationReportText.emit(partial.report, json: json,
                                        kind: "Shard \(partial.shard) of the Tabella election on the board")
    }
}
