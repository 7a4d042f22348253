#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A value that threads share, read and changed only while holding its POSIX mutex.
///
/// Tabella uses this rather than the standard library's `Mutex`: on Linux that `Mutex` hands a contended lock to
/// the next thread inside the kernel (a priority-inheritance futex), a hand-over ThreadSanitizer cannot see, so it
/// reports every contended access as a race and hides real ones behind them. ThreadSanitizer intercepts
/// `pthread_mutex_lock` and `pthread_mutex_unlock`, so this lock's ordering is visible to it (Docs/security.md,
/// "Sanitizers").
public final class Locked<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    /// A lock guarding `value`.
    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Runs `body` on the value with the lock held; what `body` returns.
    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
