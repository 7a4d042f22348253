import Foundation
import Testing
import TabellaMonitor

@Suite("Change detectors")
struct StreamDetectorTests {
    @Test("CUSUM finds a step of 2σ a few values after it, and nothing before")
    func cusumStep() {
        var cusum = Cusum(allowance: 0.5, threshold: 5)
        var random = SeededRandom(seed: 7)
        var alarms = [Int]()
        for index in 0..<400 {
            let z = random.normal() * 0.2 + (index >= 300 ? 2 : 0)
            if cusum.observe(z) != nil { alarms.append(index) }
        }
        // (2 − 0.5) per value passes 5 on the fourth value of the step.
        #expect(alarms.first == 303)
        #expect(alarms.allSatisfy { $0 >= 300 })
    }

    @Test("CUSUM reports a fall as down")
    func cusumDown() {
        var cusum = Cusum(allowance: 0.5, threshold: 5)
        var direction: Cusum.Direction?
        for _ in 0..<10 where direction == nil { direction = cusum.observe(-3) }
        #expect(direction == .down)
    }

    @Test("a constant series raises nothing, in CUSUM, Page–Hinkley or the series detector")
    func constant() {
        var cusum = Cusum(allowance: 0.5, threshold: 5)
        var pageHinkley = PageHinkley(delta: 0.1, lambda: 5)
        var series = SeriesAnomalyDetector()
        for _ in 0..<2_000 {
            let change = cusum.observe(0)
            let alarm = pageHinkley.observe(3)
            let score = series.score(42)
            #expect(change == nil)
            #expect(!alarm)
            #expect(score == 0)
        }
    }

    @Test("the series detector scores a day of doubled amplitude in a daily rhythm above every other day")
    func seriesDetectorFindsChangedDay() {
        var detector = SeriesAnomalyDetector()
        var random = SeededRandom(seed: 5)
        let season = detector.season
        let anomalousDay = 10
        var best = (score: 0.0, step: -1)
        for step in 0..<(14 * season) {
            let phase = 2 * Double.pi * Double(step % season) / Double(season)
            let amplitude = step / season == anomalousDay ? 20.0 : 10.0
            let value = 100 + amplitude * sin(phase) + random.normal()
            let score = detector.score(value)
            #expect(score >= 0 && score <= 1)
            if score > best.score { best = (score, step) }
        }
        // The doubled swing shows within the first hours of that day.
        #expect(best.step >= anomalousDay * season)
        #expect(best.step < anomalousDay * season + season / 2)
        #expect(best.score > 0.99)
    }

    @Test("the series detector scores nothing in its first two days")
    func seriesDetectorWarmsUp() {
        var detector = SeriesAnomalyDetector()
        var random = SeededRandom(seed: 6)
        for step in 0..<(2 * detector.season) {
            let value = step == 400 ? 1_000 : random.normal()
            #expect(detector.score(value) == 0)
        }
    }

    @Test("Page–Hinkley alarms after a rise in the mean, not before")
    func pageHinkley() {
        var test = PageHinkley(delta: 0.1, lambda: 10)
        var random = SeededRandom(seed: 3)
        var first: Int?
        for index in 0..<600 {
            if test.observe(random.normal() * 0.5 + (index >= 400 ? 3 : 0)), first == nil { first = index }
        }
        #expect(first.map { $0 >= 400 && $0 < 410 } == true)
    }

    @Test("the regularity test: exponential gaps pass, a timer fails")
    func regularity() {
        var detector = RegularityDetector<Int>(window: 256, zThreshold: 5)
        var random = SeededRandom(seed: 11)
        var time = 0.0
        var poissonScores = [Double]()
        for _ in 0..<2_000 {
            time += random.exponential(rate: 0.5)
            if let z = detector.observe(0, time: time) { poissonScores.append(z) }
        }
        #expect(!poissonScores.contains { detector.isTooRegular($0) })
        var timerScore: Double?
        for step in 0..<300 { timerScore = detector.observe(1, time: Double(step) * 10 + random.uniform()) }
        #expect(timerScore.map { detector.isTooRegular($0) } == true)
    }
}
