import Testing
import TabellaMonitor

@Suite("Post-tally tests")
struct PostTallyTests {
    @Test("the fingerprint bins regions by turnout and winner's share, weighted by voters")
    func fingerprint() throws {
        let results = [
            try RegionResult(region: "A", eligible: 1_000, cast: 500, votes: [300, 200]),
            try RegionResult(region: "B", eligible: 1_000, cast: 1_000, votes: [1_000, 0]),
        ]
        let fingerprint = try ElectionFingerprint(results: results, bins: 10)
        #expect(fingerprint.winner == 0)
        #expect(fingerprint.cells[5][6] == 500)
        #expect(fingerprint.cells[9][9] == 1_000)
        #expect(fingerprint.cells.joined().reduce(0, +) == 1_500)
    }

    @Test("integer percentages: chosen round turnouts stand out, counted ones do not")
    func integerPercentages() throws {
        // Turnouts of exactly 70 %: each region of 2,000 to 7,900 voters reaches a whole percentage by chance
        // with probability 101 / (n + 1), at most 5 %.
        let fabricated = try (0..<60).map { index in
            try RegionResult(region: "F\(index)", eligible: 2_000 + index * 100, cast: (2_000 + index * 100) * 7 / 10,
                             votes: [10])
        }
        let outcome = DigitTests.integerPercentages(fabricated)
        #expect(outcome.statistic == Double(fabricated.count))
        #expect(outcome.pValue < 1e-6)
        var random = SeededRandom(seed: 5)
        let counted = try (0..<60).map { index in
            let eligible = 1_237 + index * 100
            return try RegionResult(region: "C\(index)", eligible: eligible,
                                    cast: Int(Double(eligible) * (0.5 + 0.3 * random.uniform())), votes: [10])
        }
        #expect(DigitTests.integerPercentages(counted).pValue > 0.01)
    }

    @Test("last digits: uniform digits pass, counts ending in 0 or 5 fail")
    func lastDigits() throws {
        var random = SeededRandom(seed: 6)
        let counted = try (0..<100).map { index in
            try RegionResult(region: "\(index)", eligible: 10_000, cast: 5_000 + Int(random.uniform() * 3_000),
                             votes: [1_000 + Int(random.uniform() * 2_000), 500 + Int(random.uniform() * 2_000)])
        }
        #expect(DigitTests.lastDigits(counted).pValue > 0.001)
        let rounded = try (0..<100).map { index in
            try RegionResult(region: "\(index)", eligible: 10_000, cast: 5_000 + 5 * index, votes: [1_000 + 10 * index])
        }
        #expect(DigitTests.lastDigits(rounded).pValue < 1e-10)
    }

    @Test("a result with more votes than voters is refused")
    func invalid() {
        #expect(throws: MonitorError.self) { try RegionResult(region: "X", eligible: 10, cast: 5, votes: [6]) }
        #expect(throws: MonitorError.self) { try RegionResult(region: "X", eligible: 10, cast: 11, votes: [1]) }
    }
}
