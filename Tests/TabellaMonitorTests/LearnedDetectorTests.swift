import Foundation
import Testing
@testable import TabellaMonitor

@Suite("The learned detector")
struct LearnedDetectorTests {
    /// Rows of two features, the label `x0 > 0.6` flipped for 5 % of rows, the second feature noise.
    private func noisyThreshold(count: Int, seed: UInt64) -> (rows: [[Double]], labels: [Bool]) {
        var random = SeededRandom(seed: seed)
        var rows = [[Double]](), labels = [Bool]()
        for _ in 0..<count {
            let row = [random.uniform(), random.uniform()]
            rows.append(row)
            labels.append((row[0] > 0.6) != (random.uniform() < 0.05))
        }
        return (rows, labels)
    }

    @Test("boosting learns a threshold on the informative feature and classifies unseen rows")
    func learnsThreshold() throws {
        let train = noisyThreshold(count: 4_000, seed: 1)
        let model = try BoostedStumps(rows: train.rows, labels: train.labels)
        let test = noisyThreshold(count: 2_000, seed: 2)
        let correct = zip(test.rows, test.labels).count { row, label in (model.probability(row) > 0.5) == label }
        // The labels' own noise caps the accuracy at 0.95.
        #expect(Double(correct) / 2_000 > 0.92)
        let first = try #require(model.stumps.first)
        #expect(first.feature == 0)
        #expect(abs(first.threshold - 0.6) < 0.05)
        #expect(first.above > 0 && first.below < 0)
        #expect(model.probability([0.9, 0.5]) > 0.8)
        #expect(model.probability([0.1, 0.5]) < 0.2)
    }

    @Test("boosting is deterministic")
    func deterministic() throws {
        let train = noisyThreshold(count: 1_000, seed: 3)
        #expect(try BoostedStumps(rows: train.rows, labels: train.labels)
            == BoostedStumps(rows: train.rows, labels: train.labels))
    }

    @Test("boosting refuses no rows, ragged rows, miscounted labels and a single class, naming the fault")
    func refusesBadTrainingData() {
        func message(_ body: () throws(MonitorError) -> BoostedStumps) -> String? {
            do { _ = try body(); return nil } catch { return error.message }
        }
        #expect(message { () throws(MonitorError) in try BoostedStumps(rows: [], labels: []) }?
            .contains("no rows") == true)
        #expect(message { () throws(MonitorError) in
            try BoostedStumps(rows: [[1, 2], [3]], labels: [true, false]) }?.contains("row 1") == true)
        #expect(message { () throws(MonitorError) in
            try BoostedStumps(rows: [[1], [2]], labels: [true]) }?.contains("1 labels for 2 rows") == true)
        #expect(message { () throws(MonitorError) in
            try BoostedStumps(rows: [[1], [2]], labels: [false, false]) }?.contains("both classes") == true)
        #expect(message { () throws(MonitorError) in
            try BoostedStumps(rows: [[1], [.nan]], labels: [true, false]) }?.contains("row 1") == true)
        for (field, change) in [("rounds", { (t: inout BoostedStumps.Training) in t.rounds = 0 }),
                                ("learningRate", { $0.learningRate = 0 }), ("bins", { $0.bins = 257 }),
                                ("positiveWeight", { $0.positiveWeight = -1 }), ("leafPenalty", { $0.leafPenalty = .nan })]
        {
            var training = BoostedStumps.Training()
            change(&training)
            #expect(message { () throws(MonitorError) in
                try BoostedStumps(rows: [[1], [2]], labels: [true, false], training: training) }?.contains(field) == true)
        }
    }

    @Test("the detector refuses a model over other features and a threshold outside (0, 1], also when decoded")
    func refusesBadDetector() throws {
        let train = noisyThreshold(count: 500, seed: 4)
        let twoFeatures = try BoostedStumps(rows: train.rows, labels: train.labels)
        #expect(throws: MonitorError.self) { try LearnedSlotDetector(model: twoFeatures, threshold: 0.5) }
        let width = SlotFeatures.names.count
        let rows = train.rows.map { $0 + [Double](repeating: 0, count: width - 2) }
        let model = try BoostedStumps(rows: rows, labels: train.labels)
        #expect(throws: MonitorError.self) { try LearnedSlotDetector(model: model, threshold: 0) }
        #expect(throws: MonitorError.self) { try LearnedSlotDetector(model: model, threshold: 1.5) }
        let detector = try LearnedSlotDetector(model: model, threshold: 0.9)
        let json = try JSONEncoder().encode(detector)
        #expect(try JSONDecoder().decode(LearnedSlotDetector.self, from: json) == detector)
        let tampered = String(decoding: json, as: UTF8.self).replacingOccurrences(of: "\"threshold\":0.9",
                                                                                  with: "\"threshold\":7")
        #expect(tampered != String(decoding: json, as: UTF8.self))
        #expect(throws: MonitorError.self) { try JSONDecoder().decode(LearnedSlotDetector.self, from: Data(tampered.utf8)) }
    }

    @Test("slot features: the sums over 3, 6 and 12 slots over their square roots, the CUSUM, the ratio")
    func slotFeatures() {
        var features = SlotFeatures(regions: 2)
        var row = [Double]()
        for z in 1...12 { row = features.close(region: 1, z: Double(z), cusum: 4, count: 9, expected: 4) }
        #expect(row[0] == 12)
        #expect(abs(row[1] - 33 / 3.0.squareRoot()) < 1e-12)
        #expect(abs(row[2] - 57 / 6.0.squareRoot()) < 1e-12)
        #expect(abs(row[3] - 78 / 12.0.squareRoot()) < 1e-12)
        #expect(row[4] == 4)
        #expect(row[5] == 0)
        #expect(abs(row[6] - log(2.0)) < 1e-12)
        // Region 0 has its own history: one slot so far.
        let other = features.close(region: 0, z: 2, cusum: 0, count: 0, expected: 0)
        #expect(other[1] == 2 && other[3] == 2)
    }

    @Test("slot features: a timer's gaps drive the short regularity z far below a Poisson stream's")
    func slotRegularity() {
        var timer = SlotFeatures(regions: 1), poisson = SlotFeatures(regions: 1)
        var random = SeededRandom(seed: 8)
        var time = 0.0
        for step in 0...SlotFeatures.shortGaps {
            timer.observe(region: 0, time: Double(step) * 10)
            time += random.exponential(rate: 0.1)
            poisson.observe(region: 0, time: time)
        }
        let regular = timer.close(region: 0, z: 0, cusum: 0, count: 1, expected: 1)[5]
        let natural = poisson.close(region: 0, z: 0, cusum: 0, count: 1, expected: 1)[5]
        // A variance of 0 over 64 gaps is −1 / √(2/63 + 2.4/64) ≈ −3.8 deviations away.
        #expect(regular < -3.7)
        #expect(abs(natural) < 3)
    }
}

@Suite("The learned detector on synthetic elections")
struct LearnedElectionTests {
    @Test("trained on a few elections, it alerts in the region a 20 % stuffing attack hit, with its evidence; its threshold clears the clean days it was set on")
    func trainedDetectorAlerts() throws {
        let settings = ElectionMonitorTests.settings, profile = ElectionMonitorTests.profile
        let model = try LearnedEvaluation.train(seeds: [700, 701], profile: profile, configuration: .init(),
                                                settings: settings)
        #expect(model.stumps.count == BoostedStumps.Training().rounds)
        let cleanSeeds: [UInt64] = [710, 711, 712]
        let threshold = try LearnedEvaluation.threshold(for: model, cleanSeeds: cleanSeeds, alertDays: 0,
                                                        profile: profile, configuration: .init(), settings: settings)
        for seed in cleanSeeds {
            let rows = try LearnedEvaluation.rows(SyntheticElection(seed: seed, settings: settings), profile: profile,
                                                  configuration: .init())
            #expect(rows.labels.allSatisfy { !$0 })
            #expect(rows.features.allSatisfy { model.probability($0) < threshold })
        }
        for share in [-0.1, 1.0] {
            #expect(throws: MonitorError.self) {
                try LearnedEvaluation.threshold(for: model, cleanSeeds: cleanSeeds, alertDays: share, profile: profile,
                                                configuration: .init(), settings: settings)
            }
        }
        var configuration = MonitorConfiguration()
        configuration.learned = try LearnedSlotDetector(model: model, threshold: threshold)
        let election = SyntheticElection(seed: 720, attack: .stuffing20, settings: settings)
        let truth = try #require(election.truth)
        let learned = try SyntheticEvaluation.alerts(election, profile: profile, configuration: configuration)
            .filter { $0.detector == .learned }
        let hit = try #require(learned.first { SyntheticEvaluation.matches($0, truth) })
        #expect(hit.subject.regions == truth.regions)
        #expect(hit.evidence.map(\.name) == ["probability", "threshold"] + SlotFeatures.names)
        #expect(hit.evidence[0].value >= threshold)
    }
}
