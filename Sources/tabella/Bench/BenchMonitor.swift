import ArgumentParser
import Foundation
import TabellaBoard
import TabellaCrypto
import TabellaMonitor

/// `tabella bench monitor`: the monitor's processor time per arrival and its lag behind a paced stream.
struct BenchMonitor: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor",
        abstract: "Measure the monitor's CPU per ballot arrival and its lag behind a stream of --rate ballots/s.",
        discussion: """
            Generates synthetic elections (40 regions of 5,000 to 25,000 voters), then (1) consumes their arrivals \
            as fast as possible on one thread, timing its CPU per arrival, beside the same run's references: \
            decoding one ballot-sized board entry and checking its Ed25519 signature, the work the board does \
            for each ballot; (2) replays arrivals paced at --rate per second of wall time for --seconds, \
            recording for each the lag between its scheduled time and the end of its processing, and the \
            thread's CPU time over the wall time. The stream's simulated day is compressed; what is measured \
            is the monitor's own work, not the network's.

            With --live: a board on loopback fed at --rate ballots/s for --seconds, and the live monitor \
            (`tabella monitor --board`, a child process) following its events; prints the monitor's lag at the \
            close (from appending the closing entry to the monitor's exit, having read every entry) and its CPU, \
            beside the board's CPU per ballot.
            """
    )

    @Option(help: "Ballots per second of the paced stream.")
    var rate = 5_000

    @Option(help: "Seconds of the paced stream.")
    var seconds = 20

    @Flag(help: "Measure the live monitor following a board's event stream instead.")
    var live = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    struct Results: Codable {
        var arrivals = 0
        var monitorMicrosecondsPerArrival = 0.0
        var entryDecodeMicroseconds = 0.0
        var signatureCheckMicroseconds = 0.0
        var rate = 0
        var pacedArrivals = 0
        var lagMillisecondsMedian = 0.0
        var lagMillisecondsP99 = 0.0
        var lagMillisecondsMax = 0.0
        var cpuShareOfOneCore = 0.0
    }

    func run() async throws {
        if live {
            let results = try await BenchMonitorLive(rate: rate, seconds: seconds).run()
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                print(String(decoding: try encoder.encode(results), as: UTF8.self))
            } else {
                print(BenchMonitorLive.describe(results))
            }
            return
        }
        var settings = SyntheticElection.Settings()
        settings.regions = 40
        settings.regionVoters = 5_000...25_000
        let profile = try SyntheticEvaluation.learnProfile(seeds: [20_000, 20_001], settings: settings,
                                                           slotLength: 300)
        let elections = [SyntheticElection(seed: 20_002, attack: .stuffing5, settings: settings),
                         SyntheticElection(seed: 20_003, attack: .revoteStorm, settings: settings)]
        var results = Results()

        // 1. CPU per arrival, as fast as possible.
        var cpu = 0.0
        for election in elections {
            var monitor = try ElectionMonitor(roll: election.roll, profile: profile)
            let (_, microseconds) = try Stopwatch.threadMicroseconds {
                for arrival in election.arrivals { _ = try monitor.consume(arrival) }
            }
            cpu += microseconds
            results.arrivals += election.arrivals.count
        }
        results.monitorMicrosecondsPerArrival = cpu / Double(results.arrivals)
        let voter = Ed25519.PrivateKey()
        let ballot = try BoardEntry(type: "ballot", election: "bench", payload: [UInt8](repeating: 0x42, count: 1_200),
                                    signedBy: voter)
        let encoded = ballot.encoded
        results.entryDecodeMicroseconds = Stopwatch.microsecondsPerOperation(iterations: 2_000) { _ in
            _ = try? BoardEntry(decoding: encoded)
        }
        results.signatureCheckMicroseconds = Stopwatch.microsecondsPerOperation(iterations: 500) { _ in
            try? ballot.verifySignature()
        }

        // 2. Paced at --rate, lag per arrival.
        results.rate = rate
        let stream = elections[0]
        var monitor = try ElectionMonitor(roll: stream.roll, profile: profile)
        let count = min(stream.arrivals.count, rate * seconds)
        var lags = [Double]()
        lags.reserveCapacity(count)
        let start = ContinuousClock.now
        let (_, busy) = try Stopwatch.threadMicroseconds {
            for index in 0..<count {
                let due = start + .microseconds(Int64(index) * 1_000_000 / Int64(rate))
                while ContinuousClock.now < due { usleep(50) }
                _ = try monitor.consume(stream.arrivals[index])
                lags.append((ContinuousClock.now - due).seconds * 1_000)
            }
        }
        let wall = (ContinuousClock.now - start).seconds
        lags.sort()
        results.pacedArrivals = count
        results.lagMillisecondsMedian = lags[lags.count / 2]
        results.lagMillisecondsP99 = lags[lags.count * 99 / 100]
        results.lagMillisecondsMax = lags.last ?? 0
        results.cpuShareOfOneCore = busy / 1_000_000 / wall

        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(results), as: UTF8.self))
            return
        }
        print("""
            Monitor over \(results.arrivals) arrivals of two synthetic elections (40 regions):
              monitor CPU per arrival:        \(String(format: "%.2f", results.monitorMicrosecondsPerArrival)) µs
              reference, decode one entry:    \(String(format: "%.2f", results.entryDecodeMicroseconds)) µs
              reference, Ed25519 check:       \(String(format: "%.2f", results.signatureCheckMicroseconds)) µs \
            (monitor / check: \(String(format: "%.3f", results.monitorMicrosecondsPerArrival / results.signatureCheckMicroseconds)))
            Paced at \(rate) ballots/s for \(count) arrivals:
              lag median / p99 / max:         \(String(format: "%.2f / %.2f / %.2f", results.lagMillisecondsMedian,
                                                       results.lagMillisecondsP99, results.lagMillisecondsMax)) ms
              CPU (share of one core):        \(String(format: "%.3f", results.cpuShareOfOneCore))
            """)
    }
}
