import Foundation
import TabellaMonitor

/// The NAB part of `tabella monitor evaluate`: the series anomaly detector run over the NAB series, scored with
/// the standard profile, beside the published totals.
enum NABEvaluation {
    /// The outcome.
    struct Result: Codable {
        /// The series scored.
        var series: [String]
        /// The number of windows in them.
        var windows: Int
        /// The threshold chosen over them.
        var threshold: Double
        /// The raw score at that threshold.
        var raw: Double
        /// The normalised standard-profile score.
        var score: Double
        /// Each series' raw score at that threshold.
        var perSeries: [String: Double]
        /// The published standard-profile scores over the whole benchmark (results/final_results.json).
        var published: [String: Double]
    }

    /// The NAB folders scored: the ones copied into Vectors/nab.
    static let subset = ["artificialWithAnomaly/", "realTweets/"]

    /// Runs the detector over the series of `directory` in ``subset``.
    static func run(directory: URL) throws -> Result {
        let corpus = try NABCorpus(directory: directory, prefixes: subset)
        var scored = [(series: NABScoring.LabelledSeries, scores: [Double])]()
        for series in corpus.series {
            var detector = SeriesAnomalyDetector()
            scored.append((series.labelled, series.values.map { detector.score($0) }))
        }
        let profile = NABScoring.Profile.standard
        let (threshold, raw) = NABScoring.optimize(scored, profile: profile)
        var perSeries = [String: Double]()
        for entry in scored {
            let detections = entry.scores.indices.filter { entry.scores[$0] >= threshold }
            perSeries[entry.series.name] = NABScoring.rawScore(entry.series, detections: detections, profile: profile)
        }
        let labelled = scored.map(\.series)
        return Result(
            series: labelled.map(\.name), windows: labelled.reduce(0) { $0 + $1.windows.count },
            threshold: threshold, raw: raw, score: NABScoring.normalized(raw: raw, corpus: labelled, profile: profile),
            perSeries: perSeries, published: try published(directory))
    }

    /// The published standard-profile scores.
    private static func published(_ directory: URL) throws -> [String: Double] {
        let file = directory.appendingPathComponent("results/final_results.json")
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any] else {
            throw MonitorError(.malformed, "\(file.path) is not a JSON object")
        }
        var scores = [String: Double]()
        for (detector, profiles) in object {
            if let standard = (profiles as? [String: Any])?["standard"] as? Double { scores[detector] = standard }
        }
        return scores
    }
}
