import TabellaGroups

/// A token bucket per client: each client may make `rate` requests per second on average and up to `burst` at
/// once. Clients idle long enough to have a full bucket are forgotten when the table grows.
public final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let rate: Double
    private let burst: Double
    private let maximumClients: Int
    private let buckets = Locked([String: Bucket]())

    /// A limiter of `rate` requests per second with bursts of `burst`, tracking at most `maximumClients`.
    public init(rate: Double, burst: Double, maximumClients: Int = 100_000) {
        precondition(rate > 0 && burst >= 1, "a rate limit needs a positive rate and a burst of at least 1")
        self.rate = rate
        self.burst = burst
        self.maximumClients = maximumClients
    }

    /// Takes a token for `client`; `false` when its bucket is empty.
    public func allow(_ client: String, now: ContinuousClock.Instant = .now) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[client] ?? Bucket(tokens: burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            bucket.tokens = min(burst, bucket.tokens + seconds * rate)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            if buckets.count >= maximumClients, buckets[client] == nil {
                buckets = buckets.filter { $0.value.tokens < burst - 1 }
            }
            buckets[client] = bucket
            return allowed
        }
    }
}
