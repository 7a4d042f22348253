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
            \(MonitorSeeds.reported.lowerBound). Learned (run with synthetic under --part learned or all): the \
            boosted-stump model is trained on the attacks and clean elections of the model seeds \
            (\(MonitorSeeds.model.lowerBound)..<\(MonitorSeeds.model.upperBound)), its threshold set on the clean \
            elections of the first tuning seeds, and the synthetic score is reported again with it beside the \
            statistical detectors. No two ranges overlap.
            """
    )

    /// Which part to run.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case nab, synthetic, learned, all
    }

    @Option(help: "The part to run: nab, synthetic, learned (synthetic with and without the learned detector) or all.")
    var part = Part.all

    @Option(help: "The NAB folder (data/, labels/, results/).")
    var nab = "Vectors/nab"

    @Option(help: "Synthetic seeds per attack type (and clean elections).")
    var seeds = 40

    @Flag(help: "Score the tuning seeds instead of the reported ones.")
    var tuning = false

    @Option(help: "Model seeds the learned detector is trained on (each: every region-rate attack and a clean day).")
    var modelSeeds = 40

    @Option(help: "Tuning seeds whose clean elections set the learned detector's threshold.")
    var thresholdSeeds = 20

    @Option(help: "The share of the threshold seeds' clean days on which the learned detector may alert.")
    var alertDays = 0.1

    @Option(help: "The weight of an attacked slot against a clean one's 1 in the learned detector's training.")
    var positiveWeight = 10.0

    @Option(help: "Write the trained learned detector (model and threshold) to this JSON file.")
    var writeModel: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Results: Codable {
        var nab: NABEvaluation.Result?
        var synthetic: SyntheticEvaluation.Report?
        var learned: Learned?
        var seeds: [UInt64] = []
    }

    /// The learned detector and the synthetic score with it.
    struct Learned: Codable {
        var detector: LearnedSlotDetector
        var modelSeeds: [UInt64]
        var thresholdSeeds: [UInt64]
        var synthetic: SyntheticEvaluation.Report
    }

    /// The learned detector's training, from the options.
    private var boosting: BoostedStumps.Training {
        var training = BoostedStumps.Training()
        training.positiveWeight = positiveWeight
        return training
    }

    func validate() throws {
        guard modelSeeds >= 1, thresholdSeeds >= 1 else {
            throw ValidationError("--model-seeds and --threshold-seeds must be at least 1")
        }
        do {
            try boosting.validate()
            try LearnedEvaluation.checkAlertDays(alertDays)
        } catch {
            throw ValidationError(error.message)
        }
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
            results.synthetic = try synthetic(seeds: chosen, configuration: MonitorConfiguration(), profile: profile,
                                              settings: settings, label: "elections")
            if part == .learned || part == .all {
                results.learned = try learned(seeds: chosen, profile: profile, settings: settings)
            }
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
            if let learned = results.learned {
                print(MonitorReportText.learned(learned.synthetic, without: synthetic, detector: learned.detector,
                                                modelSeeds: learned.modelSeeds,
                                                thresholdSeeds: learned.thresholdSeeds))
            }
        }
    }

    private func synthetic(seeds: [UInt64], configuration: MonitorConfiguration, profile: TimeOfDayProfile,
                           settings: SyntheticElection.Settings, label: String) throws -> SyntheticEvaluation.Report {
        let bar = ProgressBar(total: seeds.count * (InjectedAttack.allCases.count + 1), label: label, quiet: json)
        defer { bar.finish() }
        return try SyntheticEvaluation.run(seeds: seeds, profile: profile, configuration: configuration,
                                           settings: settings, progress: { done, _ in bar.set(done: done) })
    }

    /// Trains the learned detector, sets its threshold, and scores `seeds` with it.
    private func learned(seeds: [UInt64], profile: TimeOfDayProfile, settings: SyntheticElection.Settings)
        throws -> Learned
    {
        let modelSeeds = Array(MonitorSeeds.model.prefix(self.modelSeeds))
        let thresholdSeeds = Array(MonitorSeeds.tuning.prefix(self.thresholdSeeds))
        let training = ProgressBar(total: modelSeeds.count * (LearnedEvaluation.attacks.count + 1),
                                   label: "training elections", quiet: json)
        let model = try LearnedEvaluation.train(seeds: modelSeeds, profile: profile,
                                                configuration: MonitorConfiguration(), settings: settings,
                                                training: boosting,
                                                progress: { done, _ in training.set(done: done) })
        training.finish()
        let threshold = try LearnedEvaluation.threshold(for: model, cleanSeeds: thresholdSeeds,
                                                        alertDays: alertDays, profile: profile,
                                                        configuration: MonitorConfiguration(), settings: settings)
        let detector = try LearnedSlotDetector(model: model, threshold: threshold)
        if let writeModel {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(detector).write(to: URL(fileURLWithPath: writeModel), options: .atomic)
        }
        var configuration = MonitorConfiguration()
        configuration.learned = detector
        return Learned(detector: detector, modelSeeds: modelSeeds, thresholdSeeds: thresholdSeeds,
                       synthetic: try synthetic(seeds: seeds, configuration: configuration, profile: profile,
                                                settings: settings, label: "elections with the learned detector"))
    }
}

/// The seed ranges of the synthetic benchmark: disjoint, so that nothing reported was learned or tuned on.
enum MonitorSeeds {
    /// Clean elections the time-of-day profile is learned from.
    static let training: Range<UInt64> = 10_000..<10_020
    /// Elections the thresholds were tuned on.
    static let tuning: Range<UInt64> = 0..<1_000
    /// Elections the learned detector's model is trained on.
    static let model: Range<UInt64> = 20_000..<30_000
    /// Elections whose scores are reported.
    static let reported: Range<UInt64> = 1_000..<10_000
    /// The profile's slot length, in seconds.
    static let slotLength = 300.0
}
