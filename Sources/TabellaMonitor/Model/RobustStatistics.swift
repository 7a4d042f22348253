/// Robust location and scale: the median and the median absolute deviation.
public enum RobustStatistics {
    /// The factor that makes the MAD a consistent estimator of a normal standard deviation.
    public static let madToStandardDeviation = 1.4826

    /// The median of `values` (the mean of the middle two for an even count); nil for none.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median absolute deviation from the median; nil for none.
    public static func medianAbsoluteDeviation(_ values: [Double]) -> Double? {
        guard let center = median(values) else { return nil }
        return median(values.map { abs($0 - center) })
    }

    /// Each value's robust z-score `(x − median) / (1.4826 · MAD)`, with the MAD floored at `minimumScale` so
    /// that a set of nearly equal values does not turn rounding into outliers.
    public static func robustZScores(_ values: [Double], minimumScale: Double) -> [Double] {
        guard let center = median(values), let mad = medianAbsoluteDeviation(values) else { return [] }
        let scale = max(mad * madToStandardDeviation, minimumScale)
        return values.map { ($0 - center) / scale }
    }
}
