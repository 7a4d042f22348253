/// A CUSUM per region on its standardised slot counts: finds a sustained rise (a turnout spike, stuffing spread
/// thinly over hours) that no single slot reveals.
///
/// Assumes slot counts independent given the region's rate; a rate learned too low early in the day shows up as
/// a slow drift, which the allowance absorbs.
public struct RegionShiftDetector: Sendable {
    private var cusums: [Cusum]

    /// One CUSUM per region.
    public init(regions: Int, allowance: Double, threshold: Double) {
        cusums = [Cusum](repeating: Cusum(allowance: allowance, threshold: threshold), count: regions)
    }

    /// True while the region's upward sum is past half its threshold: its slots should not teach its rate, or a
    /// slow rise would become the baseline before it is found.
    func isRising(_ region: Int) -> Bool {
        cusums[region].upper > cusums[region].threshold / 2
    }

    /// The region's upward sum.
    func upperSum(_ region: Int) -> Double { cusums[region].upper }

    /// The alert, if the region's closed slot, `count` ballots where `expected` were, standardised to `z`,
    /// tipped its CUSUM upwards.
    mutating func close(region: Int, count: Int, expected: Double, z: Double, time: Double,
                        regionName: String) -> MonitorAlert? {
        guard cusums[region].observe(z) == .up else { return nil }
        return MonitorAlert(
            severity: .warning, detector: .cusum, subject: .init(regions: [regionName]), time: time,
            evidence: [.init("observed", Double(count)), .init("expected", expected), .init("z", z),
                       .init("threshold", cusums[region].threshold)],
            explanation: """
                Region \(regionName) has received more ballots than its usual rate predicts for several slots in \
                a row (last slot: \(count) where about \(Int(expected.rounded())) were expected). A sustained \
                rise is what a turnout drive looks like, and also what stuffing spread over time looks like.
                """)
    }
}

/// The Page–Hinkley test on the whole election's standardised slot counts: a rise of the total rate that every
/// region shares, which the per-region tests, each against its own rate, see only weakly.
public struct StreamShiftDetector: Sendable {
    private var test: PageHinkley

    /// A test with tolerance `delta` and threshold `lambda`.
    public init(delta: Double, lambda: Double) {
        test = PageHinkley(delta: delta, lambda: lambda)
    }

    /// The alert, if the closed slot's total tipped the test.
    mutating func close(count: Int, expected: Double, deviation: Double, time: Double) -> MonitorAlert? {
        let z = (Double(count) - expected) / deviation
        let statistic = test.statistic
        guard test.observe(z) else { return nil }
        return MonitorAlert(
            severity: .warning, detector: .pageHinkley, subject: .init(), time: time,
            evidence: [.init("observed", Double(count)), .init("expected", expected), .init("z", z),
                       .init("statistic", statistic), .init("threshold", test.lambda)],
            explanation: """
                The election as a whole is receiving ballots faster than its own running average for a while \
                (last slot: \(count) where about \(Int(expected.rounded())) were expected). It may be a late rush; \
                it may be automated casting everywhere at once.
                """)
    }
}
