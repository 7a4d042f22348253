import Foundation
import NIOCore
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

/// One request of a load run: its bytes on the wire, head and body.
struct LoadRequest: Sendable {
    /// The request as sent.
    let bytes: ByteBuffer

    /// A `GET` of `uri` (path and query).
    static func get(_ uri: String, host: String) -> LoadRequest {
        LoadRequest(bytes: ByteBuffer(string: "GET \(uri) HTTP/1.1\r\nHost: \(host)\r\n\r\n"))
    }

    /// A `POST` of a JSON `body` to `uri`.
    static func post(_ uri: String, host: String, json body: ByteBuffer) -> LoadRequest {
        var bytes = ByteBuffer(
            string: "POST \(uri) HTTP/1.1\r\nHost: \(host)\r\nContent-Type: application/json\r\n"
                + "Content-Length: \(body.readableBytes)\r\n\r\n")
        bytes.writeImmutableBuffer(body)
        return LoadRequest(bytes: bytes)
    }
}

/// A load generator speaking plain HTTP/1.1 over `concurrency` keep-alive connections, each sending its next
/// request when the answer to the previous one has ended (no pipelining), every request timed from its first byte
/// written to its answer's last byte read.
///
/// Like `wrk`, it writes requests made before they are timed and reads answers with a parser of its own that
/// needs only the status line and `Content-Length` (the server frames every answer with it; one without it
/// counts as failed and ends its connection), so that the processor time of a run is mostly the server's and not
/// a client library's.
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
                    let workload = LoadWorkload(count: count, next: next, progress: progress, request: request)
                    _ = try await ClientBootstrap(group: group)
                        .channelOption(.socketOption(.tcp_nodelay), value: 1)
                        .channelInitializer { channel in
                            channel.eventLoop.makeCompletedFuture {
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
    let count: Int
    let next: SharedCounter
    let progress: ProgressBar
    let request: @Sendable (Int) -> LoadRequest
}

/// One keep-alive connection of a load run, confined to its event loop.
final class LoadConnection: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let workload: LoadWorkload
    private let done: EventLoopPromise<([Double], Int)>
    private var latencies = [Double]()
    private var failures = 0
    private var sent: NIODeadline?
    private var received = ByteBuffer()
    private var answer: HTTPAnswerHead?
    private var finished = false

    init(workload: LoadWorkload, done: EventLoopPromise<([Double], Int)>) {
        self.workload = workload
        self.done = done
    }

    func channelActive(context: ChannelHandlerContext) {
        sendNext(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        received.writeBuffer(&bytes)
        while true {
            if answer == nil {
                switch HTTPAnswerHead.parse(&received) {
                case .incomplete: return
                case .unframed:
                    failures += 1
                    sent = nil
                    context.close(promise: nil)
                    return
                case .head(let head): answer = head
                }
            }
            guard let head = answer, received.readableBytes >= head.bodyByteCount else { return }
            received.moveReaderIndex(forwardBy: head.bodyByteCount)
            received.discardReadBytes()
            answer = nil
            if let sent, (200..<300).contains(head.status) {
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
        sent = .now()
        context.writeAndFlush(wrapOutboundOut(request.bytes), promise: nil)
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        done.succeed((latencies, failures))
    }
}

/// The status and body length of an HTTP/1.1 answer, read from its head.
struct HTTPAnswerHead {
    /// The status code.
    let status: Int
    /// The body's length from `Content-Length`.
    let bodyByteCount: Int

    /// What the start of a buffer holds.
    enum Parsed {
        /// Not yet a whole head.
        case incomplete
        /// A head without a status code or `Content-Length`: its answer's end cannot be found.
        case unframed
        /// A head, now read from the buffer.
        case head(HTTPAnswerHead)
    }

    /// Reads an answer's head from the start of `buffer` when it is all there.
    static func parse(_ buffer: inout ByteBuffer) -> Parsed {
        let (parsed, headByteCount) = buffer.withUnsafeReadableBytes { bytes -> (Parsed, Int) in
            guard let end = headEnd(bytes) else { return (.incomplete, 0) }
            let head = UnsafeRawBufferPointer(rebasing: bytes[..<end])
            guard head.starts(with: "HTTP/1.".utf8), head.count >= 12, let status = decimal(head[9..<12]) else {
                return (.unframed, end)
            }
            var lineStart = 0
            while let newline = head[lineStart...].firstIndex(of: 10) {
                lineStart = newline + 1
                let line = head[lineStart...]
                guard line.count > contentLength.count,
                    zip(line, contentLength).allSatisfy({ ((65...90).contains($0) ? $0 | 0x20 : $0) == $1 })
                else { continue }
                let value = line.dropFirst(contentLength.count).prefix { $0 != 13 }.drop { $0 == 32 }
                guard let length = decimal(value) else { break }
                return (.head(HTTPAnswerHead(status: status, bodyByteCount: length)), end)
            }
            return (.unframed, end)
        }
        buffer.moveReaderIndex(forwardBy: headByteCount)
        return parsed
    }

    /// `content-length:` in lower case.
    private static let contentLength = Array("content-length:".utf8)

    /// The length of the head (up to and with its empty line), if it is all in `bytes`.
    private static func headEnd(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// The value of ASCII decimal digits (at most 18, no sign, trailing spaces allowed).
    private static func decimal(_ digits: Slice<UnsafeRawBufferPointer>) -> Int? {
        let digits = digits.prefix { $0 != 32 }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
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
