/// A streaming anomaly detector for one numeric series sampled at a fixed step (the NAB series): each value gets
/// a score in [0, 1] from what came before it only.
///
/// Two robust z-scores, the larger one counting: the value against the median and MAD of the last `window`
/// values (spikes, level shifts), and the value's residual from the median of the same time on earlier days
/// against the residuals' own median and MAD (a broken daily pattern, a flat day). That raw score is then judged
/// against the series' own history of raw scores, as a likelihood: the mean of the last few raw scores against
/// the mean and deviation of the last `memory`, so that a noisy series and a smooth one share one threshold. A
/// score is kept only when it beats every score of the last `holdOff` steps, so that one anomaly raises one
/// detection, not a run. Assumes a daily `season` (288 five-minute steps); a series without one merely leaves
/// the second score uninformative.
public struct SeriesAnomalyDetector: Sendable {
    /// The steps of the trailing window.
    public let window: Int
    /// The steps of one day.
    public let season: Int
    /// The steps after a detection during which only a stronger one counts.
    public let holdOff: Int
    /// The raw scores the likelihood judges against.
    public let memory: Int
    /// The raw scores averaged into the current one.
    public let recent: Int
    private var values: [Double] = []
    private var levels: RollingRobustScale
    private var residuals: RollingRobustScale
    private var history: [Double] = []
    private var recentScores: [Double] = []

    /// A detector with the given steps.
    public init(window: Int = 576, season: Int = 288, holdOff: Int = 288, memory: Int = 2_000, recent: Int = 3) {
        self.window = window
        self.season = season
        self.holdOff = holdOff
        self.memory = memory
        self.recent = recent
        levels = RollingRobustScale(capacity: window)
        residuals = RollingRobustScale(capacity: window)
    }

    /// The score of the next value.
    public mutating func score(_ value: Double) -> Double {
        let level = robustZ(value, of: levels)
        levels.add(value)
        var seasonal = 0.0
        if values.count >= season {
            let earlier = stride(from: values.count - season, through: max(0, values.count - 7 * season),
                                 by: -season).map { values[$0] }
            let residual = value - RobustStatistics.median(earlier)!
            seasonal = robustZ(residual, of: residuals)
            residuals.add(residual)
        }
        values.append(value)
        history.append(max(abs(level), abs(seasonal)))
        if history.count > memory { history.removeFirst() }
        let score = likelihood()
        let beaten = recentScores.max() ?? 0
        recentScores.append(score)
        if recentScores.count > holdOff { recentScores.removeFirst() }
        guard values.count > 2 * season, score > beaten else { return 0 }
        return score
    }

    /// `1 − P(Z > z)` of the mean of the last `recent` raw scores against the mean and deviation of the history,
    /// on a log scale mapped into [0, 1]: `min(1, −log₁₀ P / 12)`; 0 at or below the mean.
    private func likelihood() -> Double {
        guard history.count >= 100 else { return 0 }
        let mean = history.reduce(0, +) / Double(history.count)
        let variance = history.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(history.count - 1)
        let current = history.suffix(recent).reduce(0, +) / Double(min(recent, history.count))
        let z = (current - mean) / max(variance.squareRoot(), 1e-6)
        guard z > 0 else { return 0 }
        let tail = Distributions.normalCDF(-z)
        return min(1, -Double.log10(max(tail, 1e-300)) / 12)
    }

    /// The robust z-score of `value` against `history`, with the scale floored at a small fraction of the level
    /// so that a perfectly flat history does not divide by zero.
    private func robustZ(_ value: Double, of history: RollingRobustScale) -> Double {
        guard history.count >= 16 else { return 0 }
        let center = history.median, mad = history.medianAbsoluteDeviation
        let floor = max(1e-6, 0.01 * abs(center))
        return (value - center) / max(mad * RobustStatistics.madToStandardDeviation, floor)
    }
}
