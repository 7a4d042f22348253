import AsyncHTTPClient
import Foundation
import Logging
import TabellaBoard
import TabellaCrypto
import TabellaElection
import TabellaGroups
import TabellaMonitor
import TabellaRecord
import TabellaTestSupport
import Testing

/// Headless Chromium (Debian's `chromium`, installed by `.ci/install`), if present.
enum Chromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs Chromium headless with `arguments`, each time with a profile of its own, until a run ends within
    /// `limit`, at most `attempts` times; its standard output. Headless Chromium on a loaded machine now and then
    /// never ends a run (seen once in CI, on a screenshot); if every attempt is killed, the test fails instead of
    /// holding up the suite.
    static func run(_ arguments: [String], limit: Duration = .seconds(90), attempts: Int = 3) async throws -> String {
        for _ in 0..<attempts {
            if let output = try await runOnce(arguments, limit: limit) { return output }
        }
        Issue.record("Chromium did not finish within \(limit), \(attempts) times: \(arguments.joined(separator: " "))")
        return ""
    }

    /// One run; nil when it had not ended within `limit` and was killed. The output goes to a file, not a pipe (a
    /// helper process Chromium leaves behind would hold a pipe open).
    private static func runOnce(_ arguments: [String], limit: Duration) async throws -> String? {
        let path = try #require(path)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("stdout")
        try Data().write(to: output)
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
                             "--virtual-time-budget=8000"] + arguments
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        try handle.close()
        let deadline = ContinuousClock.now + limit
        while process.isRunning && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        if process.isRunning {
            process.terminate()
            try await Task.sleep(for: .seconds(2))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            return nil
        }
        return String(decoding: try Data(contentsOf: output), as: UTF8.self)
    }
}

/// The board's web page, loaded in headless Chromium over a simulated election with monitor alerts on its board.
/// In CI (`CI` set) a missing Chromium fails the test instead of skipping it.
@Suite(.enabled(if: Chromium.path != nil || ProcessInfo.processInfo.environment["CI"] != nil))
struct BoardPageTests {
    @Test(.timeLimit(.minutes(10))) func thePageShowsTheElectionsTurnoutAlertsAndCheckpoint() async throws {
        // A 12-hour monitor day in 60 seconds of voting: the slots of the turnout series close as ballots arrive.
        let now = Int64(Date().timeIntervalSince1970)
        let test = try await TestElection.open(voters: 9, regions: ["north", "south", "west"],
                                               period: (now, now + 60))
        let dashboard = BoardDashboard(board: test.board)
        await dashboard.start()
        var configuration = BoardServer.Configuration()
        configuration.port = 0
        configuration.rateLimit = nil
        configuration.dashboard = dashboard
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let server = try await RunningBoardServer.start(board: test.board, configuration: configuration,
                                                        logger: logger)
        defer { Task { await server.stop(); await dashboard.stop() } }

        // Voters 1 to 7 cast, a second apart (7 of 9: north 3 of 3, south 2 of 3, west 2 of 3).
        let open = try await test.view()
        var codes = [String: UInt64]()
        for index in 0..<7 {
            let prepared = try test.voter(index).ballot(open, choices: [[1, 0, 0]])
            codes[Hex.encode(prepared.confirmationCode)] = try await test.append(prepared.entry)
            try await Task.sleep(for: .milliseconds(400))
        }
        // The monitor's alerts (replayed over the board), posted signed as the live monitor posts them.
        let alerts = try BoardWatch.replay(try await test.entries()).alerts
        try #require(!alerts.isEmpty, "the replay raised no alert to show")
        try await test.append(entries: try alerts.map {
            try BoardEntry(type: ElectionEntryType.monitorAlert.rawValue, election: TestElection.election,
                           payload: PayloadCoding.encode($0), signedBy: test.monitor)
        })
        let size = try await test.board.head().size

        let page = try await Chromium.run(["--dump-dom", "\(server.baseURL)/ui/"])
        #expect(page.contains(#"data-loaded="true""#), "the script did not finish: \(page.prefix(2_000))")
        for (region, voted) in [("north", 3), ("south", 2), ("west", 2)] {
            #expect(page.contains(#"<li data-region="\#(region)">"#) && page.contains("\(region): \(voted) of 3"),
                    "\(region)")
            #expect(page.contains(#"data-region="\#(region)"></polyline>"#), "the turnout line of \(region)")
        }
        #expect(page.contains("7 of 9 voters have cast"))
        #expect(page.contains(#"id="forecast-band""#))
        for alert in alerts {
            #expect(page.contains(#"data-detector="\#(alert.detector)""#))
            #expect(page.contains(alert.explanation.replacingOccurrences(of: "&", with: "&amp;")),
                    "alert \(alert.alert)")
        }
        #expect(page.contains(#"<dd id="checkpoint-size">\#(size)</dd>"#))
        #expect(page.contains(#"id="top-share""#))
        #expect(page.contains("(the board's signature)"))

        // The screenshot, a CI artefact.
        let screenshot = VectorFiles.url("").deletingLastPathComponent()
            .appendingPathComponent(".build/ui-screenshot.png")
        try? FileManager.default.removeItem(at: screenshot)
        _ = try await Chromium.run(["--screenshot=\(screenshot.path)", "--window-size=1280,1600",
                                    "\(server.baseURL)/ui/"])
        #expect(FileManager.default.fileExists(atPath: screenshot.path))

        // `/` leads to the page; the receipt lookup finds each ballot by its confirmation code.
        let client = BoardClient(baseURL: server.baseURL)
        let (code, index) = try #require(codes.first)
        let found = try JSONDecoder().decode([String: UInt64].self, from: Data(try await client.request(
            "ui/receipt?code=\(code)")))
        #expect(found["index"] == index)
        let unknown = String(repeating: "0", count: 64)
        await #expect(throws: BoardError.self) { try await client.request("ui/receipt?code=\(unknown)") }
        var root = HTTPClient.Configuration()
        root.redirectConfiguration = .disallow
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: root)
        let response = try await http.execute(HTTPClientRequest(url: "\(server.baseURL)/"), timeout: .seconds(10))
        try await http.shutdown()
        #expect(response.status.code == 302 && response.headers.first(name: "Location") == "/ui/")
    }
}
