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
    static func interleaved(_ operations: [Operation], batches: Int = 7) -> [String: Double] {
        let clock = ContinuousClock()
        var samples = [String: [Double]]()
        for batch in 0...batches {
            for operation in operations {
                let elapsed = clock.measure {
                    for iteration in 0..<operation.iterations { operation.body(iteration) }
                }
                // Batch 0 warms caches and lazily built tables and is not counted.
                if batch > 0 { samples[operation.name, default: []].append(elapsed.microseconds / Double(operation.iterations)) }
            }
        }
        return samples.mapValues { $0.sorted()[$0.count / 2] }
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
