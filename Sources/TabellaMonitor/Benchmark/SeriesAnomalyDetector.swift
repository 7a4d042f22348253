/// A streaming anomaly detector for one numeric series sampled at a fixed step (the NAB series): each value gets
/// a score in [0, 1] from what came before it only.
///
/// Two robust z-scores, the larger one counting: the value against the median and MAD of the last `window`
/// values (spikes, level shifts), and the value's residual from the median of the same time on earlier days
/// against the residuals' own median and MAD (a broken daily pattern, a flat day). A score is kept only when it
/// beats every raw score of the last `holdOff` steps, so that one anomaly raises one detection, not a run. Assumes
/// a daily `season` (288 five-minute steps); a series without one merely leaves the second score uninformative.
public struct SeriesAnomalyDetector: Sendable {
    /// The steps of the trailing window.
    public let window: Int
    /// The steps of one day.
    public let season: Int
    /// The steps after a detection during which only a stronger one counts.
    public let holdOff: Int
    /// The z-score that maps to a score of 1.
    public let scale: Double
    private var values: [Double] = []
    private var levels: RollingRobustScale
    private var residuals: RollingRobustScale
    private var recentRaw: [Double] = []

    /// A detector with the given steps.
    public init(window: Int = 576, season: Int = 288, holdOff: Int = 288, scale: Double = 40) {
        self.window = window
        self.season = season
        self.holdOff = holdOff
        self.scale = scale
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
        let raw = max(abs(level), abs(seasonal))
        let beaten = recentRaw.max() ?? 0
        recentRaw.append(raw)
        if recentRaw.count > holdOff { recentRaw.removeFirst() }
        guard values.count > 2 * season, raw > beaten else { return 0 }
        return min(1, raw / scale)
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
