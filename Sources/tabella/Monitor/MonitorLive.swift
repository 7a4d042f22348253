import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaGroups
import TabellaMonitor
import TabellaRecord

/// `tabella monitor --board URL --key FILE`: the live monitor. Follows the board's events, feeds every detector,
/// posts each alert as a `monitor-alert` entry signed by the monitor key, until voting closes.
struct MonitorLive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "live",
        abstract: "Follow a board live, post each alert as a signed entry, show a dashboard (the default).",
        discussion: """
            Follows GET /events (after a drop it reconnects and reads what it missed with /entries), reads the \
            roll from the definition and its chunks, and runs every detector on each ballot as it arrives, on \
            the monitor's clock: the time each entry is read, the manifest's voting period scaled to the 12-hour \
            day the thresholds were tuned on. Each alert is posted as a monitor-alert entry signed with --key, \
            which must be the monitor key the election's definition declares. Alerts raised on the entries \
            already on the board when the monitor starts are printed, not posted (a restarted monitor does not \
            post twice). On a terminal it shows a dashboard; with --json it prints each alert as one JSON line. \
            It stops once voting closes. Exit code 2 when the board or the key cannot be read.
            """
    )

    @Option(help: "The board's URL (http://host:port).")
    var board: String

    @Option(help: "The monitor's key file (`tabella board keygen`), whose public key the definition declares.")
    var key: String

    @OptionGroup var options: MonitorOptions

    func run() async throws {
        let signer: Ed25519.PrivateKey
        do { signer = try readSigner(key).privateKey } catch {
            throw MonitorOptions.fail("cannot read the key file \(key): \(error)")
        }
        let client = BoardClient(baseURL: board)
        let startSize: UInt64
        do {
            // A short deadline for the first request: a board that does not answer is reported in seconds.
            let probe = BoardClient(baseURL: board, timeout: .seconds(5))
            startSize = try Checkpoint(text: try SignedNote(parsing: try await probe.checkpoint()).text).size
        } catch {
            throw MonitorOptions.fail("cannot read the board \(board): \(error)")
        }
        var watch = BoardWatch(clock: .wall, profile: try options.profile(), configuration: options.configuration)
        let dashboard = MonitorDashboard(quiet: options.json)
        var shown = [MonitorAlertPost]()
        var posted = 0
        do {
            for try await (index, entry) in BoardFollower(client: client).entries() {
                let raised = try watch.read(entry, now: Date().timeIntervalSince1970)
                if index == 0 { try check(watch.definition, signer: signer) }
                for alert in raised {
                    let number = max(watch.boardAlerts.count, posted) + 1
                    let post = watch.post(alert, number: index < startSize ? shown.count + 1 : number)
                    var at: UInt64?
                    if index >= startSize {
                        at = try await client.append(try BoardEntry(
                            type: ElectionEntryType.monitorAlert.rawValue, election: entry.election,
                            payload: PayloadCoding.encode(post), signedBy: signer)).index
                        posted = number
                    }
                    shown.append(post)
                    emit(post, index: at, dashboard: dashboard)
                }
                dashboard.update(watch, alerts: shown)
                if entry.type == ElectionEntryType.close.rawValue { break }
            }
        } catch let error as MonitorError {
            throw MonitorOptions.fail("the board \(board): \(error.message)")
        } catch let error as BoardError {
            throw MonitorOptions.fail("the board \(board): \(error.message)")
        }
        dashboard.update(watch, alerts: shown, force: true)
        if !options.json && !dashboard.isDrawing {
            print("voting closed: \(watch.ballots) ballots read, \(shown.count) alerts")
        }
    }

    /// The key must be the one the definition declares for the monitor.
    private func check(_ definition: ElectionDefinition?, signer: Ed25519.PrivateKey) throws {
        let declared = try? definition?.monitorKey()
        guard let declared else {
            throw MonitorOptions.fail("the election's definition declares no monitor key: its board admits no alert")
        }
        guard declared == signer.publicKey else {
            throw MonitorOptions.fail("the key in \(key) is not the monitor key the election declares "
                + "(\(Hex.encode(declared.bytes)))")
        }
    }

    private func emit(_ post: MonitorAlertPost, index: UInt64?, dashboard: MonitorDashboard) {
        if options.json {
            print(MonitorAlertText.json(post, index: index))
        } else if !dashboard.isDrawing {
            print(MonitorAlertText.line(post) + (index.map { " [posted as entry \($0)]" } ?? " [not posted]"))
        }
    }
}
