import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// Latencies of a load run and what they add up to.
struct LoadResult: Codable {
    /// Requests completed.
    let requests: Int
    /// Requests that failed (a non-2xx answer or a lost connection).
    let failures: Int
    /// Wall-clock seconds of the run.
    let seconds: Double
    /// Completed requests per second.
    let perSecond: Double
    /// Processor time of the whole process (server and load generator, user and system) per request, in
    /// microseconds: what a request costs whatever else runs on the machine.
    let cpuMicroseconds: Double
    /// Latency percentiles in milliseconds: p50, p90, p99, p99.9, max.
    let p50: Double, p90: Double, p99: Double, p999: Double, max: Double

    /// Summarises per-request latencies (in seconds) of a run that took `seconds` and `cpuSeconds` of processor
    /// time.
    init(latencies: [Double], failures: Int, seconds: Double, cpuSeconds: Double) {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000
        }
        requests = sorted.count
        self.failures = failures
        self.seconds = seconds
        perSecond = Double(sorted.count) / seconds
        cpuMicroseconds = sorted.count + failures == 0 ? 0 : cpuSeconds * 1e6 / Double(sorted.count + failures)
        p50 = percentile(0.5)
        p90 = percentile(0.9)
        p99 = percentile(0.99)
        p999 = percentile(0.999)
        max = (sorted.last ?? 0) * 1000
    }
}

/// One request of a load run.
struct LoadRequest: Sendable {
    /// `GET` or `POST`.
    var method: HTTPMethod
    /// The path and query.
    var uri: String
    /// The body of a `POST`.
    var body: ByteBuffer?
}

/// A load generator speaking plain HTTP/1.1 over `concurrency` keep-alive connections, each sending its next
/// request when the answer to the previous one has ended (no pipelining), every request timed from its first byte
/// written to its answer's last byte read.
///
/// It is SwiftNIO's HTTP codec and nothing else, so that the processor time of a run is the server's and not a
/// client library's, as with `wrk`-style tools.
enum HTTPLoad {
    /// Sends requests `0..<count` (request `i` is `request(i)`) to `host`:`port` and summarises the run.
    static func run(
        host: String, port: Int, count: Int, concurrency: Int, progress: ProgressBar,
        request: @escaping @Sendable (Int) -> LoadRequest
    ) async throws -> LoadResult {
        let next = SharedCounter()
        let group = MultiThreadedEventLoopGroup.singleton
        let cpuStart = processorSeconds()
        let started = ContinuousClock.now
        let results = try await withThrowingTaskGroup(of: ([Double], Int).self) { tasks in
            for _ in 0..<concurrency {
                tasks.addTask {
                    let done = group.next().makePromise(of: ([Double], Int).self)
                    let workload = LoadWorkload(
                        host: host, count: count, next: next, progress: progress, request: request)
                    _ = try await ClientBootstrap(group: group)
                        .channelOption(.socketOption(.tcp_nodelay), value: 1)
                        .channelInitializer { channel in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                                try channel.pipeline.syncOperations.addHandler(
                                    LoadConnection(workload: workload, done: done))
                            }
                        }
                        .connect(host: host, port: port).get()
                    return try await done.futureResult.get()
                }
            }
            return try await tasks.reduce(into: ([Double](), 0)) {
                $0.0 += $1.0
                $0.1 += $1.1
            }
        }
        progress.finish()
        return LoadResult(
            latencies: results.0, failures: results.1, seconds: (ContinuousClock.now - started).seconds,
            cpuSeconds: processorSeconds() - cpuStart)
    }
}

/// What every connection of a run shares: the request numbers still to send and how to make a request.
struct LoadWorkload: Sendable {
    let host: String
    let count: Int
    let next: SharedCounter
    let progress: ProgressBar
    let request: @Sendable (Int) -> LoadRequest
}

/// One keep-alive connection of a load run, confined to its event loop.
final class LoadConnection: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let workload: LoadWorkload
    private let done: EventLoopPromise<([Double], Int)>
    private var latencies = [Double]()
    private var failures = 0
    private var sent: NIODeadline?
    private var succeeded = false
    private var finished = false

    init(workload: LoadWorkload, done: EventLoopPromise<([Double], Int)>) {
        self.workload = workload
        self.done = done
    }

    func channelActive(context: ChannelHandlerContext) {
        sendNext(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            succeeded = (200..<300).contains(head.status.code)
        case .body:
            break
        case .end:
            if let sent, succeeded {
                latencies.append(Double((NIODeadline.now() - sent).nanoseconds) / 1e9)
            } else {
                failures += 1
            }
            sent = nil
            workload.progress.advance()
            sendNext(context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if sent != nil { failures += 1 }
        finish()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func sendNext(context: ChannelHandlerContext) {
        let index = workload.next.value.add(1, ordering: .relaxed).oldValue
        guard index < workload.count else {
            finish()
            context.close(promise: nil)
            return
        }
        let request = workload.request(index)
        var head = HTTPRequestHead(version: .http1_1, method: request.method, uri: request.uri)
        head.headers.add(name: "Host", value: workload.host)
        if let body = request.body {
            head.headers.add(name: "Content-Type", value: "application/json")
            head.headers.add(name: "Content-Length", value: String(body.readableBytes))
        }
        sent = .now()
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body = request.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        done.succeed((latencies, failures))
    }
}

/// A counter shared by the load's connections.
final class SharedCounter: Sendable {
    /// The next request's number.
    let value = Atomic(0)
}

/// User and system processor time this process has used, in seconds (`getrusage`).
func processorSeconds() -> Double {
    guard let usage = resourceUsage() else { return 0 }
    func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

/// The resident memory of this process in MiB (Linux `/proc/self/status`), or 0 where unavailable.
func residentMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

/// The largest resident memory this process has had, in MiB (`getrusage`'s `ru_maxrss`).
func peakResidentMemoryMiB() -> Double {
    guard let usage = resourceUsage() else { return 0 }
    return Double(usage.ru_maxrss) / 1024
}

/// This process's `getrusage` record.
private func resourceUsage() -> rusage? {
    var usage = rusage()
    #if os(Linux)
        let who = __rusage_who_t(RUSAGE_SELF.rawValue)
    #else
        let who = RUSAGE_SELF
    #endif
    return getrusage(who, &usage) == 0 ? usage : nil
}
