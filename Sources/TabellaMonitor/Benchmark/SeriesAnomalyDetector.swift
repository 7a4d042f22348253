/// A streaming anomaly detector for one numeric series sampled at a fixed step (the NAB series): each value gets
/// a score in [0, 1] from what came before it only.
///
/// The value's residual from the median of the same time on up to seven earlier days is scored as a robust
/// z-score against the residuals of the last `window` steps (their median and MAD). The MAD is floored at a tenth
/// of the series' typical spread, the mean distance of a value from its trailing median over the last `spread`
/// steps, so that a series that is mostly one value (counts that are mostly 0) does not turn every small step into
/// an extreme. Two features follow from the z-scores: their mean size over the last 2 steps (spikes, jumps) and
/// over the last 144 (a changed rhythm: denser spikes, a flat or shifted day). Each feature is judged by its
/// empirical tail against its own last `memory` values, `1 − (k + 1)/(n + 2)` for k earlier values at or above
/// it, and a new record by how far it passes the old one, `1 − 1/((N + 2) · x/max)` with N at least `memory`;
/// the score is the larger of the two. A score is kept only when it beats every score of the last `holdOff`
/// steps, so that one anomaly raises one detection, not a run. Assumes a daily `season` (288 five-minute steps).
/// Method and measured score: Docs/monitor.md, "NAB".
public struct SeriesAnomalyDetector: Sendable {
    /// The steps of the trailing window of values and residuals.
    public let window: Int
    /// The steps of one day.
    public let season: Int
    /// The steps after a detection during which only a stronger one counts.
    public let holdOff: Int
    /// The earlier feature values each feature is judged against.
    public let memory: Int
    /// The steps over which the series' typical spread is averaged.
    public let spread: Int
    /// The steps each feature averages the z-scores' sizes over.
    public static let featureSpans = [2, 144]
    private var values: [Double] = []
    private var levels: RollingRobustScale
    private var residuals: RollingRobustScale
    private var deviations: SlidingMean
    private var features: [SlidingMean]
    private var tails: [RollingRobustScale]
    private var recentScores: [Double] = []
    private var steps = 0

    /// A detector with the given steps.
    public init(window: Int = 576, season: Int = 288, holdOff: Int = 288, memory: Int = 4_000,
                spread: Int = 2_016)
    {
        self.window = window
        self.season = season
        self.holdOff = holdOff
        self.memory = memory
        self.spread = spread
        levels = RollingRobustScale(capacity: window)
        residuals = RollingRobustScale(capacity: window)
        deviations = SlidingMean(capacity: spread)
        features = Self.featureSpans.map { SlidingMean(capacity: $0) }
        tails = Self.featureSpans.map { _ in RollingRobustScale(capacity: memory) }
    }

    /// The score of the next value.
    public mutating func score(_ value: Double) -> Double {
        steps += 1
        if levels.count >= 16 { deviations.add(abs(value - levels.median)) }
        levels.add(value)
        var z = 0.0
        if values.count >= season {
            let earlier = stride(from: values.count - season, through: 0, by: -season).map { values[$0] }
            let residual = value - RobustStatistics.median(earlier)!
            z = robustZ(residual)
            residuals.add(residual)
        }
        values.append(value)
        if values.count > 7 * season { values.removeFirst() }
        var score = 0.0
        for index in features.indices {
            features[index].add(abs(z))
            let feature = features[index].mean
            score = max(score, tail(of: feature, in: tails[index]))
            tails[index].add(feature)
        }
        let beaten = recentScores.max() ?? 0
        recentScores.append(score)
        if recentScores.count > holdOff { recentScores.removeFirst() }
        guard steps > 2 * season, score > beaten else { return 0 }
        return score
    }

    /// The empirical tail score of `feature` against `history` (the type's description); 0 for a history
    /// shorter than 100 or a feature of 0.
    private func tail(of feature: Double, in history: RollingRobustScale) -> Double {
        guard history.count >= 100, feature > 0, let largest = history.largest else { return 0 }
        let above = history.count(atLeast: feature)
        if above > 0 { return 1 - Double(above + 1) / Double(history.count + 2) }
        let effective = Double(max(history.count, memory) + 2)
        return 1 - 1 / (effective * feature / max(largest, .leastNormalMagnitude))
    }

    /// The robust z-score of `residual` against the trailing residuals, the scale floored at a tenth of the
    /// series' typical spread.
    private func robustZ(_ residual: Double) -> Double {
        guard residuals.count >= 16 else { return 0 }
        let scale = max(residuals.medianAbsoluteDeviation * RobustStatistics.madToStandardDeviation,
                        0.1 * deviations.mean, 1e-9)
        return (residual - residuals.median) / scale
    }
}
