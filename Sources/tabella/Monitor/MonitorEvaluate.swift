import ArgumentParser
import Foundation
import TabellaMonitor

/// `tabella monitor evaluate`: the scored benchmark (NAB, and synthetic elections with injected attacks).
struct MonitorEvaluate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the monitor's detectors on NAB and on synthetic elections with injected attacks.",
        discussion: """
            NAB: the series under --nab (Vectors/nab by default) are scored with NAB's standard profile and printed \
            beside the published detectors. Synthetic: the time-of-day profile is learned from the clean elections \
            of the training seeds (\(MonitorSeeds.training.lowerBound)..<\(MonitorSeeds.training.upperBound)), \
            thresholds were tuned on the tuning seeds (\(MonitorSeeds.tuning.lowerBound)..<\
            \(MonitorSeeds.tuning.upperBound), --tuning scores those instead), and the reported seeds start at \
            \(MonitorSeeds.reported.lowerBound); the three ranges never overlap.
            """
    )

    /// Which part to run.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case nab, synthetic, all
    }

    @Option(help: "The part to run: nab, synthetic or all.")
    var part = Part.all

    @Option(help: "The NAB folder (data/, labels/, results/).")
    var nab = "Vectors/nab"

    @Option(help: "Synthetic seeds per attack type (and clean elections).")
    var seeds = 40

    @Flag(help: "Score the tuning seeds instead of the reported ones.")
    var tuning = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Results: Codable {
        var nab: NABEvaluation.Result?
        var synthetic: SyntheticEvaluation.Report?
        var seeds: [UInt64] = []
    }

    func run() async throws {
        var results = Results()
        if part != .synthetic {
            results.nab = try NABEvaluation.run(directory: URL(fileURLWithPath: nab))
        }
        if part != .nab {
            let range = tuning ? MonitorSeeds.tuning : MonitorSeeds.reported
            let chosen = Array(range.prefix(seeds))
            results.seeds = chosen
            let settings = SyntheticElection.Settings()
            let profile = try SyntheticEvaluation.learnProfile(
                seeds: Array(MonitorSeeds.training), settings: settings, slotLength: MonitorSeeds.slotLength)
            let bar = ProgressBar(total: chosen.count * (InjectedAttack.allCases.count + 1),
                                  label: "elections", quiet: json)
            results.synthetic = try SyntheticEvaluation.run(
                seeds: chosen, profile: profile, configuration: MonitorConfiguration(), settings: settings,
                progress: { done, _ in bar.set(done: done) })
            bar.finish()
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        if let nab = results.nab { print(MonitorReportText.nab(nab)) }
        if let synthetic = results.synthetic {
            print(MonitorReportText.synthetic(synthetic, seeds: results.seeds, tuning: tuning))
        }
    }
}

/// The seed ranges of the synthetic benchmark: disjoint, so that nothing reported was learned or tuned on.
enum MonitorSeeds {
    /// Clean elections the time-of-day profile is learned from.
    static let training: Range<UInt64> = 10_000..<10_020
    /// Elections the thresholds were tuned on.
    static let tuning: Range<UInt64> = 0..<1_000
    /// Elections whose scores are reported.
    static let reported: Range<UInt64> = 1_000..<10_000
    /// The profile's slot length, in seconds.
    static let slotLength = 300.0
}
