import Foundation

/// The CPU time this process has used, user and system, in seconds (`getrusage`), to report the CPU cost of an
/// election's phases next to their wall time.
public enum ProcessTime {
    /// CPU seconds used so far by every thread of the process.
    public static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
