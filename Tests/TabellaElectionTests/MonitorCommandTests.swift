import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaRecord
import TabellaTestSupport
import TabellaVerifier
import Testing

/// `tabella monitor` live and `tabella monitor replay`, run as a user runs them, against a board on loopback.
@Suite struct MonitorCommandTests {
    /// One line of `--json` output.
    struct Line: Decodable {
        let alert: MonitorAlertPost
        let index: UInt64?
    }

    static func keyFile(_ key: Ed25519.PrivateKey) throws -> String {
        let path = ScratchDirectory.make("tabella-monitor").appendingPathComponent("monitor.key").path
        try Data((VerifierKey.formatSigner(name: "monitor", privateKey: key) + "\n").utf8)
            .write(to: URL(fileURLWithPath: path))
        return path
    }

    static func serve(_ test: TestElection) async throws -> RunningBoardServer {
        var configuration = BoardServer.Configuration()
        configuration.port = 0
        configuration.rateLimit = nil
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try await RunningBoardServer.start(board: test.board, configuration: configuration, logger: logger)
    }

    /// Runs `tabella` on a thread of its own: the board under test answers on this process's task threads, which
    /// a blocking wait must not hold.
    static func tabella(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try TabellaExecutable.runReadingErrors(arguments) })
            }
        }
    }

    static func lines(_ output: String) throws -> [Line] {
        try output.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    @Test func theLiveMonitorPostsSignedAlertsThatVerifyAndTheReplayFindsThem() async throws {
        let test = try await TestElection.open()
        let server = try await Self.serve(test)
        defer { Task { await server.stop() } }
        let key = try Self.keyFile(test.monitor)
        let live = Task { try await Self.tabella(["monitor", "--board", server.baseURL, "--key", key, "--json"]) }
        let deadline = ContinuousClock.now + .seconds(60)
        while test.board.events.subscriberCount == 0, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        try #require(test.board.events.subscriberCount > 0, "the monitor never subscribed to /events")
        // The fourth voter holds 4 of the roll's 10 units of weight: its ballot alone is a concentration alert.
        let open = try await test.view()
        for index in [3, 0, 1, 2] {
            try await test.append(try test.voter(index).ballot(open, choices: [[1, 0, 0]]).entry)
        }
        try await Task.sleep(for: .milliseconds(500))
        try await test.append(try test.authority.close(try await test.view()))
        let (status, output, errors) = try await live.value
        #expect(status == 0, "\(errors)")
        let lines = try Self.lines(output)
        #expect(lines.contains { $0.alert.detector == "concentration" }, "\(output)")
        #expect(lines.allSatisfy { $0.index != nil }, "every alert raised live is posted: \(output)")
        #expect(lines.map(\.alert.alert) == Array(1...lines.count))

        let entries = try await test.entries()
        let report = await test.verify(entries)
        let step = try #require(report.steps.first { $0.step == ElectionCheck.monitorAlerts.rawValue })
        #expect(step.status == .passed && step.checked == lines.count, "\(report.firstFailure.map(\.description) ?? "")")
        for line in lines {
            let entry = entries[Int(line.index!)]
            #expect(entry.type == "monitor-alert" && entry.signer == test.monitor.publicKey)
            #expect(try PayloadCoding.decode(MonitorAlertPost.self, from: entry.payload, type: .monitorAlert)
                == line.alert)
        }

        let replay = try await Self.tabella(["monitor", "replay", server.baseURL, "--json"])
        #expect(replay.status == 0, "\(replay.errors)")
        #expect(try Self.lines(replay.output).contains { $0.alert.detector == "concentration" && $0.index == nil })
        let text = try await Self.tabella(["monitor", "replay", server.baseURL])
        #expect(text.output.contains("the board holds \(lines.count) monitor alerts"), "\(text.output)")
    }

    @Test func aWrongKeyOrAnUnreadableBoardExitsWithAClearMessage() async throws {
        let test = try await TestElection.open()
        let server = try await Self.serve(test)
        defer { Task { await server.stop() } }
        let wrong = try await Self.tabella(
            ["monitor", "--board", server.baseURL, "--key", try Self.keyFile(test.outsider), "--json"])
        #expect(wrong.status == 2)
        #expect(wrong.errors.contains("is not the monitor key the election declares"), "\(wrong.errors)")
        let missing = try await Self.tabella(
            ["monitor", "--board", server.baseURL, "--key", "/nonexistent/monitor.key"])
        #expect(missing.status == 2)
        #expect(missing.errors.contains("cannot read the key file /nonexistent/monitor.key"), "\(missing.errors)")
        let unreachable = try await Self.tabella(
            ["monitor", "--board", "http://127.0.0.1:9", "--key", try Self.keyFile(test.monitor)])
        #expect(unreachable.status == 2)
        #expect(unreachable.errors.contains("cannot read the board http://127.0.0.1:9"), "\(unreachable.errors)")
        let replay = try await Self.tabella(["monitor", "replay", "/nonexistent/board"])
        #expect(replay.status == 2)
        #expect(replay.errors.contains("cannot read the board /nonexistent/board"), "\(replay.errors)")
    }

    @Test func theLearnedEvaluationRefusesBadOptionsBeforeItTrains() async throws {
        for (options, named) in [(["--alert-days", "1.5"], "alertDays"), (["--positive-weight", "0"], "positiveWeight"),
                                 (["--model-seeds", "0"], "--model-seeds")] {
            let run = try await Self.tabella(["monitor", "evaluate", "--part", "learned"] + options)
            #expect(run.status != 0)
            #expect(run.errors.contains(named), "\(run.errors)")
        }
    }
}
