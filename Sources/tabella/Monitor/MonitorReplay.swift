import ArgumentParser
import Foundation
import TabellaBoard
import TabellaMonitor
import TabellaRecord

/// `tabella monitor replay <board URL or exported dir>`: the detectors over a finished election; posts nothing.
struct MonitorReplay: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Run the monitor's detectors over a board (URL or exported folder) and print the alerts.",
        discussion: """
            Reads every entry, then replays the ballots in board order through every detector. A board holds no \
            times, so the replay spreads the ballots evenly over the monitor's 12-hour day in board order: the \
            rate detectors then see each region's share of the stream, in stretches of the board. The alerts \
            are printed, never posted; the monitor alerts already on the board are counted. Exit code 2 when \
            the board cannot be read.
            """
    )

    @Argument(help: "The board's URL (http://host:port) or a folder written by `tabella board export`.")
    var source: String

    @OptionGroup var options: MonitorOptions

    func run() async throws {
        let entries: [BoardEntry]
        do { entries = try await BoardSource.read(source).entries } catch {
            throw MonitorOptions.fail("cannot read the board \(source): \(error)")
        }
        let profile = try options.profile()
        let posts: [MonitorAlertPost]
        let onBoard: Int
        do {
            (posts, onBoard) = try BoardWatch.replay(entries, profile: profile, configuration: options.configuration)
        } catch {
            throw MonitorOptions.fail("the board \(source): \(error.message)")
        }
        for post in posts {
            print(options.json ? MonitorAlertText.json(post, index: nil) : MonitorAlertText.line(post))
        }
        if !options.json {
            print("\(posts.count) alerts over \(entries.count) entries; the board holds \(onBoard) monitor alerts")
        }
    }
}
