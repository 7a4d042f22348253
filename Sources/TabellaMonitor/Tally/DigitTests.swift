/// Post-tally tests on the published numbers of the regions: integer percentages and last digits.
///
/// Both look for numbers written by hand rather than counted. Both have known false positives, written beside
/// each test, and a small p-value is a reason to look at the regions, never a proof.
public enum DigitTests {
    /// The outcome of a test.
    public struct Outcome: Sendable, Hashable, Codable {
        /// The statistic (a count, or a chi-squared value).
        public let statistic: Double
        /// Its expectation under the clean hypothesis.
        public let expected: Double
        /// The probability of a statistic at least this large by chance.
        public let pValue: Double
        /// The number of values tested.
        public let tested: Int
    }

    /// Counts regions whose turnout is a whole percentage (`100 · cast / eligible` an integer), against the
    /// expectation that counts are not chosen: a region of `n` voters can show `gcd(100, n) + 1` whole
    /// percentages among its `n + 1` possible counts (Kobak, Shpilkin and Pshenichnikov's test, 2016).
    ///
    /// Caveat: small regions reach whole percentages often by chance (a region of 50 voters, every second
    /// count), so the test is informative only over many regions of a few hundred voters or more; the p-value
    /// uses a Poisson approximation to the sum of the regions' chances.
    public static func integerPercentages(_ results: [RegionResult]) -> Outcome {
        var observed = 0
        var expected = 0.0
        for result in results {
            if (result.cast * 100) % result.eligible == 0 { observed += 1 }
            expected += Double(gcd(100, result.eligible) + 1) / Double(result.eligible + 1)
        }
        return Outcome(statistic: Double(observed), expected: expected,
                       pValue: Distributions.upperTail(observed, mean: max(expected, 1e-9), size: .infinity),
                       tested: results.count)
    }

    /// A chi-squared test (9 degrees of freedom) that the last digits of the regions' counts (cast, and every
    /// option's votes) of at least `minimum` are uniform (Beber and Scacco, 2012).
    ///
    /// Caveat: last digits are close to uniform only for counts of a hundred or more; the test needs dozens of
    /// counts to mean anything; and honest rounding or reporting rules (counts published in tens) fail it.
    public static func lastDigits(_ results: [RegionResult], minimum: Int = 100) -> Outcome {
        var digits = [Int](repeating: 0, count: 10)
        for result in results {
            for count in [result.cast] + result.votes where count >= minimum { digits[count % 10] += 1 }
        }
        let tested = digits.reduce(0, +)
        let expected = Double(tested) / 10
        let statistic = tested == 0 ? 0 : digits.reduce(0.0) {
            $0 + (Double($1) - expected) * (Double($1) - expected) / expected
        }
        return Outcome(statistic: statistic, expected: 9,
                       pValue: tested == 0 ? 1 : Distributions.chiSquaredUpperTail(statistic, degrees: 9),
                       tested: tested)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
