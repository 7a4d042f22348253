import ArgumentParser
import Foundation
import Logging
import TabellaBoard

/// `tabella board witness`: cosign other boards' checkpoints after checking consistency.
struct BoardWitness: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "Run a witness: cosign boards' checkpoints that extend the last one cosigned; report forks.",
        discussion: """
            Boards may push their checkpoints to POST /add-checkpoint (c2sp.org/tlog-witness); with --follow, the \
            witness also pulls each board's checkpoint and consistency proof every --interval seconds. Cosigned \
            checkpoints are served at GET /<sha256 hex of the origin>/checkpoint. A fork is logged as an error with \
            both signed checkpoints.
            """
    )

    @Option(help: "The witness's signing key file (from `tabella board keygen --witness`).")
    var key: String

    @Option(help: "A log to witness: its verifier key (or a file holding it). Repeatable.")
    var log: [String] = []

    @Option(help: "A board to pull from: URL=VKEY (VKEY also counts as --log). Repeatable.")
    var follow: [String] = []

    @Option(help: "The witness's state file (SQLite).")
    var state = "witness.sqlite"

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 for any free port).")
    var port = 8090

    @Option(help: "Seconds between pulls of the followed boards.")
    var interval: Double = 5

    func validate() throws {
        try checkPort(port)
        try checkInterval(interval)
    }

    func run() async throws {
        let logger = Logger(label: "tabella.witness")
        let signer = try readSigner(key)
        let cosigner = CosignatureSigner(name: signer.keyName, privateKey: signer.privateKey) {
            UInt64(Date().timeIntervalSince1970)
        }
        var logs = [String: [any NoteVerifier]]()
        var followed = [(BoardClient, String)]()
        for text in log {
            let verifier = try parseVerifierKey(text, flag: "--log")
            logs[verifier.keyName, default: []].append(verifier)
        }
        for text in follow {
            guard let separator = text.firstIndex(of: "=") else { throw ValidationError("--follow takes URL=VKEY") }
            let verifier = try parseVerifierKey(String(text[text.index(after: separator)...]), flag: "--follow")
            logs[verifier.keyName, default: []].append(verifier)
            followed.append((BoardClient(baseURL: String(text[..<separator])), verifier.keyName))
        }
        guard !logs.isEmpty else { throw ValidationError("give at least one --log or --follow") }
        let witness = Witness(cosigner: cosigner, logs: logs, state: try WitnessState(path: state))
        let puller = Task {
            while !Task.isCancelled {
                for (client, origin) in followed {
                    do {
                        let answer = try await witness.follow(client, origin: origin)
                        if answer.status == 422 {
                            let fork = await witness.forks.last
                            logger.error(
                                "fork detected",
                                metadata: [
                                    "origin": "\(origin)", "reason": "\(fork?.reason ?? "")",
                                    "cosigned": "\(fork?.cosigned ?? "")", "conflicting": "\(fork?.conflicting ?? "")",
                                ])
                        } else if answer.status != 200 {
                            logger.warning("not cosigned", metadata: ["origin": "\(origin)", "answer": "\(answer)"])
                        }
                    } catch {
                        logger.warning("board unreachable", metadata: ["origin": "\(origin)", "error": "\(error)"])
                    }
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
        defer { puller.cancel() }
        let vkey = cosigner.verifier.verifierKey
        let host = self.host
        try await WitnessServer.run(witness: witness, host: host, port: port, logger: logger) { port in
            FileHandle.standardOutput.write(
                Data("tabella witness: listening on http://\(host):\(port) vkey \(vkey)\n".utf8))
        }
    }
}
