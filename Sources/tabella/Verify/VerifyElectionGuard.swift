import ArgumentParser
import Foundation
import TabellaGroups
import TabellaVerifier

/// `tabella verify electionguard <record-dir>`: the ElectionGuard 2.0 verification steps over a Kotlin-format record.
struct VerifyElectionGuard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "electionguard",
        abstract: "Verify an ElectionGuard 2.0 election record (the Kotlin implementation's JSON format).",
        discussion: """
            Runs verification steps 1 to 18 of the ElectionGuard 2.0.0 specification and prints, per step, its \
            outcome and the number of objects checked. Steps whose objects the record does not contain are \
            reported as not applicable. On failure the exit code is 1 and the first failure is named by step, \
            file and object; an unreadable record exits with 2. See Docs/verifier.md.
            """
    )

    @Argument(help: "The record's directory (with constants.json, election_config.json, manifest.json, …).")
    var recordDirectory: String

    @OptionGroup var options: RecordVerifyOptions

    func run() async throws {
        try await options.run(kind: "ElectionGuard 2.0 record") { jobs, progress in
            let directory = URL(fileURLWithPath: recordDirectory)
            return await ElectionGuard20Verifier.verify(directory: directory, jobs: jobs, progress: progress)
        }
    }
}

/// A progress bar whose total is known only when the first unit of work reports.
final class LazyProgress: Sendable {
    private let label: String
    private let quiet: Bool
    private let bar = Locked<ProgressBar?>(nil)

    /// A bar labelled `label`, off when `quiet`.
    init(label: String, quiet: Bool) {
        self.label = label
        self.quiet = quiet
    }

    /// Records that `done` of `total` units are finished.
    func update(done: Int, total: Int) {
        bar.withLock { bar in
            if bar == nil { bar = ProgressBar(total: total, label: label, quiet: quiet) }
            bar?.set(done: done)
        }
    }

    /// Ends the bar, if one was drawn.
    func finish() {
        bar.withLock { $0?.finish() }
    }
}
