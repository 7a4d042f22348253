import ArgumentParser
import Foundation
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// Running a ``SimulatedElection`` from the command line: progress on a terminal, the outcome as text or JSON.
enum ElectionRunCommand {
    /// Runs the election in `keep` or a temporary folder (removed afterwards).
    static func run(shape: ElectionShape, keep: String?, json: Bool) async throws -> SimulatedElection.Outcome {
        let directory = keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("tabella-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: directory) } }
        let bars = Locked([String: ProgressBar]())
        let quiet = json
        var simulation = SimulatedElection(shape: shape, directory: directory)
        simulation.exportsBoard = keep != nil
        return try await simulation.run(
            progress: { phase, done, total in
                let bar = bars.withLock { bars in
                    if let bar = bars[phase] { return bar }
                    let bar = ProgressBar(total: total, label: phase, quiet: quiet)
                    bars[phase] = bar
                    return bar
                }
                bar.advance()
                if done == total { bar.finish() }
            },
            phaseDone: { phase in
                guard !quiet else { return }
                FileHandle.standardError.write(Data((timing(phase.name, phase.wallSeconds, phase.cpuSeconds)
                    + "  " + phase.detail + "\n").utf8))
            })
    }

    /// The result, the decision, the verification and the phases, as text.
    static func describe(_ outcome: SimulatedElection.Outcome, shape: ElectionShape) -> String {
        var lines = ["", "Result (weighted votes, \(shape.weightFunction) weights):"]
        for (contest, (counts, decision)) in zip(outcome.manifest.contests,
                                                 zip(outcome.result.counts, outcome.result.decisions)) {
            lines.append("  \(contest.id): \(contest.question)")
            for (option, count) in zip(contest.options, counts) {
                lines.append("    \(option.text.padding(toLength: 14, withPad: " ", startingAt: 0)) \(count)")
            }
            if let count = outcome.mixResult?.contests.first(where: { $0.contest == contest.id }) {
                lines += mixedLines(count, contest: contest)
            }
            let elected = decision.elected.isEmpty ? "" : " (\(decision.elected.joined(separator: ", ")))"
            lines.append("    decision: \(decision.outcome.rawValue)\(elected); turnout weight "
                + "\(decision.turnoutWeight) of \(decision.eligibleWeight)")
        }
        lines += ["", "Signed decision note:", outcome.decision, "",
                  "Monitor: \(outcome.alerts.count) alerts (evidence to weigh, never a verdict; they change no count)"]
        lines += outcome.alerts.map { "  " + MonitorAlertText.line($0) }
        lines.append(VerificationReportText.render(outcome.report, kind: "Tabella election on the board"))
        lines.append("")
        lines.append("Phases:")
        for phase in outcome.phases {
            lines.append("  " + timing(phase.name, phase.wallSeconds, phase.cpuSeconds))
        }
        let wall = outcome.phases.map(\.wallSeconds).reduce(0, +)
        let cpu = outcome.phases.map(\.cpuSeconds).reduce(0, +)
        lines.append("  " + timing("total", wall, cpu))
        lines.append("Board: \(outcome.boardSize) entries. Verification: "
            + (outcome.report.isValid ? "passed." : "FAILED: \(outcome.report.firstFailure.map(\.description) ?? "")"))
        return lines.joined(separator: "\n")
    }

    /// What the mix-net's count of a ranked or write-in contest says: first preferences (or chosen options),
    /// the rounds of a ranked count, the written answers.
    static func mixedLines(_ count: MixedContestResult, contest: Contest) -> [String] {
        var lines = zip(contest.options, count.firstPreferences).map { option, votes in
            "    \(option.text.padding(toLength: 14, withPad: " ", startingAt: 0)) \(votes)"
                + (contest.kind == .ranked ? " first preferences" : "")
        }
        if let ranked = count.ranked {
            lines.append("    \(ranked.method.rawValue): \(ranked.validBallots) valid ballots, \(ranked.invalid.count) "
                + "invalid, \(ranked.rounds.count) rounds\(ranked.quota.map { ", quota \($0)" } ?? "")")
        }
        if let writeIn = count.writeIn {
            for answer in writeIn.answers.prefix(5) {
                lines.append("    \("“\(answer.text)”".padding(toLength: 14, withPad: " ", startingAt: 0)) "
                    + "\(answer.votes) (written)")
            }
            lines.append("    blank \(writeIn.blank), invalid \(writeIn.invalid)")
        }
        return lines
    }

    /// `name   1.23 s wall   2.34 s CPU`, aligned.
    static func timing(_ name: String, _ wall: Double, _ cpu: Double) -> String {
        name.padding(toLength: 11, withPad: " ", startingAt: 0) + String(format: "%7.2f s wall %7.2f s CPU", wall, cpu)
    }

    /// The outcome as JSON on standard output.
    static func printJSON(_ outcome: SimulatedElection.Outcome, shape: ElectionShape) throws {
        struct Output: Encodable {
            let group: String
            let voters: Int
            let phases: [SimulatedElection.Phase]
            let totalWall: Double
            let totalCPU: Double
            let result: ResultPost
            let mixResult: MixResultPost?
            let decision: String
            let alerts: [MonitorAlertPost]
            let verified: Bool
            let report: VerificationReport
        }
        let output = Output(
            group: shape.group.rawValue, voters: shape.voters, phases: outcome.phases,
            totalWall: outcome.phases.map(\.wallSeconds).reduce(0, +),
            totalCPU: outcome.phases.map(\.cpuSeconds).reduce(0, +), result: outcome.result,
            mixResult: outcome.mixResult, decision: outcome.decision, alerts: outcome.alerts, verified: outcome.report.isValid, report: outcome.report)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        print(String(decoding: try encoder.encode(output), as: UTF8.self))
    }
}
