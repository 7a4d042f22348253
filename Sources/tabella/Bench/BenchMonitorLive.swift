import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaRecord
import TabellaVerifier

/// `tabella bench monitor --live`: the live monitor (`tabella monitor --board`, a child process) following a board
/// on loopback fed at a paced rate of ballots; its lag behind the board and its CPU, beside the board's own CPU per
/// ballot in the same run.
///
/// The board admits the election's entry types without the election's checks (a plain `EntryTypeRules`), so that
/// it can take thousands of ballots a second on two cores; the ballots are ballot-sized but not real ballots,
/// which the monitor does not check (it reads the signer, and the confirmation code's bytes).
struct BenchMonitorLive {
    /// What the live run measured.
    struct Results: Codable {
        var voters = 0
        var regions = 0
        var targetRate = 0
        var ballots = 0
        var achievedRate = 0.0
        var feedSeconds = 0.0
        var lagAtCloseMilliseconds = 0.0
        var monitorCPUSeconds = 0.0
        var monitorCPUShareOfOneCore = 0.0
        var monitorMicrosecondsPerBallot = 0.0
        var boardMicrosecondsPerBallot = 0.0
        var alertsPosted = 0
    }

    let rate: Int
    let seconds: Int
    let regions = 20

    func run() async throws -> Results {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("tabella-bench-monitor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var results = Results()
        results.targetRate = rate
        results.regions = regions
        let count = rate * seconds
        results.voters = count
        let election = "bench-monitor"
        let (authority, monitor) = (Ed25519.PrivateKey(), Ed25519.PrivateKey())
        let credentials = (0..<count).map { _ in Ed25519.PrivateKey() }
        let now = Int64(Date().timeIntervalSince1970)
        let setup = try setupEntries(election: election, credentials: credentials, authority: authority,
                                     monitor: monitor, period: (now, now + Int64(seconds) + 5))
        let ballots = try credentials.shuffled().map { credential in
            try BoardEntry(type: ElectionEntryType.ballot.rawValue, election: election,
                           payload: PayloadCoding.encode(BallotPost(salt: SecureRandom.bytes(count: 16),
                                                                    ballot: SecureRandom.bytes(count: 1_200))),
                           signedBy: credential)
        }
        let close = try BoardEntry(type: ElectionEntryType.close.rawValue, election: election,
                                   payload: PayloadCoding.encode(CloseNotice(ballots: count)), signedBy: authority)

        var rules = EntryTypeRules()
        for type in ElectionEntryType.allCases { rules.register(type.rawValue) { _ in } }
        let board = Board(storage: try SQLiteStorage(path: folder.appendingPathComponent("board.sqlite").path),
                          signer: Ed25519NoteSigner(name: "bench.local/\(election)", privateKey: .init()),
                          election: election, policy: rules)
        try await board.start()
        var configuration = BoardServer.Configuration()
        configuration.port = 0
        configuration.rateLimit = nil
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let server = try await RunningBoardServer.start(board: board, configuration: configuration, logger: logger)
        for start in stride(from: 0, to: setup.count, by: 1000) {
            _ = try await board.append(Array(setup[start..<min(setup.count, start + 1000)]))
        }

        let keyFile = folder.appendingPathComponent("monitor.key")
        try Data((VerifierKey.formatSigner(name: "monitor", privateKey: monitor) + "\n").utf8).write(to: keyFile)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["monitor", "--board", server.baseURL, "--key", keyFile.path, "--json"]
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle.nullDevice
        let exited = Self.exitTime(of: child)
        try child.run()
        while board.events.subscriberCount == 0 { try await Task.sleep(for: .milliseconds(20)) }

        // Feed in batches every 10 ms, on schedule; the board's CPU is this process's.
        let batch = max(1, rate / 100)
        let (feedStart, cpuStart) = (ContinuousClock.now, ProcessTime.cpuSeconds())
        var next = 0
        while next < ballots.count {
            let due = feedStart + .microseconds(Int64(next) * 1_000_000 / Int64(rate))
            if ContinuousClock.now < due { try await Task.sleep(until: due, clock: .continuous) }
            let end = min(ballots.count, next + batch)
            _ = try await board.append(Array(ballots[next..<end]))
            next = end
        }
        let feedEnd = ContinuousClock.now
        let boardCPU = ProcessTime.cpuSeconds() - cpuStart
        _ = try await board.append([close])
        let closed = Date()
        let exit = await exited.value
        let entries = try await board.entries(from: 0, to: try await board.head().size)
        results.alertsPosted = entries.count { $0.type == ElectionEntryType.monitorAlert.rawValue }
        await server.stop()
        await board.close()

        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        let childCPU = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        results.ballots = ballots.count
        results.feedSeconds = (feedEnd - feedStart).seconds
        results.achievedRate = Double(ballots.count) / results.feedSeconds
        results.lagAtCloseMilliseconds = exit.timeIntervalSince(closed) * 1000
        results.monitorCPUSeconds = childCPU
        results.monitorCPUShareOfOneCore = childCPU / max(1e-9, exit.timeIntervalSince(closed)
                                                               + results.feedSeconds)
        results.monitorMicrosecondsPerBallot = childCPU * 1e6 / Double(ballots.count)
        results.boardMicrosecondsPerBallot = boardCPU * 1e6 / Double(ballots.count)
        return results
    }

    /// The results as text.
    static func describe(_ results: Results) -> String {
        """
        Live monitor following a board on loopback (\(results.voters) voters in \(results.regions) regions):
          fed:                            \(results.ballots) ballots in \(String(format: "%.1f", results.feedSeconds)) s \
        (\(Int(results.achievedRate.rounded())) ballots/s, target \(results.targetRate))
          lag at the close:               \(String(format: "%.0f", results.lagAtCloseMilliseconds)) ms
          monitor CPU:                    \(String(format: "%.2f", results.monitorCPUSeconds)) s, \
        \(String(format: "%.1f", results.monitorMicrosecondsPerBallot)) µs per ballot, \
        \(String(format: "%.3f", results.monitorCPUShareOfOneCore)) of one core
          reference, board CPU:           \(String(format: "%.1f", results.boardMicrosecondsPerBallot)) µs per ballot \
        (monitor / board: \(String(format: "%.2f", results.monitorMicrosecondsPerBallot / results.boardMicrosecondsPerBallot)))
          alerts posted:                  \(results.alertsPosted)
        """
    }

    /// The definition (declaring `monitor`) and the roll of `credentials` in ``regions`` regions, one token each.
    private func setupEntries(election: String, credentials: [Ed25519.PrivateKey], authority: Ed25519.PrivateKey,
                              monitor: Ed25519.PrivateKey, period: (Int64, Int64)) throws -> [BoardEntry] {
        let voters = credentials.enumerated().map { offset, key in
            VoterRoll.Voter(credential: key.publicKey.bytes, region: "region-\(offset % regions)", tokens: 1)
        }
        let chunks = stride(from: 0, to: voters.count, by: 250).enumerated().map { number, start in
            PayloadCoding.encode(RollChunk(chunk: number + 1, voters: Array(voters[start..<min(voters.count,
                                                                                               start + 250)])))
        }
        let contest = Contest(
            id: "pick", question: "Pick one", kind: .choose,
            options: ["a", "b"].map { Contest.Option(id: $0, text: $0) }, minimumSelections: 1,
            maximumSelections: 1, rule: DecisionRule(quorum: .zero, threshold: .zero, strict: false))
        let manifest = ElectionManifest(
            electionID: election, title: "Monitor benchmark", contests: [contest], weightFunction: .linear,
            opens: period.0, closes: period.1, trustees: 1, threshold: 1, group: ElectionGroup.ristretto255.rawValue)
        let definition = ElectionDefinition(
            manifest: manifest, authority: Hex.encode(authority.publicKey.bytes),
            trustees: [.init(name: "t1", boardKey: Hex.encode(Ed25519.PrivateKey().publicKey.bytes),
                             ceremonyKey: "00")],
            roll: .init(voters: voters.count, chunks: chunks.count,
                        digest: Hex.encode(Digest.sha256.hash(chunks.flatMap { $0 }))),
            ceremonySession: Hex.encode(SecureRandom.bytes(count: 16)), monitor: Hex.encode(monitor.publicKey.bytes))
        try definition.validate()
        let sign = { (type: ElectionEntryType, payload: [UInt8]) in
            try BoardEntry(type: type.rawValue, election: election, payload: payload, signedBy: authority)
        }
        return try [sign(.definition, PayloadCoding.encode(definition))] + chunks.map { try sign(.roll, $0) }
    }

    /// The time at which `process` exits, from its termination handler (set before it runs). Not
    /// `waitUntilExit` on a thread: on Linux that polls a run loop and would take a core from the board.
    private static func exitTime(of process: Process) -> Task<Date, Never> {
        let (stream, continuation) = AsyncStream.makeStream(of: Date.self)
        process.terminationHandler = { _ in
            continuation.yield(Date())
            continuation.finish()
        }
        return Task {
            for await date in stream { return date }
            return Date()
        }
    }
}
