import ArgumentParser
import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaMonitor
import TabellaVerifier

/// `tabella board serve`: run a board over SQLite (or PostgreSQL) with the HTTP API.
struct BoardServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run a bulletin board: check, append and serve entries; sign a checkpoint after every commit.",
        discussion: """
            With --native GROUP the board carries a Tabella election and admits exactly the entries that pass the \
            election's checks (the verifier's, Docs/verifier.md), pinned to the authority key given with \
            --authority, and serves its web page at /ui/ (turnout by region, forecast, alerts, concentration, \
            checkpoint, receipt lookup). Otherwise entry types are admitted with --accept TYPE (any signer) or --accept \
            TYPE=KEY,KEY (only those signers, base64 Ed25519 keys).
            """
    )

    @Option(help: "The SQLite database file (created if missing).")
    var db = "board.sqlite"

    @Option(help: "A PostgreSQL URL (postgres://user:password@host:port/database) instead of SQLite.")
    var postgres: String?

    @Option(help: "The board's signing key file (from `tabella board keygen`); its name is the log's origin.")
    var key: String

    @Option(help: "The election whose entries this board takes.")
    var election: String

    @Option(help: "An entry type to accept: TYPE, or TYPE=KEY,KEY to allow only those signers. Repeatable.")
    var accept: [String] = []

    @Option(help: "Carry a Tabella election in this group (p256, ristretto255, integer-4096), with its checks.")
    var native: ElectionGroup?

    @Option(help: "With --native: the authority's Ed25519 public key (hexadecimal) that must sign the definition.")
    var authority: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port (0 for any free port; the chosen one is printed).")
    var port = 8080

    @Option(help: "The largest request body, in bytes.")
    var maxBody = 4 << 20

    @Option(help: "Requests per second per client address; 0 for no limit.")
    var rateLimit: Double = 200

    @Option(help: "Requests a client may make at once.")
    var rateBurst: Double = 400

    @Option(help: "A witness to push each new checkpoint to: URL=VKEY (its cosignature key). Repeatable.")
    var witness: [String] = []

    @Flag(help: "Open the database read-only: serve reads, refuse appends with 503.")
    var readOnly = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    func validate() throws {
        try checkPort(port)
        guard maxBody >= 1 else { throw ValidationError("--max-body: \(maxBody) is not a positive byte count") }
        guard rateLimit.isFinite, rateLimit >= 0 else {
            throw ValidationError("--rate-limit: \(rateLimit) is not a rate (0 for no limit, or more)")
        }
        guard rateBurst.isFinite, rateBurst >= 1 else {
            throw ValidationError("--rate-burst: \(rateBurst) is not a request count of at least 1")
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError(
                "--log-level: `\(logLevel)` is not trace, debug, info, notice, warning, error or critical")
        }
    }

    func run() async throws {
        var logger = Logger(label: "tabella.board")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        // Every flag and file is checked before the database is opened, so a refused start leaves nothing behind.
        let signer = try readSigner(key)
        let witnesses = try witness.map { try WitnessEndpoint(parsing: $0) }
        let authority = try authorityKey()
        let rules = native == nil ? try admissionRules() : nil
        let storage: any BoardStorage = try await openStorage(logger: logger)
        let board: Board
        var dashboard: BoardDashboard?
        if let native {
            let handle = try await native.run(AdmissionFactory(election: election, authority: authority))
            board = Board(storage: storage, signer: signer, election: election, policy: handle.policy)
            try await board.start()
            try await handle.load(board)
            dashboard = BoardDashboard(board: board)
            await dashboard?.start()
        } else {
            board = Board(storage: storage, signer: signer, election: election, policy: rules ?? EntryTypeRules())
            try await board.start()
        }
        var configuration = BoardServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.maximumBodyByteCount = maxBody
        configuration.rateLimit = rateLimit > 0 ? rateLimit : nil
        configuration.rateBurst = rateBurst
        configuration.witnesses = witnesses
        configuration.dashboard = dashboard
        let origin = signer.keyName
        let verifierKey = signer.verifier.verifierKey
        let host = self.host
        try await BoardServer.run(board: board, configuration: configuration, logger: logger) { port in
            let line = "tabella board: \(origin) listening on http://\(host):\(port) vkey \(verifierKey)\n"
            FileHandle.standardOutput.write(Data(line.utf8))
        }
        await board.close()
    }

    private func openStorage(logger: Logger) async throws -> any BoardStorage {
        if let postgres {
            return try await PostgresStorage(url: postgres, logger: logger)
        }
        return try SQLiteStorage(path: db, options: .init(readOnly: readOnly))
    }

    private func authorityKey() throws -> Ed25519.PublicKey? {
        guard let authority else { return nil }
        guard let bytes = Hex.decode(authority), let key = try? Ed25519.PublicKey(bytes: bytes) else {
            throw ValidationError("--authority: `\(authority)` is not a hexadecimal Ed25519 public key")
        }
        return key
    }

    private func admissionRules() throws -> EntryTypeRules {
        var rules = EntryTypeRules()
        for rule in accept {
            let parts = rule.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let type = String(parts[0])
            guard !type.isEmpty else { throw ValidationError("--accept `\(rule)`: the entry type is empty") }
            if parts.count == 1 {
                rules.register(type) { _ in }
                continue
            }
            let keys = try parts[1].split(separator: ",").map { text in
                guard let bytes = Base64.decode(text), let key = try? Ed25519.PublicKey(bytes: bytes) else {
                    throw ValidationError("--accept \(type): `\(text)` is not a base64 Ed25519 public key")
                }
                return key
            }
            rules.register(type, check: EntryTypeRules.signedBy(Set(keys)))
        }
        guard !rules.types.isEmpty else { throw ValidationError("give at least one --accept TYPE") }
        return rules
    }
}
