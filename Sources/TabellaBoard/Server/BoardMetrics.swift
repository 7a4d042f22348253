import Prometheus
import TabellaGroups

/// The board's Prometheus metrics, in a registry of its own (served at `/metrics`).
public final class BoardMetrics: Sendable {
    /// The registry the metrics are emitted from.
    public let registry = PrometheusCollectorRegistry()
    private let appended: Counter
    private let logSize: Gauge
    private let appendLatency: DurationHistogram

    /// Fresh metrics.
    public init() {
        appended = registry.makeCounter(
            descriptor: .init(
                namespace: "tabella", subsystem: "board", metricName: "entries_appended", unitName: "total",
                helpText: "Entries appended to the log."))
        logSize = registry.makeGauge(
            descriptor: .init(
                namespace: "tabella", subsystem: "board", metricName: "log_size", unitName: "entries",
                helpText: "Entries in the log."))
        appendLatency = registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "tabella", subsystem: "board", metricName: "append_duration", unitName: "seconds",
                helpText: "Time from receiving an append to its durable acknowledgement."),
            buckets: [
                .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
                .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .seconds(1),
            ])
    }

    private struct RequestKey: Hashable {
        let route: String
        let status: Int
    }

    private let requestCounters = Locked<[RequestKey: Counter]>([:])

    /// Counts a request by route and status (the counter of each pair is made once and kept).
    func request(route: String, status: Int) {
        let key = RequestKey(route: route, status: status)
        let counter = requestCounters.withLock { counters in
            if let counter = counters[key] { return counter }
            let counter = registry.makeCounter(
                descriptor: .init(
                    namespace: "tabella", subsystem: "board", metricName: "http_requests", unitName: "total",
                    helpText: "HTTP requests by route and status."),
                labels: [("route", route), ("status", String(status))])
            counters[key] = counter
            return counter
        }
        counter.increment()
    }

    private let largestSize = Locked<UInt64>(0)

    /// Records an acknowledged append and a size the log has reached.
    func appended(count: Int, duration: Duration, logSize size: UInt64) {
        appended.increment(by: Int64(count))
        appendLatency.record(duration)
        let largest = largestSize.withLock { largest in
            largest = max(largest, size)
            return largest
        }
        logSize.set(Double(largest))
    }

    /// The metrics in Prometheus's text format.
    public func exposition() -> [UInt8] { registry.emitToBuffer() }
}
