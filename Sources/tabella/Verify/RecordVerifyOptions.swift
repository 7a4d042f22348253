import ArgumentParser
import Foundation
import TabellaVerifier

/// The options of the commands that verify another system's record (`--json`, `--jobs`), and how they run.
struct RecordVerifyOptions: ParsableArguments {
    @Flag(help: "Print the full report as JSON (and no progress bar).")
    var json = false

    @Option(help: "Parallel jobs; all cores by default.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
    }

    /// Runs `verify` with `jobs` and a progress bar (on a terminal, without `--json`), then prints the report and
    /// exits as every verify command does.
    func run(kind: String,
             _ verify: (_ jobs: Int, _ progress: @escaping @Sendable (Int, Int) -> Void) async -> VerificationReport)
        async throws
    {
        let progress = LazyProgress(label: "verify", quiet: json)
        let report = await verify(jobs) { done, total in progress.update(done: done, total: total) }
        progress.finish()
        try VerificationReportText.emit(report, json: json, kind: kind)
    }
}
