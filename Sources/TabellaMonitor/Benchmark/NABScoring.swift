import RealModule

/// The Numenta Anomaly Benchmark's scoring, as NAB defines it (its `sweeper`, `scorer` and `normalize` steps):
/// anomaly windows, the scaled sigmoid that rewards early detection and charges false positives by their distance
/// from the last window, the first 15 % of each file left unscored (the probationary period), the threshold chosen
/// over the whole corpus, and the normalisation between the null detector (0) and the perfect one (100).
public enum NABScoring {
    /// A cost profile (NAB's `config/profiles.json`).
    public struct Profile: Sendable, Hashable, Codable {
        /// The weight of a true positive.
        public let truePositive: Double
        /// The cost of a missed window.
        public let falseNegative: Double
        /// The cost of a false positive.
        public let falsePositive: Double

        /// A profile.
        public init(truePositive: Double, falseNegative: Double, falsePositive: Double) {
            self.truePositive = truePositive
            self.falseNegative = falseNegative
            self.falsePositive = falsePositive
        }

        /// NAB's standard profile.
        public static let standard = Profile(truePositive: 1, falseNegative: 1, falsePositive: 0.11)
    }

    /// One labelled series: its length and its anomaly windows, as inclusive row ranges in time order.
    public struct LabelledSeries: Sendable, Hashable {
        /// The series' name (its path in NAB's data folder).
        public let name: String
        /// Its number of rows.
        public let rows: Int
        /// Its windows.
        public let windows: [ClosedRange<Int>]

        /// A series.
        public init(name: String, rows: Int, windows: [ClosedRange<Int>]) {
            self.name = name
            self.rows = rows
            self.windows = windows
        }
    }

    /// `2 / (1 + e^(5x)) − 1`, and −1 beyond 3: NAB's weighting of a detection at relative position `x` (−1 at a
    /// window's left edge, 0 at its right edge, positive past it).
    public static func scaledSigmoid(_ x: Double) -> Double {
        x > 3 ? -1 : 2 / (1 + Double.exp(5 * x)) - 1
    }

    /// The rows NAB leaves unscored at the start of a file: `min(⌊0.15 · rows⌋, 0.15 · 5000)`.
    public static func probationaryLength(rows: Int) -> Int {
        min(Int((0.15 * Double(rows)).rounded(.down)), 750)
    }

    /// Each row's score were it a detection: inside a window, `tp · σ(−(right − i + 1)/width) / σ(−1)`; outside,
    /// `fp · σ(|i − previous right| / (previous width − 1))`, or `−fp` before any window. Also the window index of
    /// each row (nil outside), and whether the row is probationary.
    public static func sweep(_ series: LabelledSeries, profile: Profile)
        -> [(score: Double, window: Int?, probationary: Bool)]
    {
        let maxTruePositive = scaledSigmoid(-1)
        let probation = probationaryLength(rows: series.rows)
        var rows = [(score: Double, window: Int?, probationary: Bool)]()
        rows.reserveCapacity(series.rows)
        var windowIndex = 0
        var previous: (right: Int, width: Double)?
        for row in 0..<series.rows {
            while windowIndex < series.windows.count, series.windows[windowIndex].upperBound < row {
                let window = series.windows[windowIndex]
                previous = (window.upperBound, Double(window.count))
                windowIndex += 1
            }
            let score: Double
            var inside: Int?
            if windowIndex < series.windows.count, series.windows[windowIndex].contains(row) {
                let window = series.windows[windowIndex]
                let position = -Double(window.upperBound - row + 1) / Double(window.count)
                score = scaledSigmoid(position) * profile.truePositive / maxTruePositive
                inside = windowIndex
            } else if let previous {
                score = scaledSigmoid(Double(abs(previous.right - row)) / (previous.width - 1)) * profile.falsePositive
            } else {
                score = -profile.falsePositive
            }
            rows.append((score, inside, row < probation))
        }
        return rows
    }

    /// The score of one series with detections at `detections` (row indices): the best detection in each window,
    /// `−fn` for each window without one, plus every detection outside the windows.
    public static func rawScore(_ series: LabelledSeries, detections: [Int], profile: Profile) -> Double {
        let rows = sweep(series, profile: profile)
        var best = [Double?](repeating: nil, count: series.windows.count)
        var total = 0.0
        for row in detections where !rows[row].probationary {
            if let window = rows[row].window {
                best[window] = max(best[window] ?? -.infinity, rows[row].score)
            } else {
                total += rows[row].score
            }
        }
        return total + best.reduce(0) { $0 + ($1 ?? -profile.falseNegative) }
    }

    /// The threshold that maximises the corpus' total raw score when a detection is an anomaly score at or above
    /// it, and that total. Searches every distinct score (NAB climbs from 0.5 by a local search, which can only
    /// find this optimum or a lower one).
    public static func optimize(_ corpus: [(series: LabelledSeries, scores: [Double])], profile: Profile)
        -> (threshold: Double, raw: Double)
    {
        var points = [(value: Double, file: Int, window: Int?, score: Double)]()
        var total = 0.0
        var best = [[Double?]]()
        for (file, entry) in corpus.enumerated() {
            let rows = sweep(entry.series, profile: profile)
            for (row, info) in rows.enumerated() where !info.probationary {
                points.append((entry.scores[row], file, info.window, info.score))
            }
            best.append([Double?](repeating: nil, count: entry.series.windows.count))
            total -= Double(entry.series.windows.count) * profile.falseNegative
        }
        points.sort { $0.value > $1.value }
        var optimum = (threshold: (points.first?.value ?? 0) + 1, raw: total)
        var index = 0
        while index < points.count {
            let value = points[index].value
            while index < points.count, points[index].value == value {
                let point = points[index]
                if let window = point.window {
                    let old = best[point.file][window]
                    if point.score > (old ?? -.infinity) {
                        total += point.score - (old ?? -profile.falseNegative)
                        best[point.file][window] = point.score
                    }
                } else {
                    total += point.score
                }
                index += 1
            }
            if total > optimum.raw { optimum = (value, total) }
        }
        return optimum
    }

    /// The normalised score `100 · (raw − null) / (perfect − null)`: the null detector detects nothing
    /// (`−fn` per window), the perfect one detects each window at its left edge (`tp` per window).
    public static func normalized(raw: Double, corpus: [LabelledSeries], profile: Profile) -> Double {
        let windows = Double(corpus.reduce(0) { $0 + $1.windows.count })
        let null = -windows * profile.falseNegative
        let perfect = windows * profile.truePositive
        return 100 * (raw - null) / (perfect - null)
    }
}
