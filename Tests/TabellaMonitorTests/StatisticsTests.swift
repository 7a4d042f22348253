import Testing
@testable import TabellaMonitor

@Suite("Statistics and concentration")
struct StatisticsTests {
    @Test("Gini: 0 for equal weights, (n − 1)/n when one holds all, 1/3 for 1, 2, 3")
    func gini() {
        #expect(WeightConcentration.gini([5, 5, 5, 5]) == 0)
        #expect(abs(WeightConcentration.gini([0, 0, 0, 10]) - 0.75) < 1e-12)
        // Σ|xi − xj| over ordered pairs = 8, / (2 · 3² · 2) = 2/9.
        #expect(abs(WeightConcentration.gini([1, 2, 3]) - 2.0 / 9) < 1e-12)
        #expect(WeightConcentration.gini([]) == 0)
    }

    @Test("Nakamoto coefficient: the fewest holders of more than half")
    func nakamoto() {
        #expect(WeightConcentration.nakamotoCoefficient([60, 10, 10, 10, 10]) == 1)
        #expect(WeightConcentration.nakamotoCoefficient([50, 10, 10, 10, 10, 10]) == 2)
        #expect(WeightConcentration.nakamotoCoefficient([UInt64](repeating: 1, count: 100)) == 51)
        #expect(WeightConcentration.nakamotoCoefficient([]) == 0)
    }

    @Test("top 1 % share")
    func topShare() {
        var weights = [UInt64](repeating: 1, count: 199)
        weights.append(801)
        // 200 voters: the top 1 % is 2 voters, 801 + 1 of 1000.
        #expect(abs(WeightConcentration.topShare(weights) - 0.802) < 1e-12)
    }

    @Test("Poisson and negative-binomial tails against known values")
    func tails() {
        // P(X ≥ 10) for Poisson(3) = 0.0011025; P(X ≥ 1) for Poisson(1) = 1 − e⁻¹.
        #expect(abs(Distributions.upperTail(10, mean: 3, size: .infinity) - 0.0011025) < 1e-6)
        #expect(abs(Distributions.upperTail(1, mean: 1, size: .infinity) - 0.6321206) < 1e-6)
        // Negative binomial of size 1 is geometric: P(X ≥ k) = (μ/(1+μ))^k.
        #expect(abs(Distributions.upperTail(4, mean: 2, size: 1) - 0.1975309) < 1e-6)
        let critical = Distributions.upperCriticalCount(alpha: 1e-3, mean: 3, size: .infinity)
        #expect(Distributions.upperTail(critical, mean: 3, size: .infinity) <= 1e-3)
        #expect(Distributions.upperTail(critical - 1, mean: 3, size: .infinity) > 1e-3)
    }

    @Test("normal and chi-squared")
    func continuous() {
        #expect(abs(Distributions.normalCDF(1.959964) - 0.975) < 1e-6)
        #expect(abs(Distributions.normalQuantile(0.95) - 1.6448536) < 1e-6)
        #expect(abs(Distributions.normalQuantile(1e-6) + 4.7534243) < 1e-6)
        // The 5 % critical value of chi-squared with 9 degrees of freedom is 16.919.
        #expect(abs(Distributions.chiSquaredUpperTail(16.918978, degrees: 9) - 0.05) < 1e-6)
        #expect(abs(Distributions.chiSquaredUpperTail(2, degrees: 2) - 0.3678794) < 1e-6)
    }

    @Test("median, MAD and robust z-scores")
    func robust() {
        #expect(RobustStatistics.median([3, 1, 2]) == 2)
        #expect(RobustStatistics.median([4, 1, 3, 2]) == 2.5)
        #expect(RobustStatistics.medianAbsoluteDeviation([1, 2, 3, 4, 100]) == 1)
        let scores = RobustStatistics.robustZScores([1, 2, 3, 4, 100], minimumScale: 0.1)
        #expect(scores[4] > 60)
        #expect(abs(scores[2]) < 1e-12)
        #expect(RobustStatistics.median([]) == nil)
    }
}

@Suite("Rolling median and MAD")
struct RollingRobustScaleTests {
    @Test("equal to the batch median and MAD of the last values, for odd and even counts")
    func matchesBatch() {
        var random = SeededRandom(seed: 4)
        for capacity in [1, 2, 7, 8, 33] {
            var rolling = RollingRobustScale(capacity: capacity)
            var all = [Double]()
            for _ in 0..<200 {
                let value = (random.uniform() * 20).rounded()
                rolling.add(value)
                all.append(value)
                let window = Array(all.suffix(capacity))
                #expect(rolling.median == RobustStatistics.median(window))
                #expect(rolling.medianAbsoluteDeviation == RobustStatistics.medianAbsoluteDeviation(window))
            }
        }
    }

    @Test("ranks and the largest value agree with the last values")
    func ranksMatchBatch() {
        var random = SeededRandom(seed: 9)
        var rolling = RollingRobustScale(capacity: 13)
        var all = [Double]()
        #expect(rolling.largest == nil)
        for _ in 0..<150 {
            let value = (random.uniform() * 10).rounded()
            rolling.add(value)
            all.append(value)
            let window = all.suffix(13)
            #expect(rolling.largest == window.max())
            for probe in [-1.0, 0, 3, 3.5, 10, 11] {
                #expect(rolling.count(atLeast: probe) == window.filter { $0 >= probe }.count)
            }
        }
    }
}

@Suite("Sliding mean")
struct SlidingMeanTests {
    @Test("the mean of the last values, of all of them before the window fills, and 0 when empty")
    func matchesBatch() {
        var mean = SlidingMean(capacity: 5)
        #expect(mean.mean == 0)
        var all = [Double]()
        for value in [4.0, 8, 1, 0, 7, 3, 3, 9, 2] {
            mean.add(value)
            all.append(value)
            let window = all.suffix(5)
            #expect(abs(mean.mean - window.reduce(0, +) / Double(window.count)) < 1e-12)
        }
    }
}
