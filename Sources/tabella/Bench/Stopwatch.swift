import Glibc

/// Times repeated operations: the median, over several batches, of the time per operation.
///
/// Operations compared with each other are timed in alternating batches, so that a change in the machine's load
/// during the run affects them alike.
enum Stopwatch {
    /// An operation to time: its name, the calls per batch, and the call (given the call's index in its batch).
    struct Operation {
        /// The name under which its figure is reported.
        let name: String
        /// Calls per batch.
        let iterations: Int
        /// One call.
        let body: (Int) -> Void
    }

    /// Microseconds per call of each operation, timing them in turn batch after batch, after one warm-up batch each.
    ///
    /// With `threadTime` the calling thread's CPU time is measured instead of the wall time, so that the time the
    /// thread spends preempted by other processes on a busy machine is not counted (the operations must then run
    /// on the calling thread only).
    static func interleaved(_ operations: [Operation], batches: Int = 7, threadTime: Bool = false)
        -> [String: Double]
    {
        var samples = [String: [Double]]()
        for batch in 0...batches {
            for operation in operations {
                let start = threadTime ? threadCPUTime() : wallTime()
                for iteration in 0..<operation.iterations { operation.body(iteration) }
                let elapsed = (threadTime ? threadCPUTime() : wallTime()) - start
                // Batch 0 warms caches and lazily built tables and is not counted.
                if batch > 0 { samples[operation.name, default: []].append(elapsed / Double(operation.iterations)) }
            }
        }
        return samples.mapValues { $0.sorted()[$0.count / 2] }
    }

    /// Microseconds of the calling thread's CPU time that `body` takes (the operation must stay on this thread).
    static func threadMicroseconds<T>(_ body: () throws -> T) rethrows -> (result: T, microseconds: Double) {
        let start = threadCPUTime()
        let result = try body()
        return (result, threadCPUTime() - start)
    }

    /// The monotonic clock, in microseconds.
    private static func wallTime() -> Double { clockTime(CLOCK_MONOTONIC) }

    /// The CPU time the calling thread has used, in microseconds.
    private static func threadCPUTime() -> Double { clockTime(CLOCK_THREAD_CPUTIME_ID) }

    private static func clockTime(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) * 1_000_000 + Double(time.tv_nsec) / 1_000
    }

    /// Microseconds per call of one operation (median of `batches` batches after a warm-up batch).
    static func microsecondsPerOperation(iterations: Int, batches: Int = 5, _ body: @escaping (Int) -> Void) -> Double {
        interleaved([Operation(name: "", iterations: iterations, body: body)], batches: batches)[""]!
    }
}

extension Duration {
    /// The duration in microseconds.
    var microseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }
}
