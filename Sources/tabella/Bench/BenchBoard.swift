import ArgumentParser
import Foundation
import Logging
import NIOCore
import TabellaBoard
import TabellaCrypto

/// `tabella bench board`: the board under load over loopback.
struct BenchBoard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Load-test a SQLite board over loopback: durable appends, inclusion proofs, memory over a large log.",
        discussion: """
            Builds a log of --log-size entries of --payload bytes (every entry's Ed25519 signature checked on \
            admission), sampling resident memory as it grows; then serves it over HTTP on loopback and runs \
            --appends single-entry durable appends and --proofs inclusion-proof requests over --concurrency \
            keep-alive HTTP/1.1 connections from a SwiftNIO load generator in this process, reporting throughput, \
            latency percentiles and the processor time per request. References from the same run: \
            the same storage committing one entry per transaction (one fsync each), single-core Ed25519 \
            verification and key validation (which the board does once per signer key; each of the load's \
            appends comes from a signer of its own, as ballots do, so each pays it), in-process proof generation \
            without HTTP, and --proofs requests to GET /live, which \
            does no board work (the cost of HTTP alone).
            """
    )

    @Option(help: "Entries in the log before the HTTP phases.")
    var logSize = 1_000_000

    @Option(help: "Durable single-entry appends over HTTP.")
    var appends = 20_000

    @Option(help: "Inclusion-proof requests over HTTP.")
    var proofs = 100_000

    @Option(help: "Concurrent keep-alive HTTP connections, each with one request in flight.")
    var concurrency = 64

    @Option(help: "Payload bytes per entry.")
    var payload = 1024

    @Option(help: "Where to put the database (a new temporary folder by default; removed afterwards).")
    var directory: String?

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Results: Codable {
        var logSize = 0
        var buildPerSecond = 0.0
        var memoryMiB = [String: Double]()
        var peakMemoryMiB = [String: Double]()
        var appends: LoadResult?
        var oneCommitPerEntryPerSecond = 0.0
        var ed25519VerificationsPerSecond = 0.0
        var ed25519KeyValidationsPerSecond = 0.0
        var proofs: LoadResult?
        var live: LoadResult?
        var inProcessProofsPerSecond = 0.0
    }

    func run() async throws {
        let folder = URL(fileURLWithPath: directory ?? NSTemporaryDirectory())
            .appendingPathComponent("tabella-bench-board-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var results = Results()
        let author = Ed25519.PrivateKey()
        let storage = try SQLiteStorage(path: folder.appendingPathComponent("board.sqlite").path)
        var rules = EntryTypeRules()
        rules.register("bench") { _ in }
        var limits = Board.Limits()
        limits.maximumBatchCount = 1000
        let board = Board(
            storage: storage, signer: Ed25519NoteSigner(name: "bench.local/board", privateKey: Ed25519.PrivateKey()),
            election: "bench", policy: rules, limits: limits)
        try await board.start()
        let filler = [UInt8](repeating: 0x61, count: max(0, payload - 12))
        func entry(_ number: Int, by signer: Ed25519.PrivateKey? = nil) throws -> BoardEntry {
            try BoardEntry(
                type: "bench", election: "bench", payload: Array(String(format: "%012d", number).utf8) + filler,
                signedBy: signer ?? author)
        }

        // 1. Build the log in batches, checking every signature, sampling memory.
        let build = ProgressBar(total: logSize, label: "building the log", quiet: json)
        let buildStart = ContinuousClock.now
        var built = 0
        results.memoryMiB["0"] = residentMemoryMiB()
        while built < logSize {
            let count = min(1000, logSize - built)
            _ = try await board.append(try (built..<built + count).map { try entry($0) })
            built += count
            build.advance(by: count)
            if built % max(1, logSize / 10) < count || built == logSize {
                results.memoryMiB[String(built)] = residentMemoryMiB()
                results.peakMemoryMiB[String(built)] = peakResidentMemoryMiB()
            }
        }
        build.finish()
        results.logSize = logSize
        results.buildPerSecond = Double(logSize) / (ContinuousClock.now - buildStart).seconds

        // 2. Serve it and load it over loopback.
        var configuration = BoardServer.Configuration()
        configuration.port = 0
        configuration.rateLimit = nil
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let server = Task {
            try await BoardServer.run(board: board, configuration: configuration, logger: logger) {
                continuation.yield($0)
            }
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw ValidationError("the server did not start") }
        let host = "127.0.0.1"
        let requests = try (0..<appends).map { number in
            LoadRequest.post(
                "/entry", host: host,
                json: ByteBuffer(bytes: try JSONEncoder().encode(
                    EntryJSON(try entry(logSize + number, by: Ed25519.PrivateKey())))))
        }
        results.appends = try await HTTPLoad.run(
            host: host, port: port, count: appends, concurrency: concurrency,
            progress: ProgressBar(total: appends, label: "appends", quiet: json)
        ) { index in requests[index] }
        let size = try await board.head().size
        results.proofs = try await HTTPLoad.run(
            host: host, port: port, count: proofs, concurrency: concurrency,
            progress: ProgressBar(total: proofs, label: "inclusion proofs", quiet: json)
        ) { index in
            let leaf = UInt64(index &* 2_654_435_761 % Int(size))
            return LoadRequest.get("/proof/inclusion?index=\(leaf)&size=\(size)", host: host)
        }
        results.live = try await HTTPLoad.run(
            host: host, port: port, count: proofs, concurrency: concurrency,
            progress: ProgressBar(total: proofs, label: "GET /live", quiet: json)
        ) { _ in LoadRequest.get("/live", host: host) }
        results.memoryMiB["after load"] = residentMemoryMiB()
        results.peakMemoryMiB["after load"] = peakResidentMemoryMiB()

        // 3. References from the same run.
        let proofStart = ContinuousClock.now
        for index in 0..<20_000 { _ = try await board.inclusionProof(index: UInt64(index * 37) % size, size: size) }
        results.inProcessProofsPerSecond = 20_000 / (ContinuousClock.now - proofStart).seconds
        let sample = try entry(0)
        let verifyStart = ContinuousClock.now
        for _ in 0..<5_000 { try sample.verifySignature() }
        results.ed25519VerificationsPerSecond = 5_000 / (ContinuousClock.now - verifyStart).seconds
        let validateStart = ContinuousClock.now
        for _ in 0..<5_000 { _ = try Ed25519.PublicKey(bytes: sample.signer.bytes) }
        results.ed25519KeyValidationsPerSecond = 5_000 / (ContinuousClock.now - validateStart).seconds
        let single = try SQLiteStorage(path: folder.appendingPathComponent("single.sqlite").path)
        let singleStart = ContinuousClock.now
        for number in 0..<1_000 {
            _ = try await single.commit([[EntryRecord(try entry(number))]]) { _, _ in "" }
        }
        results.oneCommitPerEntryPerSecond = 1_000 / (ContinuousClock.now - singleStart).seconds
        await single.close()
        await board.close()
        try report(results)
    }

    private func report(_ results: Results) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        func line(_ name: String, _ load: LoadResult?) {
            guard let load else { return }
            print(
                String(
                    format: "%@: %.0f/s (%d requests, %d failed, %d connections, %.0f µs of processor time each); "
                        + "latency ms p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f",
                    name, load.perSecond, load.requests, load.failures, concurrency, load.cpuMicroseconds, load.p50,
                    load.p90, load.p99, load.p999, load.max))
        }
        print(
            String(
                format: "log of %d entries of %d bytes built at %.0f entries/s (batches of 1000, signatures checked)",
                results.logSize, payload, results.buildPerSecond))
        line("durable appends over HTTP", results.appends)
        if let appends = results.appends {
            print(
                String(
                    format: "  reference: one commit per entry %.0f/s (x%.1f), Ed25519 verify on one core %.0f/s, "
                        + "Ed25519 key validation (once per signer) %.0f/s",
                    results.oneCommitPerEntryPerSecond, appends.perSecond / results.oneCommitPerEntryPerSecond,
                    results.ed25519VerificationsPerSecond, results.ed25519KeyValidationsPerSecond))
        }
        line("inclusion proofs over HTTP", results.proofs)
        if let proofs = results.proofs {
            print(
                String(
                    format: "  reference: in-process proofs without HTTP %.0f/s (HTTP reaches %.0f%%)",
                    results.inProcessProofsPerSecond, 100 * proofs.perSecond / results.inProcessProofsPerSecond))
        }
        line("  reference: GET /live over HTTP, no board work (the HTTP floor)", results.live)
        for (name, memory) in [("resident", results.memoryMiB), ("peak resident", results.peakMemoryMiB)] {
            let samples = memory.sorted { (Int($0.key) ?? .max, $0.key) < (Int($1.key) ?? .max, $1.key) }
            print(
                "\(name) memory (MiB) by log size: "
                    + samples.map { String(format: "%@ %.0f", $0.key, $0.value) }.joined(separator: ", "))
        }
    }
}
