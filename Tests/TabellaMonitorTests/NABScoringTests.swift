import Foundation
import Testing
import TabellaMonitor
import TabellaTestSupport

@Suite("NAB standard-profile scoring")
struct NABScoringTests {
    /// 100 rows (15 probationary), windows at rows 50...59 and 80...89.
    let series = NABScoring.LabelledSeries(name: "hand", rows: 100, windows: [50...59, 80...89])

    @Test("the scaled sigmoid: 1 − ε at a window's left edge, 0 at its right, −1 far past it")
    func sigmoid() {
        #expect(abs(NABScoring.scaledSigmoid(-1) - 0.986614) < 1e-6)
        #expect(NABScoring.scaledSigmoid(0) == 0)
        #expect(NABScoring.scaledSigmoid(3.5) == -1)
        #expect(NABScoring.probationaryLength(rows: 100) == 15)
        #expect(NABScoring.probationaryLength(rows: 15_000) == 750)
    }

    @Test("a hand-computed case: one early detection, one false positive after a window, one before any")
    func handCase() {
        // Row 52 in the first window: σ(−8/10) / σ(−1) = 0.977107; row 70 after it: 0.11 · σ(11/9) = −0.109513;
        // row 30 before any window: −0.11; row 10 is probationary; the second window is missed: −1.
        let raw = NABScoring.rawScore(series, detections: [10, 30, 52, 55, 70], profile: .standard)
        #expect(abs(raw - (0.7575937 - 1)) < 1e-6)
        let normalized = NABScoring.normalized(raw: raw, corpus: [series], profile: .standard)
        #expect(abs(normalized - 43.939843) < 1e-5)
    }

    @Test("the null detector scores 0 and the perfect one 100")
    func bounds() {
        let null = NABScoring.rawScore(series, detections: [], profile: .standard)
        let perfect = NABScoring.rawScore(series, detections: [50, 80], profile: .standard)
        #expect(NABScoring.normalized(raw: null, corpus: [series], profile: .standard) == 0)
        #expect(abs(NABScoring.normalized(raw: perfect, corpus: [series], profile: .standard) - 100) < 1e-9)
    }

    @Test("the optimised threshold finds the score that keeps only the true detections")
    func optimize() {
        var scores = [Double](repeating: 0.1, count: 100)
        scores[30] = 0.5  // a false positive, weaker than both true detections
        scores[52] = 0.9
        scores[81] = 0.7
        let (threshold, raw) = NABScoring.optimize([(series, scores)], profile: .standard)
        #expect(threshold == 0.7)
        let expected = NABScoring.rawScore(series, detections: [52, 81], profile: .standard)
        #expect(abs(raw - expected) < 1e-12)
    }

    @Test("the NAB copy loads: 16 series, windows as row ranges")
    func corpus() throws {
        let corpus = try NABCorpus(directory: VectorFiles.url("nab"), prefixes: ["artificialWithAnomaly/", "realTweets/"])
        #expect(corpus.series.count == 16)
        let jumps = try #require(corpus.series.first { $0.labelled.name.hasSuffix("art_daily_jumpsup.csv") })
        #expect(jumps.values.count == 4032)
        #expect(jumps.labelled.windows.count == 1)
    }

    @Test("a malformed series file is refused with its row named")
    func malformed() throws {
        let folder = ScratchDirectory.make("nab")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("labels"),
                                                withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("data/x"),
                                                withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"x/a.csv": []}"#.utf8).write(to: folder.appendingPathComponent("labels/combined_windows.json"))
        try Data("timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 00:05:00,abc\n".utf8)
            .write(to: folder.appendingPathComponent("data/x/a.csv"))
        #expect { try NABCorpus(directory: folder) } throws: { error in
            (error as? MonitorError)?.message.contains("row 2") == true
        }
    }
}
