import Foundation
import TabellaGroups
import TabellaMonitor
import TabellaRecord

/// The live monitor's terminal dashboard on standard output: the board's size, the turnout of each region, the
/// forecast, the concentration of the weight cast and the latest alerts, redrawn at most twice a second. It
/// draws only on a terminal and without `--json`.
final class MonitorDashboard: Sendable {
    private let enabled: Bool
    private let lastDrawn = Locked(ContinuousClock.now - .seconds(1))

    /// A dashboard; `quiet` turns it off.
    init(quiet: Bool) {
        enabled = !quiet && isatty(STDOUT_FILENO) == 1
    }

    /// Whether it draws.
    var isDrawing: Bool { enabled }

    /// Redraws from `watch`, unless it drew less than half a second ago (`force` draws anyway).
    func update(_ watch: BoardWatch, alerts: [MonitorAlertPost], force: Bool = false) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let due = lastDrawn.withLock { last in
            guard force || now - last >= .milliseconds(500) else { return false }
            last = now
            return true
        }
        guard due else { return }
        FileHandle.standardOutput.write(Data(("\u{1B}[H\u{1B}[2J" + Self.text(watch, alerts: alerts)).utf8))
    }

    /// The dashboard's text.
    static func text(_ watch: BoardWatch, alerts: [MonitorAlertPost]) -> String {
        var lines = ["tabella monitor: \(watch.definition?.manifest.electionID ?? "?"), board size \(watch.size), "
            + "\(watch.ballots) ballots, phase \(watch.lastLifecycle ?? "setup"), "
            + "\(String(format: "%.2f", watch.time / 3600)) h of the monitor's day"]
        if let snapshot = watch.monitor?.snapshot() {
            for (region, voted) in zip(snapshot.regions, snapshot.votedByRegion) {
                let share = Double(voted) / Double(max(1, region.voters))
                let bar = String(repeating: "#", count: min(30, Int(share * 30)))
                lines.append("  \(region.name.padding(toLength: 16, withPad: " ", startingAt: 0)) "
                    + "\(bar.padding(toLength: 30, withPad: ".", startingAt: 0)) \(voted)/\(region.voters)")
            }
            let forecast = snapshot.forecast
            lines.append("forecast at the close: \(Int(forecast.expected.rounded())) voters "
                + "(\(Int(forecast.low.rounded())) to \(Int(forecast.high.rounded())) at "
                + "\(Int(forecast.level * 100)) %)")
            let concentration = snapshot.concentration
            lines.append("weight cast: Nakamoto coefficient \(concentration.nakamotoCoefficient), top 1 % hold "
                + "\(String(format: "%.1f", concentration.topPercentShare * 100)) %, Gini "
                + String(format: "%.2f", concentration.gini))
        }
        lines.append("alerts: \(alerts.count)")
        lines += alerts.suffix(8).map { "  " + MonitorAlertText.line($0) }
        return lines.joined(separator: "\n") + "\n"
    }
}
