import Foundation
import TabellaMonitor

/// The text of `tabella monitor evaluate`'s report.
enum MonitorReportText {
    /// The NAB part.
    static func nab(_ result: NABEvaluation.Result) -> String {
        var lines = ["NAB, standard profile, on \(result.series.count) series (\(result.windows) windows):"]
        let folders = Set(result.series.map { $0.split(separator: "/")[0] }).sorted().joined(separator: ", ")
        lines.append("  subset: \(folders)")
        lines.append("  tabella series detector: \(format(result.score)) (threshold \(format(result.threshold, 3)), "
            + "raw \(format(result.raw, 2)))")
        lines.append("  published, over the whole benchmark (58 series; per-series results not published here):")
        for name in ["ARTime", "numenta", "contextOSE", "htmjava", "knncad", "randomCutForest", "twitterADVec",
                     "windowedGaussian", "random", "null"] {
            if let score = result.published[name] { lines.append("    \(name): \(format(score))") }
        }
        lines.append("  per series (raw):")
        for name in result.series { lines.append("    \(name): \(format(result.perSeries[name] ?? 0, 2))") }
        return lines.joined(separator: "\n")
    }

    /// The synthetic part.
    static func synthetic(_ report: SyntheticEvaluation.Report, seeds: [UInt64], tuning: Bool) -> String {
        let range = "\(seeds.first ?? 0)...\(seeds.last ?? 0)"
        var lines = ["Synthetic elections, \(tuning ? "tuning" : "reported") seeds \(range), "
            + "\(report.arrivals) arrivals:"]
        lines.append("  attack          recall  ≤10 min  median delay  alerts  first detectors")
        for score in report.attacks {
            let delay = score.medianDelay.map { "\(format($0 / 60, 1)) min" } ?? "-"
            let detectors = score.firstDetectors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            lines.append("  " + pad(score.attack.rawValue, 15) + " " + pad(format(score.recall, 2), 7) + " "
                + pad(format(score.recallWithinTenMinutes, 2), 8) + " " + pad(delay, 13) + " "
                + pad("\(score.matchedAlerts)/\(score.alerts)", 7) + " " + detectors.joined(separator: ", "))
        }
        lines.append("  clean elections: \(report.cleanElections), false alarms per election-day: "
            + format(report.falseAlarmsPerDay, 2) + " ("
            + report.cleanAlertsByDetector.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", ") + ")")
        lines.append("  precision (matched alerts / all alerts, clean days included): \(format(report.precision, 3))")
        return lines.joined(separator: "\n")
    }

    /// The synthetic score with the learned detector beside the score without it.
    static func learned(_ with: SyntheticEvaluation.Report, without: SyntheticEvaluation.Report,
                        detector: LearnedSlotDetector, modelSeeds: [UInt64], thresholdSeeds: [UInt64]) -> String {
        var lines = ["Learned detector (\(detector.model.stumps.count) stumps, trained on model seeds "
            + "\(modelSeeds.first ?? 0)...\(modelSeeds.last ?? 0); threshold \(format(detector.threshold, 4)) from the "
            + "clean days of tuning seeds \(thresholdSeeds.first ?? 0)...\(thresholdSeeds.last ?? 0)):"]
        lines.append("  attack          recall          ≤10 min         median delay (min)   learned first")
        lines.append("                  without  with   without  with   without  with")
        for (plain, learned) in zip(without.attacks, with.attacks) {
            let delay = { (score: SyntheticEvaluation.AttackScore) in score.medianDelay.map { format($0 / 60, 1) } ?? "-" }
            lines.append("  " + pad(plain.attack.rawValue, 15) + " " + pad(format(plain.recall, 2), 8) + " "
                + pad(format(learned.recall, 2), 6) + " " + pad(format(plain.recallWithinTenMinutes, 2), 8) + " "
                + pad(format(learned.recallWithinTenMinutes, 2), 6) + " " + pad(delay(plain), 8) + " "
                + pad(delay(learned), 12) + " " + "\(learned.firstDetectors[MonitorAlert.Detector.learned.rawValue] ?? 0)")
        }
        lines.append("  false alarms per clean election-day: without \(format(without.falseAlarmsPerDay, 2)), with "
            + "\(format(with.falseAlarmsPerDay, 2)) (learned \(with.cleanAlertsByDetector[MonitorAlert.Detector.learned.rawValue] ?? 0)); "
            + "precision without \(format(without.precision, 3)), with \(format(with.precision, 3))")
        return lines.joined(separator: "\n")
    }

    private static func format(_ value: Double, _ digits: Int = 1) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
