/// Independent units of verification work run on a bounded number of tasks.
enum ParallelUnits {
    /// Runs `units`, at most `jobs` at a time, and returns their results in the units' order; `progress` is told of
    /// each finished unit.
    static func run<Result: Sendable>(_ units: [@Sendable () -> Result], jobs: Int,
                                      progress: (@Sendable (Int, Int) -> Void)?) async -> [Result] {
        var results = [Result?](repeating: nil, count: units.count)
        await withTaskGroup(of: (Int, Result).self) { tasks in
            var next = 0
            var done = 0
            while next < min(jobs, units.count) {
                let index = next
                tasks.addTask { (index, units[index]()) }
                next += 1
            }
            while let (index, result) = await tasks.next() {
                results[index] = result
                done += 1
                progress?(done, units.count)
                if next < units.count {
                    let index = next
                    tasks.addTask { (index, units[index]()) }
                    next += 1
                }
            }
        }
        return results.map { $0! }
    }
}
