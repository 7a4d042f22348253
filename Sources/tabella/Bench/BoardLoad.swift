import Foundation
import Synchronization

/// Latencies of a load run and what they add up to.
struct LoadResult: Codable {
    /// Requests completed.
    let requests: Int
    /// Requests that failed.
    let failures: Int
    /// Wall-clock seconds of the run.
    let seconds: Double
    /// Completed requests per second.
    let perSecond: Double
    /// Latency percentiles in milliseconds: p50, p90, p99, p99.9, max.
    let p50: Double, p90: Double, p99: Double, p999: Double, max: Double

    /// Summarises per-request latencies (in seconds) of a run that took `seconds`.
    init(latencies: [Double], failures: Int, seconds: Double) {
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[Swift.min(sorted.count - 1, Int(Double(sorted.count) * p))] * 1000
        }
        requests = sorted.count
        self.failures = failures
        self.seconds = seconds
        perSecond = Double(sorted.count) / seconds
        p50 = percentile(0.5)
        p90 = percentile(0.9)
        p99 = percentile(0.99)
        p999 = percentile(0.999)
        max = (sorted.last ?? 0) * 1000
    }
}

/// Runs `count` requests from `concurrency` workers, each request `send(i)`, timing each one.
func runLoad(
    count: Int, concurrency: Int, progress: ProgressBar, _ send: @escaping @Sendable (Int) async throws -> Void
)
    async -> LoadResult
{
    let next = SharedCounter()
    let started = ContinuousClock.now
    let (latencies, failures) = await withTaskGroup(of: ([Double], Int).self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var latencies = [Double]()
                var failures = 0
                while true {
                    let index = next.value.add(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    let start = ContinuousClock.now
                    do {
                        try await send(index)
                        latencies.append((ContinuousClock.now - start).seconds)
                    } catch { failures += 1 }
                    progress.advance()
                }
                return (latencies, failures)
            }
        }
        return await group.reduce(into: ([Double](), 0)) {
            $0.0 += $1.0
            $0.1 += $1.1
        }
    }
    progress.finish()
    return LoadResult(latencies: latencies, failures: failures, seconds: (ContinuousClock.now - started).seconds)
}

/// A counter shared by the load's workers.
final class SharedCounter: Sendable {
    /// The next request's number.
    let value = Atomic(0)
}

/// The resident memory of this process in MiB (Linux `/proc/self/status`), or 0 where unavailable.
func residentMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}
