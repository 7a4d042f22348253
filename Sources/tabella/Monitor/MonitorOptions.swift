import ArgumentParser
import Foundation
import TabellaMonitor

/// The options the live monitor and the replay share.
struct MonitorOptions: ParsableArguments {
    @Option(name: .customLong("profile"),
            help: "A learned time-of-day profile (JSON of TimeOfDayProfile); a flat day by default.")
    var profilePath: String?

    @Flag(help: "Print each alert as one line of JSON (and no dashboard).")
    var json = false

    /// The default thresholds (Docs/monitor.md gives how they were tuned).
    var configuration: MonitorConfiguration { MonitorConfiguration() }

    /// The profile read from `--profile`, or `nil` for the flat day.
    func profile() throws -> TimeOfDayProfile? {
        guard let profilePath else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: profilePath))
            return try JSONDecoder().decode(TimeOfDayProfile.self, from: data)
        } catch {
            throw Self.fail("cannot read the profile \(profilePath): \(error)")
        }
    }

    /// Writes `tabella monitor: message` to standard error; the exit code 2 to throw.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("tabella monitor: \(message)\n".utf8))
        return ExitCode(2)
    }
}
