import ArgumentParser

/// `tabella monitor`: the turnout and anomaly monitor.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Watch an election's public board for low turnout and anomalies; score the detectors.",
        discussion: """
            The monitor sees only public data: arrival times, the roll's regions and weights, revotes, and after \
            the tally the regional results. Its alerts are evidence for a person to weigh, never a verdict: \
            they change no count. `tabella monitor --board URL --key FILE` follows a board live and posts each \
            alert as a signed monitor-alert entry; `tabella monitor replay` runs the detectors over a finished \
            board. Docs/monitor.md describes each detector and its measured quality.
            """,
        subcommands: [MonitorLive.self, MonitorReplay.self, MonitorEvaluate.self],
        defaultSubcommand: MonitorLive.self
    )
}
